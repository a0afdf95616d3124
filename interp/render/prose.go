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
	// A reference may name a list of clauses: "Sections 5.1 and 5.2",
	// "5.1, 5.2 and 5.3", "5.1 to 5.3", "5.1-5.3"; the numbers after the
	// first are group 3, linked one by one.
	pat := `\b(?:[Ss]ections?|[Cc]lauses?)\s+(` + clauseNumPat + `)((?:` + clauseSep + clauseNumPat + `\b)*)`
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
		default:
			pl.clause(&t, s[m[0]:m[5]], s[m[4]:m[5]])
			list, at := s[m[6]:m[7]], 0
			for _, n := range clauseNumRe.FindAllStringIndex(list, -1) {
				t.add(list[at:n[0]])
				pl.clause(&t, list[n[0]:n[1]], list[n[0]:n[1]])
				at = n[1]
			}
		}
		last = m[1]
	}
	t.add(s[last:])
	return t
}

// clause writes text linked to clause num's anchor when num is a clause
// of the agreement, plain otherwise.
func (pl *proseLinker) clause(t *Text, text, num string) {
	if pl.clauses[num] {
		t.link(text, clauseAnchor(num))
		return
	}
	t.add(text)
}

// A clause number, and what separates two in a list of them.
const (
	clauseNumPat = `\d+(?:\.\d+)*`
	clauseSep    = `(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through)\s+|\s*[-–]\s*)`
)

var clauseNumRe = regexp.MustCompile(clauseNumPat)

func sortStrings(s []string) { sort.Strings(s) }
