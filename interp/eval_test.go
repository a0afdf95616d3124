package interp_test

// Every operator against figures worked by hand (SPEC.md 3.3, 8.1, 11.2),
// runtime errors, and the rounding modes of SPEC 8.3 through stdlib round.

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

const calcSrc = `
agreement calc "Calculations" {
  effective 2020-01-01
  currency USD

  party a "Alpha Ltd"
  party b "Beta Ltd"

  kind Colour = Red | Green | Blue

  action sell {
    colour  Colour
    gross   money
    refunds money
    region  text
    units   integer
    rate    percent
  }

  term s1 = sell by a { colour: Red, gross: USD 100.00, refunds: USD 10.00, region: "EU", units: 3, rate: 5%, date: 2024-01-15 }
  term net(s sell) = s.gross - s.refunds
  term double_net(s sell) = net(s) * 2
  term half(x decimal) = x / 2
  term threshold = USD 1,000.00
  term vat = 20%
  term zero = USD 0.00
}

amendment vat_rise "VAT rise" amends calc {
  effective 2025-01-01
  replace term vat = 25%
}
`

// kindNumber accepts an integer or a decimal: where the checker gives a
// decimal type to a value that is a whole number, the value may be either.
const kindNumber types.Kind = 255

// want is an expected value: its kind, its number or text, and optionally
// the exact way it prints.
type want struct {
	kind  types.Kind
	text  string // the number for numeric kinds; the currency and amount for money ("USD 2.505"); else the printed form
	print string // if set, v.String() must equal it
}

func (w want) check(t *testing.T, src string, v types.Value) {
	t.Helper()
	if w.kind == kindNumber {
		if v.Kind() != types.KindInteger && v.Kind() != types.KindDecimal {
			t.Errorf("%s = %v (%s), want a number", src, v, v.Kind())
			return
		}
		w.kind = v.Kind()
	}
	if v.Kind() != w.kind {
		t.Errorf("%s = %v (%s), want kind %s", src, v, v.Kind(), w.kind)
		return
	}
	switch w.kind {
	case types.KindInteger, types.KindDecimal, types.KindPercent:
		if d := mustDec(t, w.text); !v.Num().Equal(d) {
			t.Errorf("%s = %s, want %s", src, v.Num(), w.text)
		}
	case types.KindMoney:
		cur, amt, _ := strings.Cut(w.text, " ")
		if d := mustDec(t, amt); v.Currency() != cur || !v.Num().Equal(d) {
			t.Errorf("%s = %v, want %s", src, v, w.text)
		}
	default:
		if v.String() != w.text {
			t.Errorf("%s = %s, want %s", src, v, w.text)
		}
	}
	if w.print != "" && v.String() != w.print {
		t.Errorf("%s prints %q, want %q", src, v.String(), w.print)
	}
}

func wInt(s string) want  { return want{kind: types.KindInteger, text: s} }
func wDec(s string) want  { return want{kind: types.KindDecimal, text: s} }
func wPct(s string) want  { return want{kind: types.KindPercent, text: s} }
func wUSD(s string) want  { return want{kind: types.KindMoney, text: "USD " + s} }
func wDate(s string) want { return want{kind: types.KindDate, text: s} }
func wBool(v bool) want {
	return want{kind: types.KindBool, text: map[bool]string{true: "true", false: "false"}[v]}
}
func wNum(s string) want            { return want{kind: kindNumber, text: s} }
func wText(s string) want           { return want{kind: types.KindText, text: s} }
func (w want) prints(s string) want { w.print = s; return w }

