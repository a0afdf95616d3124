package interp_test

import (
	"errors"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// TestParsePeriodFiscal: a fiscal period counts by the named agreement's
// fiscal year; with the year starting in July, FY2028 runs from
// 2027-07-01, so FY2028-Q1 is 2027-07-01..2027-09-30 and FY2028-H2 is
// 2028-01-01..2028-06-30. A calendar period ignores the fiscal year.
func TestParsePeriodFiscal(t *testing.T) {
	july := `agreement a "A" {
  effective 2027-01-01
  currency USD
  fiscal year starts July
  party r "R"
}
`
	plain := `agreement b "B" {
  effective 2027-01-01
  currency USD
  party r "R"
}
`
	one, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(july)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ agreement, text, from, to string }{
		{"", "FY2028-Q1", "2027-07-01", "2027-09-30"},
		{"a", "FY2028-H2", "2028-01-01", "2028-06-30"},
		{"", "FY2028", "2027-07-01", "2028-06-30"},
		{"", "2027-Q3", "2027-07-01", "2027-09-30"},
	} {
		p, err := one.ParsePeriod(c.agreement, c.text)
		if err != nil {
			t.Errorf("%s: %v", c.text, err)
			continue
		}
		if got := p.Start().String() + ".." + p.End().String(); got != c.from+".."+c.to {
			t.Errorf("%s: got %s, want %s..%s", c.text, got, c.from, c.to)
		}
	}
	if _, err := one.ParsePeriod("zz", "FY2028"); !errors.Is(err, interp.ErrUnknownAgreement) {
		t.Errorf("unknown agreement: got %v", err)
	}
	if _, err := one.ParsePeriod("", "FY2028-Q5"); err == nil {
		t.Error("FY2028-Q5 was accepted")
	}
	two, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(july)}, {Name: "b.pacta", Text: []byte(plain)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := two.ParsePeriod("", "FY2028"); !errors.Is(err, interp.ErrUnknownAgreement) {
		t.Errorf("two agreements, none named: got %v", err)
	}
	// B's fiscal year is the calendar year: FY2028 is 2028.
	if p, err := two.ParsePeriod("b", "FY2028"); err != nil || p.Start().String() != "2028-01-01" {
		t.Errorf("b FY2028: %v %v", p, err)
	}
}
