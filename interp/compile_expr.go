package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// compiler converts checked expressions into nodes. One compiler serves
// one version of one agreement: terms are looked up by name in that
// version, so a term replaced by an amendment is seen by every clause in
// force with it.
type compiler struct {
	info    *lang.Info
	funcs   *funcTable
	schemas map[*lang.SchemaDecl]*schema
	// items are the record types of the items of list fields, built with
	// the agreement (collect.go).
	items map[*lang.SchemaDecl]*schema
	// loops is how many aggregates enclose the expression being compiled
	// in its term body or clause: the slot of the next one's item.
	loops     int
	itemSlots map[*lang.Aggregate]int
	// choiceSlots are the first slots of the choosers of each choose
	// (choose.go).
	choiceSlots map[*lang.Choose]int
	terms       map[string]*lang.TermDecl // the version's terms by name
	// exceptions are the exceptions to each term by its name (SPEC 4.8).
	exceptions map[string][]*lang.ExceptionDecl
	done       map[*lang.TermDecl]*term
	givens     map[*lang.Given]types.Value // test blocks: values bound by `given`
	inputs     map[*lang.Given]int         // parameters of an expression (params.go)
	// eventInput is the parameter of an expression that is read as the
	// event in scope (params.go), so that `net_revenue(s)` costs no call.
	eventInput *lang.Given
	extra      *lang.Info // types and uses of an expression checked after the program
	// eventParam is the parameter that stands for the event in scope, when
	// a one-parameter term is compiled for use on the current event.
	eventParam *lang.Param
	event      *schema // the clause's event, when in a clause
	params     map[*lang.Param]int
	// fiscal is the first month of the agreement's fiscal year, which
	// functions see through Caller.FiscalStart.
	fiscal int
	// splits are the named splits in force in the version, by name
	// (settle_split.go).
	splits map[string]*result.ClauseInfo
	// contract is the first day of the agreement's contract years as
	// MMDD, for functions that ask Caller.ContractStart.
	contract int
	// zone is the agreement's `time zone`, nil if it declares none.
	zone *types.Zone
	// calendars are the agreement's business-day calendars, for due dates.
	calendars map[string]*types.BusinessCalendar
}

func (c *compiler) typeOf(e lang.Expr) lang.Type {
	if c.extra != nil {
		if t, ok := c.extra.Types[e]; ok {
			return t
		}
	}
	return c.info.Types[e]
}

func (c *compiler) use(id *lang.Ident) lang.Object {
	if c.extra != nil {
		if o, ok := c.extra.Uses[id]; ok {
			return o
		}
	}
	return c.info.Uses[id]
}

// schema returns the runtime schema of decl, building it once.
func (c *compiler) schema(decl *lang.SchemaDecl) *schema {
	if s, ok := c.items[decl]; ok {
		return s
	}
	if s, ok := c.schemas[decl]; ok {
		return s
	}
	s := buildSchema(decl)
	c.schemas[decl] = s
	return s
}

// buildSchema lists the declared fields, then the implicit `actor`
// (actions) and `date` when they were not declared.
func buildSchema(decl *lang.SchemaDecl) *schema {
	s := &schema{name: decl.Name.Name, event: decl.Event, index: map[string]int{}, decl: decl}
	add := func(name string) {
		if _, dup := s.index[name]; dup {
			return
		}
		s.index[name] = len(s.Fields())
		s.fields = append(s.Fields(), name)
	}
	for _, f := range decl.Fields {
		add(f.Name.Name)
	}
	s.actorAt = -1
	if !decl.Event {
		add("actor")
		s.actorAt = s.index["actor"]
	}
	add("date")
	s.dateAt = s.index["date"]
	s.payment = decl.Event && s.name == "payment"
	return s
}

// term returns the compiled term called name in this version.
func (c *compiler) term(decl *lang.TermDecl) (*term, error) {
	if cur, ok := c.terms[decl.Name.Name]; ok {
		decl = cur
	}
	if t, ok := c.done[decl]; ok {
		return t, nil
	}
	t := &term{name: decl.Name.Name, decl: decl}
	c.done[decl] = t
	sub := *c
	sub.loops = 0
	sub.event = nil
	sub.extra = nil
	sub.params = map[*lang.Param]int{}
	for i, p := range decl.Params {
		sub.params[p] = i
	}
	body, err := sub.expr(decl.Body)
	if err != nil {
		return nil, err
	}
	if body, err = sub.withExceptions(decl, body); err != nil {
		return nil, err
	}
	if body, err = sub.guardTerm(decl, body); err != nil {
		return nil, err
	}
	t.body = body
	t.weight = weight(body)
	return t, nil
}