func TestEvalOperators(t *testing.T) {
	p := compile(t, calcSrc)
	cases := []struct {
		src  string
		want want
	}{
		// + and - (SPEC 3.3). Integer with integer stays integer.
		{"1 + 2", wInt("3")},
		{"7 - 10", wInt("-3")},
		{"1 + 2.5", wDec("3.5")},
		{"1.50 + 1.5", wDec("3.00").prints("3.00")}, // the larger scale is kept
		{"USD 1,000.00 + USD 250.50", wUSD("1250.50").prints("USD 1,250.50")},
		{"USD 5.00 - USD 7.25", wUSD("-2.25")},
		{"20% + 5%", wPct("0.25").prints("25%")},
		{"12.5% - 2.5%", wPct("0.10")},
		// * and /.
		{"6 * 7", wInt("42")},
		{"2.5 * 4", wDec("10")},
		{"USD 3.00 * 2", wUSD("6.00")},
		{"2 * USD 3.00", wUSD("6.00")},
		{"2.5 * USD 1", wUSD("2.5")},
		{"20% * 2", wPct("0.40").prints("40%")},
		{"7 / 2", wDec("3.5")},                                  // "7 / 2 is 3.5"
		{"1 / 4", wDec("0.25")},                                 // exact
		{"1 / 3", wDec("0.3333333333333333333333333333333333")}, // 34 digits, half-even
		{"2 / 3", wDec("0.6666666666666666666666666666666667")},
		{"USD 200.00 / 4", wUSD("50.00").prints("USD 50.00")},
		{"USD 100.00 / USD 400.00", wDec("0.25")},
		{"20% / 2", wPct("0.10")},
		// of: right-associative and tighter than * and +.
		{"20% of USD 1,000.00", wUSD("200").prints("USD 200.00")}, // 200.0000 prints USD 200.00
		{"25% of USD 10.02", wUSD("2.505").prints("USD 2.505")},   // not rounded
		{"50% of 20%", wPct("0.10")},
		{"10% of 20% of USD 100", wUSD("2")},   // 10% of (20% of 100)
		{"20% of 150", wDec("30")},             // percent of a number is a decimal
		{"20% of USD 100 + USD 1", wUSD("21")}, // (20% of 100) + 1
		{"2 * 20% of USD 100", wUSD("40")},     // 2 * (20% of 100)
		// Negation.
		{"-USD 5.00", wUSD("-5.00")},
		{"-(2 - 5)", wInt("3")},
		{"-12.5%", wPct("-0.125")},
		// Precedence and associativity.
		{"1 + 2 * 3", wInt("7")},
		{"(1 + 2) * 3", wInt("9")},
		{"10 - 2 - 3", wInt("5")},
		{"8 / 2 / 2", wDec("2")},
		// Dates and durations (SPEC 11.2: end-of-month clamping).
		{"2026-12-25 + 10 days", wDate("2027-01-04")},
		{"2026-03-01 - 1 day", wDate("2026-02-28")},
		{"2024-03-01 - 1 day", wDate("2024-02-29")},
		{"2026-01-01 + 2 weeks", wDate("2026-01-15")},
		{"30 days + 2026-01-01", wDate("2026-01-31")},
		{"2026-01-31 + 1 month", wDate("2026-02-28")},
		{"2024-01-31 + 1 month", wDate("2024-02-29")},
		{"2026-03-31 - 1 month", wDate("2026-02-28")},
		{"2024-02-29 + 1 year", wDate("2025-02-28")},
		{"2026-01-31 + 1 month + 1 month", wDate("2026-03-28")}, // does not chain
		{"2026-01-31 + 2 months", wDate("2026-03-31")},
		// Comparisons.
		{"1 < 2", wBool(true)},
		{"2 <= 2", wBool(true)},
		{"3 > 4", wBool(false)},
		{"3 >= 4", wBool(false)},
		{"1.5 == 1.50", wBool(true)},
		{"1 == 1.0", wBool(true)},
		{"1 != 1.0", wBool(false)},
		{"USD 200 == USD 200.00", wBool(true)},
		{"USD 2.505 > USD 2.50", wBool(true)},
		{"20% >= 12.5%", wBool(true)},
		{"2026-01-01 < 2026-01-02", wBool(true)},
		{`"a" == "a"`, wBool(true)},
		{`"a" != "A"`, wBool(true)},
		{"1 week == 7 days", wBool(true)},
		{"1 year == 12 months", wBool(true)},
		{"30 days == 1 month", wBool(false)},
		{"2027-Q1 == 2027-Q1", wBool(true)},
		{"2027-03 != 2027-Q1", wBool(true)},
		{"Red == Red", wBool(true)},
		{"Red != Blue", wBool(true)},
		{"a == a", wBool(true)},
		{"a != b", wBool(true)},
		// in and not in.
		{"Red in [Red, Green]", wBool(true)},
		{"Blue not in [Red, Green]", wBool(true)},
		{"3 in [1, 2]", wBool(false)},
		{`"EU" in ["US", "EU"]`, wBool(true)},
		{"USD 5 in [USD 5.00]", wBool(true)},
		{"1.0 in [1, 2.5]", wBool(true)},
		{"Red in []", wBool(false)},
		// and, or, not, if; the right operand only when needed.
		{"true and false", wBool(false)},
		{"true or false", wBool(true)},
		{"not true", wBool(false)},
		{"not (1 > 2)", wBool(true)},
		{"false and 1 / 0 == 1", wBool(false)},
		{"true or 1 / 0 == 1", wBool(true)},
		{"if true then 1 else 1 / 0", wNum("1")},
		{"if 1 > 2 then USD 1 else USD 2", wUSD("2")},
		{"if false then 1 else 2 + 3", wInt("5")}, // else extends as far as it can
		// Field access, term calls, bare value terms.
		{"s1.gross", wUSD("100.00")},
		{"s1.colour == Red", wBool(true)},
		{"s1.actor == a", wBool(true)},
		{"s1.date", wDate("2024-01-15")},
		{"s1.units * 2", wInt("6")},
		{"s1.rate of s1.gross", wUSD("5")},
		{"net(s1)", wUSD("90.00")},
		{"double_net(s1)", wUSD("180.00")},
		{"half(5)", wDec("2.5")}, // the integer widens to decimal
		{"threshold", wUSD("1000.00")},
		{"vat of threshold", wUSD("250")}, // the latest version: 25%
		{"net(sell by b { colour: Blue, gross: USD 7.50, refunds: USD 0.25, region: \"US\", units: 1, rate: 1%, date: 2024-02-01 })", wUSD("7.25")},
		// Builtins, each against a hand-worked figure.
		{"max(USD 1.00, USD 2.00)", wUSD("2.00")},
		{"min(3, 1, 2)", wInt("1")},
		{"abs(-USD 250.00)", wUSD("250.00")},
		{"days_between(2026-01-01, 2026-03-01)", wInt("59")}, // 31 + 28
		{"days_between(2024-01-01, 2024-03-01)", wInt("60")}, // 31 + 29
		{"days_between(2026-03-01, 2026-01-01)", wInt("-59")},
		{"quarter_of(2026-05-05) == 2026-Q2", wBool(true)},
		{"start_of(2026-Q2)", wDate("2026-04-01")},
		{"end_of(2026-Q1)", wDate("2026-03-31")},
		{"end_of(2024-02)", wDate("2024-02-29")},
		{"add_months(2026-01-31, 1)", wDate("2026-02-28")},
		{"sum([USD 1, USD 2.50], USD 0)", wUSD("3.50")},
		{"count([1, 2, 3])", wInt("3")},
		{"fraction(12.5%)", wDec("0.125")},
		{"percent(0.125)", wPct("0.125").prints("12.5%")},
		{"amount(USD 5.00)", wDec("5.00")},
		{`lower("AbC")`, wText(`"abc"`)},
		{`contains("hello", "ell")`, wBool(true)},
	}
	for _, c := range cases {
		v, err := p.Eval(context.Background(), "", c.src, interp.EvalOptions{})
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		c.want.check(t, c.src, v)
	}
}

