package repl

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// This file answers questions about an action given with only some of
// its fields, without inventing the others: `may openai sell { platform:
// AWS, date: 2026-10-15 }`, or an instance with fields left out. A
// permission question needs only the fields that the clauses over the
// action read (in their conditions, directly or through terms); a money
// question, those the money clauses read. A field read is never filled
// in: the question then names it. The fields no clause reads are given a
// stand-in value only because an instance has every field; nothing reads
// it, so it cannot change the answer.

// mayRE matches `may PARTY ACTION { fields }`.
var mayRE = regexp.MustCompile(`^\s*may\s+([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z_][A-Za-z0-9_]*)\s*(\{[\s\S]*\})?\s*$`)

// askMay handles `may PARTY ACTION { fields }`: a permission question.
func (s *Session) askMay(ctx context.Context, m []string) bool {
	braces := m[3]
	if braces == "" {
		braces = "{ }"
	}
	text := fmt.Sprintf("%s by %s %s", m[2], m[1], braces)
	e, errs := lang.ParseExpr(replName, []byte(text))
	if len(errs) > 0 {
		s.printErr(errs, nil, nil, text)
		return false
	}
	lit, ok := e.(*lang.ActionLit)
	if !ok {
		s.printf("write a permission question like: may %s %s { date: 2027-01-15, ... }\n", m[1], m[2])
		return false
	}
	return s.askPartial(ctx, text, lit, true)
}

// missingFields returns the fields of lit's action that lit does not
// give, in declared order (nil if the action is unknown: the usual
// error then says so).
func (s *Session) missingFields(lit *lang.ActionLit) ([]*lang.FieldDecl, *lang.SchemaDecl) {
	sd := s.schema(lit.Action.Name)
	if sd == nil || lit.Fields == nil {
		return nil, nil
	}
	given := map[string]bool{}
	for _, f := range lit.Fields.Fields {
		given[f.Name.Name] = true
	}
	var out []*lang.FieldDecl
	for _, f := range sd.Fields {
		if !given[f.Name.Name] {
			out = append(out, f)
		}
	}
	if !given["date"] && !hasField(sd, "date") {
		out = append(out, &lang.FieldDecl{Name: &lang.Ident{Name: "date"}, Type: &lang.TypeExpr{Name: &lang.Ident{Name: "date"}}})
	}
	return out, sd
}

func hasField(sd *lang.SchemaDecl, name string) bool {
	for _, f := range sd.Fields {
		if f.Name.Name == name {
			return true
		}
	}
	return false
}

// schema returns the declaration of an action or event of the session's
// agreement.
func (s *Session) schema(name string) *lang.SchemaDecl {
	if s.prog == nil {
		return nil
	}
	for _, ai := range s.prog.Info().Agreements {
		if ai.Decl.ID.Name == s.agreement() {
			return ai.Schemas[name]
		}
	}
	return nil
}

// askPartial answers for an instance with fields missing: the decision
// if the clauses over the action read none of them, and (unless
// decideOnly) the amounts if the money clauses read none of them; else
// it names the fields needed and who reads them.
func (s *Session) askPartial(ctx context.Context, text string, lit *lang.ActionLit, decideOnly bool) bool {
	missing, sd := s.missingFields(lit)
	if sd == nil {
		s.printf("there is no action called %s\n", lit.Action.Name)
		return false
	}
	if len(missing) == 0 {
		e, errs := lang.ParseExpr(replName, []byte(text))
		if len(errs) > 0 {
			s.printErr(errs, nil, nil, text)
			return false
		}
		if decideOnly {
			return s.askDecision(ctx, text, e)
		}
		return s.ask(ctx, text, e)
	}
	var names []string
	for _, f := range missing {
		names = append(names, f.Name.Name)
	}
	if slicesContains(names, "date") {
		s.printf("to answer, the %s needs its date (the clauses in force depend on it): add date: YYYY-MM-DD in the braces\n", lit.Action.Name)
		return false
	}
	permReads := s.fieldsRead(lit.Action.Name, identName(lit.Actor), false)
	if need := needed(names, permReads); len(need) > 0 {
		s.printf("to decide whether %s may %s, give %s\n", identName(lit.Actor), lit.Action.Name, needWords(need, permReads))
		return false
	}
	full, ok := s.fillFields(text, missing)
	if !ok {
		s.printf("the %s has fields that cannot be left out here: give %s\n", lit.Action.Name, strings.Join(names, ", "))
		return false
	}
	e, errs := lang.ParseExpr(replName, []byte(full))
	if len(errs) > 0 {
		s.printErr(errs, nil, nil, text)
		return false
	}
	if !s.askDecision(ctx, text, e) {
		return false
	}
	if s.last != nil {
		s.last.notGiven, s.last.given = names, text
	}
	s.printf("  (decided from the fields given: no clause over %s reads %s)\n", lit.Action.Name, strings.Join(names, ", "))
	if decideOnly {
		return true
	}
	moneyReads := s.fieldsRead(lit.Action.Name, identName(lit.Actor), true)
	if need := needed(names, moneyReads); len(need) > 0 {
		s.printf("  the amounts it gives rise to need %s\n", needWords(need, moneyReads))
		return true
	}
	if s.last != nil && s.last.val.Record() != nil {
		lines, err := s.moneyFor(ctx, s.last.val.Record())
		if err == nil {
			for _, l := range lines {
				s.printf("  %s\n", s.lineWords(ctx, l, s.asOf))
			}
		}
	}
	return true
}

