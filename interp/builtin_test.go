package interp

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// ---- constructors for test values ----

func num(t testing.TB, s string) types.Decimal {
	t.Helper()
	d, err := types.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func vInt(n int64) types.Value { return types.IntegerValue(n) }

type valueFn func(testing.TB) types.Value

// The test tables hold functions so that a bad literal fails the test that
// uses it rather than the whole package.
func i(n int64) valueFn { return func(testing.TB) types.Value { return vInt(n) } }
func dec(s string) valueFn {
	return func(t testing.TB) types.Value { return types.DecimalValue(num(t, s)) }
}
func pct(s string) valueFn { // pct("12.5") is 12.5%
	return func(t testing.TB) types.Value {
		f, err := num(t, s).MulPow10(-2)
		if err != nil {
			t.Fatal(err)
		}
		return types.PercentValue(f)
	}
}
func money(cur, s string) valueFn {
	return func(t testing.TB) types.Value { return types.MoneyValue(cur, num(t, s)) }
}
func usd(s string) valueFn { return money("USD", s) }
func date(s string) valueFn {
	return func(t testing.TB) types.Value {
		d, err := types.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return types.DateValue(d)
	}
}
func period(s string) valueFn {
	return func(t testing.TB) types.Value {
		p, err := types.ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return types.PeriodValue(p)
	}
}
func stamp(s string) valueFn {
	return func(t testing.TB) types.Value {
		ts, err := types.ParseTimestamp(s)
		if err != nil {
			t.Fatal(err)
		}
		return types.TimestampValue(ts)
	}
}

func txt(s string) valueFn { return func(testing.TB) types.Value { return types.TextValue(s) } }
func boolean(b bool) valueFn {
	return func(testing.TB) types.Value { return types.BoolValue(b) }
}
func list(elems ...valueFn) valueFn {
	return func(t testing.TB) types.Value {
		vs := make([]types.Value, len(elems))
		for i, e := range elems {
			vs[i] = e(t)
		}
		return types.ListValue(vs)
	}
}

var (
	T = boolean(true)
	F = boolean(false)
)

// funcsByName returns a fresh set of the builtins by name.
func funcsByName() map[string]*Func {
	m := map[string]*Func{}
	for _, f := range Builtins() {
		m[f.Name] = f
	}
	return m
}

// ---- Impl ----

type implCase struct {
	fn   string
	args []valueFn
	want string     // Value.String() of the result, when wantErr is ""
	kind types.Kind // checked when not KindInvalid
	// wantErr is a substring of the expected error.
	wantErr string
	// is, when set, is the sentinel the error must wrap.
	is error
}

func c(fn string, want string, args ...valueFn) implCase {
	return implCase{fn: fn, args: args, want: want}
}

func ck(fn string, want string, kind types.Kind, args ...valueFn) implCase {
	return implCase{fn: fn, args: args, want: want, kind: kind}
}

func cerr(fn string, wantErr string, args ...valueFn) implCase {
	return implCase{fn: fn, args: args, wantErr: wantErr}
}

func ccur(fn string, wantErr string, args ...valueFn) implCase {
	return implCase{fn: fn, args: args, wantErr: wantErr, is: ErrCurrency}
}

func crange(fn string, wantErr string, args ...valueFn) implCase {
	return implCase{fn: fn, args: args, wantErr: wantErr, is: types.ErrOutOfRange}
}

const (
	kInt  = types.KindInteger
	kDec  = types.KindDecimal
	kPct  = types.KindPercent
	kMon  = types.KindMoney
	kDate = types.KindDate
)

func hu() valueFn { return txt("half_up") }
func he() valueFn { return txt("half_even") }
func hd() valueFn { return txt("half_down") }
func up() valueFn { return txt("up") }
func dn() valueFn { return txt("down") }
func fl() valueFn { return txt("floor") }
func ce() valueFn { return txt("ceiling") }

var numberCases = []implCase{
	// min and max: the first of equal values is kept; mixed integer and
	// decimal gives a decimal.
	ck("min", "3", kInt, i(3), i(5)),
	ck("max", "5", kInt, i(3), i(5)),
	ck("max", "-3", kInt, i(-3), i(-7)),             // -3 > -7
	ck("min", "1", kDec, i(1), dec("2.5")),          // 1 < 2.5; decimal because 2.5 is
	ck("max", "2.50", kDec, i(1), dec("2.50")),      // scale kept
	ck("min", "1.0", kDec, dec("1.0"), dec("1.00")), // equal: the first
	ck("max", "1.0", kDec, dec("1.0"), dec("1.00")),
	ck("min", "USD 950.00", kMon, usd("1200.00"), usd("950.00")),
	ck("max", "USD 1,200.00", kMon, usd("1200.00"), usd("950.00")),
	ck("max", "USD 1,500.00", kMon, usd("1200.00"), usd("1500"), usd("950.00")),
	ck("min", "15%", kPct, pct("20"), pct("15")),
	ck("max", "20%", kPct, pct("20"), pct("15")),
	ck("min", "2026-01-31", kDate, date("2026-03-01"), date("2026-01-31"), date("2026-02-28")),
	ck("max", "2026-03-01", kDate, date("2026-03-01"), date("2026-01-31"), date("2026-02-28")),
	ccur("min", "needs amounts in one currency, not money(USD) and money(EUR)", usd("1"), money("EUR", "2")),
	ccur("max", "needs amounts in one currency, not money(USD) and money(EUR)", usd("1"), usd("3"), money("EUR", "2")),
	cerr("min", "needs at least 2 arguments, not 1", i(5)),
	cerr("max", "needs at least 2 arguments, not 0"),
	cerr("min", "needs values of one type, not integer and date", i(1), date("2026-01-01")),
	cerr("max", "needs values of one type, not percent and integer", pct("1"), i(1)),
	cerr("min", "needs numbers, percents, dates or amounts of money, not text", txt("a"), txt("b")),

	// abs
	ck("abs", "5", kInt, i(-5)),
	ck("abs", "5", kInt, i(5)),
	ck("abs", "0", kInt, i(0)),
	// |-2^63| = 2^63 = 9223372036854775808: past int64, still an integer
	// (integers have the range of every number, SPEC 3.1).
	ck("abs", "9223372036854775808", kInt, i(-1<<63)),
	ck("abs", "2.50", kDec, dec("-2.50")),
	ck("abs", "12.5%", kPct, pct("-12.5")),
	ck("abs", "USD 250.00", kMon, usd("-250.00")),
	cerr("abs", "needs a number, a percent or an amount of money, not text", txt("x")),
	cerr("abs", "takes 1 argument, not 2", i(1), i(2)),

	// fraction, percent, amount: the number is kept as it is.
	ck("fraction", "0.125", kDec, pct("12.5")), // 12.5 / 100
	ck("fraction", "0.20", kDec, pct("20")),    // 20 / 100, two places
	ck("percent", "12.5%", kPct, dec("0.125")), // 0.125 × 100
	ck("percent", "200%", kPct, i(2)),          // 2 × 100
	ck("amount", "1250.00", kDec, usd("1250.00")),
	ck("amount", "-3", kDec, money("JPY", "-3")),
	cerr("fraction", "argument 1 must be a percent, not decimal", dec("0.2")),
	cerr("percent", "argument 1 must be a decimal, not percent", pct("20")),
	cerr("amount", "argument 1 must be a money, not decimal", dec("1")),

	// round: USD 2.345 to cents is 234.5 cents, exactly half-way.
	ck("round", "USD 2.34", kMon, usd("2.345"), dec("0.01")),       // default half_even: 234 is even
	ck("round", "USD 2.34", kMon, usd("2.345"), dec("0.01"), he()), // 234 is even
	ck("round", "USD 2.35", kMon, usd("2.345"), dec("0.01"), hu()), // half away from zero: 235
	ck("round", "USD 2.34", kMon, usd("2.345"), dec("0.01"), hd()), // half toward zero: 234
	ck("round", "USD 2.35", kMon, usd("2.345"), dec("0.01"), up()), // away from zero: 235
	ck("round", "USD 2.34", kMon, usd("2.345"), dec("0.01"), dn()), // toward zero: 234
	ck("round", "USD 2.34", kMon, usd("2.345"), dec("0.01"), fl()), // toward -∞: 234
	ck("round", "USD 2.35", kMon, usd("2.345"), dec("0.01"), ce()), // toward +∞: 235
	// USD -2.345 is -234.5 cents.
	ck("round", "USD -2.34", kMon, usd("-2.345"), dec("0.01")),       // half_even: -234
	ck("round", "USD -2.35", kMon, usd("-2.345"), dec("0.01"), hu()), // away from zero: -235
	ck("round", "USD -2.34", kMon, usd("-2.345"), dec("0.01"), hd()), // toward zero: -234
	ck("round", "USD -2.35", kMon, usd("-2.345"), dec("0.01"), up()), // away from zero: -235
	ck("round", "USD -2.34", kMon, usd("-2.345"), dec("0.01"), dn()), // toward zero: -234
	ck("round", "USD -2.35", kMon, usd("-2.345"), dec("0.01"), fl()), // toward -∞: -235
	ck("round", "USD -2.34", kMon, usd("-2.345"), dec("0.01"), ce()), // toward +∞: -234
	// 2.5 to a whole number: between 2 and 3.
	ck("round", "2", kDec, dec("2.5"), i(1), he()), // 2 is even
	ck("round", "3", kDec, dec("2.5"), i(1), hu()),
	ck("round", "2", kDec, dec("2.5"), i(1), hd()),
	ck("round", "3", kDec, dec("2.5"), i(1), up()),
	ck("round", "2", kDec, dec("2.5"), i(1), dn()),
	ck("round", "2", kDec, dec("2.5"), i(1), fl()),
	ck("round", "3", kDec, dec("2.5"), i(1), ce()),
	ck("round", "4", kDec, dec("3.5"), i(1), he()), // between 3 and 4: 4 is even
	// -2.5: between -3 and -2.
	ck("round", "-2", kDec, dec("-2.5"), i(1), he()), // -2 is even
	ck("round", "-3", kDec, dec("-2.5"), i(1), hu()),
	ck("round", "-2", kDec, dec("-2.5"), i(1), hd()),
	ck("round", "-3", kDec, dec("-2.5"), i(1), up()),
	ck("round", "-2", kDec, dec("-2.5"), i(1), dn()),
	ck("round", "-3", kDec, dec("-2.5"), i(1), fl()),
	ck("round", "-2", kDec, dec("-2.5"), i(1), ce()),
	// Not half-way: the half modes agree, the others do not.
	ck("round", "2.35", kDec, dec("2.346"), dec("0.01"), hd()), // 234.6 cents: nearer 235
	ck("round", "2.34", kDec, dec("2.344"), dec("0.01"), hu()), // 234.4 cents: nearer 234
	ck("round", "2.35", kDec, dec("2.341"), dec("0.01"), up()), // 234.1 away from zero: 235
	ck("round", "2.34", kDec, dec("2.349"), dec("0.01"), dn()), // 234.9 toward zero: 234
	// Units other than a power of ten, and money units.
	ck("round", "USD 1.05", kMon, usd("1.03"), usd("0.05")),              // 1.03/0.05 = 20.6 → 21 × 0.05
	ck("round", "USD 1.00", kMon, usd("1.025"), usd("0.05")),             // 20.5 → 20 (even) × 0.05
	ck("round", "USD 1.05", kMon, usd("1.025"), usd("0.05"), hu()),       // 20.5 → 21 × 0.05
	ck("round", "USD 1,234,000.00", kMon, usd("1234500"), i(1000)),       // 1234.5 thousands → 1234 (even)
	ck("round", "USD 1,235,000.00", kMon, usd("1234500"), i(1000), hu()), // → 1235 thousands
	ck("round", "2000", kInt, i(1500), i(1000)),                          // 1.5 thousands → 2 (even)
	ck("round", "2000", kInt, i(2500), i(1000)),                          // 2.5 thousands → 2 (even)
	ck("round", "7.0", kDec, i(7), dec("0.5")),                           // 14 halves; the unit's scale
	ccur("round", "needs the amount and the unit in one currency, not money(USD) and money(EUR)", usd("1"), money("EUR", "0.05")),
	cerr("round", "a unit of money can only round an amount of money, not decimal", dec("1.5"), usd("0.05")),
	cerr("round", `unknown rounding mode "nearest"; use one of half_even, half_up, half_down, up, down, floor, ceiling`, usd("1"), dec("0.01"), txt("nearest")),
	cerr("round", "the unit must be more than zero, not 0", usd("1"), i(0)),
	cerr("round", "the unit must be more than zero, not -0.01", usd("1"), dec("-0.01")),
	cerr("round", "rounds a decimal or an amount of money, not percent", pct("12.345"), dec("0.01")),
	cerr("round", "needs the unit as a number such as 0.01, or an amount of money, not text", usd("1"), txt("0.01")),
	cerr("round", "argument 3 must be a text, not integer", usd("1"), dec("0.01"), i(1)),
	cerr("round", "takes 2 or 3 arguments, not 1", usd("1")),

	// floor and ceiling
	ck("floor", "USD 1,200.00", kMon, usd("1234.56"), i(100)),    // 12.3456 hundreds → 12
	ck("ceiling", "USD 1,300.00", kMon, usd("1234.56"), i(100)),  // → 13
	ck("floor", "USD -1.24", kMon, usd("-1.234"), dec("0.01")),   // -123.4 cents → -124
	ck("ceiling", "USD -1.23", kMon, usd("-1.239"), dec("0.01")), // -123.9 cents → -123
	ck("floor", "6", kInt, i(7), i(2)),                           // 3.5 twos → 3
	ck("ceiling", "8", kInt, i(7), i(2)),                         // → 4
	ck("floor", "2.5", kDec, dec("2.5"), dec("0.5")),             // already a multiple
	cerr("floor", "takes 2 arguments, not 3", usd("1"), dec("0.01"), txt("up")),
	cerr("ceiling", "the unit must be more than zero, not 0.00", usd("1"), dec("0.00")),
}

var listCases = []implCase{
	ck("sum", "6", kInt, list(i(1), i(2), i(3))),                                   // 1+2+3
	ck("sum", "3.5", kDec, list(i(1), dec("2.5"))),                                 // 1+2.5
	ck("sum", "3.50", kDec, list(dec("1.25"), dec("2.25")), i(0)),                  // 0+1.25+2.25
	ck("sum", "0", kInt, list()),                                                   // empty: 0
	ck("sum", "USD 0.00", kMon, list(), usd("0")),                                  // empty with a start
	ck("sum", "USD 1,250.50", kMon, list(usd("1000.00"), usd("250.50")), usd("0")), // 1000.00+250.50
	ck("sum", "USD 1,255.50", kMon, list(usd("1000.00"), usd("250.50")), usd("5")), // the start is added
	ck("sum", "22.5%", kPct, list(pct("10"), pct("12.5")), pct("0")),               // 10%+12.5%
	ck("sum", "0%", kPct, list(), pct("0")),
	ccur("sum", "needs amounts in one currency, not money(USD) and money(EUR)", list(usd("1"), money("EUR", "1")), usd("0")),
	cerr("sum", "needs values of one type, not integer and money(USD)", list(usd("1")), i(5)),
	cerr("sum", "argument 1 must be a list, not integer", i(5)),
	cerr("sum", "adds up numbers, percents or amounts of money, not text", list(txt("a"))),
	cerr("sum", "takes 1 or 2 arguments, not 3", list(), i(0), i(0)),

	ck("count", "0", kInt, list()),
	ck("count", "3", kInt, list(txt("a"), txt("b"), txt("c"))),
	cerr("count", "argument 1 must be a list, not integer", i(5)),

	c("any", "false", list()), // no value is true
	c("all", "true", list()),  // no value is false
	c("any", "false", list(F, F)),
	c("any", "true", list(F, T)),
	c("all", "true", list(T, T)),
	c("all", "false", list(T, F)),
	cerr("any", "needs a list of true/false values, not a list holding integer", list(i(1))),
	cerr("all", "argument 1 must be a list, not bool", T),

	c("filter", "[USD 100.00, USD 300.00]", list(usd("100.00"), usd("200.00"), usd("300.00")), list(T, F, T)),
	c("filter", "[]", list(i(1), i(2)), list(F, F)),
	c("filter", "[]", list(), list()),
	c("filter", "[1, 2]", list(i(1), i(2)), list(T, T)),
	cerr("filter", "the two lists must be the same length, not 1 element and 2 true/false values", list(i(1)), list(T, F)),
	cerr("filter", "the two lists must be the same length, not 3 elements and 1 true/false value", list(i(1), i(2), i(3)), list(T)),
	cerr("filter", "needs a list of true/false values as its second argument, not a list holding integer", list(i(1)), list(i(1))),
	cerr("filter", "argument 2 must be a list, not bool", list(i(1)), T),
}

var dateCases = []implCase{
	ck("year", "2026", kInt, date("2026-05-14")),
	ck("month", "5", kInt, date("2026-05-14")),
	ck("day", "14", kInt, date("2026-05-14")),
	cerr("year", "argument 1 must be a date, not text", txt("2026-05-14")),
	cerr("day", "takes 1 argument, not 0"),

	// Quarters: Q1 is January to March, Q2 April to June, and so on.
	ck("quarter", "1", kInt, date("2026-01-01")),
	ck("quarter", "1", kInt, date("2026-03-31")),
	ck("quarter", "2", kInt, date("2026-04-01")),
	ck("quarter", "2", kInt, date("2026-06-30")),
	ck("quarter", "3", kInt, date("2026-07-01")),
	ck("quarter", "3", kInt, date("2026-09-30")),
	ck("quarter", "4", kInt, date("2026-10-01")),
	ck("quarter", "4", kInt, date("2026-12-31")),
	c("start_of_quarter", "2026-01-01", date("2026-03-31")),
	c("end_of_quarter", "2026-03-31", date("2026-03-31")),
	c("start_of_quarter", "2026-04-01", date("2026-04-01")),
	c("end_of_quarter", "2026-06-30", date("2026-04-01")),
	c("start_of_quarter", "2026-07-01", date("2026-08-15")),
	c("end_of_quarter", "2026-09-30", date("2026-08-15")),
	c("start_of_quarter", "2026-10-01", date("2026-12-31")),
	c("end_of_quarter", "2026-12-31", date("2026-11-15")),

	c("start_of_month", "2026-02-01", date("2026-02-14")),
	c("end_of_month", "2026-02-28", date("2026-02-14")), // 2026 is not a leap year
	c("end_of_month", "2024-02-29", date("2024-02-14")), // 2024 is
	c("end_of_month", "1900-02-28", date("1900-02-01")), // a century not divisible by 400: not leap
	c("end_of_month", "2000-02-29", date("2000-02-01")), // divisible by 400: leap
	c("end_of_month", "2026-04-30", date("2026-04-30")),
	c("end_of_month", "2026-12-31", date("2026-12-01")),
	c("start_of_year", "2026-01-01", date("2026-05-14")),
	c("end_of_year", "2026-12-31", date("2026-05-14")),

	// add_months keeps the day, or takes the month's last day.
	c("add_months", "2026-02-28", date("2026-01-31"), i(1)),  // February 2026 has 28 days
	c("add_months", "2024-02-29", date("2024-01-31"), i(1)),  // February 2024 has 29
	c("add_months", "2026-03-31", date("2026-01-31"), i(2)),  // March has 31
	c("add_months", "2026-02-28", date("2026-03-31"), i(-1)), // backwards too
	c("add_months", "2026-09-30", date("2026-08-31"), i(1)),  // September has 30
	c("add_months", "2027-02-28", date("2026-11-30"), i(3)),  // across the year end
	c("add_months", "2027-05-15", date("2026-05-15"), i(12)),
	c("add_months", "2026-05-15", date("2026-05-15"), i(0)),
	crange("add_months", "out of range", date("9999-12-01"), i(1)),
	cerr("add_months", "argument 2 must be an integer, not decimal", date("2026-01-31"), dec("1.5")),

	c("add_days", "2026-03-02", date("2026-02-20"), i(10)), // 8 days to Feb 28, then Mar 1, Mar 2
	c("add_days", "2024-02-29", date("2024-02-28"), i(1)),
	c("add_days", "2025-12-31", date("2026-01-01"), i(-1)),
	c("add_days", "2027-01-01", date("2026-12-31"), i(1)),
	crange("add_days", "out of range", date("9999-12-31"), i(1)),
	crange("add_days", "1099511627776 days is out of range", date("2026-01-01"), i(1<<40)),
	crange("add_months", "-1099511627776 months is out of range", date("2026-01-01"), i(-1<<40)),

	ck("days_between", "59", kInt, date("2026-01-01"), date("2026-03-01")),  // 31 (Jan) + 28 (Feb)
	ck("days_between", "60", kInt, date("2024-01-01"), date("2024-03-01")),  // 31 + 29
	ck("days_between", "-59", kInt, date("2026-03-01"), date("2026-01-01")), // second minus first
	ck("days_between", "0", kInt, date("2026-03-01"), date("2026-03-01")),
	ck("days_between", "365", kInt, date("2026-01-01"), date("2027-01-01")),
	ck("days_between", "366", kInt, date("2024-01-01"), date("2025-01-01")), // leap year
	cerr("days_between", "argument 2 must be a date, not integer", date("2026-01-01"), i(3)),

	c("month_of", "2026-05", date("2026-05-14")),
	// Called with no agreement (a nil Call), the fiscal year is the
	// calendar year: FY2026 is 2026-01-01 to 2026-12-31; May is in its
	// second quarter (April-June), December in its fourth.
	c("fiscal_year_of", "FY2026", date("2026-05-14")),
	c("fiscal_year_of", "FY2026", date("2026-12-31")),
	c("fiscal_quarter_of", "FY2026-Q2", date("2026-05-14")),
	c("fiscal_quarter_of", "FY2026-Q4", date("2026-12-31")),
	// Called with no agreement, contract years start on 1 January; the
	// halves are January-June and July-December.
	c("contract_year_of", "contract year from 2026-01-01", date("2026-05-14")),
	c("half_of", "2026-H1", date("2026-06-30")),
	c("half_of", "2026-H2", date("2026-07-01")),
	// Called with no agreement, contract years start on 1 January; the
	// halves are January-June and July-December.
	c("contract_year_of", "contract year from 2026-01-01", date("2026-05-14")),
	c("half_of", "2026-H1", date("2026-06-30")),
	c("half_of", "2026-H2", date("2026-07-01")),
	c("quarter_of", "2026-Q2", date("2026-05-14")),
	c("quarter_of", "2026-Q1", date("2026-03-31")),
	c("quarter_of", "2026-Q4", date("2026-12-31")),
	c("year_of", "2026", date("2026-05-14")),

	c("start_of", "2026-04-01", period("2026-Q2")),
	c("end_of", "2026-06-30", period("2026-Q2")),
	c("end_of", "2026-12-31", period("2026-Q4")),
	c("end_of", "2024-02-29", period("2024-02")),
	c("start_of", "2026-01-01", period("2026")),
	c("end_of", "2026-12-31", period("2026")),
	cerr("start_of", "needs a period, but this one is empty", func(testing.TB) types.Value { return types.PeriodValue(types.Period{}) }),
	cerr("end_of", "argument 1 must be a period, not date", date("2026-01-01")),

	// Timestamps (SPEC 11.7). 23:30 at -05:00 is 04:30 UTC on the 5th:
	// 05:30 in Paris (CET, +01:00), still the 4th in New York (EST).
	c("date_of", "2027-03-05", stamp("2027-03-04T23:30:00-05:00"), txt("Europe/Paris")),
	c("date_of", "2027-03-04", stamp("2027-03-04T23:30:00-05:00"), txt("America/New_York")),
	c("date_of", "2027-03-05", stamp("2027-03-04T23:30:00-05:00"), txt("UTC")),
	// Paris on 2027-03-28, after summer time began at 01:00 UTC, is
	// +02:00: 22:00Z is midnight of the 29th.
	c("date_of", "2027-03-29", stamp("2027-03-28T22:00:00Z"), txt("Europe/Paris")),
	c("date_of", "2027-03-28", stamp("2027-03-28T21:59:59.999999999Z"), txt("Europe/Paris")),
	cerr("date_of", "the agreement declares no time zone", stamp("2027-03-04T23:30:00-05:00")),
	cerr("date_of", `unknown time zone "Europe/Pariss"`, stamp("2027-03-04T23:30:00-05:00"), txt("Europe/Pariss")),
	cerr("date_of", "falls outside the calendar in UTC", stamp("9999-12-31T23:59:59-01:00"), txt("UTC")),
	cerr("date_of", "argument 1 must be a timestamp, not date", date("2027-03-04")),
	// 17:45 on the 4th to 09:00 on the 6th is 1 day 15 h 15 min.
	ck("started_days_between", "2", kInt, stamp("2027-03-04T17:45:00+01:00"), stamp("2027-03-06T09:00:00+01:00")),
	ck("whole_days_between", "1", kInt, stamp("2027-03-04T17:45:00+01:00"), stamp("2027-03-06T09:00:00+01:00")),
	c("started_days_between", "-2", stamp("2027-03-06T09:00:00+01:00"), stamp("2027-03-04T17:45:00+01:00")),
	c("whole_days_between", "-1", stamp("2027-03-06T09:00:00+01:00"), stamp("2027-03-04T17:45:00+01:00")),
	// 16:45Z is 17:45 at +01:00: the same instant, no day begun.
	c("started_days_between", "0", stamp("2027-03-04T17:45:00+01:00"), stamp("2027-03-04T16:45:00Z")),
	cerr("whole_days_between", "argument 2 must be a timestamp, not date", stamp("2027-03-04T17:45:00+01:00"), date("2027-03-05")),
}

var textCases = []implCase{
	c("lower", `"acme corp"`, txt("ACME Corp")),
	c("lower", `"äbc"`, txt("ÄBC")),
	c("upper", `"ACME"`, txt("acme")),
	c("contains", "true", txt("Azure Marketplace"), txt("Market")),
	c("contains", "false", txt("Azure Marketplace"), txt("market")), // capitals matter
	c("contains", "true", txt("abc"), txt("")),
	c("starts_with", "true", txt("EMEA-North"), txt("EMEA")),
	c("starts_with", "false", txt("EMEA"), txt("EMEA-North")),
	ck("length", "6", kInt, txt("Zürich")), // 6 characters, 7 bytes
	ck("length", "0", kInt, txt("")),
	cerr("lower", "argument 1 must be a text, not integer", i(1)),
	cerr("contains", "takes 2 arguments, not 1", txt("a")),
}

func TestImpl(t *testing.T) {
	fns := funcsByName()
	var cases []implCase
	for _, cs := range [][]implCase{numberCases, listCases, dateCases, textCases} {
		cases = append(cases, cs...)
	}
	tested := map[string]bool{}
	for _, tc := range cases {
		f := fns[tc.fn]
		if f == nil {
			t.Errorf("no builtin %q", tc.fn)
			continue
		}
		tested[tc.fn] = true
		args := make([]types.Value, len(tc.args))
		for i, a := range tc.args {
			args[i] = a(t)
		}
		name := fmt.Sprintf("%s(%s)", tc.fn, joinValues(args))
		got, err := f.Impl(nil, args)
		switch {
		case tc.wantErr != "":
			if err == nil {
				t.Errorf("%s = %s, want an error containing %q", name, got, tc.wantErr)
			} else if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: error %q, want it to contain %q", name, err, tc.wantErr)
			}
			if err != nil && tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("%s: error %q does not wrap %q", name, err, tc.is)
			}
		case err != nil:
			t.Errorf("%s: unexpected error %v", name, err)
		case got.String() != tc.want:
			t.Errorf("%s = %s, want %s", name, got, tc.want)
		case tc.kind != types.KindInvalid && got.Kind() != tc.kind:
			t.Errorf("%s = %s of kind %s, want kind %s", name, got, got.Kind(), tc.kind)
		}
	}
	for name := range fns {
		if !tested[name] {
			t.Errorf("no test calls %s", name)
		}
	}
}

