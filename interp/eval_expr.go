package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// node is a compiled expression. The tree of nodes is built once from the
// checked syntax tree and never looks at syntax again.
type node interface {
	eval(fr *frame) (types.Value, error)
}

// constNode is a literal, a party, an enum member, or a folded constant.
type constNode struct{ v types.Value }

func (n *constNode) eval(*frame) (types.Value, error) { return n.v, nil }

// eventNode is the event a clause is looking at (the action's name).
type eventNode struct{}

func (eventNode) eval(fr *frame) (types.Value, error) {
	if fr.event == nil {
		return types.Value{}, fmt.Errorf("internal error: no event in scope")
	}
	return types.RecordValue(fr.event), nil
}

// fieldNode is a bare field name of the event in scope: `platform`.
type fieldNode struct{ idx int }

func (n *fieldNode) eval(fr *frame) (types.Value, error) {
	if fr.event == nil {
		return types.Value{}, fmt.Errorf("internal error: no event in scope")
	}
	return fr.event.Fields[n.idx], nil
}

// paramNode is a parameter of the term being evaluated.
type paramNode struct{ idx int }

func (n *paramNode) eval(fr *frame) (types.Value, error) { return fr.args[n.idx], nil }

// selectNode is `x.field` on a record; the field index is fixed by type.
type selectNode struct {
	x   node
	idx int
}

func (n *selectNode) eval(fr *frame) (types.Value, error) {
	v, err := n.x.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	return v.Record().Fields[n.idx], nil
}

// termNode calls a defined term with arguments (none for a value term).
type termNode struct {
	term *term
	args []node
	pos  lang.Pos
}

func (n *termNode) eval(fr *frame) (types.Value, error) {
	if err := fr.spend(1 + n.term.weight); err != nil {
		return types.Value{}, atPos(n.pos, err)
	}
	base, err := pushArgs(fr, n.args)
	if err != nil {
		return types.Value{}, err
	}
	if err := fr.enter(); err != nil {
		fr.stack = fr.stack[:base]
		return types.Value{}, atPos(n.pos, err)
	}
	saved := fr.args
	fr.args = fr.stack[base:len(fr.stack):len(fr.stack)]
	v, err := n.term.body.eval(fr)
	fr.leave()
	fr.args = saved
	fr.stack = fr.stack[:base]
	return v, err
}

// pushArgs evaluates args onto the frame's stack and returns where they
// start; on error the stack is as it was.
func pushArgs(fr *frame, args []node) (int, error) {
	base := len(fr.stack)
	for _, a := range args {
		v, err := a.eval(fr)
		if err != nil {
			fr.stack = fr.stack[:base]
			return base, err
		}
		fr.stack = append(fr.stack, v)
	}
	return base, nil
}

// term is a compiled defined term.
type term struct {
	name    string
	body    node
	decl    *lang.TermDecl
	onEvent node // the body for the term applied to the event in scope
	// weight is the number of operations in body (see weight): a call
	// spends one step for itself and one per operation.
	weight        int64
	onEventWeight int64 // the weight of onEvent
}

// inlineNode is a one-parameter term applied to the event in scope: its
// body reads the event directly. It still spends a step, so budgets count
// term calls the same way however they are compiled.
type inlineNode struct {
	body   node
	weight int64 // as term.weight
	pos    lang.Pos
}

func (n *inlineNode) eval(fr *frame) (types.Value, error) {
	if err := fr.spend(1 + n.weight); err != nil {
		return types.Value{}, atPos(n.pos, err)
	}
	if err := fr.enter(); err != nil {
		return types.Value{}, atPos(n.pos, err)
	}
	v, err := n.body.eval(fr)
	fr.leave()
	return v, err
}

// funcNode calls a builtin or host function. Its result is checked
// against ret, the type the checker gave the call, and an integer where
// ret says decimal is made a decimal.
type funcNode struct {
	fn     *Func
	args   []node
	ret    lang.Type
	fiscal int // the agreement's fiscal start month, for Caller.FiscalStart
	// contract is the first day of the agreement's contract years as MMDD,
	// for Caller.ContractStart.
	contract int
	zone     *types.Zone // the agreement's `time zone`, for Caller.Zone
	pos      lang.Pos
}

