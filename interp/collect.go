package interp

import (
	"fmt"
	"sort"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file holds collections of records (SPEC 4.5.1): the record types
// of the items of list fields, and aggregates over a list of items,
// `sum of line_total(l) for l in invoice.lines if l.quantity > 0`.

// buildItems builds the record types of the items that the fields of the
// agreement's schemas (decls, by name) declare.
func (a *agreement) buildItems(decls map[string]*lang.SchemaDecl) {
	a.items = map[*lang.SchemaDecl]*schema{}
	a.itemsByName = map[string]*schema{}
	names := make([]string, 0, len(decls))
	for n := range decls {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		for _, f := range decls[n].Fields {
			if f == nil || f.Item == nil || f.Item.Name == nil {
				continue
			}
			if _, dup := a.itemsByName[f.Item.Name.Name]; dup {
				continue
			}
			s := buildItemSchema(f.Item)
			s.agreement = a
			a.items[f.Item] = s
			a.itemsByName[s.Name()] = s
		}
	}
	for _, s := range a.items {
		s.types = make([]*fieldType, len(s.Fields()))
		for i, f := range s.decl.Fields {
			s.types[i] = a.typeOf(f.Type)
		}
	}
}

// buildItemSchema lists an item's fields: only those declared, with no
// actor and no date.
func buildItemSchema(decl *lang.SchemaDecl) *schema {
	s := &schema{name: decl.Name.Name, event: true, index: map[string]int{}, decl: decl, item: true, actorAt: -1, dateAt: -1}
	for _, f := range decl.Fields {
		if f == nil || f.Name == nil {
			continue
		}
		if _, dup := s.index[f.Name.Name]; dup {
			continue
		}
		s.index[f.Name.Name] = len(s.Fields())
		s.fields = append(s.Fields(), f.Name.Name)
	}
	return s
}

// aggOp is what an aggregate computes.
type aggOp uint8

const (
	aggSum aggOp = iota
	aggCount
	aggMin
	aggMax
	aggAll
	aggAny
)

var aggOps = map[string]aggOp{"sum": aggSum, "count": aggCount, "min": aggMin, "max": aggMax, "all": aggAll, "any": aggAny}

// aggNode is `OP of VALUE for VAR in LIST [if COND]`. Each item of the
// list is put in the frame's item slot while value and filter are
// evaluated, and the slot's previous content is put back afterwards, so
// that an aggregate in a term called from another aggregate's value
// leaves the caller's item in place.
type aggNode struct {
	op     aggOp
	slot   int
	list   node
	value  node // nil for count
	filter node // nil without `if`
	zero   types.Value
	vw, fw int64 // the weights of value and filter
	pos    lang.Pos
}

// itemNode is the name an aggregate gives the item it is looking at.
type itemNode struct{ slot int }

func (n *itemNode) eval(fr *frame) (types.Value, error) { return fr.items[n.slot], nil }

func (c *compiler) aggregate(e *lang.Aggregate) (node, error) {
	list, err := c.expr(e.List)
	if err != nil {
		return nil, err
	}
	op, ok := aggOps[e.Op.Name]
	if !ok {
		return nil, internal(e.Pos(), "aggregate "+e.Op.Name)
	}
	if c.itemSlots == nil {
		c.itemSlots = map[*lang.Aggregate]int{}
	}
	n := &aggNode{op: op, slot: c.loops, list: list, pos: e.Pos()}
	c.itemSlots[e] = n.slot
	c.loops++
	defer func() { c.loops-- }()
	if op != aggCount {
		if n.value, err = c.expr(e.Value); err != nil {
			return nil, err
		}
		n.vw = weight(n.value)
	}
	if e.Filter != nil {
		if n.filter, err = c.expr(e.Filter); err != nil {
			return nil, err
		}
		n.fw = weight(n.filter)
	}
	switch t := c.typeOf(e).(type) {
	case *lang.Money:
		n.zero = types.MoneyValue(t.Currency, types.Decimal{})
	case *lang.Basic:
		switch t.Kind {
		case lang.DecimalKind:
			n.zero = types.DecimalValue(types.Decimal{})
		case lang.PercentKind:
			n.zero = types.PercentValue(types.Decimal{})
		default:
			n.zero = types.IntegerValue(0)
		}
	}
	return n, nil
}

func (n *aggNode) eval(fr *frame) (types.Value, error) {
	lv, err := n.list.eval(fr)
	if err != nil {
		return types.Value{}, err
	}
	items := lv.List()
	for len(fr.items) <= n.slot {
		fr.items = append(fr.items, types.Value{})
	}
	saved := fr.items[n.slot]
	v, err := n.run(fr, items)
	fr.items[n.slot] = saved
	return v, err
}

// run computes the aggregate over items.
func (n *aggNode) run(fr *frame, items []types.Value) (types.Value, error) {
	var acc types.Value
	count, seen := 0, false
	switch n.op {
	case aggSum:
		acc = n.zero
	case aggAll:
		acc = types.BoolValue(true)
	case aggAny:
		acc = types.BoolValue(false)
	}
	for _, it := range items {
		if err := fr.spend(1 + n.fw); err != nil {
			return types.Value{}, atPos(n.pos, err)
		}
		fr.items[n.slot] = it
		if n.filter != nil {
			keep, err := n.filter.eval(fr)
			if err != nil {
				return types.Value{}, err
			}
			if !keep.Truth() {
				continue
			}
		}
		if n.op == aggCount {
			count++
			continue
		}
		if err := fr.spend(n.vw); err != nil {
			return types.Value{}, atPos(n.pos, err)
		}
		v, err := n.value.eval(fr)
		if err != nil {
			return types.Value{}, err
		}
		switch n.op {
		case aggSum:
			if acc, err = opAdd(acc, v); err != nil {
				return types.Value{}, atPos(n.pos, err)
			}
		case aggAll:
			if !v.Truth() {
				return types.BoolValue(false), nil
			}
		case aggAny:
			if v.Truth() {
				return types.BoolValue(true), nil
			}
		case aggMin, aggMax:
			if !seen {
				acc, seen = v, true
				continue
			}
			c, err := compare(v, acc)
			if err != nil {
				return types.Value{}, atPos(n.pos, err)
			}
			if (n.op == aggMin && c < 0) || (n.op == aggMax && c > 0) {
				acc = v
			}
		}
	}
	switch n.op {
	case aggCount:
		return types.IntegerValue(int64(count)), nil
	case aggMin, aggMax:
		if !seen {
			word := "smallest"
			if n.op == aggMax {
				word = "largest"
			}
			return types.Value{}, &EvalError{Pos: n.pos, Msg: fmt.Sprintf("no items to take the %s of: the list is empty, or no item meets the condition after `if`", word)}
		}
	}
	return acc, nil
}