// askDecision evaluates an instance and prints its decision only.
func (s *Session) askDecision(ctx context.Context, entry string, e lang.Expr) bool {
	x, err := s.prog.CompileParsedExpr(s.agreement(), e, s.bindings()...)
	if err != nil {
		s.printErr(err, s.srcs, s.ss, entry)
		return false
	}
	v, err := x.Eval(ctx, interp.EvalOptions{AsOf: s.asOf})
	if err != nil {
		s.printErr(err, s.srcs, s.ss, entry)
		return false
	}
	r := v.Record()
	if r == nil || r.Schema.Event() {
		s.println(formatValue(v))
		return true
	}
	d, err := s.prog.Decide(ctx, r, s.decideOptions())
	if err != nil {
		s.printErr(err, s.srcs, s.ss, entry)
		return false
	}
	a := &answer{entry: entry, expr: e, typ: x.Type(), val: v, asOf: s.asOf, decision: d}
	s.last = a
	s.printInstance(ctx, a)
	return true
}

// fieldReader says who reads a field: `clause 3.2` or `clause 5.1
// through term net_revenue`.
type fieldReader map[string]string

// fieldsRead returns the fields of action that the clauses over it read
// (the money clauses with money, else the permissions, prohibitions and
// obligations), in any version, directly or through the terms they use,
// each with the first reader found; only the clauses of actor's (a
// permission of another party's cannot decide, a share counting another
// party's actions cannot count this one). It over-approximates: a name that is
// a field's anywhere in that text counts as read.
func (s *Session) fieldsRead(action, actor string, money bool) fieldReader {
	h, ai := s.histories()
	out := fieldReader{}
	if ai == nil {
		return out
	}
	sd := s.schema(action)
	if sd == nil {
		return out
	}
	fields := map[string]bool{"actor": true, "date": true}
	for _, f := range sd.Fields {
		fields[f.Name.Name] = true
	}
	var keys []string
	for k := range h {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return clauseLess(strings.TrimPrefix(keys[i], "clause "), strings.TrimPrefix(keys[j], "clause "))
	})
	var scan func(text, who string, depth int)
	scan = func(text, who string, depth int) {
		for _, id := range identRE.FindAllString(stripText(text), -1) {
			if fields[id] {
				if _, ok := out[id]; !ok {
					out[id] = who
				}
			}
			if depth < 8 {
				for _, v := range h["term "+id] {
					if v.item != nil {
						through := who
						if !strings.Contains(who, " through ") {
							through += " through term " + id
						}
						scan(lang.FormatItem(v.item), through, depth+1)
					}
				}
			}
		}
	}
	for _, k := range keys {
		num, ok := strings.CutPrefix(k, "clause ")
		if !ok {
			continue
		}
		for _, v := range h[k] {
			c, ok := v.item.(*lang.ClauseDecl)
			if !ok || !clauseOver(c, action, actor, money) {
				continue
			}
			scan(lang.FormatItem(bodyOnly(c)), "clause "+num, 0)
		}
	}
	return out
}

// clauseOver reports whether c is about action by actor: a money clause
// (a share of it, or a milestone on it) with money, else a permission,
// prohibition or obligation of actor's.
func clauseOver(c *lang.ClauseDecl, action, actor string, money bool) bool {
	switch b := c.Body.(type) {
	case *lang.Deontic:
		return !money && b.Action != nil && b.Action.Name == action && (b.Party == nil || b.Party.Name == actor)
	case *lang.Share:
		return money && b.Action != nil && b.Action.Name == action && (b.By == nil || b.By.Name == actor)
	case *lang.Milestone:
		return money && b.Event != nil && b.Event.Name == action
	}
	return false
}

// needed returns the names in missing that reads has.
func needed(missing []string, reads fieldReader) []string {
	var out []string
	for _, n := range missing {
		if _, ok := reads[n]; ok {
			out = append(out, n)
		}
	}
	return out
}

// needWords names needed fields with their readers: `platform (read by
// clause 3.2)`.
func needWords(need []string, reads fieldReader) string {
	var parts []string
	for _, n := range need {
		parts = append(parts, fmt.Sprintf("%s (read by %s)", n, reads[n]))
	}
	return strings.Join(parts, " and ")
}

// fillFields adds a stand-in for each missing field to the instance text
// (before its closing brace). It reports false for a field of a type it
// has no stand-in for.
func (s *Session) fillFields(text string, missing []*lang.FieldDecl) (string, bool) {
	var parts []string
	for _, f := range missing {
		v, ok := s.standIn(f.Type)
		if !ok {
			return "", false
		}
		parts = append(parts, f.Name.Name+": "+v)
	}
	i := strings.LastIndex(text, "}")
	if i < 0 {
		return "", false
	}
	head := strings.TrimRight(text[:i], " \t\n")
	sep := ", "
	if strings.HasSuffix(head, "{") {
		sep = " "
	}
	return head + sep + strings.Join(parts, ", ") + " " + text[i:], true
}

// standIn returns a value of type t, for a field nothing reads.
func (s *Session) standIn(t *lang.TypeExpr) (string, bool) {
	if t == nil {
		return "", false
	}
	if t.ListOf != nil {
		return "[]", true
	}
	if t.Name == nil {
		return "", false
	}
	switch t.Name.Name {
	case "money":
		return s.currency() + " 0.00", true
	case "text":
		return `""`, true
	case "bool":
		return "false", true
	case "percent":
		return "0%", true
	case "number", "decimal", "int", "integer":
		return "0", true
	}
	for _, ai := range s.prog.Info().Agreements {
		if ai.Decl.ID.Name != s.agreement() {
			continue
		}
		if k := ai.Kinds[t.Name.Name]; k != nil && len(k.Members) > 0 {
			return k.Members[0].Name, true
		}
	}
	return "", false
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
