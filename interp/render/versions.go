package render

import (
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/lang"
)

// This file works out the versions of every clause and term (SPEC 9.2):
// the one the agreement made, then one per amendment that adds, replaces
// or deletes it, each with its life.

// version is one version of a clause or term.
type version struct {
	key       string    // "clause 5.1" or "term net_revenue"
	item      lang.Item // *lang.ClauseDecl or *lang.TermDecl; nil when deleted
	amendment *lang.Amendment
	replace   bool
	from      string // YYYY-MM-DD
	until     string // YYYY-MM-DD, "" open-ended
}

// madeBy names who made the version: the amendment's title, or "" for the
// agreement.
func (v *version) madeBy() string {
	if v.amendment == nil {
		return ""
	}
	return title(v.amendment.Title, v.amendment.ID)
}

func title(s *lang.StringLit, id *lang.Ident) string {
	if s != nil && s.Value != "" {
		return s.Value
	}
	if id != nil {
		return id.Name
	}
	return "?"
}

// effectiveOf returns the `effective` date of an amendment's items.
func effectiveOf(items []lang.Item) string {
	for _, it := range items {
		if e, ok := it.(*lang.Effective); ok && e.Date != nil {
			return e.Date.Text
		}
	}
	return ""
}

// histories returns the versions of every clause and term of ai, oldest
// first, the amendments known on asOf only ("" for every one).
func histories(ai *lang.AgreementInfo, asOf string) map[string][]*version {
	h := map[string][]*version{}
	add := func(date string, am *lang.Amendment, items []lang.Item) {
		for _, it := range items {
			var v *version
			switch it := it.(type) {
			case *lang.ClauseDecl:
				v = &version{key: "clause " + it.Num.Num, item: it, replace: it.Replace}
			case *lang.TermDecl:
				v = &version{key: "term " + it.Name.Name, item: it, replace: it.Replace}
			case *lang.DeleteClause:
				v = &version{key: "clause " + it.Num.Num}
			default:
				continue
			}
			v.amendment, v.from = am, date
			h[v.key] = append(h[v.key], v)
		}
	}
	add(ai.Effective, nil, ai.Decl.Items)
	for _, am := range ai.Amendments {
		d := effectiveOf(am.Items)
		if asOf != "" && d > asOf {
			continue
		}
		add(d, am, am.Items)
	}
	for _, vs := range h {
		for i := 0; i+1 < len(vs); i++ {
			vs[i].until = dayBefore(vs[i+1].from)
		}
	}
	return h
}

// inForce returns the version of vs in force on date ("" for the latest),
// nil when none is (or it was deleted).
func inForce(vs []*version, date string) *version {
	var out *version
	for _, v := range vs {
		if date == "" || v.from <= date {
			out = v
		}
	}
	if out == nil || out.item == nil {
		return nil
	}
	return out
}

// clauseLess orders clause numbers as everywhere else (lang.CompareClauseNums).
func clauseLess(a, b string) bool { return lang.CompareClauseNums(a, b) < 0 }

// sortedKeys returns the keys of h with a prefix, clauses in clause order
// and terms by name.
func sortedKeys(h map[string][]*version, prefix string) []string {
	var out []string
	for k := range h {
		if strings.HasPrefix(k, prefix) {
			out = append(out, strings.TrimPrefix(k, prefix))
		}
	}
	if prefix == "clause " {
		sort.Slice(out, func(i, j int) bool { return clauseLess(out[i], out[j]) })
	} else {
		sort.Strings(out)
	}
	return out
}
