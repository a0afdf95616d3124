package render

import (
	"strings"
	"unicode"

	"github.com/pacta-lang/pacta/lang"
)

// This file shows each amendment as changes to the version before it:
// the clauses and terms it adds, replaces and deletes, with the prose and
// the reading of a replaced version marked word by word as insertions
// and deletions.

type redlineDoc struct {
	ID, Title, Effective string
	Changes              []changeDoc
}

type changeDoc struct {
	Kind    string // "adds", "replaces", "deletes"
	What    string // "clause 5.1 “Revenue share”", "term Net Revenue"
	Ref     string // anchor of the version in force, "" if none
	Prose   []seg
	Reading []seg
}

// seg is a run of a redline: Op is '=' (unchanged), '+' or '-'.
type seg struct {
	Op   byte
	Text string
}

func redlines(ai *lang.AgreementInfo, asOf string, r *reader) []*redlineDoc {
	h := histories(ai, asOf)
	var out []*redlineDoc
	for _, am := range ai.Amendments {
		d := effectiveOf(am.Items)
		if asOf != "" && d > asOf {
			continue
		}
		rd := &redlineDoc{ID: am.ID.Name, Title: title(am.Title, am.ID), Effective: d}
		for _, it := range am.Items {
			var key string
			switch it := it.(type) {
			case *lang.ClauseDecl:
				key = "clause " + it.Num.Num
			case *lang.DeleteClause:
				key = "clause " + it.Num.Num
			case *lang.TermDecl:
				key = "term " + it.Name.Name
			default:
				continue
			}
			vs := h[key]
			var prev, cur *version
			for i, v := range vs {
				if v.amendment == am && (v.item == it || (v.item == nil && isDelete(it))) {
					cur = v
					if i > 0 {
						prev = vs[i-1]
					}
				}
			}
			if cur == nil {
				continue
			}
			rd.Changes = append(rd.Changes, r.change(key, prev, cur))
		}
		out = append(out, rd)
	}
	return out
}

func isDelete(it lang.Item) bool {
	_, ok := it.(*lang.DeleteClause)
	return ok
}

// change compares a version with the one before it.
func (r *reader) change(key string, prev, cur *version) changeDoc {
	var c changeDoc
	oldProse, oldReading, oldTitle := r.versionTexts(prev)
	newProse, newReading, newTitle := r.versionTexts(cur)
	switch {
	case cur.item == nil:
		c.Kind = "deletes"
	case prev == nil || prev.item == nil:
		c.Kind = "adds"
	default:
		c.Kind = "replaces"
	}
	name := strings.TrimPrefix(key, "clause ")
	if strings.HasPrefix(key, "term ") {
		name = strings.TrimPrefix(key, "term ")
		c.What = "term " + titleWords(name)
		if r.terms == nil || r.terms[name] {
			c.Ref = termAnchor(name)
		}
	} else {
		t := newTitle
		if t == "" {
			t = oldTitle
		}
		c.What = "clause " + name + " “" + t + "”"
		if r.clauses[name] {
			c.Ref = clauseAnchor(name)
		}
	}
	if cur.item == nil {
		c.Ref = ""
	}
	c.Prose = wordDiff(oldProse, newProse)
	c.Reading = wordDiff(oldReading, newReading)
	return c
}

// versionTexts returns the prose, reading and title of a version ("" for
// none or a deletion).
func (r *reader) versionTexts(v *version) (prose, reading, title string) {
	if v == nil || v.item == nil {
		return "", "", ""
	}
	switch it := v.item.(type) {
	case *lang.ClauseDecl:
		if it.Prose != nil {
			prose = it.Prose.Value
		}
		if it.Title != nil {
			title = it.Title.Value
		}
		return prose, r.clause(it).String(), title
	case *lang.TermDecl:
		if it.Prose != nil {
			prose = it.Prose.Value
		}
		return prose, r.term(it).Reading.String(), ""
	}
	return "", "", ""
}

