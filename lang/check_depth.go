package lang

import (
	"sort"
	"strings"
)

// MaxTermDepth is how many terms may call each other in a row (SPEC 13):
// a term that uses a term that uses a term ... through more than
// MaxTermDepth terms, itself included, is a check error. Every evaluation
// of a term, and the checker's and the compiler's work on one, then goes
// at most MaxTermDepth terms deep, each at most 1,000 levels of
// expression (SPEC 2.8), which keeps the Go stack far below its limit.
const MaxTermDepth = 1000

// termDepths reports the terms of v that are defined through a chain of
// more than MaxTermDepth terms. v has no cycles among its terms (termCycles
// found none). The longest chain from each term is found with an explicit
// stack, so a chain of 100,000 terms takes no more Go stack than one of
// two. Each chain that is too long is reported once, at the term where it
// first passes the limit: every term above it is too deep because of it.
func (c *checker) termDepths(v *view) {
	names := sortedKeys(v.names)
	refs := func(name string) []string {
		e := v.names[name]
		if e == nil || e.what != entTerm || e.term == nil || c.terms[e.term] == nil {
			return nil
		}
		return c.terms[e.term].refs
	}
	isTerm := func(name string) bool {
		e := v.names[name]
		return e != nil && e.what == entTerm && e.term != nil && c.terms[e.term] != nil
	}
	// depth[n] is the number of terms in the longest chain from n, n
	// included (0: not yet found); next[n] is the term after n on it.
	depth := make(map[string]int)
	next := make(map[string]string)
	type visit struct {
		name string
		i    int // the next reference of name to follow
	}
	var work []visit
	for _, root := range names {
		if !isTerm(root) || depth[root] != 0 {
			continue
		}
		work = append(work[:0], visit{name: root})
		depth[root] = -1 // being explored
		for len(work) > 0 {
			top := &work[len(work)-1]
			rs := refs(top.name)
			if top.i < len(rs) {
				r := rs[top.i]
				top.i++
				if r != top.name && isTerm(r) && depth[r] == 0 {
					depth[r] = -1
					work = append(work, visit{name: r})
				}
				continue
			}
			best, bestName := 0, ""
			for _, r := range rs {
				if r != top.name && depth[r] > best {
					best, bestName = depth[r], r
				}
			}
			depth[top.name] = best + 1
			next[top.name] = bestName
			work = work[:len(work)-1]
		}
	}
	var deep []string
	for _, n := range names {
		if depth[n] == MaxTermDepth+1 {
			deep = append(deep, n)
		}
	}
	sort.SliceStable(deep, func(i, j int) bool { return v.names[deep[i]].pos.Before(v.names[deep[j]].pos) })
	for _, n := range deep {
		pos := v.names[n].pos
		if !c.once("termdepth " + pos.String()) {
			continue
		}
		chain := []string{n}
		for m := next[n]; m != ""; m = next[m] {
			chain = append(chain, m)
		}
		shown := chain
		if len(chain) > 3 {
			shown = []string{chain[0], chain[1], "…", chain[len(chain)-1]}
		}
		c.errs.AddHint(pos, "compute it through fewer terms: a term may use terms that use terms, at most 1000 in a row",
			"term %s is defined through a chain of more than %d terms (%s); at most %d",
			n, MaxTermDepth, strings.Join(shown, " → "), MaxTermDepth)
	}
}
