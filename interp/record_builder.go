package interp

import (
	"fmt"
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
)

// RecordBuilder fills records of one action or event from Go values,
// without parsing text: the way to build records in a loop. Resolve a
// handle per field once (Field); then, per event, set the fields and take
// the record, which the builder reuses, so deciding allocates nothing:
//
//	gross, _ := b.Field("gross", types.KindMoney)
//	for _, o := range orders {
//		b.SetMoney(gross, o.Gross)
//		sale, err := b.Record()
//		err = prog.DecideInto(ctx, sale, interp.DecideOptions{}, &d)
//	}
//
// A value the field cannot hold (another action's or kind's handle, a
// negative amount, an unknown party or member) is an error Record returns.
// A RecordBuilder is not safe for concurrent use; use one per goroutine.
type RecordBuilder struct {
	s   *schema
	rec types.Record
	set []bool // set[i]: field i has a value
	err error
}

// FieldHandle is a field of an action or event, resolved once by
// RecordBuilder.Field; it serves every builder of that action. The zero
// FieldHandle is no field.
type FieldHandle struct {
	s    *schema
	idx  int
	kind types.Kind
}

// Index returns the field's index in the schema (and in types.Record.Fields).
func (f FieldHandle) Index() int { return f.idx }

// NewRecordBuilder returns a builder of records of the named action or
// event of an agreement ("" for the only one). The error unwraps to
// ErrUnknownAgreement or ErrUnknownAction.
func (p *Program) NewRecordBuilder(agreementID, action string) (*RecordBuilder, error) {
	s, err := p.schemaNamed(agreementID, action)
	if err != nil {
		return nil, err
	}
	return &RecordBuilder{
		s:   s,
		rec: types.Record{Schema: s, Fields: make([]types.Value, len(s.Fields()))},
		set: make([]bool, len(s.Fields())),
	}, nil
}

// Schema returns the schema of the records built.
func (b *RecordBuilder) Schema() types.Schema { return b.s }

// Field resolves the field called name, which must hold values of kind:
// KindMoney for a money field, KindEnum for a field of a kind, KindParty
// for `actor`, KindDate for `date`, and so on. An unknown name or another
// kind is a *FieldError.
func (b *RecordBuilder) Field(name string, kind types.Kind) (FieldHandle, error) {
	i := b.s.FieldIndex(name)
	if i < 0 {
		return FieldHandle{}, &FieldError{name, fmt.Sprintf("%s has no such field%s; its fields are %s",
			b.s.Name(), suggest(name, b.s.Fields()), strings.Join(b.s.Fields(), ", "))}
	}
	t := b.s.types[i]
	if t.kind != kind {
		return FieldHandle{}, &FieldError{name, fmt.Sprintf("is %s, not %s", t, kind)}
	}
	return FieldHandle{s: b.s, idx: i, kind: kind}, nil
}

// fail records the first error.
func (b *RecordBuilder) fail(f FieldHandle, msg string) {
	if b.err == nil {
		name := ""
		if f.s == b.s && f.idx >= 0 && f.idx < len(b.s.Fields()) {
			name = b.s.Fields()[f.idx]
		}
		b.err = &FieldError{name, msg}
	}
}

// handle reports whether f is a field of b of kind k, recording an error
// if not.
func (b *RecordBuilder) handle(f FieldHandle, k types.Kind) bool {
	if f.s != b.s {
		b.fail(f, "the handle is not a field of "+b.s.Name()+"; resolve it with this builder's Field")
		return false
	}
	if f.kind != k {
		b.fail(f, fmt.Sprintf("is %s; it cannot be set to %s", b.s.types[f.idx], k))
		return false
	}
	return true
}

func (b *RecordBuilder) put(f FieldHandle, v types.Value) {
	b.rec.Fields[f.idx] = v
	b.set[f.idx] = true
}

// SetMoney sets a money field to an amount in the agreement's currency.
// The amount may not be negative, as in a ledger.
func (b *RecordBuilder) SetMoney(f FieldHandle, amount types.Decimal) {
	if !b.handle(f, types.KindMoney) {
		return
	}
	if amount.Sign() < 0 {
		b.fail(f, fmt.Sprintf("amount %s is negative; amounts in actions and ledgers must be zero or more", amount))
		return
	}
	b.put(f, types.MoneyValue(b.s.types[f.idx].currency, amount))
}

// SetEnum sets a field of a kind to the member called member.
func (b *RecordBuilder) SetEnum(f FieldHandle, member string) {
	if !b.handle(f, types.KindEnum) {
		return
	}
	t := b.s.types[f.idx]
	i, ok := t.members[member]
	if !ok {
		b.fail(f, fmt.Sprintf("%s is not a %s", shown(member), t.kindName))
		return
	}
	b.put(f, types.EnumValue(member, i))
}

// SetParty sets a party field (such as `actor`) to the party called id.
func (b *RecordBuilder) SetParty(f FieldHandle, id string) {
	if !b.handle(f, types.KindParty) {
		return
	}
	if !b.s.agreement.parties[id] {
		b.fail(f, fmt.Sprintf("unknown party %s%s", shown(id), suggest(id, b.s.agreement.partyNames())))
		return
	}
	b.put(f, types.PartyValue(id))
}

