package lang

import "strings"

// This file defines the types the checker gives to expressions.

// Type is the type of a Pacta value: *Basic, *Money, *Enum, *Record or
// *List. The set is sealed.
type Type interface {
	String() string
	typeNode()
}

// BasicKind names a type that has no parameters.
type BasicKind uint8

// The basic kinds.
const (
	IntegerKind   BasicKind = iota // whole numbers: 20
	DecimalKind                    // exact decimals: 0.25
	PercentKind                    // 20%, 12.5%; not a plain number
	DateKind                       // 2026-11-01
	DurationKind                   // 30 days, 3 months, 1 year
	PeriodKind                     // 2027-Q1, 2027-03
	TextKind                       // "a string"
	BoolKind                       // true, false
	PartyKind                      // a declared party
	TimestampKind                  // 2027-03-04T17:45:00+01:00: an instant with its offset (SPEC 11.7)
)

var basicNames = [...]string{
	IntegerKind:   "integer",
	DecimalKind:   "decimal",
	PercentKind:   "percent",
	DateKind:      "date",
	DurationKind:  "duration",
	PeriodKind:    "period",
	TextKind:      "text",
	BoolKind:      "bool",
	PartyKind:     "party",
	TimestampKind: "timestamp",
}

// Basic is a type without parameters. Use the singletons TInteger,
// TDecimal, and so on; Identical compares kinds, not pointers.
type Basic struct{ Kind BasicKind }

// The basic types.
var (
	TInteger   = &Basic{IntegerKind}
	TDecimal   = &Basic{DecimalKind}
	TPercent   = &Basic{PercentKind}
	TDate      = &Basic{DateKind}
	TDuration  = &Basic{DurationKind}
	TPeriod    = &Basic{PeriodKind}
	TText      = &Basic{TextKind}
	TBool      = &Basic{BoolKind}
	TParty     = &Basic{PartyKind}
	TTimestamp = &Basic{TimestampKind}
)

func (t *Basic) String() string {
	if int(t.Kind) < len(basicNames) {
		return basicNames[t.Kind]
	}
	return "invalid"
}

// Money is an amount in one currency. Amounts in different currencies never
// mix: USD + EUR is a type error.
type Money struct{ Currency string }

func (t *Money) String() string { return "money(" + t.Currency + ")" }

// Enum is a `kind`: one of a fixed set of members.
type Enum struct{ Decl *KindDecl }

func (t *Enum) String() string {
	if t.Decl == nil || t.Decl.Name == nil {
		return "kind"
	}
	return t.Decl.Name.Name
}

// Record is an action or event: its declared fields, then the implicit
// fields that were not declared: `actor party` (actions only) and
// `date date` (both).
type Record struct {
	Schema *SchemaDecl
	Fields []FieldType
}

// FieldType is one field of a Record.
type FieldType struct {
	Name string
	Type Type       // nil if the declared type was invalid
	Decl *FieldDecl // nil for an implicit field
}

// Field returns the field called name.
func (t *Record) Field(name string) (FieldType, bool) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return FieldType{}, false
}

func (t *Record) String() string {
	if t.Schema == nil || t.Schema.Name == nil {
		return "record"
	}
	return t.Schema.Name.Name
}

// List is a list of values of one type. Elem is nil for the type of the
// empty list `[]`, written "list of nothing", which goes wherever a list of
// any type may go.
type List struct{ Elem Type }

func (t *List) String() string {
	if t.Elem == nil {
		return "list of nothing"
	}
	return "list of " + t.Elem.String()
}

func (*Basic) typeNode()  {}
func (*Money) typeNode()  {}
func (*Enum) typeNode()   {}
func (*Record) typeNode() {}
func (*List) typeNode()   {}

