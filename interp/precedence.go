package interp

import (
	"fmt"
	"sync"

	"github.com/pacta-lang/pacta/interp/result"
)

// Precedence (SPEC 5.3) is a directed acyclic graph over the clauses of a
// version: an edge from i to j when clause i overrides clause j directly
// (i is notwithstanding j, or j is subject to i). Clause i overrides j when
// j is reachable from i. The graph is kept as adjacency lists, so that
// compiling is linear in the number of clauses and references; the
// transitive closure is never built, except as one 64-bit mask per clause
// for a version of at most 64 clauses, where it costs nothing.

// maxMaskClauses is the most clauses a version may have for its closure to
// be kept as bit masks.
const maxMaskClauses = 64

// precedence is the compiled precedence relation of one version.
type precedence struct {
	n     int
	start []int32 // succ[start[i]:start[i+1]] are the clauses i overrides directly
	succ  []int32
	// reach[i] has bit j set when clause i overrides clause j, directly or
	// through a chain; only when n <= maxMaskClauses.
	reach []uint64
	// scratch holds the per-decision marks for the graph search of a
	// larger version.
	scratch sync.Pool // *precScratch
}

// buildPrecedence builds the relation over clauses from their
// notwithstanding and subject-to references (to clauses in force in the
// same version; others have no effect). A cycle, which the checker
// rejects, is reported as an internal error.
func buildPrecedence(clauses []*result.ClauseInfo) (*precedence, error) {
	n := len(clauses)
	idx := make(map[string]int32, n)
	for i, c := range clauses {
		idx[c.Num] = int32(i)
	}
	type edge struct{ from, to int32 }
	var edges []edge
	outdeg := make([]int32, n+1)
	for i, c := range clauses {
		for _, r := range c.Decl.Notwithstanding {
			if r == nil {
				continue
			}
			if j, ok := idx[r.Num]; ok && int(j) != i {
				edges = append(edges, edge{int32(i), j})
				outdeg[i]++
			}
		}
		for _, r := range c.Decl.SubjectTo {
			if r == nil {
				continue
			}
			if j, ok := idx[r.Num]; ok && int(j) != i {
				edges = append(edges, edge{j, int32(i)})
				outdeg[j]++
			}
		}
	}
	p := &precedence{n: n, start: make([]int32, n+1), succ: make([]int32, len(edges))}
	for i := 0; i < n; i++ {
		p.start[i+1] = p.start[i] + outdeg[i]
	}
	fill := make([]int32, n)
	copy(fill, p.start[:n])
	for _, e := range edges {
		p.succ[fill[e.from]] = e.to
		fill[e.from]++
	}
	// Kahn's algorithm: a topological order, or a cycle.
	indeg := make([]int32, n)
	for _, j := range p.succ {
		indeg[j]++
	}
	order := make([]int32, 0, n)
	for i := 0; i < n; i++ {
		if indeg[i] == 0 {
			order = append(order, int32(i))
		}
	}
	for k := 0; k < len(order); k++ {
		i := order[k]
		for _, j := range p.succ[p.start[i]:p.start[i+1]] {
			if indeg[j]--; indeg[j] == 0 {
				order = append(order, j)
			}
		}
	}
	if len(order) != n {
		for i := 0; i < n; i++ {
			if indeg[i] > 0 {
				return nil, internal(clauses[i].Pos, fmt.Sprintf("clause %s is in a precedence cycle", clauses[i].Num))
			}
		}
	}
	if n <= maxMaskClauses {
		p.reach = make([]uint64, n)
		for k := n - 1; k >= 0; k-- { // successors before their predecessors
			i := order[k]
			for _, j := range p.succ[p.start[i]:p.start[i+1]] {
				p.reach[i] |= 1<<uint(j) | p.reach[j]
			}
		}
	}
	return p, nil
}

// precScratch is the state of one graph search: a clause is marked when
// mark[i] == gen, so that a new search needs no clearing.
type precScratch struct {
	mark  []uint32
	app   []uint32 // app[i] == gen when clause i applies; at appAt[i] in the applicable list
	appAt []int32
	stack []int32
	gen   uint32
}

func (s *precScratch) next() {
	s.gen++
	if s.gen == 0 { // wrapped: clear the marks once every 2^32 searches
		clear(s.mark)
		clear(s.app)
		s.gen = 1
	}
}

