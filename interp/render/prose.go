package render

import (
	"regexp"
	"sort"
	"strings"
)

// proseLinker links the uses of defined terms ("Net Revenue") and
// clause references ("Section 3.1") in an author's prose.
type proseLinker struct {
	re      *regexp.Regexp
	terms   map[string]string // display name: term
	clauses map[string]bool
}

func newProseLinker(terms map[string]*version, clauses map[string]bool) *proseLinker {
	pl := &proseLinker{terms: map[string]string{}, clauses: clauses}
	var alts []string
	for name := range terms {
		d := titleWords(name)
		pl.terms[d] = name
		alts = append(alts, regexp.QuoteMeta(d))
	}
	// Longest first, so that "Net Revenue Share" wins over "Net Revenue".
	sort.Slice(alts, func(i, j int) bool {
		if len(alts[i]) != len(alts[j]) {
			return len(alts[i]) > len(alts[j])
		}
		return alts[i] < alts[j]
	})
	pat := `\b(?:[Ss]ections?|[Cc]lauses?)\s+(\d+(?:\.\d+)*)`
	if len(alts) > 0 {
		pat = `\b(` + strings.Join(alts, "|") + `)\b|` + pat
	} else {
		pat = `()` + pat
	}
	pl.re = regexp.MustCompile(pat)
	return pl
}

func (pl *proseLinker) link(s string) Text {
	var t Text
	last := 0
	for _, m := range pl.re.FindAllStringSubmatchIndex(s, -1) {
		t.add(s[last:m[0]])
		switch {
		case m[2] >= 0 && m[3] > m[2]:
			word := s[m[2]:m[3]]
			t.link(s[m[0]:m[1]], termAnchor(pl.terms[word]))
		case m[4] >= 0 && pl.clauses[s[m[4]:m[5]]]:
			t.link(s[m[0]:m[1]], clauseAnchor(s[m[4]:m[5]]))
		default:
			t.add(s[m[0]:m[1]])
		}
		last = m[1]
	}
	t.add(s[last:])
	return t
}

func sortStrings(s []string) { sort.Strings(s) }