// Set sets a field to a value made by a constructor of package types
// (types.DateValue, types.TextValue, …), checked against the field's
// kind: a date for a date field, a party of the agreement for a party
// field, a member for a field of a kind. SetMoney, SetEnum and SetParty
// are shorthands that supply the currency, look the member up by name
// and check the party. An integer is accepted for a decimal field.
func (b *RecordBuilder) Set(f FieldHandle, v types.Value) {
	if !b.handle(f, f.kind) {
		return
	}
	t := b.s.types[f.idx]
	if t.kind == types.KindDecimal && v.Kind() == types.KindInteger {
		v = types.DecimalValue(v.Num())
	}
	if msg := b.s.misfit(t, v); msg != "" {
		b.fail(f, msg)
		return
	}
	b.put(f, v)
}

// misfit says why v cannot be held by a field of type t, or returns "".
func (s *schema) misfit(t *fieldType, v types.Value) string {
	if v.Kind() != t.kind {
		return fmt.Sprintf("must be %s, not %s", t, v.Kind())
	}
	switch t.kind {
	case types.KindMoney:
		if v.Str() != t.currency {
			return fmt.Sprintf("must be money(%s), not money(%s)", t.currency, v.Str())
		}
		if v.Num().Sign() < 0 {
			return fmt.Sprintf("amount %s is negative; amounts in actions and ledgers must be zero or more", v)
		}
	case types.KindEnum:
		if i, ok := t.members[v.Str()]; !ok || int64(i) != v.EnumIndex() {
			return fmt.Sprintf("%s is not a %s", shown(v.Str()), t.kindName)
		}
	case types.KindParty:
		if !s.agreement.parties[v.Str()] {
			return fmt.Sprintf("unknown party %s", shown(v.Str()))
		}
	case types.KindList:
		for i, e := range v.List() {
			if msg := s.misfit(t.elem, e); msg != "" {
				if t.elem.kind == types.KindRecord {
					return fmt.Sprintf("item %d%s", i+1, msg)
				}
				return fmt.Sprintf("element %d: %s", i+1, msg)
			}
		}
	case types.KindRecord:
		return t.item.itemMisfit(v.Record())
	}
	return ""
}

// Record returns the record built, or the first error since the last call
// (a setter's, or a field never set). The record is the builder's own,
// overwritten by the next setters (NewRecord gives one to keep); a field
// keeps its value until set again. After an error the builder is usable.
func (b *RecordBuilder) Record() (*types.Record, error) {
	if err := b.check(); err != nil {
		return nil, err
	}
	return &b.rec, nil
}

// NewRecord is Record, returning a copy the builder does not reuse.
func (b *RecordBuilder) NewRecord() (*types.Record, error) {
	if err := b.check(); err != nil {
		return nil, err
	}
	return &types.Record{Schema: b.s, Fields: append([]types.Value(nil), b.rec.Fields...)}, nil
}

func (b *RecordBuilder) check() error {
	if err := b.err; err != nil {
		b.err = nil
		return err
	}
	for i, ok := range b.set {
		if !ok {
			return &FieldError{b.s.Fields()[i], fmt.Sprintf("not set; %s needs %s", b.s.Name(), strings.Join(b.s.Fields(), ", "))}
		}
	}
	return nil
}

// Reset forgets every field's value.
func (b *RecordBuilder) Reset() {
	clear(b.set)
	clear(b.rec.Fields)
	b.err = nil
}

// ItemBuilder returns a builder of the items of the list field f, a
// field declared `lines list of line { ... }` (SPEC 4.5.1): resolve the
// item's fields with its Field, set them, and take each item with
// NewRecord (Record's record is reused); then set the list with SetItems.
// f must be a field of b holding a list of items; otherwise the error is
// a *FieldError.
func (b *RecordBuilder) ItemBuilder(f FieldHandle) (*RecordBuilder, error) {
	if f.s != b.s || f.idx < 0 || f.idx >= len(b.s.Fields()) {
		return nil, &FieldError{"", "the handle is not a field of " + b.s.Name() + "; resolve it with this builder's Field"}
	}
	t := b.s.types[f.idx]
	if !t.holdsItems() {
		return nil, &FieldError{b.s.Fields()[f.idx], fmt.Sprintf("is %s, not a list of items", t)}
	}
	s := t.elem.item
	return &RecordBuilder{s: s, rec: types.Record{Schema: s, Fields: make([]types.Value, len(s.Fields()))}, set: make([]bool, len(s.Fields()))}, nil
}

// SetItems sets the list field f to items, records built by the builder
// ItemBuilder(f) returns (each taken with NewRecord). An item of another
// type, or with a field that does not fit, is recorded as the error
// Record returns.
func (b *RecordBuilder) SetItems(f FieldHandle, items []*types.Record) {
	if !b.handle(f, types.KindList) {
		return
	}
	vals := make([]types.Value, len(items))
	for i, r := range items {
		if r == nil {
			b.fail(f, fmt.Sprintf("item %d is nil", i+1))
			return
		}
		vals[i] = types.RecordValue(r)
	}
	b.Set(f, types.ListValue(vals))
}

// itemMisfit says why r is not an item of type s (with a leading ", field
// x" or ": "), or returns "".
func (s *schema) itemMisfit(r *types.Record) string {
	if s == nil {
		return ": not an item"
	}
	if r == nil || r.Schema != s {
		return fmt.Sprintf(": must be a %s; build it with the list's ItemBuilder", s.Name())
	}
	if len(r.Fields) != len(s.Fields()) {
		return fmt.Sprintf(": a %s has %d fields, not %d", s.Name(), len(s.Fields()), len(r.Fields))
	}
	for i, t := range s.types {
		v := r.Fields[i]
		if t.kind == types.KindDecimal && v.Kind() == types.KindInteger {
			continue
		}
		if msg := s.misfit(t, v); msg != "" {
			return fmt.Sprintf(", field %s: %s", shown(s.Fields()[i]), msg)
		}
	}
	return ""
}
