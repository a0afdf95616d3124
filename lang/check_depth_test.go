package lang

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// chainSrc writes an agreement whose n terms call each other in a row:
// t0(x) = x + 1 and t{k}(x) = t{k-1}(x) + 1. With reverse, the terms are
// written from t{n-1} down to t0, so each uses a term declared after it
// (the checker then meets the whole chain while typing the first term).
func chainSrc(n int, reverse bool) string {
	var b strings.Builder
	b.WriteString("agreement a \"A\" {\n  effective 2020-01-01\n  currency USD\n  party p \"P\"\n")
	for i := 0; i < n; i++ {
		k := i
		if reverse {
			k = n - 1 - i
		}
		if k == 0 {
			b.WriteString("  term t0(x decimal) = x + 1\n")
		} else {
			fmt.Fprintf(&b, "  term t%d(x decimal) = t%d(x) + 1\n", k, k-1)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

func checkSrc(t *testing.T, name, src string) ErrorList {
	t.Helper()
	f, errs := Parse(name, []byte(src))
	if len(errs) > 0 {
		t.Fatalf("parse: %v", errs)
	}
	_, errs = Check([]*File{f}, nil)
	return errs
}

// A chain of MaxTermDepth terms is allowed, declared in either order.
func TestTermChainAtLimit(t *testing.T) {
	for _, reverse := range []bool{false, true} {
		if errs := checkSrc(t, "chain.pacta", chainSrc(MaxTermDepth, reverse)); len(errs) > 0 {
			t.Errorf("reverse=%v: a chain of %d terms: %v", reverse, MaxTermDepth, errs)
		}
	}
}

// One term more is refused once, at the term where the chain passes the
// limit: t1000 (the 1001st term), whichever order the terms are written in.
func TestTermChainOverLimit(t *testing.T) {
	const msg = "term t1000 is defined through a chain of more than 1000 terms (t1000 → t999 → … → t0); at most 1000"
	for _, tc := range []struct {
		reverse bool
		line    int
	}{
		// Four header lines, then t0 on line 5: t1000 is on line 5+1000.
		{false, 1005},
		// Written from t1000 down: t1000 is the first term, on line 5.
		{true, 5},
	} {
		errs := checkSrc(t, "chain.pacta", chainSrc(MaxTermDepth+1, tc.reverse))
		if len(errs) != 1 {
			t.Fatalf("reverse=%v: want 1 error, got %d: %v", tc.reverse, len(errs), errs)
		}
		e := errs[0]
		// "  term " is 7 characters: the name starts in column 8.
		if e.Pos.Line != tc.line || e.Pos.Col != 8 || e.Msg != msg {
			t.Errorf("reverse=%v: got %s: %s\nwant line %d col 8: %s", tc.reverse, e.Pos, e.Msg, tc.line, msg)
		}
	}
}

// A branch off a long chain: the longest path counts, not the first
// reference. top uses short (one term) and t999 (a chain of 1000), so top
// is the 1001st term in a row.
func TestTermChainLongestPath(t *testing.T) {
	src := strings.TrimSuffix(chainSrc(MaxTermDepth, false), "}\n") +
		"  term short(x decimal) = x\n  term top(x decimal) = short(x) + t999(x)\n}\n"
	errs := checkSrc(t, "chain.pacta", src)
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "term top is defined through a chain of more than 1000 terms (top → t999 → … → t0)") {
		t.Fatalf("got %v", errs)
	}
}

// A cycle is reported as a cycle, not also as a chain too long, even when
// it goes through more than MaxTermDepth terms; the checker does not
// recurse along it.
func TestTermLongCycle(t *testing.T) {
	n := MaxTermDepth + 500
	src := strings.Replace(chainSrc(n, true), "term t0(x decimal) = x + 1", fmt.Sprintf("term t0(x decimal) = t%d(x)", n-1), 1)
	errs := checkSrc(t, "cycle.pacta", src)
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "depends on itself") {
		t.Fatalf("got %v", errs)
	}
}

// An agreement and four amendments, each adding 2,000 terms to one chain
// of 10,000, are refused quickly, with one error at t1000.
func TestTermChainAcrossAmendments(t *testing.T) {
	const per, files = 2000, 5
	var parsed []*File
	k := 0
	for f := 0; f < files; f++ {
		var b strings.Builder
		if f == 0 {
			b.WriteString("agreement a \"A\" {\n  effective 2020-01-01\n  currency USD\n  party p \"P\"\n")
		} else {
			fmt.Fprintf(&b, "amendment m%d \"M\" amends a {\n  effective 2021-01-0%d\n", f, f)
		}
		for i := 0; i < per; i, k = i+1, k+1 {
			if k == 0 {
				b.WriteString("  term t0(x decimal) = x\n")
			} else {
				fmt.Fprintf(&b, "  term t%d(x decimal) = t%d(x)\n", k, k-1)
			}
		}
		b.WriteString("}\n")
		file, errs := Parse(fmt.Sprintf("f%d.pacta", f), []byte(b.String()))
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		parsed = append(parsed, file)
	}
	start := time.Now()
	_, errs := Check(parsed, nil)
	took := time.Since(start)
	t.Logf("check: %v", took)
	if len(errs) != 1 || errs[0].Pos.String() != "f0.pacta:1005:8" || !strings.Contains(errs[0].Msg, "term t1000 is defined through a chain of more than 1000 terms") {
		t.Fatalf("got %v", errs)
	}
	// Well under a second on an idle machine; generous for a busy one.
	if took > 20*time.Second {
		t.Errorf("check took %v", took)
	}
}

// deepChainSrc writes n terms, each adding 1 to the one before 199 times:
// t0(x) = x + 1 + ... + 1 and t{k}(x) = t{k-1}(x) + 1 + ... + 1. The 199
// operators nest to the left, so the call (or x) stands 200 levels deep:
// t0 nests 200 levels, and t{k} 200 more than t{k-1}, 200 × (k+1) in all.
func deepChainSrc(n int, reverse bool) string {
	ops := strings.Repeat(" + 1", 199)
	var b strings.Builder
	b.WriteString("agreement a \"A\" {\n  effective 2020-01-01\n  currency USD\n  party p \"P\"\n")
	for i := 0; i < n; i++ {
		k := i
		if reverse {
			k = n - 1 - i
		}
		if k == 0 {
			b.WriteString("  term t0(x decimal) = x" + ops + "\n")
		} else {
			fmt.Fprintf(&b, "  term t%d(x decimal) = t%d(x)%s\n", k, k-1, ops)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// 100 terms nest 200 × 100 = 20,000 levels, the most allowed; 101 nest
// 20,200, refused at t100, in either order.
func TestTermNesting(t *testing.T) {
	const msg = "term t100 is defined through terms whose expressions nest more than 20,000 levels deep in all (t100 → t99 → … → t0); at most 20,000"
	for _, reverse := range []bool{false, true} {
		if errs := checkSrc(t, "deep.pacta", deepChainSrc(100, reverse)); len(errs) > 0 {
			t.Errorf("reverse=%v: 100 terms: %v", reverse, errs)
		}
		errs := checkSrc(t, "deep.pacta", deepChainSrc(101, reverse))
		// t100 is on line 5 + 100 written forwards, on line 5 reversed.
		line := 105
		if reverse {
			line = 5
		}
		if len(errs) != 1 || errs[0].Msg != msg || errs[0].Pos.Line != line || errs[0].Pos.Col != 8 {
			t.Errorf("reverse=%v: 101 terms: got %v, want %d:8: %s", reverse, errs, line, msg)
		}
	}
}
