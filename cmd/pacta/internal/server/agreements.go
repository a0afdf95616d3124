package server

import (
	"net/http"
	"sort"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// The JSON of GET /v1/agreements.
type (
	agreementsJSON struct {
		Agreements []agreementJSON `json:"agreements"`
	}
	agreementJSON struct {
		ID        string        `json:"id"`
		Title     string        `json:"title"`
		Effective string        `json:"effective"`
		Ends      string        `json:"ends"`
		Currency  string        `json:"currency"`
		Position  string        `json:"position"`
		Parties   []partyJSON   `json:"parties"`
		Versions  []versionJSON `json:"versions"`
		Clauses   []clauseJSON  `json:"clauses"`
		Actions   []schemaJSON  `json:"actions"`
	}
	partyJSON struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	// versionJSON is the agreement as first made ("" amendment) or an
	// amendment, from its effective date.
	versionJSON struct {
		Amendment string `json:"amendment"`
		Title     string `json:"title"`
		Effective string `json:"effective"`
		Position  string `json:"position"`
	}
	// clauseJSON is one clause, with every version of it, oldest first;
	// clauses come in the order of their numbers (clauseLess).
	clauseJSON struct {
		Number   string              `json:"number"`
		Versions []clauseVersionJSON `json:"versions"`
	}
	clauseVersionJSON struct {
		Amendment string `json:"amendment"` // "" for the agreement as first made
		From      string `json:"from"`      // the date it takes effect
		Change    string `json:"change"`    // "made", "replaced" or "deleted"
		Title     string `json:"title"`
		Text      string `json:"text"` // the prose; "" if none
		Position  string `json:"position"`
	}
	schemaJSON struct {
		Name   string      `json:"name"`
		Event  bool        `json:"event"`
		Fields []fieldJSON `json:"fields"`
	}
	fieldJSON struct {
		Name string `json:"name"`
		Type string `json:"type"`
	}
)

// agreements answers GET /v1/agreements: every agreement loaded, with its
// parties, versions (amendments), clauses (each with its versions) and
// the schemas of its actions and events.
func (s *Server) agreements(w http.ResponseWriter, r *http.Request, st *state) {
	out := agreementsJSON{Agreements: []agreementJSON{}}
	for _, ai := range st.prog.Info().Agreements {
		out.Agreements = append(out.Agreements, describe(st.prog, ai))
	}
	w.Header().Set("Content-Type", ctJSON)
	writeJSON(w, out)
}

func describe(p *interp.Program, ai *lang.AgreementInfo) agreementJSON {
	id := ai.Decl.ID.Name
	a := agreementJSON{
		ID: id, Title: str(ai.Decl.Title), Effective: ai.Effective, Ends: ai.Ends,
		Currency: ai.Currency, Position: ai.Decl.Pos().String(),
		Parties: []partyJSON{}, Clauses: []clauseJSON{}, Actions: []schemaJSON{},
		Versions: []versionJSON{{Title: str(ai.Decl.Title), Effective: ai.Effective, Position: ai.Decl.Pos().String()}},
	}
	parties := make([]*lang.PartyDecl, 0, len(ai.Parties))
	for _, pd := range ai.Parties {
		parties = append(parties, pd)
	}
	sort.Slice(parties, func(i, j int) bool { return parties[i].Pos().Before(parties[j].Pos()) })
	for _, pd := range parties {
		a.Parties = append(a.Parties, partyJSON{pd.ID.Name, str(pd.Name)})
	}
	index := map[string]int{}
	add := func(amendment, from string, items []lang.Item) {
		for _, it := range items {
			var num string
			var v clauseVersionJSON
			switch it := it.(type) {
			case *lang.ClauseDecl:
				num = it.Num.Num
				v = clauseVersionJSON{Change: "made", Title: str(it.Title), Text: str(it.Prose), Position: it.Pos().String()}
				if it.Replace {
					v.Change = "replaced"
				}
			case *lang.DeleteClause:
				num = it.Num.Num
				v = clauseVersionJSON{Change: "deleted", Position: it.Pos().String()}
			default:
				continue
			}
			v.Amendment, v.From = amendment, from
			i, ok := index[num]
			if !ok {
				i = len(a.Clauses)
				index[num] = i
				a.Clauses = append(a.Clauses, clauseJSON{Number: num})
			}
			a.Clauses[i].Versions = append(a.Clauses[i].Versions, v)
		}
	}
	add("", ai.Effective, ai.Decl.Items)
	for _, am := range ai.Amendments {
		from := ""
		for _, it := range am.Items {
			if e, ok := it.(*lang.Effective); ok && e.Date != nil {
				from = e.Date.Text
			}
		}
		a.Versions = append(a.Versions, versionJSON{Amendment: am.ID.Name, Title: str(am.Title), Effective: from, Position: am.Pos().String()})
		add(am.ID.Name, from, am.Items)
	}
	sort.SliceStable(a.Clauses, func(i, j int) bool { return clauseLess(a.Clauses[i].Number, a.Clauses[j].Number) })
	names := make([]string, 0, len(ai.Schemas))
	for n := range ai.Schemas {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return ai.Schemas[names[i]].Pos().Before(ai.Schemas[names[j]].Pos()) })
	for _, n := range names {
		sc, err := p.Schema(id, n)
		if err != nil {
			continue
		}
		sj := schemaJSON{Name: sc.Name(), Event: sc.Event(), Fields: []fieldJSON{}}
		for i, f := range sc.Fields() {
			sj.Fields = append(sj.Fields, fieldJSON{f, sc.FieldType(i)})
		}
		a.Actions = append(a.Actions, sj)
	}
	return a
}

// clauseLess orders clause numbers as everywhere else (lang.CompareClauseNums).
func clauseLess(a, b string) bool { return lang.CompareClauseNums(a, b) < 0 }

func str(s *lang.StringLit) string {
	if s == nil {
		return ""
	}
	return s.Value
}