// TestEvalAsOf: a replaced term has its old value as of a date before the
// amendment, and the new one after or without a date (SPEC 9.3).
func TestEvalAsOf(t *testing.T) {
	p := compile(t, calcSrc)
	ctx := context.Background()
	for _, c := range []struct {
		asOf string
		want string
	}{
		{"", "25%"},
		{"2024-12-31", "20%"},
		{"2025-01-01", "25%"},
	} {
		var opts interp.EvalOptions
		if c.asOf != "" {
			opts.AsOf = mustDate(t, c.asOf)
		}
		v, err := p.Eval(ctx, "", "vat", opts)
		if err != nil {
			t.Fatal(err)
		}
		if v.String() != c.want {
			t.Errorf("vat as of %q = %s, want %s", c.asOf, v, c.want)
		}
	}
	// As of a date before the agreement takes effect, the agreement as
	// first made answers (SPEC 9.3): 20%, as on 2024-12-31.
	if v, err := p.Eval(ctx, "", "vat", interp.EvalOptions{AsOf: mustDate(t, "2019-12-31")}); err != nil || v.String() != "20%" {
		t.Errorf("vat as of a date before the agreement = %v, %v; want 20%%", v, err)
	}
	// Compile once, evaluate many times.
	x, err := p.CompileExpr("", "<test>", []byte("vat of USD 100.00"))
	if err != nil {
		t.Fatal(err)
	}
	if x.Type().String() != "money(USD)" {
		t.Errorf("type %s", x.Type())
	}
	for _, c := range []struct{ asOf, want string }{{"2024-06-01", "USD 20.00"}, {"2025-06-01", "USD 25.00"}} {
		v, err := x.Eval(ctx, interp.EvalOptions{AsOf: mustDate(t, c.asOf)})
		if err != nil || v.String() != c.want {
			t.Errorf("as of %s: %v %v, want %s", c.asOf, v, err, c.want)
		}
	}
}