func joinValues(vs []types.Value) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = v.String()
	}
	return strings.Join(s, ", ")
}

// TestImplWrongArguments calls every builtin with arguments of the wrong
// number and kind: each must return an error, never panic. Arguments that
// some builtins accept are only checked not to panic.
func TestImplWrongArguments(t *testing.T) {
	texts := types.ListValue([]types.Value{types.TextValue("x")})
	alwaysWrong := [][]types.Value{
		nil,
		{types.Value{}},
		{types.PartyValue("openai")},
		{types.Value{}, types.Value{}, types.Value{}},
		{texts, texts},
	}
	sometimesWrong := [][]types.Value{
		{types.TextValue("x")},
		{types.TextValue("x"), types.TextValue("y")},
		{types.IntegerValue(1), types.IntegerValue(2), types.IntegerValue(3), types.IntegerValue(4)},
		{types.MoneyValue("USD", types.DecimalFromInt(1)), types.Value{}},
		{types.ListValue(nil), types.Value{}},
	}
	call := func(f *Func, args []types.Value) (v types.Value, err error) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s(%s) panicked: %v", f.Name, joinValues(args), r)
				err = errors.New("panic")
			}
		}()
		return f.Impl(nil, args)
	}
	for _, f := range Builtins() {
		for _, args := range alwaysWrong {
			if v, err := call(f, args); err == nil {
				t.Errorf("%s(%s) = %s, want an error", f.Name, joinValues(args), v)
			}
		}
		for _, args := range sometimesWrong {
			call(f, args)
		}
	}
}