// onEvent returns t's body compiled for t applied to the event in scope:
// the parameter reads the event directly, so `net(sell)` costs no call.
func (c *compiler) onEvent(t *term) (node, error) {
	if t.onEvent != nil {
		return t.onEvent, nil
	}
	p := t.decl.Params[0]
	rt, ok := c.paramRecord(p)
	if !ok {
		return nil, nil
	}
	sub := *c
	sub.loops = 0
	sub.extra = nil
	sub.params = map[*lang.Param]int{}
	sub.eventParam = p
	sub.event = c.schema(rt.Schema)
	body, err := sub.expr(t.decl.Body)
	if err != nil {
		return nil, err
	}
	if body, err = sub.withExceptions(t.decl, body); err != nil {
		return nil, err
	}
	if body, err = sub.guardTerm(t.decl, body); err != nil {
		return nil, err
	}
	t.onEvent = body
	t.onEventWeight = weight(body)
	return body, nil
}

// paramRecord returns the record type of a term parameter, if it has one.
func (c *compiler) paramRecord(p *lang.Param) (*lang.Record, bool) {
	if p.Type == nil || p.Type.Name == nil {
		return nil, false
	}
	for _, ai := range c.info.Agreements {
		if d, ok := ai.Schemas[p.Type.Name.Name]; ok {
			return &lang.Record{Schema: d}, true
		}
		if d, ok := ai.Items[p.Type.Name.Name]; ok {
			return &lang.Record{Schema: d}, true
		}
	}
	return nil, false
}

// callOnEvent compiles a call of t; when its one argument is the event in
// scope, the call is replaced by the term's event body.
func (c *compiler) callOnEvent(t *term, args []node, pos lang.Pos) (node, error) {
	if len(args) == 1 && c.event != nil {
		if _, ok := args[0].(eventNode); ok {
			body, err := c.onEvent(t)
			if err != nil {
				return nil, err
			}
			if body != nil {
				return &inlineNode{body: body, weight: t.onEventWeight, pos: pos}, nil
			}
		}
	}
	return &termNode{term: t, args: args, pos: pos}, nil
}

// expr compiles e into a node whose values have e's checked type.
func (c *compiler) expr(e lang.Expr) (node, error) {
	n, err := c.expr1(e)
	if err != nil {
		return nil, err
	}
	switch n.(type) {
	case *cmpNode, *andNode, *orNode, *notNode, *inNode, *enumInNode, *enumEqNode,
		*fieldEnumInNode, *fieldEnumEqNode, *fieldTextEqNode, *fieldMoneyCmpNode, *moneyArithNode,
		*fieldMoneyArithNode, *recordNode, eventNode, *owedNode, *decNode, *convNode:
		return n, nil // never an integer, nor a list: nothing to convert
	}
	return conform(n, c.typeOf(e), e.Pos()), nil
}