func (n *funcNode) eval(fr *frame) (types.Value, error) {
	if err := fr.step(); err != nil {
		return types.Value{}, atPos(n.pos, err)
	}
	base, err := pushArgs(fr, n.args)
	if err != nil {
		return types.Value{}, err
	}
	fr.call.fiscal, fr.call.contract, fr.call.zone = n.fiscal, n.contract, n.zone
	v, err := n.fn.Impl(&fr.call, fr.stack[base:])
	fr.stack = fr.stack[:base]
	if err != nil {
		return types.Value{}, atPos(n.pos, fmt.Errorf("%s: %w", n.fn.Name, err))
	}
	c, ok := conformValue(v, n.ret)
	if !ok {
		e := &EvalError{Pos: n.pos, Msg: fmt.Sprintf("host function %s returned %s, declared %s", n.fn.Name, valueTypeName(v), n.ret)}
		if _, money := n.ret.(*lang.Money); money && v.Kind() == types.KindMoney {
			e.Err = ErrCurrency
		}
		return types.Value{}, e
	}
	return c, nil
}

// binNode applies an arithmetic operator.
type binNode struct {
	op   func(x, y types.Value) (types.Value, error)
	x, y node
	pos  lang.Pos
	// quotient is set for / and `of`, whose numeric results are decimal.
	quotient bool
}

func (n *binNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	y, err := n.y.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	v, err := n.op(x, y)
	if err != nil {
		return types.Value{}, atPos(n.pos, err)
	}
	return v, nil
}

// cmpNode is a comparison.
type cmpNode struct {
	op   lang.BinaryOp
	x, y node
	pos  lang.Pos
}

func (n *cmpNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	y, err := n.y.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	switch n.op {
	case lang.Eq:
		return types.BoolValue(x.Equal(y)), nil
	case lang.Ne:
		return types.BoolValue(!x.Equal(y)), nil
	}
	c, err := compare(x, y)
	if err != nil {
		return types.Value{}, atPos(n.pos, err)
	}
	switch n.op {
	case lang.Lt:
		return types.BoolValue(c < 0), nil
	case lang.Le:
		return types.BoolValue(c <= 0), nil
	case lang.Gt:
		return types.BoolValue(c > 0), nil
	}
	return types.BoolValue(c >= 0), nil
}

// inNode is `x in list` or `x not in list`.
type inNode struct {
	x, list node
	negate  bool
	pos     lang.Pos // where a budget error is reported
}

func (n *inNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	l, err := n.list.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	// One step per element compared, spent after each block of
	// ctxCheckEvery elements so that a long list is interrupted promptly.
	elems := l.List()
	for i := 0; i < len(elems); i += ctxCheckEvery {
		block := elems[i:min(i+ctxCheckEvery, len(elems))]
		for j, e := range block {
			if x.Equal(e) {
				if err := fr.spend(int64(j + 1)); err != nil {
					return types.Value{}, atPos(n.pos, err)
				}
				return types.BoolValue(!n.negate), nil
			}
		}
		if err := fr.spend(int64(len(block))); err != nil {
			return types.Value{}, atPos(n.pos, err)
		}
	}
	return types.BoolValue(n.negate), nil
}

// andNode and orNode short-circuit.
type andNode struct{ x, y node }
type orNode struct{ x, y node }

func (n *andNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil || !x.Truth() {
		return x, err
	}
	return n.y.eval(fr)
}

func (n *orNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil || x.Truth() {
		return x, err
	}
	return n.y.eval(fr)
}

type notNode struct{ x node }

func (n *notNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil {
		return x, err
	}
	return types.BoolValue(!x.Truth()), nil
}

type negNode struct {
	x   node
	pos lang.Pos
}

func (n *negNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil {
		return x, err
	}
	v, err := opNeg(x)
	return v, atPos(n.pos, err)
}

type ifNode struct{ cond, then, els node }

func (n *ifNode) eval(fr *frame) (types.Value, error) {
	c, err := n.cond.eval(fr)
	if err != nil {
		return c, err
	}
	if c.Truth() {
		return n.then.eval(fr)
	}
	return n.els.eval(fr)
}

// listNode builds a list.
type listNode struct{ elems []node }

