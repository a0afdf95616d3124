package lang

import (
	"sort"
	"strings"
)

// MaxTermDepth is how many terms may call each other in a row (SPEC 13):
// a term that uses a term that uses a term ... through more than
// MaxTermDepth terms, itself included, is a check error.
const MaxTermDepth = 1000

// MaxTermNesting is how deep the expressions of terms that use one another
// may nest in all (SPEC 13): a term's body counts its levels of
// expression (SPEC 2.8), and a term used inside it adds its own at the
// level where it is used. Evaluating a term, and compiling and checking
// it, goes about that deep into the Go stack, at a few hundred bytes to a
// few kilobytes a level, so this keeps every one of them within some tens
// of megabytes, far below Go's limit of 1 GB, whose overflow ends the
// process. A chain of 1,000 terms each using the next within 20 levels of
// expression fits.
const MaxTermNesting = 20_000

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
	// levels[n] is how deep the chains from n nest in all (MaxTermNesting),
	// and nextL[n] the term after n on the deepest.
	depth := make(map[string]int)
	next := make(map[string]string)
	levels := make(map[string]int)
	nextL := make(map[string]string)
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
			ti := c.terms[v.names[top.name].term]
			deepest, deepestName := ti.levels, ""
			for i, r := range rs {
				if r == top.name || depth[r] <= 0 {
					continue
				}
				if depth[r] > best {
					best, bestName = depth[r], r
				}
				if l := ti.refLevels[i] + levels[r]; l > deepest {
					deepest, deepestName = l, r
				}
			}
			depth[top.name] = best + 1
			next[top.name] = bestName
			levels[top.name] = deepest
			nextL[top.name] = deepestName
			work = work[:len(work)-1]
		}
	}
	// A chain too long, or too deep, is reported where it first crosses
	// the limit: at a term over it that uses none over it.
	var deep []string
	for _, n := range names {
		if depth[n] == MaxTermDepth+1 || levels[n] > MaxTermNesting && (nextL[n] == "" || levels[nextL[n]] <= MaxTermNesting) {
			deep = append(deep, n)
		}
	}
	sort.SliceStable(deep, func(i, j int) bool { return v.names[deep[i]].pos.Before(v.names[deep[j]].pos) })
	path := func(n string, next map[string]string) string {
		chain := []string{n}
		for m := next[n]; m != ""; m = next[m] {
			chain = append(chain, m)
		}
		if len(chain) > 3 {
			chain = []string{chain[0], chain[1], "…", chain[len(chain)-1]}
		}
		return strings.Join(chain, " → ")
	}
	for _, n := range deep {
		pos := v.names[n].pos
		if depth[n] == MaxTermDepth+1 && c.once("termdepth "+pos.String()) {
			c.errs.AddHint(pos, "compute it through fewer terms: a term may use terms that use terms, at most 1000 in a row",
				"term %s is defined through a chain of more than %d terms (%s); at most %d",
				n, MaxTermDepth, path(n, next), MaxTermDepth)
		}
		if levels[n] > MaxTermNesting && (nextL[n] == "" || levels[nextL[n]] <= MaxTermNesting) && c.once("termnesting "+pos.String()) {
			c.errs.AddHint(pos, "every operator, bracket and call is a level, and a term used counts its own levels where it is used; compute it through shorter expressions or fewer terms",
				"term %s is defined through terms whose expressions nest more than %s levels deep in all (%s); at most %s",
				n, thousands(MaxTermNesting), path(n, nextL), thousands(MaxTermNesting))
		}
	}
}
