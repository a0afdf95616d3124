package types

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/pacta-lang/pacta/interp/internal/textfmt"
)

// Kind is the type of a Value.
type Kind uint8

// The kinds of value, one per language type.
const (
	KindInvalid   Kind = iota // the zero Value
	KindInteger               // a whole number: IntegerValue, read with Num
	KindDecimal               // an exact decimal: DecimalValue, Num
	KindPercent               // a rate held as a fraction, 20% as 0.20: PercentValue, Num
	KindMoney                 // an amount in a currency: MoneyValue, Num and Currency
	KindDate                  // DateValue, Date
	KindDuration              // DurationValue, Duration
	KindPeriod                // PeriodValue, Period
	KindText                  // TextValue, Str
	KindBool                  // BoolValue, Truth
	KindParty                 // a party's identifier: PartyValue, Str
	KindEnum                  // a member of a kind: EnumValue, Str is its name
	KindRecord                // an action or event instance: RecordValue, Record
	KindList                  // ListValue, List
	KindTimestamp             // an instant with its offset from UTC: TimestampValue, Timestamp
)

var kindNames = [...]string{
	KindInvalid: "invalid", KindInteger: "integer", KindDecimal: "decimal",
	KindPercent: "percent", KindMoney: "money", KindDate: "date",
	KindDuration: "duration", KindPeriod: "period", KindText: "text",
	KindBool: "bool", KindParty: "party", KindEnum: "enum",
	KindRecord: "record", KindList: "list", KindTimestamp: "timestamp",
}