// ---- Check ----

func tMoney(cur string) lang.Type { return &lang.Money{Currency: cur} }
func tList(elem lang.Type) lang.Type {
	return &lang.List{Elem: elem}
}

var (
	tInt  = lang.TInteger
	tDec  = lang.TDecimal
	tPct  = lang.TPercent
	tDate = lang.TDate
	tText = lang.TText
	tBool = lang.TBool
	tUSD  = tMoney("USD")
	tEUR  = tMoney("EUR")
	tNone = tList(nil) // the type of []
)

type checkCase struct {
	fn   string
	args []lang.Type
	want lang.Type // nil: an error whose message contains msg
	msg  string
}

func ok(fn string, want lang.Type, args ...lang.Type) checkCase {
	return checkCase{fn: fn, args: args, want: want}
}

func bad(fn string, msg string, args ...lang.Type) checkCase {
	return checkCase{fn: fn, args: args, msg: msg}
}

var checkCases = []checkCase{
	ok("min", tInt, tInt, tInt),
	ok("min", tDec, tInt, tDec),
	ok("max", tDec, tDec, tInt, tInt),
	ok("max", tPct, tPct, tPct),
	ok("min", tUSD, tUSD, tUSD, tUSD),
	ok("max", tDate, tDate, tDate),
	bad("min", "needs amounts in one currency, not money(USD) and money(EUR)", tUSD, tEUR),
	bad("max", "needs amounts in one currency, not money(USD) and money(EUR)", tUSD, tUSD, tEUR),
	bad("min", "needs at least 2 arguments, not 1", tInt),
	bad("max", "needs at least 2 arguments, not 0"),
	bad("min", "needs values of one type, not integer and percent", tInt, tPct),
	bad("max", "needs values of one type, not money(USD) and integer", tUSD, tInt),
	bad("max", "needs values of one type, not date and text", tDate, tText),
	bad("min", "needs numbers, percents, dates or amounts of money, not bool", tBool, tBool),
	bad("min", "needs numbers, percents, dates or amounts of money, not list of integer", tList(tInt), tList(tInt)),

	ok("amount", tDec, tUSD),
	ok("amount", tDec, tEUR),
	bad("amount", "needs an amount of money, not decimal", tDec),
	bad("amount", "takes 1 argument, not 2", tUSD, tUSD),

	ok("abs", tInt, tInt),
	ok("abs", tDec, tDec),
	ok("abs", tPct, tPct),
	ok("abs", tEUR, tEUR),
	bad("abs", "needs a number, a percent or an amount of money, not date", tDate),
	bad("abs", "takes 1 argument, not 2", tInt, tInt),

	ok("round", tUSD, tUSD, tDec),
	ok("round", tUSD, tUSD, tInt, tText),
	ok("round", tUSD, tUSD, tUSD),
	ok("round", tDec, tDec, tDec),
	ok("round", tDec, tInt, tDec),
	ok("round", tInt, tInt, tInt),
	ok("round", tDec, tDec, tInt, tText),
	bad("round", "needs the amount and the unit in one currency, not money(USD) and money(EUR)", tUSD, tEUR),
	bad("round", "a unit of money can only round an amount of money, not decimal", tDec, tUSD),
	bad("round", "rounds a decimal or an amount of money, not percent", tPct, tDec),
	bad("round", "rounds a decimal or an amount of money, not text", tText, tUSD),
	bad("round", "needs the unit as a number such as 0.01, or an amount of money, not percent", tUSD, tPct),
	bad("round", `needs the rounding mode as text, such as "half_up", not integer`, tUSD, tDec, tInt),
	bad("round", "takes 2 or 3 arguments, not 1", tUSD),
	bad("round", "takes 2 or 3 arguments, not 4", tUSD, tDec, tText, tText),
	ok("floor", tUSD, tUSD, tDec),
	ok("floor", tInt, tInt, tInt),
	ok("ceiling", tDec, tDec, tDec),
	ok("ceiling", tEUR, tEUR, tEUR),
	bad("floor", "takes 2 arguments, not 3", tUSD, tDec, tText),
	bad("ceiling", "needs the amount and the unit in one currency, not money(EUR) and money(USD)", tEUR, tUSD),
	bad("ceiling", "rounds a decimal or an amount of money, not date", tDate, tInt),

	ok("sum", tInt, tList(tInt)),
	ok("sum", tDec, tList(tDec)),
	ok("sum", tInt, tNone),
	ok("sum", tUSD, tList(tUSD), tUSD),
	ok("sum", tPct, tList(tPct), tPct),
	ok("sum", tDec, tList(tInt), tDec),
	ok("sum", tDec, tList(tDec), tInt),
	ok("sum", tInt, tList(tInt), tInt),
	ok("sum", tEUR, tNone, tEUR),
	bad("sum", "a list of money(USD) may be empty, so say what an empty list adds up to: sum(list, USD 0)", tList(tUSD)),
	bad("sum", "a list of percent may be empty, so say what an empty list adds up to: sum(list, 0%)", tList(tPct)),
	bad("sum", "needs amounts in one currency, not money(USD) and money(EUR)", tList(tUSD), tEUR),
	bad("sum", "needs a second argument of the list's type, money(USD), not integer", tList(tUSD), tInt),
	bad("sum", "needs a second argument of the list's type, integer, not percent", tList(tInt), tPct),
	bad("sum", "adds up numbers, percents or amounts of money, not list of text", tList(tText)),
	bad("sum", "adds up numbers, percents or amounts of money, not date", tNone, tDate),
	bad("sum", "needs a list, not integer", tInt),
	bad("sum", "takes 1 or 2 arguments, not 0"),

	ok("date_of", tDate, lang.TTimestamp),
	ok("date_of", tDate, lang.TTimestamp, tText),
	bad("date_of", "needs a timestamp, not date", tDate),
	bad("date_of", `the second argument is a time zone's name as text, such as "Europe/Paris", not integer`, lang.TTimestamp, tInt),
	bad("date_of", "takes 1 or 2 arguments, not 3", lang.TTimestamp, tText, tText),

	ok("count", tInt, tList(tText)),
	ok("count", tInt, tNone),
	bad("count", "needs a list, not text", tText),
	bad("count", "takes 1 argument, not 2", tNone, tNone),

	ok("filter", tList(tUSD), tList(tUSD), tList(tBool)),
	ok("filter", tList(tInt), tList(tInt), tNone),
	ok("filter", tNone, tNone, tList(tBool)),
	bad("filter", "needs a list of true/false values as its second argument, not list of integer", tList(tInt), tList(tInt)),
	bad("filter", "needs a list of true/false values as its second argument, not bool", tList(tInt), tBool),
	bad("filter", "needs a list as its first argument, not integer", tInt, tList(tBool)),
	bad("filter", "takes 2 arguments, not 1", tList(tInt)),
}

