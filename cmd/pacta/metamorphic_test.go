package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// Metamorphic tests: `pacta fmt`, and any change of layout or comments,
// never changes what an agreement means. For every example deal, the
// agreement files are formatted, or re-laid out at random (indentation,
// spaces, lines joined, blank lines and comments added), or both; every
// variant must give byte for byte the same test results, settlement
// statements (text and JSON) and decisions on every action of its ledgers
// as the files as written.

// exampleDeal is one directory of examples/: its agreement files and its
// ledgers, by base name.
type exampleDeal struct {
	name    string
	sources map[string][]byte // *.pacta
	ledgers map[string][]byte // ledger.csv, ledger.jsonl
}

func exampleDeals(t testing.TB) []exampleDeal {
	t.Helper()
	dirs, err := filepath.Glob("../../examples/*")
	if err != nil {
		t.Fatal(err)
	}
	var deals []exampleDeal
	for _, dir := range dirs {
		d := exampleDeal{name: filepath.Base(dir), sources: map[string][]byte{}, ledgers: map[string][]byte{}}
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue // not a directory
		}
		for _, e := range entries {
			name := e.Name()
			var into map[string][]byte
			switch {
			case strings.HasSuffix(name, ".pacta"):
				into = d.sources
			case strings.HasPrefix(name, "ledger."):
				into = d.ledgers
			default:
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			into[name] = b
		}
		if len(d.sources) > 0 {
			deals = append(deals, d)
		}
	}
	if len(deals) < 5 {
		t.Fatalf("found only %d example deals under ../../examples", len(deals))
	}
	return deals
}