// Identical reports whether a and b are the same type. A nil type (the
// type of an expression that had an error) is identical to nothing.
func Identical(a, b Type) bool {
	switch a := a.(type) {
	case *Basic:
		b, ok := b.(*Basic)
		return ok && a != nil && b != nil && a.Kind == b.Kind
	case *Money:
		b, ok := b.(*Money)
		return ok && a != nil && b != nil && a.Currency == b.Currency
	case *Enum:
		b, ok := b.(*Enum)
		return ok && a != nil && b != nil && a.Decl == b.Decl
	case *Record:
		b, ok := b.(*Record)
		return ok && a != nil && b != nil && a.Schema == b.Schema
	case *List:
		b, ok := b.(*List)
		if !ok || a == nil || b == nil {
			return false
		}
		if a.Elem == nil || b.Elem == nil {
			return a.Elem == nil && b.Elem == nil
		}
		return Identical(a.Elem, b.Elem)
	}
	return false
}

// isBasic reports whether t is the basic type of kind k.
func isBasic(t Type, k BasicKind) bool {
	b, ok := t.(*Basic)
	return ok && b != nil && b.Kind == k
}

// isNumber reports whether t is integer or decimal.
func isNumber(t Type) bool { return isBasic(t, IntegerKind) || isBasic(t, DecimalKind) }

func isMoney(t Type) bool {
	m, ok := t.(*Money)
	return ok && m != nil
}

func currencyOf(t Type) string {
	if m, ok := t.(*Money); ok && m != nil {
		return m.Currency
	}
	return ""
}

// assignable reports whether a value of type from may go where a value of
// type to is expected: identical types; an integer where a decimal is
// expected (it widens); the empty list where any list is expected; a list
// whose elements are assignable.
func assignable(from, to Type) bool {
	if from == nil || to == nil {
		return false
	}
	if Identical(from, to) {
		return true
	}
	if isBasic(from, IntegerKind) && isBasic(to, DecimalKind) {
		return true
	}
	if fl, ok := from.(*List); ok {
		if tl, ok := to.(*List); ok {
			return fl.Elem == nil || (tl.Elem != nil && assignable(fl.Elem, tl.Elem))
		}
	}
	return false
}

// unify returns the type that holds values of both a and b, for the
// elements of a list literal and the branches of `if`: identical types;
// integer with decimal gives decimal; the empty list with any list.
func unify(a, b Type) (Type, bool) {
	if a == nil || b == nil {
		return nil, false
	}
	if Identical(a, b) {
		return a, true
	}
	if isNumber(a) && isNumber(b) {
		return TDecimal, true
	}
	al, aok := a.(*List)
	bl, bok := b.(*List)
	if aok && bok {
		if al.Elem == nil {
			return b, true
		}
		if bl.Elem == nil {
			return a, true
		}
		if e, ok := unify(al.Elem, bl.Elem); ok {
			return &List{Elem: e}, true
		}
	}
	return nil, false
}

// equatable reports whether values of type t can be compared with == and
// !=: every basic type, money and kinds. Records and lists cannot.
func equatable(t Type) bool {
	switch t.(type) {
	case *Basic, *Money, *Enum:
		return true
	}
	return false
}

// ordered reports whether values of type t can be compared with < <= > >=:
// numbers, percents, money, dates and timestamps.
func ordered(t Type) bool {
	if isMoney(t) {
		return true
	}
	b, ok := t.(*Basic)
	if !ok {
		return false
	}
	switch b.Kind {
	case IntegerKind, DecimalKind, PercentKind, DateKind, TimestampKind:
		return true
	}
	return false
}

// canCompare reports whether a and b may be compared with each other:
// identical types, or integer with decimal.
func canCompare(a, b Type) bool {
	return Identical(a, b) || (isNumber(a) && isNumber(b))
}

// typeNames are the names of the built-in types as written in a schema.
var typeNames = []string{"integer", "decimal", "percent", "money", "date", "duration", "period", "text", "bool", "party", "timestamp"}

// aOrAn returns "a" or "an" for the type's name, for messages.
func aOrAn(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}