func (n *listNode) eval(fr *frame) (types.Value, error) {
	if err := fr.spend(1 + int64(len(n.elems))); err != nil {
		return types.Value{}, err
	}
	out := make([]types.Value, len(n.elems))
	for i, e := range n.elems {
		v, err := e.eval(fr)
		if err != nil {
			return types.Value{}, err
		}
		out[i] = v
	}
	return types.ListValue(out), nil
}

// recordNode builds an action or event instance; fields are in schema
// order.
type recordNode struct {
	schema *schema
	fields []node
}

func (n *recordNode) eval(fr *frame) (types.Value, error) {
	if err := fr.step(); err != nil {
		return types.Value{}, err
	}
	r := &types.Record{Schema: n.schema, Fields: make([]types.Value, len(n.fields))}
	for i, f := range n.fields {
		v, err := f.eval(fr)
		if err != nil {
			return types.Value{}, err
		}
		r.Fields[i] = v
	}
	return types.RecordValue(r), nil
}

// enumInNode is `x in [A, B]` over members of a kind with at most 64
// members: membership is one bit test.
type enumInNode struct {
	x      node
	mask   uint64
	negate bool
}

func (n *enumInNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	in := x.EnumIndex() >= 0 && x.EnumIndex() < 64 && n.mask&(1<<uint(x.EnumIndex())) != 0
	return types.BoolValue(in != n.negate), nil
}

// enumIn returns an enumInNode when list is a constant list of enum
// members of one small kind, or nil.
func enumIn(x, list node, negate bool) node {
	c, ok := list.(*constNode)
	if !ok || c.v.Kind() != types.KindList {
		return nil
	}
	var mask uint64
	for _, e := range c.v.List() {
		if e.Kind() != types.KindEnum || e.EnumIndex() < 0 || e.EnumIndex() >= 64 {
			return nil
		}
		mask |= 1 << uint(e.EnumIndex())
	}
	if f, ok := x.(*fieldNode); ok {
		return &fieldEnumInNode{idx: f.idx, mask: mask, negate: negate}
	}
	return &enumInNode{x: x, mask: mask, negate: negate}
}

// moneyArithNode adds or subtracts amounts the checker has proved to be in
// one currency.
type moneyArithNode struct {
	sub      bool
	currency string
	x, y     node
	pos      lang.Pos
}

func (n *moneyArithNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	y, err := n.y.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	r, err := moneyArith(n.sub, &x, &y, n.pos)
	if err != nil {
		return types.Value{}, err
	}
	return types.MoneyValue(x.Str(), r), nil
}

// moneyArith adds or subtracts two amounts the checker has proved to be
// in one currency (a host value may still differ: that is an error).
func moneyArith(sub bool, x, y *types.Value, pos lang.Pos) (types.Decimal, error) {
	if x.Str() != y.Str() {
		return types.Decimal{}, atPos(pos, currencyError("combine", *x, *y))
	}
	var r types.Decimal
	var err error
	if sub {
		r, err = x.Num().Sub(y.Num())
	} else {
		r, err = x.Num().Add(y.Num())
	}
	if err != nil {
		return types.Decimal{}, atPos(pos, err)
	}
	return r, nil
}

// enumEqNode compares two members of one kind.
type enumEqNode struct {
	x, y   node
	negate bool
}

func (n *enumEqNode) eval(fr *frame) (types.Value, error) {
	x, err := n.x.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	y, err := n.y.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	return types.BoolValue((x.EnumIndex() == y.EnumIndex()) != n.negate), nil
}

// Fused nodes for the commonest conditions on the event in scope: they
// read the field in place instead of copying it out as a Value.

// fieldEnumInNode is `field in [A, B]` (or `not in`) for an enum field.
type fieldEnumInNode struct {
	idx    int
	mask   uint64
	negate bool
}

func (n *fieldEnumInNode) eval(fr *frame) (types.Value, error) { return boolValue(n.evalBool(fr)) }

// fieldEnumEqNode is `field == A` (or `!=`) for an enum field and a member.
type fieldEnumEqNode struct {
	idx    int
	member int64
	negate bool
}

func (n *fieldEnumEqNode) eval(fr *frame) (types.Value, error) { return boolValue(n.evalBool(fr)) }

// fieldTextEqNode is `field == "text"` (or `!=`, or the constant first)
// for a text field: two texts are equal when their bytes are, as
// Value.Equal has it.
type fieldTextEqNode struct {
	idx    int
	s      string
	negate bool
}