// liar is a host function whose signature says USD but which returns EUR:
// the one way a currency mismatch reaches the evaluator past the checker.
func liar() *interp.Func {
	return &interp.Func{
		Name:   "convert",
		Doc:    "Returns the amount in euros, although it claims dollars.",
		Params: []lang.Type{&lang.Money{Currency: "USD"}},
		Ret:    &lang.Money{Currency: "USD"},
		Impl: func(_ *interp.Caller, args []types.Value) (types.Value, error) {
			return types.MoneyValue("EUR", args[0].Num()), nil
		},
	}
}

func TestEvalRuntimeErrors(t *testing.T) {
	p, err := interp.Compile([]interp.Source{{Name: "calc.pacta", Text: []byte(calcSrc)}},
		interp.WithFuncs(liar()))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		src string
		is  error  // errors.Is target, if any
		msg string // the message must contain this
		col int    // the column the error is positioned at (0: not checked)
	}{
		{"1 / 0", types.ErrDivisionByZero, "division by zero", 1},
		{"USD 5.00 / 0", types.ErrDivisionByZero, "division by zero", 1},
		{"2 + USD 1 / (zero - zero)", types.ErrDivisionByZero, "division by zero", 5},
		{"threshold / amount(zero)", types.ErrDivisionByZero, "division by zero", 0},
		{"USD 1.00 / zero", types.ErrDivisionByZero, "division by zero", 0},
		// The host function's result is checked against its declared type
		// where it is called.
		{"convert(USD 1.00) + USD 1.00", interp.ErrCurrency, "host function convert returned money(EUR), declared money(USD)", 1},
		{"convert(USD 1.00) > USD 1.00", interp.ErrCurrency, "host function convert returned money(EUR), declared money(USD)", 1},
		{"9999-12-31 + 1 day", types.ErrOutOfRange, "9999-12-31", 0},
		{"0001-01-01 - 1 day", types.ErrOutOfRange, "0001-01-01", 0},
		{"9999-12-01 + 1 month", types.ErrOutOfRange, "9999-12-31", 0},
		{"999999999999999999999999999999999999999999.0 * 99999999999999999999999.0", types.ErrOutOfRange, "60 digits", 0},
	}
	for _, c := range cases {
		v, err := p.Eval(context.Background(), "", c.src, interp.EvalOptions{})
		if err == nil {
			t.Errorf("%s = %v, want an error", c.src, v)
			continue
		}
		if c.is != nil && !errors.Is(err, c.is) {
			t.Errorf("%s: error %q is not %v", c.src, err, c.is)
		}
		if !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: error %q, want it to contain %q", c.src, err, c.msg)
		}
		var e *interp.EvalError
		if !errors.As(err, &e) || !e.Pos.IsValid() {
			t.Errorf("%s: error %q carries no position", c.src, err)
		} else if c.col != 0 && e.Pos.Col != c.col {
			t.Errorf("%s: error at column %d, want %d", c.src, e.Pos.Col, c.col)
		}
	}

	// Check errors come back as a positioned lang.ErrorList.
	for _, c := range []struct{ src, msg string }{
		{"USD 5 + EUR 5", "cannot add money(USD) and money(EUR)"},
		{"20% + 1", "cannot add"},
		{"nett(s1)", `unknown`},
		{"s1.regoin", `no field "regoin"`},
		{"1 +", ""},
	} {
		_, err := p.Eval(context.Background(), "", c.src, interp.EvalOptions{})
		var el lang.ErrorList
		if !errors.As(err, &el) || len(el) == 0 {
			t.Errorf("%s: error %v is not a lang.ErrorList", c.src, err)
			continue
		}
		if !el[0].Pos.IsValid() || !strings.Contains(el[0].Msg, c.msg) {
			t.Errorf("%s: %v, want a positioned %q", c.src, el[0], c.msg)
		}
	}
}

