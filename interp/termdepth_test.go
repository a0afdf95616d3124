package interp_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// termChain writes an agreement whose n terms call each other in a row:
// t0(x) = x + 1, t{k}(x) = t{k-1}(x) + 1.
func termChain(n int) string {
	var b strings.Builder
	b.WriteString("agreement a \"A\" {\n  effective 2020-01-01\n  currency USD\n  party p \"P\"\n")
	b.WriteString("  term t0(x decimal) = x + 1\n")
	for k := 1; k < n; k++ {
		fmt.Fprintf(&b, "  term t%d(x decimal) = t%d(x) + 1\n", k, k-1)
	}
	b.WriteString("}\n")
	return b.String()
}

// The longest chain allowed compiles and evaluates; one term more is
// refused by Compile, with its position, before anything runs.
func TestTermChainCompileEval(t *testing.T) {
	p, err := interp.Compile([]interp.Source{{Name: "chain.pacta", Text: []byte(termChain(lang.MaxTermDepth))}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := p.Eval(context.Background(), "", "t999(1)", interp.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// t0(1) = 1 + 1 = 2, and each of t1 ... t999 adds 1: 2 + 999 = 1001.
	if got := v.String(); got != "1001" {
		t.Errorf("t999(1) = %s, want 1001", got)
	}

	_, err = interp.Compile([]interp.Source{{Name: "chain.pacta", Text: []byte(termChain(lang.MaxTermDepth + 1))}})
	// Four header lines, t0 on line 5, so t1000 on line 1005; its name
	// starts after "  term ", in column 8.
	want := "chain.pacta:1005:8: term t1000 is defined through a chain of more than 1000 terms (t1000 → t999 → … → t0); at most 1000"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want %s", err, want)
	}
}

// The hostile input of the issue, scaled down: an agreement and four
// amendments, each adding 2,000 terms to one chain of 10,000 terms, is
// refused quickly instead of evaluated 10,000 calls deep.
func TestTermChainAmendmentsRefused(t *testing.T) {
	var srcs []interp.Source
	k := 0
	for f := 0; f < 5; f++ {
		var b strings.Builder
		if f == 0 {
			b.WriteString("agreement a \"A\" {\n  effective 2020-01-01\n  currency USD\n  party p \"P\"\n")
		} else {
			fmt.Fprintf(&b, "amendment m%d \"M\" amends a {\n  effective 2021-01-0%d\n", f, f)
		}
		for i := 0; i < 2000; i, k = i+1, k+1 {
			if k == 0 {
				b.WriteString("  term t0(x decimal) = x\n")
			} else {
				fmt.Fprintf(&b, "  term t%d(x decimal) = t%d(x)\n", k, k-1)
			}
		}
		b.WriteString("}\n")
		srcs = append(srcs, interp.Source{Name: fmt.Sprintf("m%d.pacta", f), Text: []byte(b.String())})
	}
	start := time.Now()
	_, err := interp.Compile(srcs)
	if err == nil || !strings.Contains(err.Error(), "m0.pacta:1005:8: term t1000 is defined through a chain of more than 1000 terms") {
		t.Fatalf("got %v", err)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("refused after %v", took)
	}
}

// The deepest nesting of term expressions allowed (SPEC 13, 20,000
// levels: 100 terms each using the one before 200 levels deep) compiles
// and evaluates.
func TestTermNestingEval(t *testing.T) {
	ops := strings.Repeat(" + 1", 199)
	var b strings.Builder
	b.WriteString("agreement a \"A\" {\n  effective 2020-01-01\n  currency USD\n  party p \"P\"\n")
	b.WriteString("  term t0(x decimal) = x" + ops + "\n")
	for k := 1; k < 100; k++ {
		fmt.Fprintf(&b, "  term t%d(x decimal) = t%d(x)%s\n", k, k-1, ops)
	}
	b.WriteString("}\n")
	p, err := interp.Compile([]interp.Source{{Name: "deep.pacta", Text: []byte(b.String())}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := p.Eval(context.Background(), "", "t99(1)", interp.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// t0(1) = 1 + 199 = 200; t1 ... t99 add 199 each: 200 + 99 × 199 =
	// 200 + 19,701 = 19,901.
	if got := v.String(); got != "19901" {
		t.Errorf("t99(1) = %s, want 19901", got)
	}
}
