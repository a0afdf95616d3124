package interp

import (
	"fmt"
	"math/rand"
	"runtime"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/lang"
)

// refOverriders is the reference: the transitive closure of SPEC 5.3 built
// by Warshall's algorithm, and the overrider of each applicable clause
// chosen by brute force (the first deciding clause in applied order that
// overrides it, else the first applicable clause that does).
func refOverriders(over [][]bool, applied []*rule) []*rule {
	overridden := func(r *rule) bool {
		for _, o := range applied {
			if o != r && over[o.idx][r.idx] {
				return true
			}
		}
		return false
	}
	by := make([]*rule, len(applied))
	for i, r := range applied {
		for _, o := range applied {
			if o == r || !over[o.idx][r.idx] {
				continue
			}
			if by[i] == nil {
				by[i] = o
			}
			if !overridden(o) {
				by[i] = o
				break
			}
		}
	}
	return by
}

// randomPrecedence makes n clauses whose notwithstanding and subject-to
// references form a random DAG (edges go forward in a random order), and
// returns them with the closure computed by Warshall's algorithm.
func randomPrecedence(rng *rand.Rand, n int, density float64) ([]*result.ClauseInfo, [][]bool) {
	perm := rng.Perm(n) // perm[k] is the clause at topological position k
	clauses := make([]*result.ClauseInfo, n)
	for i := range clauses {
		num := fmt.Sprint(i + 1)
		clauses[i] = &result.ClauseInfo{Num: num, Decl: &lang.ClauseDecl{Num: &lang.ClauseRef{Num: num}}}
	}
	over := make([][]bool, n)
	for i := range over {
		over[i] = make([]bool, n)
	}
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if rng.Float64() >= density {
				continue
			}
			i, j := perm[a], perm[b] // i overrides j
			over[i][j] = true
			if rng.Intn(2) == 0 {
				clauses[i].Decl.Notwithstanding = append(clauses[i].Decl.Notwithstanding, &lang.ClauseRef{Num: clauses[j].Num})
			} else {
				clauses[j].Decl.SubjectTo = append(clauses[j].Decl.SubjectTo, &lang.ClauseRef{Num: clauses[i].Num})
			}
		}
	}
	// A reference to a clause not in force has no effect.
	if n > 0 && rng.Intn(3) == 0 {
		clauses[0].Decl.Notwithstanding = append(clauses[0].Decl.Notwithstanding, &lang.ClauseRef{Num: "999.9"})
	}
	for k := 0; k < n; k++ {
		for i := 0; i < n; i++ {
			if over[i][k] {
				for j := 0; j < n; j++ {
					if over[k][j] {
						over[i][j] = true
					}
				}
			}
		}
	}
	return clauses, over
}

// TestPrecedenceMatchesClosure compares the graph search (and, for small
// versions, the bit masks) with the transitive closure on random DAGs and
// random sets of applicable clauses.
func TestPrecedenceMatchesClosure(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	cases := 0
	for g := 0; g < 300; g++ {
		n := 1 + rng.Intn(40)
		if g%2 == 1 {
			n = maxMaskClauses + 1 + rng.Intn(200) // the graph search
		}
		density := []float64{0.01, 0.05, 0.2, 0.6}[rng.Intn(4)]
		if n > 100 {
			density /= 4
		}
		clauses, over := randomPrecedence(rng, n, density)
		p, err := buildPrecedence(clauses)
		if err != nil {
			t.Fatal(err)
		}
		if (p.reach != nil) != (n <= maxMaskClauses) {
			t.Fatalf("n=%d: masks %v", n, p.reach != nil)
		}
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if p.overrides(i, j) != over[i][j] {
					t.Fatalf("n=%d: overrides(%d, %d) = %v, closure says %v", n, i, j, !over[i][j], over[i][j])
				}
			}
		}
		rules := make([]*rule, n)
		for i, c := range clauses {
			rules[i] = &rule{clause: c, idx: i}
		}
		for a := 0; a < 20; a++ {
			cases++
			k := 1 + rng.Intn(n)
			if rng.Intn(2) == 0 && n > 3 {
				k = 1 + rng.Intn(4)
			}
			picked := rng.Perm(n)[:k]
			if rng.Intn(2) == 0 { // applied in clause order, as decide does
				sortInts(picked)
			}
			applied := make([]*rule, k)
			for i, x := range picked {
				applied[i] = rules[x]
			}
			want := refOverriders(over, applied)
			got := make([]*rule, k)
			for i := range got {
				got[i] = rules[0] // stale values must be overwritten
			}
			p.overriders(applied, got)
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("n=%d applied=%v: clause %s overridden by %s, want %s",
						n, picked, applied[i].clause.Num, ruleNum(got[i]), ruleNum(want[i]))
				}
			}
		}
	}
	if cases < 5000 {
		t.Fatalf("only %d cases", cases)
	}
}