// TestEvalRounding: round at the half-way cases of SPEC 8.3, in every mode.
func TestEvalRounding(t *testing.T) {
	p := compile(t, calcSrc)
	modes := []string{"half_even", "half_up", "half_down", "up", "down", "floor", "ceiling"}
	// The table of SPEC 8.3, to 0.01.
	table := []struct {
		x    string
		want [7]string
	}{
		{"2.345", [7]string{"2.34", "2.35", "2.34", "2.35", "2.34", "2.34", "2.35"}},
		{"2.355", [7]string{"2.36", "2.36", "2.35", "2.36", "2.35", "2.35", "2.36"}},
		{"2.341", [7]string{"2.34", "2.34", "2.34", "2.35", "2.34", "2.34", "2.35"}},
		{"-2.345", [7]string{"-2.34", "-2.35", "-2.34", "-2.35", "-2.34", "-2.35", "-2.34"}},
		{"575002.505", [7]string{"575002.50", "575002.51", "575002.50", "575002.51", "575002.50", "575002.50", "575002.51"}},
		// Half-way to whole units, both signs.
		{"2.5", [7]string{"2.00", "3.00", "2.00", "3.00", "2.00", "2.00", "3.00"}},
		{"-2.5", [7]string{"-2.00", "-3.00", "-2.00", "-3.00", "-2.00", "-3.00", "-2.00"}},
		// Already a multiple: every mode leaves it.
		{"2.30", [7]string{"2.30", "2.30", "2.30", "2.30", "2.30", "2.30", "2.30"}},
	}
	for _, row := range table {
		unit := "0.01"
		if row.x == "2.5" || row.x == "-2.5" {
			unit = "1"
		}
		for m, mode := range modes {
			src := "round(" + row.x + ", " + unit + `, "` + mode + `")`
			if strings.HasPrefix(row.x, "-") {
				src = "round(-" + row.x[1:] + ", " + unit + `, "` + mode + `")`
			}
			v, err := p.Eval(context.Background(), "", src, interp.EvalOptions{})
			if err != nil {
				t.Errorf("%s: %v", src, err)
				continue
			}
			wDec(row.want[m]).check(t, src, v)
			// Money rounds the same way.
			msrc := "round(USD " + strings.TrimPrefix(row.x, "-") + ", " + unit + `, "` + mode + `")`
			if strings.HasPrefix(row.x, "-") {
				msrc = "round(-USD " + row.x[1:] + ", " + unit + `, "` + mode + `")`
			}
			mv, err := p.Eval(context.Background(), "", msrc, interp.EvalOptions{})
			if err != nil {
				t.Errorf("%s: %v", msrc, err)
				continue
			}
			wUSD(row.want[m]).check(t, msrc, mv)
		}
	}
	// Default mode half-even; units that are not powers of ten; the
	// result takes the unit's scale.
	for _, c := range []struct {
		src  string
		want want
	}{
		{"round(2.345, 0.01)", wDec("2.34")},
		{"round(2.325, 0.05)", wDec("2.30")}, // 46.5 units of 0.05 → 46 (even)
		{"round(2.375, 0.05)", wDec("2.40")}, // 47.5 units → 48 (even)
		{`round(2.325, 0.05, "half_up")`, wDec("2.35")},
		{"round(12500, 1000)", wNum("12000")}, // 12.5 thousands → 12 (even)
		{"round(13500, 1000)", wNum("14000")},
		{"round(200.0000, 0.01)", wDec("200.00").prints("200.00")},
		{"round(USD 200.0000, 0.01)", wUSD("200.00").prints("USD 200.00")},
		{"round(USD 2.345, USD 0.01)", wUSD("2.34")},
		{"round(25% of USD 10.02, 0.01)", wUSD("2.50")}, // 2.505 → 2.50
	} {
		v, err := p.Eval(context.Background(), "", c.src, interp.EvalOptions{})
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		c.want.check(t, c.src, v)
	}
	if _, err := p.Eval(context.Background(), "", `round(2.345, 0.01, "bankers")`, interp.EvalOptions{}); err == nil {
		t.Error(`round with mode "bankers": no error`)
	}
}