func (n *fieldTextEqNode) eval(fr *frame) (types.Value, error) { return boolValue(n.evalBool(fr)) }

func (n *fieldTextEqNode) evalBool(fr *frame) (bool, error) {
	return (fr.event.Fields[n.idx].Str() == n.s) != n.negate, nil
}

// fieldTextEq fuses a comparison of a text field of the event in scope
// with a text constant, either way round; nil for anything else.
func fieldTextEq(x, y node, negate bool) node {
	if _, ok := x.(*constNode); ok {
		x, y = y, x
	}
	f, fok := x.(*fieldNode)
	k, kok := y.(*constNode)
	if !fok || !kok || k.v.Kind() != types.KindText {
		return nil
	}
	return &fieldTextEqNode{idx: f.idx, s: k.v.Str(), negate: negate}
}

// fieldMoneyCmpNode compares a money field with a constant amount in the
// same currency (the checker has proved the currencies equal).
type fieldMoneyCmpNode struct {
	idx int
	op  lang.BinaryOp
	c   types.Decimal
}

func (n *fieldMoneyCmpNode) eval(fr *frame) (types.Value, error) { return boolValue(n.evalBool(fr)) }

// boolValue wraps an evalBool result as a Value.
func boolValue(b bool, err error) (types.Value, error) { return types.BoolValue(b), err }

// boolNode is implemented by nodes that produce a bool and can answer
// without building a Value: conditions are evaluated through it.
type boolNode interface {
	evalBool(fr *frame) (bool, error)
}

// evalBool evaluates a condition.
func evalBool(n node, fr *frame) (bool, error) {
	if b, ok := n.(boolNode); ok {
		return b.evalBool(fr)
	}
	v, err := n.eval(fr)
	return v.Truth(), err
}

func (n *andNode) evalBool(fr *frame) (bool, error) {
	x, err := evalBool(n.x, fr)
	if err != nil || !x {
		return false, err
	}
	return evalBool(n.y, fr)
}

func (n *orNode) evalBool(fr *frame) (bool, error) {
	x, err := evalBool(n.x, fr)
	if err != nil || x {
		return x, err
	}
	return evalBool(n.y, fr)
}

func (n *notNode) evalBool(fr *frame) (bool, error) {
	x, err := evalBool(n.x, fr)
	return !x, err
}

func (n *fieldEnumInNode) evalBool(fr *frame) (bool, error) {
	b := fr.event.Fields[n.idx].EnumIndex()
	return (b >= 0 && b < 64 && n.mask&(1<<uint(b)) != 0) != n.negate, nil
}

func (n *fieldEnumEqNode) evalBool(fr *frame) (bool, error) {
	return (fr.event.Fields[n.idx].EnumIndex() == n.member) != n.negate, nil
}

func (n *fieldMoneyCmpNode) evalBool(fr *frame) (bool, error) {
	c := fr.event.Fields[n.idx].Num().Cmp(n.c)
	switch n.op {
	case lang.Eq:
		return c == 0, nil
	case lang.Ne:
		return c != 0, nil
	case lang.Lt:
		return c < 0, nil
	case lang.Le:
		return c <= 0, nil
	case lang.Gt:
		return c > 0, nil
	}
	return c >= 0, nil
}

// owedNode is `owed by PAYER to PAYEE for PERIOD [under CLAUSE]`.
type owedNode struct {
	payer, payee string
	period       node
	clause       string
	currency     string
	pos          lang.Pos
}

func (n *owedNode) eval(fr *frame) (types.Value, error) {
	if fr.owed == nil {
		return types.Value{}, &EvalError{Pos: n.pos, Msg: "`owed by ...` has a value only while a ledger is being settled"}
	}
	p, err := n.period.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	amount, err := fr.owed(n.payer, n.payee, p.Period(), n.clause)
	if err != nil {
		return types.Value{}, atPos(n.pos, err)
	}
	return types.MoneyValue(n.currency, amount), nil
}

// fieldMoneyArithNode is `field + field` or `field - field` on two money
// fields of the event in scope, read in place.
type fieldMoneyArithNode struct {
	sub  bool
	i, j int
	pos  lang.Pos
}