func ruleNum(r *rule) string {
	if r == nil {
		return "nothing"
	}
	return r.clause.Num
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// TestPrecedenceCycleIsAnError: the checker rejects cycles; should one
// reach the interpreter it is an error, not a hang or a wrong answer.
func TestPrecedenceCycleIsAnError(t *testing.T) {
	mk := func(num string, nw ...string) *result.ClauseInfo {
		d := &lang.ClauseDecl{Num: &lang.ClauseRef{Num: num}}
		for _, x := range nw {
			d.Notwithstanding = append(d.Notwithstanding, &lang.ClauseRef{Num: x})
		}
		return &result.ClauseInfo{Num: num, Decl: d}
	}
	_, err := buildPrecedence([]*result.ClauseInfo{mk("1", "2"), mk("2", "3"), mk("3", "1"), mk("4", "1")})
	if err == nil {
		t.Fatal("a precedence cycle was accepted")
	}
}

// TestPrecedenceManyClausesNearLinear: 100,000 clauses in one chain of
// notwithstanding compile and resolve in linear time and memory
// (regression: compiling built a 100,000 × 100,000 matrix, 10 GB, and
// closed it transitively; resolving k applicable clauses took k² steps).
func TestPrecedenceManyClausesNearLinear(t *testing.T) {
	const n = 100_000
	clauses := make([]*result.ClauseInfo, n)
	for i := range clauses {
		num := fmt.Sprint(i + 1)
		d := &lang.ClauseDecl{Num: &lang.ClauseRef{Num: num}}
		if i > 0 {
			d.Notwithstanding = []*lang.ClauseRef{{Num: fmt.Sprint(i)}}
		}
		clauses[i] = &result.ClauseInfo{Num: num, Decl: d}
	}
	p := &Program{funcs: newFuncTable(nil)}
	a := &agreement{schemaDecls: map[*lang.SchemaDecl]*schema{}}
	v := &version{clauses: clauses, terms: map[string]*lang.TermDecl{}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	if err := p.compileVersion(a, v); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("compiling the precedence of %d clauses took %v", n, d)
	}
	// Linear: a few dozen bytes per clause, far from n² bits (1.25 GB).
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
		t.Errorf("compiling the precedence of %d clauses allocated %d MB", n, alloc>>20)
	}
	rules := make([]*rule, n)
	for i, c := range clauses {
		rules[i] = &rule{clause: c, idx: i}
	}
	by := make([]*rule, n)
	start = time.Now()
	v.prec.overriders(rules, by)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("resolving %d applicable clauses took %v", n, d)
	}
	// Clause n overrides every other through the chain, and nothing
	// overrides it.
	if by[n-1] != nil || by[0] != rules[n-1] || by[n/2] != rules[n-1] {
		t.Errorf("overridden by: last %s, first %s, middle %s; want nothing, %d, %d",
			ruleNum(by[n-1]), ruleNum(by[0]), ruleNum(by[n/2]), n, n)
	}
}