func TestCheck(t *testing.T) {
	fns := funcsByName()
	accepted, rejected := map[string]bool{}, map[string]bool{}
	for _, tc := range checkCases {
		f := fns[tc.fn]
		if f == nil || f.Check == nil {
			t.Errorf("%s has no Check", tc.fn)
			continue
		}
		got, msg := f.Check(tc.args)
		name := fmt.Sprintf("%s(%s)", tc.fn, typeNames(tc.args))
		if tc.want != nil {
			accepted[tc.fn] = true
			if msg != "" || !lang.Identical(got, tc.want) {
				t.Errorf("Check %s = %v, %q; want %s", name, got, msg, tc.want)
			}
			continue
		}
		rejected[tc.fn] = true
		if msg == "" || !strings.Contains(msg, tc.msg) {
			t.Errorf("Check %s = %v, %q; want a message containing %q", name, got, msg, tc.msg)
		}
		if got != nil {
			t.Errorf("Check %s rejected the call but returned type %s", name, got)
		}
		if strings.HasPrefix(msg, tc.fn+" ") || strings.HasPrefix(msg, tc.fn+":") {
			t.Errorf("Check %s: message %q repeats the name; the checker adds it", name, msg)
		}
	}
	for _, f := range Builtins() {
		if f.Check == nil {
			continue
		}
		if !accepted[f.Name] || !rejected[f.Name] {
			t.Errorf("%s has a Check but no test that it accepts and rejects calls", f.Name)
		}
	}
}

