package interp

import (
	"errors"
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file evaluates exceptions to terms (SPEC 4.8): default logic in the
// manner of Catala's exceptions, ordered by `notwithstanding`.

// ErrExceptionConflict reports two exceptions to one term that both apply
// when neither is notwithstanding the other.
var ErrExceptionConflict = errors.New("exceptions in conflict")

// exceptionRule is a compiled exception.
type exceptionRule struct {
	num  string
	cond node
	body node
	at   lang.Pos
}

// exceptNode is a term's body with its exceptions: the value of the one
// exception that applies and that no other applying exception overrides,
// or the body when none applies.
type exceptNode struct {
	term string
	base node
	excs []*exceptionRule
	over [][]int // over[i]: the exceptions i is directly notwithstanding
}

func (n *exceptNode) eval(fr *frame) (types.Value, error) {
	var applies []int
	for i, e := range n.excs {
		ok, err := evalBool(e.cond, fr)
		if err != nil {
			return types.Value{}, err
		}
		if ok {
			applies = append(applies, i)
		}
	}
	if len(applies) == 0 {
		return n.base.eval(fr)
	}
	win := applies[0]
	if len(applies) > 1 {
		beaten, err := n.overridden(fr, applies)
		if err != nil {
			return types.Value{}, err
		}
		win = -1
		for _, i := range applies {
			if beaten[i] {
				continue
			}
			if win >= 0 {
				a, b := n.excs[win], n.excs[i]
				return types.Value{}, &EvalError{Pos: a.at, Err: ErrExceptionConflict,
					Msg: fmt.Sprintf("exceptions %s and %s to term %s both apply, and neither is notwithstanding the other (%s is at %s)",
						a.num, b.num, n.term, b.num, b.at)}
			}
			win = i
		}
	}
	if fr.exc != nil {
		fr.exc.add(n.term, n.excs[win].num)
	}
	return n.excs[win].body.eval(fr)
}

// overridden marks the exceptions that one of applies overrides, directly
// or through a chain of `notwithstanding`. Each exception visited spends
// a step of the budget.
func (n *exceptNode) overridden(fr *frame, applies []int) ([]bool, error) {
	beaten := make([]bool, len(n.excs))
	var stack []int
	for _, i := range applies {
		stack = append(stack[:0], n.over[i]...)
		for len(stack) > 0 {
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if beaten[j] {
				continue
			}
			if err := fr.step(); err != nil {
				return nil, atPos(n.excs[i].at, err)
			}
			beaten[j] = true
			stack = append(stack, n.over[j]...)
		}
	}
	return beaten, nil
}

func (n *exceptNode) weight() int64 {
	w := weight(n.base)
	for _, e := range n.excs {
		w += 1 + weight(e.cond) + weight(e.body)
	}
	return w
}

// withExceptions puts the exceptions to decl, compiled in c (the scope of
// the term's body), around body.
func (c *compiler) withExceptions(decl *lang.TermDecl, body node) (node, error) {
	var ds []*lang.ExceptionDecl
	if c.exceptions != nil {
		ds = c.exceptions[decl.Name.Name]
	}
	if len(ds) == 0 {
		return body, nil
	}
	n := &exceptNode{term: decl.Name.Name, base: body}
	index := make(map[string]int, len(ds))
	for i, d := range ds {
		ec := c.forException(d, decl)
		cond, err := ec.expr(d.Where)
		if err != nil {
			return nil, err
		}
		b, err := ec.expr(d.Body)
		if err != nil {
			return nil, err
		}
		n.excs = append(n.excs, &exceptionRule{num: d.Num.Num, cond: cond, body: b, at: d.Pos()})
		index[d.Num.Num] = i
	}
	n.over = make([][]int, len(ds))
	for i, d := range ds {
		for _, r := range d.Notwithstanding {
			if j, ok := index[r.Num]; ok && j != i {
				n.over[i] = append(n.over[i], j)
			}
		}
	}
	return n, nil
}

// forException returns c set up to compile exception d to decl. d names
// the parameters of the term it was checked against, which may be an
// earlier or later declaration of the term (`replace term` keeps the
// parameters and their order): each of them reads the parameter in the
// same place.
func (c *compiler) forException(d *lang.ExceptionDecl, decl *lang.TermDecl) *compiler {
	owner := c.info.ExceptionTerms[d]
	if owner == nil || owner == decl || len(owner.Params) != len(decl.Params) {
		return c
	}
	sub := *c
	sub.params = make(map[*lang.Param]int, len(c.params)+len(owner.Params))
	for p, i := range c.params {
		sub.params[p] = i
	}
	for i, p := range owner.Params {
		sub.params[p] = i
		if c.eventParam != nil && c.eventParam == decl.Params[i] {
			sub.eventParam = p
		}
	}
	return &sub
}

// hasExceptions reports whether any version of a has an exception to a
// term (SPEC 4.8).
func (a *agreement) hasExceptions() bool {
	for _, v := range a.versions {
		if len(v.exceptions) > 0 {
			return true
		}
	}
	return false
}
