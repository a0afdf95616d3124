package repl

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file finds, for :why after a decision, the clauses over the same
// action that were considered and did not apply, and says why in terms of
// the action: another party, a condition that does not hold (with the
// values of the fields it reads), a date outside the clause's, a version
// not yet in force.

// whyRecord is the name the action is bound to while a clause's
// condition is evaluated against it.
const whyRecord = "why_record"

// notApplied returns one line per deontic clause over the action of r
// that did not apply to it: `3.2 "AWS distribution" (aws_concessions):
// its condition platform == AWS does not hold: platform is GoogleCloud`.
func (s *Session) notApplied(ctx context.Context, a *answer, d *result.Decision) []string {
	r := a.val.Record()
	h, ai := s.histories()
	if ai == nil || r == nil {
		return nil
	}
	applied := map[string]bool{}
	for _, ap := range d.Applied {
		applied[ap.Clause.Num] = true
	}
	date := d.AsOf.String()
	var nums []string
	for k := range h {
		if n, ok := strings.CutPrefix(k, "clause "); ok && !applied[n] {
			nums = append(nums, n)
		}
	}
	sort.Slice(nums, func(i, j int) bool { return clauseLess(nums[i], nums[j]) })
	actor := actorOf(r)
	var out []string
	for _, n := range nums {
		vs := h["clause "+n]
		var v *version
		for _, x := range vs {
			if x.from <= date {
				v = x
			}
		}
		// the first version over this action, to name the clause
		var c *lang.ClauseDecl
		for _, x := range vs {
			if cd, ok := x.item.(*lang.ClauseDecl); ok && deonticOver(cd, r.Schema.Name()) != nil {
				c = cd
				if x == v {
					break
				}
			}
		}
		if c == nil {
			continue // not about this action in any version
		}
		name := fmt.Sprintf("%s %q", n, titleOf(c))
		switch {
		case v == nil:
			out = append(out, fmt.Sprintf("%s: not yet in force on %s (from %s)", name, date, vs[0].from))
			continue
		case v.item == nil:
			out = append(out, fmt.Sprintf("%s: deleted by %s from %s", name, v.madeBy, v.from))
			continue
		}
		cd, _ := v.item.(*lang.ClauseDecl)
		b := deonticOver(cd, r.Schema.Name())
		if b == nil {
			continue
		}
		if v.madeBy != ai.Decl.ID.Name && !v.typed {
			name += " (" + v.madeBy + ")"
		}
		switch {
		case b.Party != nil && b.Party.Name != actor:
			out = append(out, fmt.Sprintf("%s: it is about %s by %s; this %s is by %s", name, b.Action.Name, b.Party.Name, r.Schema.Name(), actor))
		case b.From != nil && date < b.From.Text:
			out = append(out, fmt.Sprintf("%s: it applies from %s, after %s", name, b.From.Text, date))
		case b.Until != nil && date > b.Until.Text:
			out = append(out, fmt.Sprintf("%s: it applied until %s, before %s", name, b.Until.Text, date))
		case b.Where != nil:
			out = append(out, fmt.Sprintf("%s: %s", name, s.conditionWords(ctx, a, b.Where)))
		default:
			out = append(out, fmt.Sprintf("%s: it did not apply", name))
		}
	}
	return out
}

// deonticOver returns c's body if it is a permission, prohibition or
// obligation over action.
func deonticOver(c *lang.ClauseDecl, action string) *lang.Deontic {
	if c == nil {
		return nil
	}
	b, ok := c.Body.(*lang.Deontic)
	if !ok || b.Action == nil || b.Action.Name != action {
		return nil
	}
	return b
}

func titleOf(c *lang.ClauseDecl) string {
	if c.Title != nil {
		return c.Title.Value
	}
	return ""
}

// identRE matches a name outside text in quotes (see stripText).
var identRE = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// conditionWords says that a clause's condition does not hold for the
// action, with the values of the fields it reads: `its condition
// platform == AWS does not hold: platform is GoogleCloud`.
func (s *Session) conditionWords(ctx context.Context, a *answer, cond lang.Expr) string {
	r := a.val.Record()
	text := oneLine(lang.FormatExpr(cond))
	fields := map[string]bool{}
	for _, f := range r.Schema.Fields() {
		fields[f] = true
	}
	fields["actor"], fields["date"] = true, true
	plain := stripText(text)
	var b strings.Builder
	var read []string
	seen := map[string]bool{}
	last := 0
	for _, m := range identRE.FindAllStringIndex(plain, -1) {
		name := text[m[0]:m[1]]
		if !fields[name] || m[0] > 0 && text[m[0]-1] == '.' {
			continue
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(whyRecord + "." + name)
		last = m[1]
		if !seen[name] {
			seen[name] = true
			read = append(read, name)
		}
	}
	b.WriteString(text[last:])
	var values []string
	for _, f := range read {
		if v, ok := r.Field(f); ok {
			values = append(values, fmt.Sprintf("%s is %s", f, formatValue(v)))
		}
	}
	words := fmt.Sprintf("its condition %s does not hold", text)
	if held, ok := s.evalCondition(ctx, a, b.String()); ok && held {
		words = fmt.Sprintf("its condition %s holds, but it did not apply", text)
	}
	if len(values) > 0 {
		words += ": " + strings.Join(values, ", ")
	}
	return words
}

// evalCondition evaluates src, a condition over the action bound to
// whyRecord, at the answer's as-of date.
func (s *Session) evalCondition(ctx context.Context, a *answer, src string) (bool, bool) {
	e, errs := lang.ParseExpr(replName, []byte(src))
	if len(errs) > 0 {
		return false, false
	}
	g := &lang.Given{Name: &lang.Ident{Name: whyRecord}, Value: a.expr}
	x, err := s.prog.CompileParsedExpr(s.agreement(), e, append(s.bindings(), interp.GivenValue{Given: g, Value: a.val, Type: a.typ})...)
	if err != nil {
		return false, false
	}
	v, err := x.Eval(ctx, interp.EvalOptions{AsOf: a.asOf})
	if err != nil || v.Kind() != types.KindBool {
		return false, false
	}
	return v.Truth(), true
}