// maxDiffTokens bounds the word diff: longer texts are shown as wholly
// deleted and inserted, so that the table stays small.
const maxDiffTokens = 2000

// wordDiff marks the words of b that are not in a as insertions and those
// of a not in b as deletions (a longest common subsequence of words and
// the spaces between them).
func wordDiff(a, b string) []seg {
	ta, tb := tokens(a), tokens(b)
	var out []seg
	emit := func(op byte, s string) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += s
			return
		}
		out = append(out, seg{op, s})
	}
	if len(ta) > maxDiffTokens || len(tb) > maxDiffTokens {
		emit('-', a)
		emit('+', b)
		return out
	}
	// lcs[i][j] is the length of a longest common subsequence of ta[i:]
	// and tb[j:].
	n, m := len(ta), len(tb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case ta[i] == tb[j]:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case ta[i] == tb[j]:
			emit('=', ta[i])
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			emit('-', ta[i])
			i++
		default:
			emit('+', tb[j])
			j++
		}
	}
	for ; i < n; i++ {
		emit('-', ta[i])
	}
	for ; j < m; j++ {
		emit('+', tb[j])
	}
	return tidy(out)
}

// tidy joins changes separated only by spaces or a punctuation mark into
// one deletion followed by one insertion, so that a rewritten phrase
// reads as a phrase and not as alternating words.
func tidy(in []seg) []seg {
	var out []seg
	for i := 0; i < len(in); {
		if in[i].Op == '=' {
			out = append(out, in[i])
			i++
			continue
		}
		var del, ins strings.Builder
		j := i
		for j < len(in) {
			s := in[j]
			if s.Op == '=' {
				if !isGlue(s.Text) || j+1 >= len(in) || in[j+1].Op == '=' {
					break
				}
				del.WriteString(s.Text)
				ins.WriteString(s.Text)
				j++
				continue
			}
			if s.Op == '-' {
				del.WriteString(s.Text)
			} else {
				ins.WriteString(s.Text)
			}
			j++
		}
		if del.Len() > 0 {
			out = append(out, seg{'-', del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, seg{'+', ins.String()})
		}
		i = j
	}
	return out
}

// isGlue reports whether an unchanged run is too short to stand between
// two changes: spaces alone.
func isGlue(s string) bool {
	return strings.TrimSpace(s) == ""
}

// tokens splits text into words, runs of spaces, and punctuation marks.
func tokens(s string) []string {
	var out []string
	start := -1
	kind := 0 // 1 word, 2 space
	flush := func(i int) {
		if start >= 0 {
			out = append(out, s[start:i])
		}
		start = -1
	}
	for i, c := range s {
		k := 3
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c) || c == '\'' || c == '’':
			k = 1
		case unicode.IsSpace(c):
			k = 2
		}
		if k == 3 {
			flush(i)
			out = append(out, string(c))
			kind = 0
			continue
		}
		if k != kind {
			flush(i)
			start, kind = i, k
		}
	}
	flush(len(s))
	return out
}

// redlineBetween compares the agreement as in force on since with the
// agreement as in force on on: each clause and term whose version differs.
func redlineBetween(ai *lang.AgreementInfo, h map[string][]*version, since, on string, r *reader) *redlineDoc {
	rd := &redlineDoc{ID: "since-" + since, Title: "Changes from " + since + " to " + on, Effective: on}
	var keys []string
	for _, k := range sortedKeys(h, "clause ") {
		keys = append(keys, "clause "+k)
	}
	for _, k := range sortedKeys(h, "term ") {
		keys = append(keys, "term "+k)
	}
	for _, k := range keys {
		before, after := inForce(h[k], since), inForce(h[k], on)
		if before == after {
			continue
		}
		cur := after
		if cur == nil {
			cur = &version{key: k}
		}
		rd.Changes = append(rd.Changes, r.change(k, before, cur))
	}
	return rd
}
