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
	// The terms of v, by name, numbered in name order; adj[i] lists the
	// terms term i uses (-1 for a name that is not a term of v, or itself),
	// in the order of its refs and refLevels.
	var names []string
	var tis []*termInfo
	for _, n := range sortedKeys(v.names) {
		if e := v.names[n]; e.what == entTerm && e.term != nil && c.terms[e.term] != nil {
			names = append(names, n)
			tis = append(tis, c.terms[e.term])
		}
	}
	idx := make(map[string]int, len(names))
	for i, n := range names {
		idx[n] = i
	}
	adj := make([][]int, len(names))
	for i, ti := range tis {
		adj[i] = make([]int, len(ti.refs))
		for j, r := range ti.refs {
			k, ok := idx[r]
			if !ok || k == i {
				k = -1
			}
			adj[i][j] = k
		}
	}
	// depth[i] is the number of terms in the longest chain from term i, i
	// included (0: not yet found, -1: being explored); next[i] is the term
	// after i on it (-1: none). levels[i] is how deep the chains from i
	// nest in all (MaxTermNesting), and nextL[i] the term after i on the
	// deepest.
	depth := make([]int, len(names))
	levels := make([]int, len(names))
	next := make([]int, len(names))
	nextL := make([]int, len(names))
	type visit struct{ i, j int } // term i, and the next of its refs to follow
	var work []visit
	for root := range names {
		if depth[root] != 0 {
			continue
		}
		work = append(work[:0], visit{i: root})
		depth[root] = -1
		for len(work) > 0 {
			top := &work[len(work)-1]
			u := top.i
			if top.j < len(adj[u]) {
				r := adj[u][top.j]
				top.j++
				if r >= 0 && depth[r] == 0 {
					depth[r] = -1
					work = append(work, visit{i: r})
				}
				continue
			}
			best, bestAt := 0, -1
			deepest, deepestAt := tis[u].levels, -1
			for j, r := range adj[u] {
				if r < 0 || depth[r] <= 0 {
					continue
				}
				if depth[r] > best {
					best, bestAt = depth[r], r
				}
				if l := tis[u].refLevels[j] + levels[r]; l > deepest {
					deepest, deepestAt = l, r
				}
			}
			depth[u], next[u] = best+1, bestAt
			levels[u], nextL[u] = deepest, deepestAt
			work = work[:len(work)-1]
		}
	}
	// A chain too long, or too deep, is reported where it first crosses
	// the limit: at a term over it that uses none over it.
	tooDeep := func(i int) bool {
		return levels[i] > MaxTermNesting && (nextL[i] < 0 || levels[nextL[i]] <= MaxTermNesting)
	}
	var deep []int
	for i := range names {
		if depth[i] == MaxTermDepth+1 || tooDeep(i) {
			deep = append(deep, i)
		}
	}
	sort.SliceStable(deep, func(a, b int) bool { return v.names[names[deep[a]]].pos.Before(v.names[names[deep[b]]].pos) })
	path := func(i int, next []int) string {
		chain := []string{ClipText(names[i])}
		for m := next[i]; m >= 0; m = next[m] {
			chain = append(chain, ClipText(names[m]))
		}
		if len(chain) > 3 {
			chain = []string{chain[0], chain[1], "…", chain[len(chain)-1]}
		}
		return strings.Join(chain, " → ")
	}
	for _, i := range deep {
		n := names[i]
		pos := v.names[n].pos
		if depth[i] == MaxTermDepth+1 && c.once("termdepth "+pos.String()) {
			c.errs.AddHint(pos, "compute it through fewer terms: a term may use terms that use terms, at most 1000 in a row",
				"term %s is defined through a chain of more than %d terms (%s); at most %d",
				n, MaxTermDepth, path(i, next), MaxTermDepth)
		}
		if tooDeep(i) && c.once("termnesting "+pos.String()) {
			c.errs.AddHint(pos, "every operator, bracket and call is a level, and a term used counts its own levels where it is used; compute it through shorter expressions or fewer terms",
				"term %s is defined through terms whose expressions nest more than %s levels deep in all (%s); at most %s",
				n, thousands(MaxTermNesting), path(i, nextL), thousands(MaxTermNesting))
		}
	}
}