func typeNames(ts []lang.Type) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = typeText(t)
	}
	return strings.Join(s, ", ")
}

// TestFixedSignatures checks the builtins typed by Params and Ret through
// the checker's rules: they accept their declared types and reject others.
func TestFixedSignatures(t *testing.T) {
	for _, f := range Builtins() {
		if f.Check != nil {
			continue
		}
		if f.Ret == nil || f.Params == nil {
			t.Errorf("%s has neither a Check nor a full signature", f.Name)
			continue
		}
		for _, p := range f.Params {
			if p == nil {
				t.Errorf("%s has a nil parameter type", f.Name)
			}
		}
	}
	// Through a real check of an agreement: a wrong argument type is
	// reported with the function's name and position.
	src := `agreement a "A" {
  effective 2026-01-01
  term t1 = year("2026")
  term t2 = add_days(2026-01-01, 1.5)
  term t3 = any([1, 2])
}
`
	_, err := Compile([]Source{{Name: "a.pacta", Text: []byte(src)}}, WithFuncs(Builtins()...))
	if err == nil {
		t.Fatal("wrong argument types compiled without error")
	}
	var msgs []string
	var list lang.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Compile returned %T, not a lang.ErrorList: %v", err, err)
	}
	for _, e := range list {
		msgs = append(msgs, e.Msg)
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{
		"argument 1 of year must be date, not text",
		"argument 2 of add_days must be integer, not decimal",
		"argument 1 of any must be list of bool, not list of integer",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("errors\n%s\ndo not mention %q", joined, want)
		}
	}
}

