package result_test

import (
	"bytes"
	"context"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// TestDecisionJSONIsEncodingJSON: the hand-written Decision.AppendJSON
// writes the bytes encoding/json writes for the structs of render.go
// (decisionJSON, then marshalCompact), for every decision of every
// bundled example's ledgers.
func TestDecisionJSONIsEncodingJSON(t *testing.T) {
	dirs, err := filepath.Glob("../../examples/*")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	verdicts := map[lang.Verdict]int{}
	early, _ := types.ParseDate("2026-01-01") // before most amendments
	for _, dir := range dirs {
		if m, _ := filepath.Glob(filepath.Join(dir, "*.pacta")); len(m) == 0 {
			continue
		}
		srcs, err := interp.ReadPaths([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		p, err := interp.Compile(srcs)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, ledger := range []string{"ledger.csv", "ledger.jsonl"} {
			path := filepath.Join(dir, ledger)
			data, err := os.ReadFile(path)
			if os.IsNotExist(err) {
				continue
			} else if err != nil {
				t.Fatal(err)
			}
			var rows iter.Seq2[interp.Event, error]
			if strings.HasSuffix(ledger, ".csv") {
				rows = p.ReadCSV("", ledger, bytes.NewReader(data))
			} else {
				rows = p.ReadJSONL("", ledger, bytes.NewReader(data))
			}
			for ev, err := range rows {
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				if ev.Record.Schema.Event() {
					continue
				}
				for _, opts := range []interp.DecideOptions{{}, {AsOf: early}} {
					d, err := p.Decide(ctx, ev.Record, opts)
					if err != nil {
						t.Fatalf("%s:%d: %v", path, ev.Line, err)
					}
					verdicts[d.Verdict]++
					sameDecisionJSON(t, path, d)
				}
			}
		}
	}
	t.Logf("decisions compared: %v", verdicts)
	if verdicts[lang.Permitted] == 0 || verdicts[lang.Prohibited] == 0 {
		t.Errorf("the examples gave no permitted or no prohibited decision: %v", verdicts)
	}
}

// sameDecisionJSON fails unless MarshalJSON and WriteJSON give the bytes
// of encoding/json.
func sameDecisionJSON(t *testing.T, what string, d *result.Decision) {
	t.Helper()
	want, err := result.DecisionJSONReference(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s:\nAppendJSON    %s\nencoding/json %s", what, got, want)
	}
	var w bytes.Buffer
	if err := d.WriteJSON(&w); err != nil {
		t.Fatal(err)
	}
	if w.String() != string(want)+"\n" {
		t.Fatalf("%s: WriteJSON\n%s\nencoding/json\n%s", what, w.String(), want)
	}
}

// oddDecisions builds decisions of every verdict and every outcome of an
// applied clause, with the texts given in every string member.
func oddDecisions(a, b, c string) []*result.Decision {
	decl := func(string) *lang.ClauseDecl { return &lang.ClauseDecl{} }
	// c1 is notwithstanding c2; c2 is subject to c3; c4 overrides c3
	// through a chain.
	c1 := &result.ClauseInfo{Num: a, Title: b, Agreement: c, Amendment: a + b, Pos: lang.Pos{File: c, Line: 3, Col: 17},
		Decl: &lang.ClauseDecl{Notwithstanding: []*lang.ClauseRef{{Num: "x"}, {Num: b}}}}
	c2 := &result.ClauseInfo{Num: b, Title: c, Agreement: a, Pos: lang.Pos{Line: 1, Col: 2},
		Decl: &lang.ClauseDecl{SubjectTo: []*lang.ClauseRef{{Num: c}}}}
	c3 := &result.ClauseInfo{Num: c, Title: a, Agreement: b, Pos: lang.Pos{File: b}, Decl: decl(c)}
	c4 := &result.ClauseInfo{Num: "4", Title: "", Pos: lang.Pos{}, Decl: decl("4")}
	day, _ := types.ParseDate("2027-03-15")
	return []*result.Decision{
		{Verdict: lang.Permitted, Effect: lang.Permitted, Agreement: a, Version: b, AsOf: day, Date: day, Clause: c1,
			Applied: []result.Applied{{Clause: c1, Says: lang.Permitted, Outcome: "decides", By: c2},
				{Clause: c2, Says: lang.Prohibited, Outcome: "overridden", By: c1},
				{Clause: c3, Says: lang.Permitted, Outcome: "agrees", Against: c1},
				{Clause: c2, Says: lang.Prohibited, Outcome: "overridden", By: c3},
				{Clause: c3, Says: lang.Prohibited, Outcome: "overridden", By: c4},
				{Clause: c4, Says: lang.Prohibited, Outcome: "unknown"}}},
		{Verdict: lang.Prohibited, Effect: lang.Prohibited, Agreement: c, Clause: c4, Note: b, DefaultRule: a,
			Applied: []result.Applied{{Clause: c4, Says: lang.Prohibited, Outcome: "decides"}}},
		{Verdict: lang.Conflict, Effect: lang.Prohibited, Agreement: b, Date: day, Conflict: [2]*result.ClauseInfo{c2, c3},
			Applied: []result.Applied{{Clause: c2, Says: lang.Permitted, Outcome: "conflicts"}, {Clause: c3, Says: lang.Prohibited, Outcome: "conflicts"}}},
		{Verdict: lang.NotCovered, Effect: lang.Permitted, Agreement: a, Note: c, DefaultRule: b},
		{Verdict: lang.NotCovered, Effect: lang.Prohibited, DefaultRule: a},
		{},
	}
}

// TestDecisionJSONOddTexts: the same for made-up decisions of every verdict
// whose texts need escaping: quotes, backslashes, control characters
// (backspace and form feed, which encoding/json writes \b and \f), HTML
// characters (not escaped), U+2028 and U+2029, invalid UTF-8.
func TestDecisionJSONOddTexts(t *testing.T) {
	texts := []string{"", "3.1", `say "no"`, `back\slash`, "tab\tnew\nline\rcr", "\b\f\x00\x01\x1f\x7f", "<a href=x>&amp;</a>",
		"line\u2028para\u2029", "bad \xff\xfe utf-8 \xe2\x82", "Zürich — ünïcödé 😀", strings.Repeat("long ", 300)}
	for _, a := range texts {
		for _, b := range texts {
			for _, d := range oddDecisions(a, b, "c") {
				sameDecisionJSON(t, "odd", d)
			}
		}
	}
}

// FuzzDecisionJSON compares the two encodings for any texts.
func FuzzDecisionJSON(f *testing.F) {
	f.Add("3.1", "AWS \"distribution\"", "deal.pacta")
	f.Add("\b\f<>&\u2028", "\xff", "\x00")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		for _, d := range oddDecisions(a, b, c) {
			sameDecisionJSON(t, "fuzz", d)
		}
	})
}
