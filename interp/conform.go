package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// A value's kind is always its checked type (SPEC 3.2): where the checker
// typed an expression decimal but its node can produce an integer (a
// branch of `if`, a term, a parameter or field read, a function), the
// compiler converts; a function's result is checked against its type.

// needsConv reports whether values of type t may need converting: t is
// decimal, or a list that may hold decimals.
func needsConv(t lang.Type) bool {
	switch t := t.(type) {
	case *lang.Basic:
		return t != nil && t.Kind == lang.DecimalKind
	case *lang.List:
		return t != nil && t.Elem != nil && needsConv(t.Elem)
	}
	return false
}

// conform returns n made to produce values of type t: unchanged when it
// provably does, a constant converted at compile time, else n wrapped in a
// conversion, whose budget error is reported at pos (the expression's).
func conform(n node, t lang.Type, pos lang.Pos) node {
	if !needsConv(t) || conformed(n, t) {
		return n
	}
	switch x := n.(type) {
	case *constNode:
		if v, ok := conformValue(x.v, t); ok {
			return &constNode{v}
		}
	case *listNode:
		elem := t.(*lang.List).Elem
		elems := make([]node, len(x.elems))
		for i, e := range x.elems {
			elems[i] = conform(e, elem, pos)
		}
		return &listNode{elems}
	case *ifNode:
		return &ifNode{x.cond, conform(x.then, t, pos), conform(x.els, t, pos)}
	}
	if b, ok := t.(*lang.Basic); ok && b.Kind == lang.DecimalKind {
		return &decNode{n}
	}
	return &convNode{x: n, t: t, pos: pos}
}

// conformed reports whether n provably produces values of type t (only
// asked for types that need converting).
func conformed(n node, t lang.Type) bool {
	switch x := n.(type) {
	case *constNode:
		_, ok := conformValue(x.v, t)
		return ok && !hasInteger(x.v, t)
	case *decNode, *convNode:
		return true
	case *funcNode:
		return lang.Identical(x.ret, t) // the result is checked and converted
	case *ifNode:
		return conformed(x.then, t) && conformed(x.els, t)
	case *listNode:
		l, ok := t.(*lang.List)
		if !ok {
			return false
		}
		for _, e := range x.elems {
			if needsConv(l.Elem) && !conformed(e, l.Elem) {
				return false
			}
		}
		return true
	case *negNode:
		return conformed(x.x, t)
	case *binNode:
		// Decimal division and `of` give decimals; +, - and * give a
		// decimal when either operand is one.
		if b, ok := t.(*lang.Basic); ok && b.Kind == lang.DecimalKind {
			if x.quotient {
				return true
			}
			return conformed(x.x, t) || conformed(x.y, t)
		}
	}
	return false
}

// hasInteger reports whether v holds an integer where t says decimal.
func hasInteger(v types.Value, t lang.Type) bool {
	switch t := t.(type) {
	case *lang.Basic:
		return t.Kind == lang.DecimalKind && v.Kind() == types.KindInteger
	case *lang.List:
		if t.Elem == nil {
			return false
		}
		for _, e := range v.List() {
			if hasInteger(e, t.Elem) {
				return true
			}
		}
	}
	return false
}

// conformValue checks that v is a value of type t, and converts integers
// to decimals where t says decimal. It reports false when v is of another
// type.
func conformValue(v types.Value, t lang.Type) (types.Value, bool) {
	switch t := t.(type) {
	case nil:
		return v, true
	case *lang.Basic:
		want, ok := basicKind(t.Kind)
		switch {
		case !ok:
			return v, true
		case v.Kind() == want:
			return v, true
		case want == types.KindDecimal && v.Kind() == types.KindInteger:
			return types.DecimalValue(v.Num()), true
		}
		return v, false
	case *lang.Money:
		return v, v.Kind() == types.KindMoney && (t.Currency == "" || v.Str() == t.Currency)
	case *lang.Enum:
		return v, v.Kind() == types.KindEnum
	case *lang.Record:
		return v, v.Kind() == types.KindRecord && v.Record() != nil
	case *lang.List:
		if v.Kind() != types.KindList {
			return v, false
		}
		if t.Elem == nil {
			return v, len(v.List()) == 0
		}
		elems := v.List()
		var out []types.Value // made only when an element changes
		for i, e := range elems {
			c, ok := conformValue(e, t.Elem)
			if !ok {
				return v, false
			}
			if c.Kind() != e.Kind() && out == nil {
				out = make([]types.Value, len(elems))
				copy(out, elems[:i])
			}
			if out != nil {
				out[i] = c
			}
		}
		if out != nil {
			return types.ListValue(out), true
		}
		return v, true
	}
	return v, true
}

// basicKind returns the kind of the values of a basic type.
func basicKind(k lang.BasicKind) (types.Kind, bool) {
	switch k {
	case lang.IntegerKind:
		return types.KindInteger, true
	case lang.DecimalKind:
		return types.KindDecimal, true
	case lang.PercentKind:
		return types.KindPercent, true
	case lang.DateKind:
		return types.KindDate, true
	case lang.TimestampKind:
		return types.KindTimestamp, true
	case lang.DurationKind:
		return types.KindDuration, true
	case lang.PeriodKind:
		return types.KindPeriod, true
	case lang.TextKind:
		return types.KindText, true
	case lang.BoolKind:
		return types.KindBool, true
	case lang.PartyKind:
		return types.KindParty, true
	}
	return types.KindInvalid, false
}

// convNode converts the values of x to type t (a list that may hold
// decimals).
type convNode struct {
	x   node
	t   lang.Type
	pos lang.Pos // where a budget error is reported
}

func (n *convNode) eval(fr *frame) (types.Value, error) {
	v, err := n.x.eval(fr)
	if err != nil {
		return v, err
	}
	if err := fr.spend(int64(len(v.List()))); err != nil {
		return types.Value{}, atPos(n.pos, err)
	}
	c, ok := conformValue(v, n.t)
	if !ok {
		return types.Value{}, fmt.Errorf("internal error: %s where %s was expected", valueTypeName(v), n.t)
	}
	return c, nil
}

// valueTypeName names the type of v as the checker names types: integer,
// money(USD), list.
func valueTypeName(v types.Value) string {
	if v.Kind() == types.KindMoney {
		return "money(" + v.Str() + ")"
	}
	return v.Kind().String()
}