// TestMessagesInContext pins how the messages read once the checker and
// the interpreter have added the function's name and the position.
func TestMessagesInContext(t *testing.T) {
	src := `agreement a "A" {
  effective 2026-01-01
  term lowest = min(USD 1.00, EUR 2.00)
}
`
	_, err := Compile([]Source{{Name: "a.pacta", Text: []byte(src)}}, WithFuncs(Builtins()...))
	want := "a.pacta:3:17: min: needs amounts in one currency, not money(USD) and money(EUR)"
	if err == nil || err.Error() != want {
		t.Errorf("check error:\n got %v\nwant %s", err, want)
	}

	src = "agreement a \"A\" {\n  effective 2026-01-01\n}\n"
	prog, err := Compile([]Source{{Name: "a.pacta", Text: []byte(src)}}, WithFuncs(Builtins()...))
	if err != nil {
		t.Fatal(err)
	}
	_, err = prog.Eval(context.Background(), "", "round(USD 1.00, 0)", EvalOptions{})
	want = "<expr>:1:1: round: the unit must be more than zero, not 0"
	if err == nil || err.Error() != want {
		t.Errorf("run-time error:\n got %v\nwant %s", err, want)
	}
}

// ---- the table ----

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

func TestTable(t *testing.T) {
	seen := map[string]bool{}
	for _, b := range builtinTable() {
		name := b.Name
		switch {
		case seen[name]:
			t.Errorf("%s is declared twice", name)
		case !snakeCase.MatchString(name):
			t.Errorf("%q is not lowercase snake_case", name)
		}
		// The Example must parse as a call of the function: this fails when
		// the name is a keyword, which agreements cannot call.
		if x, errs := lang.ParseExpr("example", []byte(b.Example)); len(errs) > 0 {
			t.Errorf("%s: the Example %s does not parse: %v", name, b.Example, errs)
		} else if call, ok := x.(*lang.Call); !ok || call.Fun == nil || call.Fun.Name != name {
			t.Errorf("%s: the Example %s is not a call of %s", name, b.Example, name)
		}
		seen[name] = true
		if b.Doc == "" || b.Example == "" || b.Result == "" {
			t.Errorf("%s lacks a Doc, an Example or a Result", name)
		}
		if !strings.HasSuffix(b.Doc, ".") {
			t.Errorf("%s: the Doc should be sentences ending in a period: %q", name, b.Doc)
		}
		if !strings.HasPrefix(b.Example, name+"(") {
			t.Errorf("%s: the Example should call it: %q", name, b.Example)
		}
		if b.Impl == nil {
			t.Errorf("%s has no Impl", name)
		}
		if (b.Check != nil) != (b.sig != "") {
			t.Errorf("%s: a function with a Check needs a written signature, and only it", name)
		}
		if b.Check != nil && (b.Params != nil || b.Ret != nil) {
			t.Errorf("%s: has both a Check and Params/Ret; the checker ignores Params", name)
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	want := []string{
		"abs", "add_days", "add_months", "all", "amount", "any", "ceiling", "contains", "contract_year_of", "count",
		"date_of", "day", "days_between", "end_of", "end_of_month", "end_of_quarter", "end_of_year",
		"filter", "fiscal_quarter_of", "fiscal_year_of", "floor", "fraction", "half_of", "length", "lower", "max", "min", "month", "month_of",
		"percent", "quarter", "quarter_of", "round", "start_of", "start_of_month", "start_of_quarter",
		"start_of_year", "started_days_between", "starts_with", "sum", "upper", "whole_days_between", "year", "year_of",
	}
	sort.Strings(names)
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("builtins are\n%v\nwant\n%v", names, want)
	}
}

// TestFuncsFresh checks that Funcs returns new values on every call.
func TestFuncsFresh(t *testing.T) {
	a, b := Builtins(), Builtins()
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("Funcs returned %d and %d functions", len(a), len(b))
	}
	a[0].Doc = "changed"
	a[0].Params = append(a[0].Params, lang.TText)
	if b[0].Doc == "changed" || Builtins()[0].Doc == "changed" {
		t.Error("changing one Funcs result changed another")
	}
	if len(Builtins()[0].Params) == len(a[0].Params) {
		t.Error("appending to a Func's Params changed a later Funcs result")
	}
	for i := 1; i < len(a); i++ {
		if a[i-1].Name >= a[i].Name {
			t.Errorf("Funcs is not sorted by name: %s before %s", a[i-1].Name, a[i].Name)
		}
	}
}

