package lang

import (
	"strings"
	"unicode/utf8"
)

// This file finds "did you mean" suggestions for misspelled names.

// suggest returns the candidate closest to name, or "" if none is close
// enough. A candidate is close when it differs from name only in case, or
// when its edit distance (Levenshtein, counted in runes) is at most
// max(2, len(name)/3) and less than the length of name. Ties go to the
// candidate sharing the longest prefix with name, then to the first in
// sorted order, so that hints are deterministic.
//
// A name longer than MaxSuggestLen characters is matched only by case
// (the edit distance costs time in the product of the lengths), and a
// candidate whose length is further from the name's than the limit is
// passed over without computing its distance.
func suggest(name string, candidates []string) string {
	if name == "" {
		return ""
	}
	var ed editor
	ed.a = []rune(name)
	n := len(ed.a)
	limit := max(2, n/3)
	if n > MaxSuggestLen {
		limit = -1 // case-only differences
	}
	best, bestDist, bestPrefix := "", limit+2, 0
	for _, c := range candidates {
		if c == name || c == "" {
			continue
		}
		d := 0
		if !strings.EqualFold(c, name) {
			if limit < 0 {
				continue
			}
			d = 1 + ed.distance(c, limit) // case-only differences rank first
			if d-1 > limit || d > n {
				continue // too far: distance() only promises a value above limit
			}
		}
		p := commonPrefix(name, c)
		if d < bestDist || d == bestDist && (p > bestPrefix || p == bestPrefix && c < best) {
			best, bestDist, bestPrefix = c, d, p
		}
	}
	return best
}

// MaxSuggestLen is the length in characters of the longest name for which
// a "did you mean" hint may name a candidate other than one differing from
// it only in case.
const MaxSuggestLen = 64

// Closest returns the candidate closest to name by the rule the checker
// uses for its "did you mean" hints, or "" if none is close enough. Tools
// (the REPL, ledger readers) use it so that every hint reads alike.
func Closest(name string, candidates []string) string { return suggest(name, candidates) }

// didYouMean returns a hint naming the closest candidate, or "".
func didYouMean(name string, candidates []string) string {
	if s := suggest(name, candidates); s != "" {
		return "did you mean " + QuoteName(s) + "?"
	}
	return ""
}

// editDistance returns the Levenshtein distance between a and b, or any
// value above limit once the distance is known to exceed it.
func editDistance(a, b string, limit int) int {
	ed := editor{a: []rune(a)}
	return ed.distance(b, limit)
}

// editor computes edit distances from one string, reusing its buffers.
type editor struct {
	a         []rune
	b         []rune
	prev, cur []int
}

func (ed *editor) distance(b string, limit int) int {
	if d := len(ed.a) - utf8.RuneCountInString(b); d > limit || -d > limit {
		return limit + 1
	}
	ed.b = append(ed.b[:0], []rune(b)...)
	rb := ed.b
	ed.prev = append(ed.prev[:0], make([]int, len(rb)+1)...)
	ed.cur = append(ed.cur[:0], make([]int, len(rb)+1)...)
	prev, cur := ed.prev, ed.cur
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ed.a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ed.a[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// commonPrefix returns the length in bytes of the common prefix of a and b.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
