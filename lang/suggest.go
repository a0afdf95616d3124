package lang

import (
	"sort"
	"strings"
)

// This file finds "did you mean" suggestions for misspelled names.

// suggest returns the candidate closest to name, or "" if none is close
// enough. A candidate is close when it differs from name only in case, or
// when its edit distance (Levenshtein, counted in runes) is at most
// max(2, len(name)/3) and less than the length of name. Ties go to the
// candidate sharing the longest prefix with name, then to the first in
// sorted order, so that hints are deterministic.
func suggest(name string, candidates []string) string {
	if name == "" {
		return ""
	}
	n := len([]rune(name))
	limit := max(2, n/3)
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	best, bestDist := "", limit+1
	for _, c := range sorted {
		if c == name || c == "" {
			continue
		}
		if strings.EqualFold(c, name) {
			return c
		}
		d := editDistance(name, c, limit)
		if d >= n {
			continue
		}
		if d < bestDist || (d == bestDist && commonPrefix(name, c) > commonPrefix(name, best)) {
			best, bestDist = c, d
		}
	}
	return best
}

// didYouMean returns a hint naming the closest candidate, or "".
func didYouMean(name string, candidates []string) string {
	if s := suggest(name, candidates); s != "" {
		return `did you mean "` + s + `"?`
	}
	return ""
}

// editDistance returns the Levenshtein distance between a and b, or any
// value above limit once the distance is known to exceed it.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
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