// ---- the examples, evaluated by the interpreter ----

// TestExamples evaluates every Example through the parser, checker and
// interpreter, and expects it to print exactly as its Result. It also
// checks that the value has the kind of the type the checker gave it.
func TestExamples(t *testing.T) {
	src := "agreement builtins \"Builtin examples\" {\n  effective 2026-01-01\n}\n"
	prog, err := Compile([]Source{{Name: "examples.pacta", Text: []byte(src)}}, WithFuncs(Builtins()...))
	if err != nil {
		t.Fatal(err)
	}
	cases := [][2]string{ // expression, result
		// Beyond the examples: the type the checker gives the result
		// matches the value's kind.
		{"min(1, 2.5)", "1"},              // decimal, since 2.5 is
		{"round(1500, 1000)", "2000"},     // integer: 1.5 thousands → 2 (even)
		{"round(1500, 1000.0)", "2000.0"}, // decimal: the unit's one place
		{"sum([], USD 0)", "USD 0.00"},
		{"sum([])", "0"},
		{"sum([1.5, 2.5])", "4.0"},
		{"sum([10%, 2.5%], 0%)", "12.5%"},
		{"filter([1, 2], [false, false])", "[]"},
		{"abs(-3)", "3"},
		{"percent(2)", "200%"},
		{"add_months(2024-01-31, 1)", "2024-02-29"},
		{`round(USD 2.345, 0.01, "half_up")`, "USD 2.35"},
		{`round(-2.5, 1, "half_even")`, "-2"},
	}
	for _, f := range Builtins() {
		cases = append(cases, [2]string{f.Example, f.Result})
	}
	for _, tc := range cases {
		src, want := tc[0], tc[1]
		x, err := prog.CompileExpr("", "example", []byte(src))
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		v, err := x.Eval(context.Background(), EvalOptions{})
		switch {
		case err != nil:
			t.Errorf("%s: %v", src, err)
		case v.String() != want:
			t.Errorf("%s = %s, want %s", src, v, want)
		case !kindOf(x.Type(), v):
			t.Errorf("%s has type %s but its value %s is of kind %s", src, x.Type(), v, v.Kind())
		}
	}
}

// kindOf reports whether v is a value of type t.
func kindOf(t lang.Type, v types.Value) bool {
	switch t := t.(type) {
	case *lang.Basic:
		want := map[lang.BasicKind]types.Kind{
			lang.IntegerKind: types.KindInteger, lang.DecimalKind: types.KindDecimal,
			lang.PercentKind: types.KindPercent, lang.DateKind: types.KindDate,
			lang.DurationKind: types.KindDuration, lang.PeriodKind: types.KindPeriod,
			lang.TextKind: types.KindText, lang.BoolKind: types.KindBool, lang.PartyKind: types.KindParty,
		}[t.Kind]
		return v.Kind() == want
	case *lang.Money:
		return v.Kind() == types.KindMoney && v.Currency() == t.Currency
	case *lang.List:
		if v.Kind() != types.KindList {
			return false
		}
		for _, e := range v.List() {
			if t.Elem == nil || !kindOf(t.Elem, e) {
				return false
			}
		}
		return true
	}
	return false
}
