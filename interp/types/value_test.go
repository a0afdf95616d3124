package types

import (
	"encoding/json"
	"testing"
)

// handSchema is a Schema made by hand, not by package interp.
type handSchema struct {
	name   string
	fields []string
}

func (s handSchema) Name() string     { return s.name }
func (s handSchema) Event() bool      { return false }
func (s handSchema) Fields() []string { return s.fields }
func (s handSchema) FieldIndex(name string) int {
	for i, f := range s.fields {
		if f == name {
			return i
		}
	}
	return -1
}
func (s handSchema) FieldType(int) string                  { return "text" }
func (s handSchema) ParseField(int, string) (Value, error) { return Value{}, nil }

// A record made by hand with fewer fields than its schema names, or with
// no schema, prints and marshals with the gap shown instead of panicking
// (a host that builds Records itself can get this wrong).
func TestHandMadeRecordWithMissingFields(t *testing.T) {
	short := &Record{
		Schema: handSchema{name: "sell", fields: []string{"actor", "gross"}},
		Fields: []Value{PartyValue("openai")},
	}
	// The actor is shown after "by"; gross has no value, so it prints
	// as the invalid Value does and marshals as null.
	if got, want := RecordValue(short).String(), "sell by openai { gross: <invalid> }"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	b, err := json.Marshal(RecordValue(short))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"kind":"record","name":"sell","value":{"actor":{"kind":"party","value":"openai"},"gross":null}}`; string(b) != want {
		t.Errorf("MarshalJSON = %s, want %s", b, want)
	}
	for _, r := range []*Record{nil, {}} {
		v := RecordValue(r)
		if got := v.String(); got != "<invalid>" {
			t.Errorf("record %v: String() = %q, want <invalid>", r, got)
		}
		if b, err := json.Marshal(v); err != nil || string(b) != "null" {
			t.Errorf("record %v: MarshalJSON = %s, %v; want null", r, b, err)
		}
	}
}

// TestEqualRecordsOfAnUncomparableSchema: two records whose Schema is a
// host's struct holding a slice (== on it would panic) compare by the
// schema's name and fields, and their fields.
func TestEqualRecordsOfAnUncomparableSchema(t *testing.T) {
	s := handSchema{name: "sell", fields: []string{"actor", "gross"}}
	other := handSchema{name: "refund", fields: []string{"actor", "gross"}}
	mk := func(sc Schema, party string) Value {
		return RecordValue(&Record{Schema: sc, Fields: []Value{PartyValue(party), MoneyValue("USD", DecimalFromInt(1))}})
	}
	if !mk(s, "a").Equal(mk(s, "a")) {
		t.Error("the same record does not equal itself")
	}
	if mk(s, "a").Equal(mk(s, "b")) {
		t.Error("records with different actors are equal")
	}
	if mk(s, "a").Equal(mk(other, "a")) {
		t.Error("records of schemas sell and refund are equal")
	}
}

// A Kind that is no kind (a host's types.Kind(99), or one read from
// outside) prints as Kind(N) instead of indexing past the table of names.
func TestKindStringOutOfRange(t *testing.T) {
	if got := KindMoney.String(); got != "money" {
		t.Errorf("KindMoney.String() = %q, want money", got)
	}
	if got := Kind(99).String(); got != "Kind(99)" {
		t.Errorf("Kind(99).String() = %q, want Kind(99)", got)
	}
}

// The doc of PeriodOf says a contract year's start is month × 100 + day:
// 315 for 15 March gives the contract year that starts on 15 March.
func TestPeriodOfContractStartAsDocumented(t *testing.T) {
	d, _ := ParseDate("2027-04-01")
	p := PeriodOf(PeriodContractYear, 315, d)
	if got := p.Start().String(); got != "2027-03-15" {
		t.Errorf("PeriodOf(contract year, 315, 2027-04-01) starts %s, want 2027-03-15", got)
	}
}
