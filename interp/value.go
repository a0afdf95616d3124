package interp

import (
	"github.com/pacta-lang/pacta/interp/internal/textfmt"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// schema is the types.Schema of an action or event an agreement
// declares, or of the items of a list field.
type schema struct {
	name   string
	event  bool
	fields []string
	index  map[string]int
	// agreement is the agreement that declares the schema.
	agreement *agreement
	decl      *lang.SchemaDecl
	types     []*fieldType
	dateAt    int  // index of `date`
	id        int  // index of the schema in its agreement
	payment   bool // an event called `payment`: records a payment made (SPEC 6.5)
	item      bool // the record type of the items of a list field (SPEC 4.5.1): no actor, no date
	actorAt   int  // index of `actor`, -1 for events
}

// FieldIndex returns the index of the named field, or -1.
func (s *schema) FieldIndex(name string) int {
	if i, ok := s.index[name]; ok {
		return i
	}
	return -1
}

// Name, Event and Fields make a *schema a types.Schema.
func (s *schema) Name() string     { return s.name }
func (s *schema) Event() bool      { return s.event }
func (s *schema) Fields() []string { return s.fields }

// schemaOf returns the interpreter's own schema behind s, or nil when s
// was made by another package (such a record is refused).
func schemaOf(s types.Schema) *schema {
	x, _ := s.(*schema)
	return x
}

// field returns the record's i-th field, or the invalid Value when a
// record made by hand has fewer Fields than its Schema names.
func field(r *types.Record, i int) types.Value {
	if i < len(r.Fields) {
		return r.Fields[i]
	}
	return types.Value{}
}

func isNumeric(k types.Kind) bool {
	return k == types.KindInteger || k == types.KindDecimal || k == types.KindPercent
}

// formatAmount writes an amount with thousands separators and at least
// minScale digits after the point (textfmt.Amount).
func formatAmount(d types.Decimal, minScale int) string {
	return textfmt.Amount(d.Format(true), minScale)
}

// formatPercent writes a fraction as a percent: 0.2 as 20%.
func formatPercent(frac types.Decimal) string { return types.PercentValue(frac).String() }
