package playground

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/examples"
	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// Example is one bundled example as the page offers it.
type Example struct {
	Name       string   `json:"name"`   // the directory in examples/
	Title      string   `json:"title"`  // the first agreement's title
	Files      []File   `json:"files"`  // its .pacta files, by name
	Ledger     string   `json:"ledger"` // ledger.csv (or ledger.jsonl), "" if none
	Action     string   `json:"action"` // an action to decide: the ledger's first one, as JSON
	Agreements []string `json:"agreements"`
}

// File is an agreement source.
type File struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Data is what the page loads as playground.json: the examples, and the
// words it highlights (lang.Keywords and lang.ContextWords, so that the
// highlighting follows the language).
type Data struct {
	Keywords     []string  `json:"keywords"`
	ContextWords []string  `json:"context_words"`
	Examples     []Example `json:"examples"`
}

// LoadData reads the bundled examples (package examples) into Data. An
// example that does not compile is left out: examples/ is tested to
// compile, so that does not happen in a released build.
func LoadData() (*Data, error) {
	d := &Data{Keywords: lang.Keywords(), ContextWords: lang.ContextWords(), Examples: []Example{}}
	dirs, err := fs.ReadDir(examples.FS, ".")
	if err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		if !dir.IsDir() {
			continue
		}
		ex, ok, err := loadExample(dir.Name())
		if err != nil {
			return nil, err
		}
		if ok {
			d.Examples = append(d.Examples, ex)
		}
	}
	return d, nil
}

func loadExample(dir string) (Example, bool, error) {
	ex := Example{Name: dir}
	names, err := fs.Glob(examples.FS, dir+"/*.pacta")
	if err != nil || len(names) == 0 {
		return ex, false, err
	}
	sort.Strings(names)
	srcs := make([]interp.Source, len(names))
	for i, name := range names {
		b, err := fs.ReadFile(examples.FS, name)
		if err != nil {
			return ex, false, err
		}
		// Named as pacta check examples/DIR names them, so that a
		// position reads the same in the page and on the command line.
		ex.Files = append(ex.Files, File{Name: path.Join("examples", name), Text: string(b)})
		srcs[i] = interp.Source{Name: ex.Files[i].Name, Text: b}
	}
	p, err := interp.Compile(srcs)
	if err != nil {
		return ex, false, nil
	}
	ex.Agreements = p.Agreements()
	for _, ai := range p.Info().Agreements {
		if ai.Decl.Title != nil && ai.Decl.Title.Value != "" {
			ex.Title = ai.Decl.Title.Value
			break
		}
	}
	for _, l := range []string{"ledger.csv", "ledger.jsonl"} {
		if b, err := fs.ReadFile(examples.FS, dir+"/"+l); err == nil {
			ex.Ledger = string(b)
			break
		}
	}
	if strings.HasPrefix(ex.Ledger, "action,") {
		ex.Action = firstAction(p, ex.Ledger)
	}
	return ex, true, nil
}

// firstAction is the first row of a CSV ledger that is an action (not an
// event) that can be decided (a precondition may refuse one), as the
// JSON object pacta decide --action reads, with the row's fields in the
// ledger's column order and its empty cells left out; "" if there is
// none.
func firstAction(p *interp.Program, ledger string) string {
	r := csv.NewReader(strings.NewReader(ledger))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) < 2 {
		return ""
	}
	head := rows[0]
	for _, row := range rows[1:] {
		var b strings.Builder
		b.WriteString("{")
		n := 0
		for i, cell := range row {
			if i >= len(head) || cell == "" {
				continue
			}
			if n > 0 {
				b.WriteString(", ")
			}
			n++
			k, _ := json.Marshal(head[i])
			v, _ := json.Marshal(cell)
			b.Write(k)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
		rec, err := p.ParseActionJSON([]byte(b.String()))
		if err != nil || rec.Schema.Event() {
			continue
		}
		if _, err := p.Decide(context.Background(), rec, interp.DecideOptions{}); err == nil {
			return b.String()
		}
	}
	return ""
}
