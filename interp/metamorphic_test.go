package interp_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp/types"

	. "github.com/pacta-lang/pacta/interp"
)

// exampleLedgers lists the example deals that have a ledger.csv.
func exampleLedgers(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob("../examples/*/ledger.csv")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no example ledgers: %v", err)
	}
	for i := range dirs {
		dirs[i] = filepath.Dir(dirs[i])
	}
	return dirs
}

// csvRows reads a CSV ledger with encoding/csv alone: for each row, its
// first line and its non-empty cells by column, trimmed.
type csvRow struct {
	line  int
	cells map[string]string
}

func csvRows(t *testing.T, data []byte) []csvRow {
	t.Helper()
	rows, err := parseRows(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func parseRows(data string) ([]csvRow, error) {
	r := csv.NewReader(strings.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	header = slices.Clone(header)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	var out []csvRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		cells := map[string]string{}
		for i, c := range rec {
			if c = strings.TrimSpace(c); c != "" {
				cells[strings.TrimSpace(header[i])] = c
			}
		}
		out = append(out, csvRow{line, cells})
	}
}

// toJSONL writes the rows as JSON Lines, every value a string, with blank
// lines so that each row keeps its CSV line number.
func toJSONL(t *testing.T, rows []csvRow) []byte {
	t.Helper()
	var b bytes.Buffer
	line := 1
	for _, r := range rows {
		for ; line < r.line; line++ {
			b.WriteByte('\n')
		}
		j, err := json.Marshal(r.cells)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
		line++
	}
	return b.Bytes()
}

// inMemory builds each row with NewAction, not with a ledger reader.
func inMemory(t *testing.T, p *Program, rows []csvRow) iter.Seq2[Event, error] {
	t.Helper()
	var evs []Event
	for _, r := range rows {
		fields := map[string]string{}
		for k, v := range r.cells {
			if k != "action" {
				fields[k] = v
			}
		}
		rec, err := p.NewAction("", r.cells["action"], fields)
		if err != nil {
			t.Fatalf("line %d: %v", r.line, err)
		}
		evs = append(evs, Event{Record: rec, Source: "ledger", Line: r.line})
	}
	return func(yield func(Event, error) bool) {
		for _, ev := range evs {
			if !yield(ev, nil) {
				return
			}
		}
	}
}

// The CSV reader, the JSON Lines reader and an in-memory sequence of the
// same rows settle every example deal to byte-identical statements, in
// text and in JSON; and the text and the JSON of a statement carry the
// same amounts.
func TestReadersAgreeOnExamples(t *testing.T) {
	for _, dir := range exampleLedgers(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			srcs, err := ReadPaths([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			p, err := Compile(srcs)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(dir, "ledger.csv"))
			if err != nil {
				t.Fatal(err)
			}
			rows := csvRows(t, data)
			jsonl := toJSONL(t, rows)
			var texts, jsons []string
			for _, seq := range []iter.Seq2[Event, error]{
				p.ReadCSV("", "ledger", bytes.NewReader(data)),
				p.ReadJSONL("", "ledger", bytes.NewReader(jsonl)),
				inMemory(t, p, rows),
			} {
				st, err := p.Settle(context.Background(), seq, SettleOptions{BreachSample: -1})
				if err != nil {
					t.Fatal(err)
				}
				var tb, jb bytes.Buffer
				if err := st.WriteText(&tb); err != nil {
					t.Fatal(err)
				}
				if err := st.WriteJSON(&jb); err != nil {
					t.Fatal(err)
				}
				texts, jsons = append(texts, tb.String()), append(jsons, jb.String())
			}
			for i, name := range []string{"JSON Lines", "in-memory"} {
				if texts[i+1] != texts[0] {
					t.Errorf("%s text differs from CSV:\n%s\nCSV:\n%s", name, texts[i+1], texts[0])
				}
				if jsons[i+1] != jsons[0] {
					t.Errorf("%s JSON differs from CSV", name)
				}
			}
			textAmounts, jsonAmounts := amountsInText(texts[0]), amountsInJSON(t, jsons[0])
			if len(jsonAmounts) == 0 {
				t.Fatal("no amounts in the statement")
			}
			// The same figures: text prints an amount with at least two
			// decimals and no trailing zeros beyond (21,310.00), JSON with
			// its exact scale (21310.0000).
			if !slices.Equal(normalize(textAmounts), normalize(jsonAmounts)) {
				t.Errorf("amounts differ:\ntext %v\njson %v", textAmounts, jsonAmounts)
			}
		})
	}
}

// moneyText matches an amount as text prints it: USD 1,250.00, EUR -10.00.
var moneyText = regexp.MustCompile(`\b([A-Z]{3}) (-?[0-9][0-9,]*(?:\.[0-9]+)?)`)

// amountsInText lists every amount in a text statement as "CUR digits",
// sorted.
func amountsInText(s string) []string {
	var out []string
	for _, m := range moneyText.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1]+" "+strings.ReplaceAll(m[2], ",", ""))
	}
	slices.Sort(out)
	return out
}