func (c *compiler) expr1(e lang.Expr) (node, error) {
	switch e := e.(type) {
	case *lang.Paren:
		return c.expr(e.X)
	case *lang.Ident:
		return c.ident(e)
	case *lang.IntLit, *lang.DecimalLit, *lang.PercentLit, *lang.MoneyLit,
		*lang.DateLit, *lang.TimestampLit, *lang.DurationLit, *lang.PeriodLit, *lang.StringLit, *lang.BoolLit:
		v, err := literal(e)
		if err != nil {
			return nil, atPos(e.Pos(), err)
		}
		return &constNode{v}, nil
	case *lang.ListLit:
		elems, err := c.exprs(e.Elems)
		if err != nil {
			return nil, err
		}
		if l, ok := c.typeOf(e).(*lang.List); ok && l.Elem != nil {
			for i := range elems {
				elems[i] = conform(elems[i], l.Elem, e.Elems[i].Pos())
			}
		}
		return foldList(elems), nil
	case *lang.ActionLit:
		return c.actionLit(e)
	case *lang.Selector:
		x, err := c.expr(e.X)
		if err != nil {
			return nil, err
		}
		rt, ok := c.typeOf(e.X).(*lang.Record)
		if !ok || rt.Schema == nil {
			return nil, internal(e.Pos(), "field access on a non-record")
		}
		idx := c.schema(rt.Schema).FieldIndex(e.Field.Name)
		if idx < 0 {
			return nil, internal(e.Pos(), "unknown field "+e.Field.Name)
		}
		if _, ok := x.(eventNode); ok {
			return &fieldNode{idx}, nil
		}
		return &selectNode{x: x, idx: idx}, nil
	case *lang.Call:
		args, err := c.exprs(e.Args)
		if err != nil {
			return nil, err
		}
		switch obj := c.use(e.Fun).(type) {
		case *lang.TermObj:
			t, err := c.term(obj.Decl)
			if err != nil {
				return nil, err
			}
			return c.callOnEvent(t, args, e.Pos())
		case *lang.FuncObj:
			fn, ok := c.funcs.byName[e.Fun.Name]
			if !ok {
				return nil, internal(e.Pos(), "unknown function "+e.Fun.Name)
			}
			return &funcNode{fn: fn, args: args, ret: c.typeOf(e), fiscal: c.fiscal, contract: c.contract, zone: c.zone, pos: e.Pos()}, nil
		}
		return nil, internal(e.Pos(), "call of "+e.Fun.Name)
	case *lang.Unary:
		x, err := c.expr(e.X)
		if err != nil {
			return nil, err
		}
		if e.Op == lang.Not {
			return &notNode{x}, nil
		}
		return fold(&negNode{x: x, pos: e.Pos()}, x)
	case *lang.Binary:
		return c.binary(e)
	case *lang.Aggregate:
		return c.aggregate(e)
	case *lang.Choose:
		return c.choose(e)
	case *lang.Owed:
		period, err := c.expr(e.Period)
		if err != nil {
			return nil, err
		}
		m, _ := c.typeOf(e).(*lang.Money)
		n := &owedNode{payer: e.Payer.Name, payee: e.Payee.Name, period: period, pos: e.Pos()}
		if m != nil {
			n.currency = m.Currency
		}
		if e.Clause != nil {
			n.clause = e.Clause.Num
		}
		return n, nil
	case *lang.If:
		cond, err := c.expr(e.Cond)
		if err != nil {
			return nil, err
		}
		then, err := c.expr(e.Then)
		if err != nil {
			return nil, err
		}
		els, err := c.expr(e.Else)
		if err != nil {
			return nil, err
		}
		t := c.typeOf(e)
		return &ifNode{cond, conform(then, t, e.Then.Pos()), conform(els, t, e.Else.Pos())}, nil
	}
	return nil, internal(e.Pos(), fmt.Sprintf("cannot evaluate %T", e))
}