func (n *fieldMoneyArithNode) eval(fr *frame) (types.Value, error) {
	r, err := n.evalNum(fr)
	if err != nil {
		return types.Value{}, err
	}
	return types.MoneyValue(fr.event.Fields[n.i].Str(), r), nil
}

// numNode is implemented by nodes that produce a number or an amount and
// can answer without building a Value: share bases are evaluated through
// it. The currency of an amount is the checker's to guarantee.
type numNode interface {
	evalNum(fr *frame) (types.Decimal, error)
}

// evalNum evaluates a number or an amount.
func evalNum(n node, fr *frame) (types.Decimal, error) {
	if m, ok := n.(numNode); ok {
		return m.evalNum(fr)
	}
	v, err := n.eval(fr)
	return v.Num(), err
}

func (n *fieldNode) evalNum(fr *frame) (types.Decimal, error) {
	return fr.event.Fields[n.idx].Num(), nil
}

func (n *constNode) evalNum(*frame) (types.Decimal, error) { return n.v.Num(), nil }

func (n *inlineNode) evalNum(fr *frame) (types.Decimal, error) {
	if err := fr.spend(1 + n.weight); err != nil {
		return types.Decimal{}, atPos(n.pos, err)
	}
	if err := fr.enter(); err != nil {
		return types.Decimal{}, atPos(n.pos, err)
	}
	d, err := evalNum(n.body, fr)
	fr.leave()
	return d, err
}

func (n *fieldMoneyArithNode) evalNum(fr *frame) (types.Decimal, error) {
	return moneyArith(n.sub, &fr.event.Fields[n.i], &fr.event.Fields[n.j], n.pos)
}

// weight counts the operations in a compiled expression: every node
// except constants and reads of a parameter, field or the event, and
// except calls, lists and instances, which spend their own steps when
// evaluated (their arguments and elements are counted). A call of a term
// spends 1 + the weight of its body, whatever branches run, so that the
// step budget bounds the work of every call (SPEC 13).
func weight(n node) int64 {
	switch n := n.(type) {
	case nil, *constNode, eventNode, *fieldNode, *paramNode:
		return 0
	case *selectNode:
		return 1 + weight(n.x)
	case *termNode:
		return weights(n.args)
	case *inlineNode:
		return 0
	case *preNode:
		return preWeight(n.pre) + weight(n.body)
	case *exceptNode:
		return n.weight()
	case *funcNode:
		return weights(n.args)
	case *listNode:
		return weights(n.elems)
	case *recordNode:
		return weights(n.fields)
	case *binNode:
		return 1 + weight(n.x) + weight(n.y)
	case *cmpNode:
		return 1 + weight(n.x) + weight(n.y)
	case *inNode:
		return 1 + weight(n.x) + weight(n.list)
	case *andNode:
		return 1 + weight(n.x) + weight(n.y)
	case *orNode:
		return 1 + weight(n.x) + weight(n.y)
	case *notNode:
		return 1 + weight(n.x)
	case *negNode:
		return 1 + weight(n.x)
	case *ifNode:
		return 1 + weight(n.cond) + weight(n.then) + weight(n.els)
	case *enumInNode:
		return 1 + weight(n.x)
	case *moneyArithNode:
		return 1 + weight(n.x) + weight(n.y)
	case *enumEqNode:
		return 1 + weight(n.x) + weight(n.y)
	case *owedNode:
		return 1 + weight(n.period)
	case *decNode:
		return 1 + weight(n.x)
	case *aggNode: // each item spends for itself (collect.go)
		return 1 + weight(n.list)
	case *itemNode, *choiceNode:
		return 0
	case *chooseNode: // each combination spends for itself (choose.go)
		return 1 + weights(n.sets)
	}
	return 1 // the fused nodes: one operation each
}

func weights(ns []node) int64 {
	var w int64
	for _, n := range ns {
		w += weight(n)
	}
	return w
}

// decNode makes the integer its operand may produce a decimal: it stands
// where the checker typed an expression decimal but the operand (a branch
// of `if`, a term, a function) can yield an integer, so that a value's
// kind is always its checked type (SPEC 3.2).
type decNode struct{ x node }

func (n *decNode) eval(fr *frame) (types.Value, error) {
	v, err := n.x.eval(fr)
	if err == nil && v.Kind() == types.KindInteger {
		v = types.DecimalValue(v.Num())
	}
	return v, err
}