// amountsInJSON lists every amount of a JSON statement, from its amount
// members and from the texts that quote amounts (rates, notes), sorted.
func amountsInJSON(t *testing.T, s string) []string {
	t.Helper()
	var doc struct {
		Periods []struct {
			Lines []struct {
				Base     *string
				Rate     string
				Amount   string
				Currency string
				Notes    []string
			}
			Totals []struct{ Amount, Currency string }
		}
		Overdue []struct {
			Amount, Outstanding, Currency string
			LateCharge                    string `json:"late_charge"`
		}
	}
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range doc.Periods {
		for _, l := range p.Lines {
			out = append(out, l.Currency+" "+l.Amount)
			if l.Base != nil {
				out = append(out, l.Currency+" "+*l.Base)
			}
			out = append(out, amountsInText(l.Rate)...)
			for _, n := range l.Notes {
				out = append(out, amountsInText(n)...)
			}
		}
		for _, tt := range p.Totals {
			out = append(out, tt.Currency+" "+tt.Amount)
		}
	}
	for _, o := range doc.Overdue {
		out = append(out, o.Currency+" "+o.Amount, o.Currency+" "+o.Outstanding, o.Currency+" "+o.LateCharge)
	}
	slices.Sort(out)
	return out
}

// normalize writes each "CUR digits" with the digits as a canonical
// decimal (no trailing zeros), re-sorted.
func normalize(amounts []string) []string {
	out := make([]string, len(amounts))
	for i, a := range amounts {
		cur, num, _ := strings.Cut(a, " ")
		if strings.Contains(num, ".") {
			num = strings.TrimRight(strings.TrimRight(num, "0"), ".")
		}
		if num == "-0" {
			num = "0"
		}
		out[i] = cur + " " + num
	}
	slices.Sort(out)
	return out
}

// FuzzReadersAgree: whatever CSV ledger the CSV reader accepts, the same
// rows as JSON Lines read to the same records, and settle to the same
// statement. Seeds: the example ledger (testdata/fuzz holds more).
func FuzzReadersAgree(f *testing.F) {
	data, err := os.ReadFile("../examples/openai-microsoft-aws/ledger.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	p, err := LoadFiles([]string{"../examples/openai-microsoft-aws/agreement.pacta", "../examples/openai-microsoft-aws/amendment.pacta"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // JSON Lines must be UTF-8; a CSV cell need not be
		}
		var want []string
		for ev, err := range p.ReadCSV("", "l", strings.NewReader(text)) {
			if err != nil {
				return
			}
			want = append(want, fmt.Sprintf("%d %s", ev.Line, types.RecordValue(ev.Record)))
		}
		rows, err := parseRows(text)
		if err != nil {
			t.Fatalf("the CSV reader accepted what encoding/csv does not: %v", err)
		}
		var got []string
		for ev, err := range p.ReadJSONL("", "l", bytes.NewReader(toJSONL(t, rows))) {
			if err != nil {
				t.Fatalf("CSV read, JSON Lines did not: %v", err)
			}
			got = append(got, fmt.Sprintf("%d %s", ev.Line, types.RecordValue(ev.Record)))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("JSON Lines read\n%s\nCSV read\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}
