package interp

import (
	"errors"
	"fmt"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file evaluates preconditions (SPEC 4.7): `requires COND else
// MESSAGE` on a term, a clause, or an action or event.

// PreconditionError is a question that failed because a precondition did
// not hold. It is always wrapped in an *EvalError positioned at the
// `requires`, so errors.As finds both; every path (deciding, evaluating,
// settling, testing) reports the same Pos and Message for the same
// failure.
type PreconditionError struct {
	Pos     lang.Pos // the `requires`
	Message string   // the text after `else`
	// Of names what the precondition belongs to: "term late_fee",
	// "clause 3.1", "action sell", "event delivery".
	Of   string
	Cond string // the condition as written
}

func (e *PreconditionError) Error() string {
	return fmt.Sprintf("%s (%s requires %s)", e.Message, e.Of, e.Cond)
}

// precond is a compiled precondition.
type precond struct {
	cond node
	msg  node
	at   lang.Pos
	of   string
	text string
}

// preconds compiles rs in c's scope for the thing named of.
func (c *compiler) preconds(rs []*lang.Requires, of string) ([]*precond, error) {
	var out []*precond
	for _, r := range rs {
		cond, err := c.expr(r.Cond)
		if err != nil {
			return nil, err
		}
		msg, err := c.expr(r.Message)
		if err != nil {
			return nil, err
		}
		out = append(out, &precond{cond: cond, msg: msg, at: r.Pos(), of: of, text: lang.FormatExpr(r.Cond)})
	}
	return out, nil
}

// checkPre evaluates the preconditions ps in fr, in order, and returns the
// failure of the first that does not hold.
func checkPre(ps []*precond, fr *frame) error {
	for _, p := range ps {
		ok, err := evalBool(p.cond, fr)
		if err != nil {
			return err
		}
		if ok {
			continue
		}
		m, err := p.msg.eval(fr)
		if err != nil {
			return err
		}
		pe := &PreconditionError{Pos: p.at, Message: m.Str(), Of: p.of, Cond: p.text}
		return &EvalError{Pos: p.at, Msg: pe.Error(), Err: pe}
	}
	return nil
}

// preNode is a term's body behind its preconditions.
type preNode struct {
	pre  []*precond
	body node
}

func (n *preNode) eval(fr *frame) (types.Value, error) {
	if err := checkPre(n.pre, fr); err != nil {
		return types.Value{}, err
	}
	return n.body.eval(fr)
}

// preWeight is the number of operations of ps, for a term's weight.
func preWeight(ps []*precond) int64 {
	var w int64
	for _, p := range ps {
		w += 1 + weight(p.cond) + weight(p.msg)
	}
	return w
}

// guardTerm puts the term's preconditions, compiled in c, before body.
func (c *compiler) guardTerm(decl *lang.TermDecl, body node) (node, error) {
	if len(decl.Requires) == 0 {
		return body, nil
	}
	pre, err := c.preconds(decl.Requires, "term "+decl.Name.Name)
	if err != nil {
		return nil, err
	}
	return &preNode{pre: pre, body: body}, nil
}

// schemaWord is "action" or "event".
func schemaWord(s *schema) string {
	if s.event {
		return "event"
	}
	return "action"
}

// compileSchemaPre compiles the preconditions of every action and event
// of a for version v.
func (p *Program) compileSchemaPre(a *agreement, v *version) error {
	v.schemaPre = make([][]*precond, len(a.schemaDecls))
	for decl, s := range a.schemaDecls {
		if len(decl.Requires) == 0 {
			continue
		}
		comp := *v.comp
		comp.event = s
		pre, err := comp.preconds(decl.Requires, schemaWord(s)+" "+s.Name())
		if err != nil {
			return err
		}
		v.schemaPre[s.id] = pre
	}
	return nil
}

// hasRecordPre reports whether r's action or event has preconditions in
// v (or the first version when v is nil).
func hasRecordPre(ag *agreement, v *version, r *types.Record) bool {
	if v == nil {
		if len(ag.versions) == 0 {
			return false
		}
		v = ag.versions[0]
	}
	id := schemaOf(r.Schema).id
	return id < len(v.schemaPre) && len(v.schemaPre[id]) > 0
}

// recordPre checks the preconditions of r's action or event in v (or in
// the agreement's first version when v is nil), evaluating in fr with r
// as the event in scope.
func recordPre(ag *agreement, v *version, r *types.Record, fr *frame) error {
	if !hasRecordPre(ag, v, r) {
		return nil
	}
	if v == nil {
		v = ag.versions[0]
	}
	saved := fr.event
	fr.event = r
	err := checkPre(v.schemaPre[schemaOf(r.Schema).id], fr)
	fr.event = saved
	return err
}

// isPreconditionOf reports whether err is the failure of clause c's own
// precondition, which names the clause already.
func isPreconditionOf(err error, c *result.ClauseInfo) bool {
	var pe *PreconditionError
	return errors.As(err, &pe) && pe.Of == "clause "+c.Num
}

// schedulePre evaluates the preconditions of a payment or installments
// clause, which see no event, once when the agreement loads. A failure is
// returned as bad and reported, like a negative amount, by the settlement
// that reaches the clause's first date; err is a failure to compile.
func (c *compiler) schedulePre(ci *result.ClauseInfo) (bad, err error) {
	if len(ci.Decl.Requires) == 0 {
		return nil, nil
	}
	pre, err := c.preconds(ci.Decl.Requires, "clause "+ci.Num)
	if err != nil {
		return nil, err
	}
	if err := checkPre(pre, newFrame(nil, DefaultStepBudget, types.Date{})); err != nil {
		return inClause(ci, err), nil
	}
	return nil, nil
}