// overriders fills by[i] with a clause overriding applied[i] when one does
// (nil otherwise): the first deciding clause (one no applicable clause
// overrides) in applied order that overrides it, else the first applicable
// clause that does. That is the transitive-closure rule of SPEC 5.3 and
// 5.4, reported as Decision.Applied describes.
func (p *precedence) overriders(applied []*rule, by []*rule) {
	if p.reach != nil {
		p.overridersMask(applied, by)
		return
	}
	p.overridersGraph(applied, by)
}

func (p *precedence) overridersMask(applied []*rule, by []*rule) {
	var all uint64
	for _, r := range applied {
		all |= 1 << uint(r.idx)
	}
	var over uint64 // the applicable clauses some applicable clause overrides
	for _, r := range applied {
		over |= p.reach[r.idx] & all
	}
	for i, r := range applied {
		by[i] = nil
		bit := uint64(1) << uint(r.idx)
		if over&bit == 0 {
			continue
		}
		for _, o := range applied {
			if p.reach[o.idx]&bit == 0 {
				continue
			}
			if by[i] == nil {
				by[i] = o
			}
			if over&(1<<uint(o.idx)) == 0 {
				by[i] = o
				break
			}
		}
	}
}

func (p *precedence) overridersGraph(applied []*rule, by []*rule) {
	s, _ := p.scratch.Get().(*precScratch)
	if s == nil {
		s = &precScratch{mark: make([]uint32, p.n), app: make([]uint32, p.n), appAt: make([]int32, p.n)}
	}
	defer p.scratch.Put(s)
	s.next()
	for i, r := range applied {
		by[i] = nil
		s.app[r.idx], s.appAt[r.idx] = s.gen, int32(i)
	}
	// Pass 1: which applicable clauses does some applicable clause
	// override? Every clause reachable from an applicable one is marked;
	// a search stops at a marked clause, whose descendants are marked.
	// by[i] is set to the first applicable clause (in applied order) that
	// reaches applied[i].
	for _, r := range applied {
		if s.mark[r.idx] != s.gen && p.start[r.idx] != p.start[r.idx+1] {
			p.search(s, r, by)
		}
	}
	// Pass 2, only when needed: a clause whose first overrider is itself
	// overridden is reported as overridden by the first deciding clause
	// that reaches it. (When the first applicable clause that reaches it
	// is deciding, it is also the first deciding one.) The deciding
	// clauses are searched in applied order.
	overridden := s.gen
	needed := false
	for i := range applied {
		if o := by[i]; o != nil && s.mark[o.idx] == overridden {
			needed = true
			break
		}
	}
	if !needed {
		return
	}
	var deciding [16]*rule
	dec := deciding[:0]
	for _, r := range applied {
		if s.mark[r.idx] != overridden {
			dec = append(dec, r)
		}
	}
	s.next()
	for _, r := range applied { // keep the applicable marks for this pass
		s.app[r.idx] = s.gen
	}
	for _, r := range dec {
		p.search(s, r, by)
	}
}

// search marks every clause reachable from src and records src as the
// overrider of each unmarked applicable clause it reaches. In pass 2 the
// deciding clauses are searched in applied order, so each applicable
// clause they reach gets the first of them.
func (p *precedence) search(s *precScratch, src *rule, by []*rule) {
	s.stack = append(s.stack[:0], int32(src.idx))
	for len(s.stack) > 0 {
		i := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		for _, j := range p.succ[p.start[i]:p.start[i+1]] {
			if s.mark[j] == s.gen {
				continue
			}
			s.mark[j] = s.gen
			if s.app[j] == s.gen {
				by[s.appAt[j]] = src
			}
			s.stack = append(s.stack, j)
		}
	}
}

// overrides reports whether clause i overrides clause j, directly or
// through a chain (for tests and explanations; a graph search).
func (p *precedence) overrides(i, j int) bool {
	if p.reach != nil {
		return p.reach[i]&(1<<uint(j)) != 0
	}
	seen := make([]bool, p.n)
	stack := []int32{int32(i)}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, m := range p.succ[p.start[k]:p.start[k+1]] {
			if int(m) == j {
				return true
			}
			if !seen[m] {
				seen[m] = true
				stack = append(stack, m)
			}
		}
	}
	return false
}