// String returns the kind's name as a value's JSON writes it ("money",
// "date", "enum"), or Kind(N) for a number that is no kind.
func (k Kind) String() string {
	if int(k) >= len(kindNames) {
		return "Kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// Value is any Pacta value: one of the kinds listed under Kind, made by its
// constructor (MoneyValue, DateValue, ...) and read with the accessor its
// kind names. It is a value type: numbers, money, dates, booleans,
// parties and enum members need no allocation; records and lists point
// to shared, immutable storage.
//
// The accessors take a pointer, so that reading one field does not copy
// the whole Value (72 bytes); call them on a variable or a slice element
// (v, _ := rec.Field("gross"); v.Num()), not on a function's result.
type Value struct {
	num  Decimal
	str  string
	bits int64    // bool, enum index, date (days), duration (count), timestamp (see TimestampValue)
	rec  *Record  // record
	lst  *[]Value // list
	kind Kind
	unit uint8  // duration unit
	per  Period // period
}

func (v *Value) dateOf() Date {
	d, _ := MinDate().AddDays(int(v.bits)) // bits came from a valid Date
	return d
}
func (v *Value) durOf() Duration {
	return Duration{N: v.bits, Unit: DurationUnit(v.unit)}
}
func (v *Value) perOf() Period { return v.per }

// A timestamp is held without allocating: bits is its Unix seconds
// shifted left by tsOffsetBits, with its offset from UTC in minutes plus
// tsOffsetBias below; num is its nanoseconds, a whole number.
const (
	tsOffsetBits = 12
	tsOffsetBias = 23*60 + 59 // offsets run from -23:59 to +23:59
)

func (v *Value) tsSec() int64 { return v.bits >> tsOffsetBits }
func (v *Value) tsOf() Timestamp {
	nanos, _ := v.num.Int64()
	off := (int(v.bits&(1<<tsOffsetBits-1)) - tsOffsetBias) * 60
	t, _ := NewTimestamp(v.tsSec(), int(nanos), off) // the parts came from a valid Timestamp
	return t
}
func (v *Value) elems() []Value {
	if v.lst == nil {
		return nil
	}
	return *v.lst
}

// Record is an action or event instance. Fields are in the order of the
// schema, with the implicit fields included; see Schema. (lang.Record is
// its type, as the checker knows it.)
type Record struct {
	Schema Schema
	Fields []Value
}

// field returns the record's i-th field, or the invalid Value when a
// record made by hand has fewer Fields than its Schema names, so that
// printing or marshalling such a record says so instead of panicking.
func (r *Record) field(i int) Value {
	if i < len(r.Fields) {
		return r.Fields[i]
	}
	return Value{}
}

// Schema describes the type of a record: an action or event an agreement
// declares (or the items of a list field), its name and its fields in
// order. Package interp makes every Schema (interp.Program.Schema,
// interp.RecordBuilder.Schema); a record whose Schema another package made is
// refused by the interpreter.
type Schema interface {
	// Name is the action's or event's name, as declared.
	Name() string
	// Event reports an event (settled only) rather than an action.
	Event() bool
	// Fields lists the field names in order, the implicit ones included
	// (actor, date); do not modify it.
	Fields() []string
	// FieldIndex returns the index of the named field, or -1.
	FieldIndex(name string) int
	// FieldType returns the i-th field's type as Pacta writes it:
	// "money(USD)", "date", "Region", "list of line".
	FieldType(i int) string
	// ParseField reads text as the i-th field's value, in the forms a
	// ledger cell takes (SPEC 11.1); an error says why the text is not one.
	ParseField(i int, text string) (Value, error)
}

// Field returns the named field of r and whether it exists.
func (r *Record) Field(name string) (Value, bool) {
	i := r.Schema.FieldIndex(name)
	if i < 0 || i >= len(r.Fields) {
		return Value{}, false
	}
	return r.Fields[i], true
}

// Constructors.

// IntegerValue returns an integer value.
func IntegerValue(n int64) Value { return Value{kind: KindInteger, num: DecimalFromInt(n)} }

// IntegerFromDecimal returns the whole number d as an integer value, with scale 0
// (12.00 becomes 12). Integers are exact, like every number: any whole
// number of up to MaxDecimalDigits digits is an integer, beyond the range
// of int64 too (SPEC 3.1). A d with a fractional part is an error.
func IntegerFromDecimal(d Decimal) (Value, error) {
	if d.Scale() == 0 { // whole already: the result of integer arithmetic
		return Value{kind: KindInteger, num: d}, nil
	}
	r, err := d.Round(DecimalFromInt(1), Down)
	if err != nil {
		return Value{}, err
	}
	if !r.Equal(d) {
		return Value{}, fmt.Errorf("%s is not a whole number", d)
	}
	return Value{kind: KindInteger, num: r}, nil
}

// DecimalValue returns a decimal value.
func DecimalValue(d Decimal) Value { return Value{kind: KindDecimal, num: d} }

// PercentValue returns a percent value; frac is the fraction (0.2 for 20%).
func PercentValue(frac Decimal) Value { return Value{kind: KindPercent, num: frac} }

// MoneyValue returns an amount of money in currency.
func MoneyValue(currency string, amount Decimal) Value {
	return Value{kind: KindMoney, num: amount, str: currency}
}

// DateValue returns a date value.
func DateValue(d Date) Value {
	return Value{kind: KindDate, bits: int64(DaysBetween(MinDate(), d))}
}

// DurationValue returns a duration value.
func DurationValue(d Duration) Value {
	return Value{kind: KindDuration, bits: d.N, unit: uint8(d.Unit)}
}

// TimestampValue returns a timestamp value.
func TimestampValue(t Timestamp) Value {
	sec, nanos := t.Unix()
	return Value{
		kind: KindTimestamp,
		bits: sec<<tsOffsetBits | int64(t.Offset()/60+tsOffsetBias),
		num:  DecimalFromInt(int64(nanos)),
	}
}

// PeriodValue returns a period value.
func PeriodValue(p Period) Value { return Value{kind: KindPeriod, per: p} }

// TextValue returns a text value.
func TextValue(s string) Value { return Value{kind: KindText, str: s} }

// BoolValue returns a boolean value.
func BoolValue(b bool) Value {
	if b {
		return Value{kind: KindBool, bits: 1}
	}
	return Value{kind: KindBool}
}

// PartyValue returns the party with identifier id.
func PartyValue(id string) Value { return Value{kind: KindParty, str: id} }

// EnumValue returns member name, at index i (from 0) of its kind's
// declaration. A host rarely needs it: interp.RecordBuilder.SetEnum and
// Schema.ParseField take the member's name and look its index up.
func EnumValue(name string, i int) Value { return Value{kind: KindEnum, str: name, bits: int64(i)} }

// RecordValue returns a record value.
func RecordValue(r *Record) Value { return Value{kind: KindRecord, rec: r} }

// ListValue returns a list value; elems must not be changed afterwards.
func ListValue(elems []Value) Value { return Value{kind: KindList, lst: &elems} }

// Accessors.

// Kind returns the kind of v.
func (v *Value) Kind() Kind { return v.kind }

// Num returns the number of an integer, decimal, percent (as a fraction)
// or money value.
func (v *Value) Num() Decimal { return v.num }

// Currency returns the currency code of a money value.
func (v *Value) Currency() string { return v.str }

// Str returns the text of a text value, the identifier of a party or the
// name of an enum member.
func (v *Value) Str() string { return v.str }

// EnumIndex returns the index (from 0) of an enum member in its kind's
// declaration.
func (v *Value) EnumIndex() int64 { return v.bits }

// Truth returns the value of a bool.
func (v *Value) Truth() bool { return v.bits != 0 }

// Date returns the date of a date value.
func (v *Value) Date() Date { return v.dateOf() }

// Duration returns the duration of a duration value.
func (v *Value) Duration() Duration { return v.durOf() }

// Timestamp returns the timestamp of a timestamp value.
func (v *Value) Timestamp() Timestamp { return v.tsOf() }

// Period returns the period of a period value.
func (v *Value) Period() Period { return v.perOf() }

// Record returns the record of a record value.
func (v *Value) Record() *Record { return v.rec }

// List returns the elements of a list value; do not modify them.
func (v *Value) List() []Value { return v.elems() }

// Equal reports whether two values of the same type are equal. Numbers
// compare by value (1.0 equals 1.00); money also by currency.
func (v Value) Equal(w Value) bool {
	switch v.kind {
	case KindInteger, KindDecimal, KindPercent:
		return isNumeric(w.kind) && v.num.Equal(w.num)
	case KindMoney:
		return w.kind == KindMoney && v.str == w.str && v.num.Equal(w.num)
	case KindDate:
		return w.kind == KindDate && v.bits == w.bits
	case KindDuration:
		return w.kind == KindDuration && durationEqual(v.durOf(), w.durOf())
	case KindPeriod:
		return w.kind == KindPeriod && v.per == w.per
	case KindTimestamp: // the same instant, whatever the offsets
		return w.kind == KindTimestamp && v.tsSec() == w.tsSec() && v.num.Equal(w.num)
	case KindText, KindParty, KindEnum:
		return v.kind == w.kind && v.str == w.str
	case KindBool:
		return w.kind == KindBool && v.bits == w.bits
	case KindList:
		vl, wl := v.elems(), w.elems()
		if w.kind != KindList || len(vl) != len(wl) {
			return false
		}
		for i := range vl {
			if !vl[i].Equal(wl[i]) {
				return false
			}
		}
		return true
	case KindRecord:
		if w.kind != KindRecord || !sameSchema(v.rec.Schema, w.rec.Schema) {
			return false
		}
		for i := range v.rec.Fields {
			if !v.rec.Fields[i].Equal(w.rec.Fields[i]) {
				return false
			}
		}
		return true
	}
	return false
}

func isNumeric(k Kind) bool { return k == KindInteger || k == KindDecimal || k == KindPercent }

// String formats v as Pacta source would write it: `USD 1,250.00`, `20%`,
// `2026-11-01`, `"text"`.
func (v Value) String() string {
	var b strings.Builder
	v.format(&b)
	return b.String()
}

func (v Value) format(b *strings.Builder) {
	switch v.kind {
	case KindInteger, KindDecimal:
		b.WriteString(v.num.String())
	case KindPercent:
		b.WriteString(v.num.percentText())
	case KindMoney:
		b.WriteString(v.str)
		b.WriteByte(' ')
		b.WriteString(textfmt.Amount(v.num.Format(true), 2))
	case KindDate:
		b.WriteString(v.dateOf().String())
	case KindDuration:
		b.WriteString(v.durOf().String())
	case KindPeriod:
		b.WriteString(v.perOf().String())
	case KindTimestamp:
		b.WriteString(v.tsOf().String())
	case KindText:
		b.WriteString(textfmt.Quote(v.str))
	case KindBool:
		if v.Truth() {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case KindParty, KindEnum:
		b.WriteString(v.str)
	case KindList:
		b.WriteByte('[')
		for i, e := range v.elems() {
			if i > 0 {
				b.WriteString(", ")
			}
			e.format(b)
		}
		b.WriteByte(']')
	case KindRecord:
		r := v.rec
		if r == nil || r.Schema == nil {
			b.WriteString("<invalid>")
			return
		}
		b.WriteString(r.Schema.Name())
		if i := r.Schema.FieldIndex("actor"); i >= 0 && !r.Schema.Event() {
			b.WriteString(" by ")
			r.field(i).format(b)
		}
		b.WriteString(" {")
		first := true
		for i, name := range r.Schema.Fields() {
			if name == "actor" && !r.Schema.Event() {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteByte(' ')
			b.WriteString(name)
			b.WriteString(": ")
			r.field(i).format(b)
		}
		b.WriteString(" }")
	default:
		b.WriteString("<invalid>")
	}
}

// durationEqual compares lengths of time: 1 week is 7 days and 1 year is
// 12 months; days and months never equal each other (months differ in
// length).
func durationEqual(a, b Duration) bool {
	days := func(d Duration) (int64, bool) {
		switch d.Unit {
		case Days:
			return d.N, true
		case Weeks:
			return 7 * d.N, true
		}
		return 0, false
	}
	months := func(d Duration) (int64, bool) {
		switch d.Unit {
		case Months:
			return d.N, true
		case Years:
			return 12 * d.N, true
		}
		return 0, false
	}
	if x, ok := days(a); ok {
		y, ok := days(b)
		return ok && x == y
	}
	x, _ := months(a)
	y, ok := months(b)
	return ok && x == y
}

// MarshalJSON implements json.Marshaler, so that any result of an
// expression can be written as JSON: an object naming the value's kind,
// with the value in "value" (numbers and amounts as exact decimal
// strings), in the shape that package interp/schema documents and its
// schema Value pins. The zero Value is null.
func (v Value) MarshalJSON() ([]byte, error) { return v.appendJSON(nil, 0) }

// maxValueJSONDepth bounds the nesting of lists and records written, as
// the language's own limits bound the values it makes.
const maxValueJSONDepth = 1000

func (v Value) appendJSON(dst []byte, depth int) ([]byte, error) {
	if depth > maxValueJSONDepth {
		return nil, errors.New("interp: value nested more than 1000 deep")
	}
	if v.kind == KindInvalid || v.kind == KindRecord && (v.rec == nil || v.rec.Schema == nil) {
		return append(dst, "null"...), nil
	}
	dst = append(dst, `{"kind":`...)
	dst = textfmt.AppendJSONString(dst, v.kind.String())
	if v.kind == KindRecord {
		dst = append(dst, `,"name":`...)
		dst = textfmt.AppendJSONString(dst, v.rec.Schema.Name())
	}
	dst = append(dst, `,"value":`...)
	var err error
	switch v.kind {
	case KindInteger, KindDecimal, KindPercent, KindMoney:
		dst = append(dst, '"')
		dst, _ = v.num.AppendText(dst) // never fails
		dst = append(dst, '"')
		if v.kind == KindMoney {
			dst = append(dst, `,"currency":`...)
			dst = textfmt.AppendJSONString(dst, v.str)
		}
	case KindDate, KindDuration, KindPeriod, KindTimestamp:
		var text []byte
		switch v.kind {
		case KindDate:
			text, err = v.dateOf().MarshalText()
		case KindTimestamp:
			text, err = v.tsOf().MarshalText()
		case KindDuration:
			text, err = v.durOf().MarshalText()
		default:
			text, err = v.perOf().MarshalText()
		}
		if err != nil {
			return nil, err
		}
		dst = textfmt.AppendJSONString(dst, string(text))
	case KindText, KindParty, KindEnum:
		dst = textfmt.AppendJSONString(dst, v.str)
	case KindBool:
		dst = strconv.AppendBool(dst, v.Truth())
	case KindList:
		dst = append(dst, '[')
		for i, e := range v.elems() {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = e.appendJSON(dst, depth+1); err != nil {
				return nil, err
			}
		}
		dst = append(dst, ']')
	case KindRecord:
		dst = append(dst, '{')
		for i, name := range v.rec.Schema.Fields() {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = textfmt.AppendJSONString(dst, name)
			dst = append(dst, ':')
			if dst, err = v.rec.field(i).appendJSON(dst, depth+1); err != nil {
				return nil, err
			}
		}
		dst = append(dst, '}')
	}
	return append(dst, '}'), nil
}

// percentText writes a fraction as a percent: 0.2 as 20%, 0.125 as 12.5%.
func (d Decimal) percentText() string {
	p, err := d.MulPow10(2)
	if err != nil {
		return d.String() + " (as a fraction)"
	}
	return textfmt.Percent(p.String())
}

// sameSchema reports whether a and b are one schema. Schemas are compared
// as interfaces, except that a host's Schema of a type == cannot compare
// (a struct holding a slice) is compared by name and fields instead of
// panicking.
func sameSchema(a, b Schema) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb {
		return false
	}
	if ta == nil || ta.Comparable() {
		return a == b
	}
	return a.Name() == b.Name() && slices.Equal(a.Fields(), b.Fields())
}
