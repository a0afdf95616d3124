package interp

import (
	"bytes"
	"encoding/json"
	"iter"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

// flatPrograms compiles every bundled example, and flatSeeds writes every
// action of their ledgers as ParseActionJSON reads it (actionJSON), then
// again with its figures as JSON numbers and with blanks between tokens.
func flatPrograms(t testing.TB) (progs []*Program, seeds [][2]any) {
	t.Helper()
	dirs, err := filepath.Glob("../examples/*")
	if err != nil {
		t.Fatal(err)
	}
	digits := regexp.MustCompile(`"(-?[0-9]+(\.[0-9]+)?)"`)
	for _, dir := range dirs {
		if m, _ := filepath.Glob(filepath.Join(dir, "*.pacta")); len(m) == 0 {
			continue
		}
		srcs, err := ReadPaths([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Compile(srcs)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		progs = append(progs, p)
		for _, ledger := range []string{"ledger.csv", "ledger.jsonl"} {
			data, err := os.ReadFile(filepath.Join(dir, ledger))
			if err != nil {
				continue
			}
			var rows iter.Seq2[Event, error]
			if strings.HasSuffix(ledger, ".csv") {
				rows = p.ReadCSV("", ledger, bytes.NewReader(data))
			} else {
				rows = p.ReadJSONL("", ledger, bytes.NewReader(data))
			}
			for ev, err := range rows {
				if err != nil {
					t.Fatalf("%s/%s: %v", dir, ledger, err)
				}
				if ev.Record.Schema.Event() {
					continue
				}
				js := actionJSON(ev.Record, false)
				var spaced bytes.Buffer
				if err := json.Indent(&spaced, []byte(js), "\r", " \t"); err != nil {
					t.Fatal(err)
				}
				for _, v := range []string{js, digits.ReplaceAllString(js, "$1"), " \n" + spaced.String() + "\n "} {
					seeds = append(seeds, [2]any{uint8(len(progs) - 1), v})
				}
			}
		}
	}
	return progs, seeds
}

// sameRecord fails unless a and b are records of one schema with equal
// fields (as their JSON says).
func sameRecord(t *testing.T, what string, a, b *types.Record) {
	t.Helper()
	ja, err := types.RecordValue(a).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	jb, err := types.RecordValue(b).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if a.Schema != b.Schema || !bytes.Equal(ja, jb) {
		t.Fatalf("%s:\nflat    %s\ngeneral %s", what, ja, jb)
	}
}

// TestParseActionJSONFlat: the flat reader takes every action of the
// examples' ledgers, with figures as strings or numbers and blanks
// anywhere, and reads each as the general reader does; what it must leave
// to the general reader, it leaves.
func TestParseActionJSONFlat(t *testing.T) {
	progs, seeds := flatPrograms(t)
	if len(seeds) < 30 {
		t.Fatalf("only %d actions among the examples", len(seeds))
	}
	numbers, lists := 0, 0
	for _, s := range seeds {
		p, data := progs[s[0].(uint8)], []byte(s[1].(string))
		flat, ok := p.parseFlatAction(data)
		general, err := p.parseActionJSON(data)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if bytes.Contains(data, []byte("[")) { // a list of items: left to the general reader
			if ok {
				t.Fatalf("the flat reader took a list: %s", data)
			}
			lists++
			continue
		}
		if !ok {
			t.Fatalf("the flat reader does not take %s", data)
		}
		sameRecord(t, string(data), flat, general)
		if bytes.Contains(data, []byte(`":1`)) || bytes.Contains(data, []byte(`":2`)) {
			numbers++
		}
	}
	if numbers == 0 || lists == 0 {
		t.Errorf("%d actions had a figure as a JSON number, %d a list: the test covers less than it should", numbers, lists)
	}
	p, base := progs[seeds[0][0].(uint8)], seeds[0][1].(string)
	if _, ok := p.parseFlatAction([]byte(base)); !ok {
		t.Fatalf("the flat reader does not take %s", base)
	}
	for _, data := range []string{
		strings.Replace(base, `{`, `{"x":1,`, 1),                   // an unknown field
		strings.Replace(base, `{`, `{"action":"sell",`, 1),         // a member twice
		strings.Replace(base, `"action":"`, `"action":"\u0073`, 1), // an escape
		strings.Replace(base, `{`, `{"agreement":null,`, 1),        // null
		strings.Replace(base, `{"action":"`, `{"action":"x`, 1),    // an unknown action
		base[:len(base)-1], base + "{}", "\uFEFF" + base, "[" + base + "]", // not one object
		strings.Replace(base, `"action":`, `"action" `, 1),
		"{}", "", "{\"action\":1}", `{"action":"sell","n":1e2}`, `{"action":"sell","n":01}`,
		`{"action":"sell","n":-}`, `{"action":"sell","n":1.}`, `{"action":"sell","n":tru}`, "{\"action\":\"s\xffll\"}",
	} {
		if _, ok := p.parseFlatAction([]byte(data)); ok {
			t.Errorf("the flat reader took %q", data)
		}
	}
}

// FuzzParseActionJSONFlat: whatever the flat reader takes, the general
// reader reads to the same record.
func FuzzParseActionJSONFlat(f *testing.F) {
	progs, seeds := flatPrograms(f)
	for _, s := range seeds {
		f.Add(s[0].(uint8), s[1].(string))
	}
	f.Fuzz(func(t *testing.T, which uint8, data string) {
		p := progs[int(which)%len(progs)]
		flat, ok := p.parseFlatAction([]byte(data))
		if !ok {
			return
		}
		general, err := p.parseActionJSON([]byte(data))
		if err != nil {
			t.Fatalf("the flat reader took %q, the general one says %v", data, err)
		}
		sameRecord(t, data, flat, general)
	})
}