func (c *compiler) exprs(es []lang.Expr) ([]node, error) {
	out := make([]node, len(es))
	for i, e := range es {
		n, err := c.expr(e)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

func (c *compiler) ident(id *lang.Ident) (node, error) {
	switch obj := c.use(id).(type) {
	case *lang.PartyObj:
		return &constNode{types.PartyValue(id.Name)}, nil
	case *lang.EnumMemberObj:
		for i, m := range obj.Kind.Members {
			if m.Name == obj.Name {
				return &constNode{types.EnumValue(obj.Name, i)}, nil
			}
		}
	case *lang.FieldObj:
		if c.event == nil {
			return nil, internal(id.Pos(), "field "+id.Name+" outside a clause")
		}
		idx := c.event.FieldIndex(id.Name)
		if idx < 0 {
			return nil, internal(id.Pos(), "unknown field "+id.Name)
		}
		return &fieldNode{idx}, nil
	case *lang.EventObj:
		return eventNode{}, nil
	case *lang.ChoiceVarObj:
		slot, ok := c.choiceSlots[obj.Choose]
		if !ok {
			return nil, internal(id.Pos(), "choice "+id.Name+" out of scope")
		}
		return &choiceNode{slot + obj.Index}, nil
	case *lang.ItemVarObj:
		slot, ok := c.itemSlots[obj.Agg]
		if !ok {
			return nil, internal(id.Pos(), "item "+id.Name+" out of scope")
		}
		return &itemNode{slot}, nil
	case *lang.ParamObj:
		if obj.Param == c.eventParam {
			return eventNode{}, nil
		}
		idx, ok := c.params[obj.Param]
		if !ok {
			return nil, internal(id.Pos(), "parameter "+id.Name+" out of scope")
		}
		return &paramNode{idx}, nil
	case *lang.GivenObj:
		if obj.Given == c.eventInput && c.eventInput != nil {
			return eventNode{}, nil
		}
		if i, ok := c.inputs[obj.Given]; ok {
			return &paramNode{i}, nil
		}
		v, ok := c.givens[obj.Given]
		if !ok {
			return nil, internal(id.Pos(), "given "+id.Name+" has no value")
		}
		return &constNode{v}, nil
	case *lang.TermObj:
		t, err := c.term(obj.Decl)
		if err != nil {
			return nil, err
		}
		if len(t.decl.Params) == 0 {
			return &termNode{term: t, pos: id.Pos()}, nil
		}
		// A one-parameter term named bare applies to the clause's event.
		return c.callOnEvent(t, []node{eventNode{}}, id.Pos())
	}
	return nil, internal(id.Pos(), "unresolved name "+id.Name)
}

func (c *compiler) binary(e *lang.Binary) (node, error) {
	x, err := c.expr(e.X)
	if err != nil {
		return nil, err
	}
	y, err := c.expr(e.Y)
	if err != nil {
		return nil, err
	}
	pos := e.Pos()
	switch e.Op {
	case lang.Or:
		return &orNode{x, y}, nil
	case lang.And:
		return &andNode{x, y}, nil
	case lang.Eq, lang.Ne, lang.Lt, lang.Le, lang.Gt, lang.Ge:
		if _, ok := c.typeOf(e.X).(*lang.Enum); ok && (e.Op == lang.Eq || e.Op == lang.Ne) {
			f, fok := x.(*fieldNode)
			k, kok := y.(*constNode)
			if fok && kok {
				return &fieldEnumEqNode{idx: f.idx, member: k.v.EnumIndex(), negate: e.Op == lang.Ne}, nil
			}
			return &enumEqNode{x: x, y: y, negate: e.Op == lang.Ne}, nil
		}
		if t, ok := c.typeOf(e.X).(*lang.Basic); ok && t.Kind == lang.TextKind && (e.Op == lang.Eq || e.Op == lang.Ne) {
			if n := fieldTextEq(x, y, e.Op == lang.Ne); n != nil {
				return n, nil
			}
		}
		if _, ok := c.typeOf(e.X).(*lang.Money); ok {
			f, fok := x.(*fieldNode)
			k, kok := y.(*constNode)
			if fok && kok && k.v.Kind() == types.KindMoney {
				return &fieldMoneyCmpNode{idx: f.idx, op: e.Op, c: k.v.Num()}, nil
			}
		}
		return &cmpNode{op: e.Op, x: x, y: y, pos: pos}, nil
	case lang.In, lang.NotIn:
		if n := enumIn(x, y, e.Op == lang.NotIn); n != nil {
			return n, nil
		}
		return &inNode{x: x, list: y, negate: e.Op == lang.NotIn, pos: pos}, nil
	case lang.Add, lang.Sub:
		if m, ok := c.typeOf(e).(*lang.Money); ok {
			if _, ok := c.typeOf(e.X).(*lang.Money); ok {
				// The checker has proved both sides are in m's currency.
				fx, okx := x.(*fieldNode)
				fy, oky := y.(*fieldNode)
				if okx && oky {
					return &fieldMoneyArithNode{sub: e.Op == lang.Sub, i: fx.idx, j: fy.idx, pos: pos}, nil
				}
				return fold(&moneyArithNode{sub: e.Op == lang.Sub, currency: m.Currency, x: x, y: y, pos: pos}, x, y)
			}
		}
		if e.Op == lang.Add {
			return fold(&binNode{op: opAdd, x: x, y: y, pos: pos}, x, y)
		}
		return fold(&binNode{op: opSub, x: x, y: y, pos: pos}, x, y)
	case lang.Mul:
		return fold(&binNode{op: opMul, x: x, y: y, pos: pos}, x, y)
	case lang.Div:
		return fold(&binNode{op: opDiv, x: x, y: y, pos: pos, quotient: true}, x, y)
	case lang.Of:
		return fold(&binNode{op: opOf, x: x, y: y, pos: pos, quotient: true}, x, y)
	}
	return nil, internal(pos, "operator "+e.Op.String())
}

func (c *compiler) actionLit(e *lang.ActionLit) (node, error) {
	decl, ok := c.use(e.Action).(*lang.SchemaObj)
	if !ok {
		rt, ok2 := c.typeOf(e).(*lang.Record)
		if !ok2 {
			return nil, internal(e.Pos(), "unknown action "+e.Action.Name)
		}
		decl = &lang.SchemaObj{Decl: rt.Schema}
	}
	s := c.schema(decl.Decl)
	fields := make([]node, len(s.Fields()))
	if e.Actor != nil {
		if i := s.FieldIndex("actor"); i >= 0 {
			fields[i] = &constNode{types.PartyValue(e.Actor.Name)}
		}
	}
	if e.Fields != nil {
		for _, f := range e.Fields.Fields {
			i := s.FieldIndex(f.Name.Name)
			if i < 0 {
				return nil, internal(f.Pos(), "unknown field "+f.Name.Name)
			}
			n, err := c.expr(f.Value)
			if err != nil {
				return nil, err
			}
			if rt, ok := c.typeOf(e).(*lang.Record); ok {
				if ft, ok := rt.Field(f.Name.Name); ok {
					n = conform(n, ft.Type, f.Value.Pos())
				}
			}
			fields[i] = n
		}
	}
	for i, f := range fields {
		if f == nil {
			return nil, &EvalError{Pos: e.Pos(), Msg: fmt.Sprintf("%s is missing the field %q", s.Name(), s.Fields()[i])}
		}
	}
	return &recordNode{schema: s, fields: fields}, nil
}

// fold evaluates n at compile time when its operands are constants, so a
// literal such as `-USD 5.00` or `USD 1,000.00 * 2` costs nothing per
// event. An operation that fails on constants stays unfolded and fails
// when (and if) it is evaluated, with its position.
func fold(n node, operands ...node) (node, error) {
	for _, o := range operands {
		if _, ok := o.(*constNode); !ok {
			return n, nil
		}
	}
	v, err := n.eval(&frame{budget: 1})
	if err != nil {
		return n, nil
	}
	return &constNode{v}, nil
}

func foldList(elems []node) node {
	vals := make([]types.Value, len(elems))
	for i, e := range elems {
		c, ok := e.(*constNode)
		if !ok {
			return &listNode{elems}
		}
		vals[i] = c.v
	}
	return &constNode{types.ListValue(vals)}
}

// literal converts a literal to its value.
func literal(e lang.Expr) (types.Value, error) {
	switch e := e.(type) {
	case *lang.IntLit:
		d, err := types.ParseDecimal(e.Text)
		if err != nil {
			return types.Value{}, err
		}
		return types.IntegerFromDecimal(d)
	case *lang.DecimalLit:
		d, err := types.ParseDecimal(e.Text)
		return types.DecimalValue(d), err
	case *lang.PercentLit:
		d, err := types.ParseDecimal(e.Text)
		if err != nil {
			return types.Value{}, err
		}
		frac, err := d.MulPow10(-2)
		return types.PercentValue(frac), err
	case *lang.MoneyLit:
		d, err := types.ParseDecimal(e.Amount)
		return types.MoneyValue(e.Currency, d), err
	case *lang.DateLit:
		d, err := types.ParseDate(e.Text)
		return types.DateValue(d), err
	case *lang.TimestampLit:
		t, err := types.ParseTimestamp(e.Text)
		return types.TimestampValue(t), err
	case *lang.DurationLit:
		n, err := types.ParseDecimal(e.N)
		if err != nil {
			return types.Value{}, err
		}
		i, ok := n.Int64()
		if !ok {
			return types.Value{}, fmt.Errorf("duration %s is too long", e.Raw)
		}
		u, ok := types.ParseDurationUnit(e.Unit)
		if !ok {
			return types.Value{}, fmt.Errorf("unknown unit of time %q", e.Unit)
		}
		return types.DurationValue(types.Duration{N: i, Unit: u}), nil
	case *lang.PeriodLit:
		p, err := types.ParsePeriod(e.Text)
		return types.PeriodValue(p), err
	case *lang.StringLit:
		return types.TextValue(e.Value), nil
	case *lang.BoolLit:
		return types.BoolValue(e.Value), nil
	}
	return types.Value{}, fmt.Errorf("internal error: %T is not a literal", e)
}

func internal(pos lang.Pos, msg string) error {
	return &EvalError{Pos: pos, Msg: "internal error: " + msg}
}
