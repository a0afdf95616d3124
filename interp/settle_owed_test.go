package interp

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

const owedSrc = `agreement m "M" {
  effective 2025-01-01
  currency USD
  party store "Store"
  party dev "Dev"
  action sale { price money }
  term small(d date) = owed by store to dev for year_of(add_months(d, -12)) < USD 1,000,000.00
  clause 1 "Proceeds"
    store pays dev of each sale:
      85% of price where small(date)
      70% of price otherwise
      settled monthly
}
`

func owedLedger(t *testing.T, p *Program, rows [][2]string) func(func(Event, error) bool) {
	return func(yield func(Event, error) bool) {
		for i, r := range rows {
			rec, err := p.NewAction("", "sale", map[string]string{"actor": "store", "date": r[0], "price": r[1]})
			if err != nil {
				t.Fatal(err)
			}
			if !yield(Event{Record: rec, Line: i + 1}, nil) {
				return
			}
		}
	}
}

// The rate of a year depends on what was owed the year before.
func TestOwedPreviousYear(t *testing.T) {
	p, err := Compile([]Source{{Name: "m.pacta", Text: []byte(owedSrc)}}, WithFuncs(addMonthsForTest(), yearOfForTest()))
	if err != nil {
		t.Fatal(err)
	}
	st, err := p.Settle(context.Background(), owedLedger(t, p, [][2]string{
		{"2025-03-01", "900000.00"},
		{"2025-06-01", "300000.00"},
		{"2026-02-01", "100.00"},
		{"2027-02-01", "100.00"},
	}), SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range st.Lines {
		got = append(got, l.Period.String()+" "+l.Amount.String())
	}
	want := []string{
		// 2024 owed nothing (< 1,000,000): 85% × 900,000 = 765,000.
		"2025-03 USD 765,000.00",
		// 85% × 300,000 = 255,000.
		"2025-06 USD 255,000.00",
		// 2025 owed 765,000 + 255,000 = 1,020,000, not under 1,000,000:
		// 70% × 100 = 70.
		"2026-02 USD 70.00",
		// 2026 owed 70: 85% × 100 = 85.
		"2027-02 USD 85.00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A period that is not over is not final, and outside a settlement the
// expression has no value.
func TestOwedErrors(t *testing.T) {
	src := strings.Replace(owedSrc, "year_of(add_months(d, -12))", "year_of(d)", 1)
	p, err := Compile([]Source{{Name: "m.pacta", Text: []byte(src)}}, WithFuncs(addMonthsForTest(), yearOfForTest()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Settle(context.Background(), owedLedger(t, p, [][2]string{{"2025-03-01", "1.00"}}), SettleOptions{})
	if err == nil || !strings.Contains(err.Error(), "the amounts owed for 2025 are not final on 2025-03-01") {
		t.Errorf("settle: %v", err)
	}
	_, err = p.Eval(context.Background(), "", "owed by store to dev for 2025-03", EvalOptions{})
	var e *EvalError
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "only while a ledger is being settled") {
		t.Errorf("eval: %v", err)
	}
}

func addMonthsForTest() *Func {
	return &Func{Name: "add_months", Params: []lang.Type{lang.TDate, lang.TInteger}, Ret: lang.TDate,
		Impl: func(_ *Caller, a []types.Value) (types.Value, error) {
			n, _ := a[1].Num().Int64()
			d, err := a[0].Date().AddMonths(int(n))
			return types.DateValue(d), err
		}}
}

func yearOfForTest() *Func {
	return &Func{Name: "year_of", Params: []lang.Type{lang.TDate}, Ret: lang.TPeriod,
		Impl: func(_ *Caller, a []types.Value) (types.Value, error) {
			return types.PeriodValue(types.PeriodOf(types.PeriodYear, 1, a[0].Date())), nil
		}}
}