func dealFileNames(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// writeDeal writes the deal's ledgers and the given sources into a new
// directory and returns it.
func writeDeal(t *testing.T, d exampleDeal, sources map[string][]byte) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), d.name)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, m := range []map[string][]byte{sources, d.ledgers} {
		for name, b := range m {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// actionLines returns the actions (rows with an actor) of a ledger as
// JSON Lines for `pacta decide`: a CSV row's non-empty cells, a JSON Lines
// row as it is.
func actionLines(t *testing.T, name string, ledger []byte) string {
	t.Helper()
	var out strings.Builder
	if strings.HasSuffix(name, ".csv") {
		rows, err := csv.NewReader(bytes.NewReader(ledger)).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: %v", name, err)
		}
		header := rows[0]
		for _, row := range rows[1:] {
			obj := map[string]string{}
			for i, cell := range row {
				if cell != "" {
					obj[header[i]] = cell
				}
			}
			if obj["actor"] == "" {
				continue // an event
			}
			b, err := json.Marshal(obj)
			if err != nil {
				t.Fatal(err)
			}
			out.Write(b)
			out.WriteByte('\n')
		}
		return out.String()
	}
	for _, line := range strings.Split(string(ledger), "\n") {
		var obj map[string]any
		if json.Unmarshal([]byte(line), &obj) != nil {
			continue
		}
		if a, _ := obj["actor"].(string); a != "" {
			out.WriteString(line + "\n")
		}
	}
	return out.String()
}

// dealOutputs runs, in dir, everything whose output must not depend on
// the layout of the agreement files: `pacta check`, `pacta test` (text and
// JSON), `pacta settle` of every ledger (text and JSON), `pacta decide` of
// every action of every ledger (text and JSON), and Program.Decide of every
// action row as the ledger reader reads it. The result maps a name of each
// output to the output, with its exit status and standard error.
func dealOutputs(t *testing.T, dir string, d exampleDeal) map[string]string {
	t.Helper()
	t.Chdir(dir)
	out := map[string]string{}
	cli := func(key, input string, args ...string) {
		stdout, stderr, code := runCLI(t, input, args...)
		out[key] = fmt.Sprintf("exit %d\n%s\n-- stderr --\n%s", code, stdout, stderr)
	}
	cli("check", "", "check", ".")
	for _, format := range []string{"text", "json"} {
		cli("test "+format, "", "test", ".", "--format", format)
		for _, ledger := range dealFileNames(d.ledgers) {
			cli("settle "+ledger+" "+format, "", "settle", ".", "--ledger", ledger, "--format", format)
			if actions := actionLines(t, ledger, d.ledgers[ledger]); actions != "" {
				cli("decide "+ledger+" "+format, actions, "decide", ".", "--format", format)
			}
		}
	}
	// Decisions on the rows exactly as the ledger reader types them.
	p, err := loadProgram([]string{"."})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	for _, ledger := range dealFileNames(d.ledgers) {
		read, ok := ledgerReader(ledger)
		if !ok {
			continue
		}
		var b bytes.Buffer
		for ev, err := range read(p, "", ledger, bytes.NewReader(d.ledgers[ledger])) {
			if err != nil {
				t.Fatalf("%s: %v", ledger, err)
			}
			if ev.Record.Schema.Event() {
				continue
			}
			fmt.Fprintf(&b, "line %d:\n", ev.Line)
			dec, err := p.Decide(context.Background(), ev.Record, interp.DecideOptions{})
			if err != nil {
				fmt.Fprintf(&b, "error: %v\n", err)
				continue
			}
			if err := dec.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			if err := dec.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
		}
		if b.Len() > 0 { // venture-exit's ledger holds only events
			out["Program.Decide "+ledger] = b.String()
		}
	}
	return out
}

// agreementPos matches a position in an agreement file, as outputs give
// them (the JSON statement names each clause's).
var agreementPos = regexp.MustCompile(`\.pacta:[0-9]+:[0-9]+`)

// compareOutputs fails t for every output of got that differs from want,
// positions in agreement files aside: a new layout moves the clauses, and
// nothing else may change.
func compareOutputs(t *testing.T, variant string, want, got map[string]string) {
	t.Helper()
	for _, key := range outputNames(want) {
		w := agreementPos.ReplaceAllString(want[key], ".pacta:LINE:COL")
		g := agreementPos.ReplaceAllString(got[key], ".pacta:LINE:COL")
		if g != w {
			t.Errorf("%s changes the output of %s:\n%s", variant, key, textDiff(key, []byte(w), []byte(g)))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d outputs, want %d", variant, len(got), len(want))
	}
}

func outputNames(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// formatDealSources formats every source with lang.Format.
func formatDealSources(t testing.TB, srcs map[string][]byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, src := range srcs {
		f, errs := lang.Parse(name, src)
		if len(errs) > 0 {
			t.Fatalf("%s does not parse: %v\n%s", name, errs, src)
		}
		out[name] = lang.Format(f)
	}
	return out
}

// The state of each byte of a source, for perturb.
const (
	pertCode = iota
	pertString
	pertComment
)

// byteStates says, for each byte of src, whether it is code, inside a
// string (quotes included) or inside a `//` comment, as Pacta's lexer reads
// them.
func byteStates(src []byte) []byte {
	st := make([]byte, len(src))
	state := byte(pertCode)
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch state {
		case pertCode:
			if c == '"' {
				state = pertString
			} else if c == '/' && i+1 < len(src) && src[i+1] == '/' {
				state = pertComment
			}
			st[i] = state
		case pertString:
			st[i] = pertString
			if c == '\\' && i+1 < len(src) {
				i++
				st[i] = pertString
			} else if c == '"' {
				state = pertCode
			}
		case pertComment:
			if c == '\n' {
				state = pertCode
			}
			st[i] = state
		}
	}
	return st
}

// perturb returns src laid out differently at random, the tokens and so
// the meaning unchanged: every run of spaces outside strings and comments
// and every indentation changed, and some lines joined (none of them with a
// comment, never where joining could make one token of two, as "USD"
// and "100" would make money, and never before a line beginning with - or
// (, which may begin a share line or tier). With comments it also adds blank lines,
// comment lines and comments at the end of lines.
func perturb(src []byte, rng *rand.Rand, comments bool) []byte {
	st := byteStates(src)
	// Lines: [start, end) without the newline.
	type line struct {
		start, end int
		comment    bool // has a // comment
		codeEnd    bool // the newline after it is code, not inside a string
	}
	var lines []line
	for start := 0; start <= len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		l := line{start: start, end: end, codeEnd: end < len(src) && st[end] == pertCode}
		for i := start; i < end; i++ {
			if st[i] == pertComment {
				l.comment = true
				break
			}
		}
		lines = append(lines, l)
		start = end + 1
	}
	lastCode := func(l line) byte {
		for i := l.end - 1; i >= l.start; i-- {
			if c := src[i]; c != ' ' && c != '\t' {
				return c
			}
		}
		return 0
	}
	firstCode := func(l line) byte {
		for i := l.start; i < l.end; i++ {
			if c := src[i]; c != ' ' && c != '\t' {
				return c
			}
		}
		return 0
	}
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }
	spaces := []string{" ", "  ", "\t", " \t ", "    "}
	indents := []string{"", " ", "\t", "      ", "\t\t  ", "        "}

	var b bytes.Buffer
	for li, l := range lines {
		i := l.start
		// The indentation, when the line starts in code.
		if li == 0 || lines[li-1].codeEnd {
			for i < l.end && (src[i] == ' ' || src[i] == '\t') {
				i++
			}
			if i < l.end { // not a blank line
				b.WriteString(indents[rng.IntN(len(indents))])
			}
		}
		// The rest of the line: runs of spaces in code changed.
		for i < l.end {
			if st[i] == pertCode && (src[i] == ' ' || src[i] == '\t') {
				j := i
				for j < l.end && st[j] == pertCode && (src[j] == ' ' || src[j] == '\t') {
					j++
				}
				if j < l.end { // trailing spaces are dropped
					b.WriteString(spaces[rng.IntN(len(spaces))])
				}
				i = j
				continue
			}
			b.WriteByte(src[i])
			i++
		}
		if l.end >= len(src) {
			break
		}
		if !l.codeEnd {
			b.WriteByte('\n') // inside a string: kept as it is
			continue
		}
		next := lines[li+1]
		a, c := lastCode(l), firstCode(next)
		// A line beginning with - or ( may start a new share line or
		// tier, which joining would continue (SPEC 2.6, rule 8).
		joinable := !l.comment && !next.comment && a != 0 && c != 0 && c != '-' && c != '(' &&
			!(isLetter(a) && isDigit(c)) && !(isDigit(a) && isLetter(c)) && !(isDigit(a) && isDigit(c))
		switch r := rng.IntN(10); {
		case joinable && r < 3:
			b.WriteString(spaces[rng.IntN(len(spaces))])
		case comments && r == 3:
			b.WriteString("\n\n")
		case comments && r == 4:
			b.WriteString("\n// a comment added by perturb, \"quoted\", with // inside\n")
		case comments && r == 5 && !l.comment:
			b.WriteString(" // a note at the end of the line\n")
		default:
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func perturbSources(srcs map[string][]byte, seed uint64, comments bool) map[string][]byte {
	out := map[string][]byte{}
	for _, name := range dealFileNames(srcs) {
		rng := rand.New(rand.NewPCG(seed, uint64(len(name))))
		out[name] = perturb(srcs[name], rng, comments)
	}
	return out
}

// metamorphicSeeds is how many random layouts of each kind every deal
// gets: 2, or 12 with PACTA_SLOW=1.
func metamorphicSeeds() uint64 {
	if os.Getenv("PACTA_SLOW") != "" {
		return 12
	}
	return 2
}

// TestFormatKeepsMeaning formats every example deal, and random layouts of
// it, and expects the same check, test, settle and decide outputs, byte for
// byte, as the deal as written.
func TestFormatKeepsMeaning(t *testing.T) {
	for _, d := range exampleDeals(t) {
		t.Run(d.name, func(t *testing.T) {
			want := map[string]string{}
			t.Run("as written", func(t *testing.T) {
				want = dealOutputs(t, writeDeal(t, d, d.sources), d)
			})
			if t.Failed() {
				return
			}
			for _, k := range []string{"check", "test text", "test json"} {
				if !strings.HasPrefix(want[k], "exit 0\n") {
					t.Fatalf("the example itself fails %s:\n%s", k, want[k])
				}
			}
			variants := []struct {
				name string
				srcs map[string][]byte
			}{{"formatted", formatDealSources(t, d.sources)}}
			for seed := uint64(1); seed <= metamorphicSeeds(); seed++ {
				layout := perturbSources(d.sources, seed, false)
				commented := perturbSources(d.sources, seed, true)
				variants = append(variants,
					struct {
						name string
						srcs map[string][]byte
					}{"layout " + strconv.FormatUint(seed, 10), layout},
					struct {
						name string
						srcs map[string][]byte
					}{"comments " + strconv.FormatUint(seed, 10), commented},
					struct {
						name string
						srcs map[string][]byte
					}{"comments " + strconv.FormatUint(seed, 10) + " formatted", formatDealSources(t, commented)},
				)
				// Layout alone formats back to the canonical text.
				canon := formatDealSources(t, d.sources)
				for name, b := range formatDealSources(t, layout) {
					if !bytes.Equal(b, canon[name]) {
						t.Errorf("layout %d of %s formats differently from the file as written:\n%s", seed, name, textDiff(name, canon[name], b))
					}
				}
				// Formatting what comments added is stable.
				once := formatDealSources(t, commented)
				for name, b := range formatDealSources(t, once) {
					if !bytes.Equal(b, once[name]) {
						t.Errorf("formatting comments %d of %s twice changes it:\n%s", seed, name, textDiff(name, once[name], b))
					}
				}
			}
			for _, v := range variants {
				perturbed := v.name != "formatted" && !strings.HasSuffix(v.name, " formatted")
				for name, b := range v.srcs {
					if perturbed && bytes.Equal(b, d.sources[name]) {
						t.Errorf("%s of %s is the file unchanged: the perturbation does nothing", v.name, name)
					}
				}
				t.Run(v.name, func(t *testing.T) {
					got := dealOutputs(t, writeDeal(t, d, v.srcs), d)
					compareOutputs(t, v.name, want, got)
					if v.name != "formatted" {
						return
					}
					// The examples are in the canonical layout, so
					// formatting them changes no byte, and no output
					// either, positions included.
					for _, key := range outputNames(want) {
						if got[key] != want[key] {
							t.Errorf("formatting the canonical files changes the output of %s:\n%s", key, textDiff(key, []byte(want[key]), []byte(got[key])))
						}
					}
				})
			}
		})
	}
}

// TestPerturbMeansSomething checks perturb itself: the layout changes, a
// string with spaces, a comment and a money amount are kept, and a run of
// spaces before money ("USD   100") stays money.
func TestPerturbMeansSomething(t *testing.T) {
	src := []byte("term a = \"two  spaces\"  // keep  this\nterm b = USD   100 +\n  USD 1\n")
	for seed := uint64(1); seed <= 20; seed++ {
		rng := rand.New(rand.NewPCG(seed, 0))
		got := string(perturb(src, rng, true))
		for _, keep := range []string{"\"two  spaces\"", "// keep  this", "100", "USD"} {
			if !strings.Contains(got, keep) {
				t.Fatalf("seed %d lost %q:\n%s", seed, keep, got)
			}
		}
		if strings.Contains(got, "this term") {
			t.Fatalf("seed %d joined a line with a comment:\n%s", seed, got)
		}
	}
	if st := byteStates([]byte(`a "b\"//" // c "d`)); string(st) != string([]byte{0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 2, 2, 2, 2, 2, 2, 2}) {
		t.Errorf("byteStates: %v", st)
	}
}
