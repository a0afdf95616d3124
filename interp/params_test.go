package interp_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// paramsSrc is a small deal with a term of two parameters, a kind and an
// event, for the parameter tests.
const paramsSrc = `
agreement deal "Deal" {
  effective 2026-01-01
  currency USD
  party seller "Seller"
  party owner  "Owner"
  kind Platform = Azure | AWS | Direct
  action sell {
    platform Platform
    gross    money
    refunds  money
  }
  event refund { amount money }
  term net_revenue(s sell) = s.gross - s.refunds
  term share(s sell, rate percent) = rate of net_revenue(s)
  term floor = USD 100.00
}
`

func sale(t testing.TB, p *interp.Program, platform, gross, refunds string) *types.Record {
	t.Helper()
	return newAction(t, p, "", "sell", "actor=seller date=2026-03-01 platform="+platform+" gross="+gross+" refunds="+refunds)
}

func TestTermCallableWithRecord(t *testing.T) {
	p := compile(t, paramsSrc)
	ctx := context.Background()
	net, err := p.Term("", "net_revenue")
	if err != nil {
		t.Fatal(err)
	}
	if got := net.Params(); len(got) != 1 || got[0] != (interp.Param{Name: "s", Type: "sell"}) {
		t.Fatalf("Params() = %v, want [{s sell}]", got)
	}
	// 1,000,000.00 - 50,000.00 = 950,000.00
	v, err := net.EvalWith(ctx, interp.EvalOptions{}, types.RecordValue(sale(t, p, "Azure", "1,000,000.00", "50,000.00")))
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "USD 950,000.00" {
		t.Errorf("net_revenue = %s, want USD 950,000.00", v)
	}

	// Two parameters, one of them not a record: 12.5% of (80.00 - 0.00) = 10.00.
	share, err := p.Term("", "share")
	if err != nil {
		t.Fatal(err)
	}
	v, err = share.EvalWith(ctx, interp.EvalOptions{}, types.RecordValue(sale(t, p, "AWS", "80.00", "0.00")), types.PercentValue(mustDec(t, "0.125")))
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "USD 10.00" {
		t.Errorf("share = %s, want USD 10.00", v)
	}

	// A term without parameters is an expression without parameters.
	floor, err := p.Term("", "floor")
	if err != nil {
		t.Fatal(err)
	}
	if v, err := floor.Eval(ctx, interp.EvalOptions{}); err != nil || v.String() != "USD 100.00" {
		t.Errorf("floor = %v, %v; want USD 100.00", v, err)
	}

	if _, err := p.Term("nodeal", "net_revenue"); !errors.Is(err, interp.ErrUnknownAgreement) {
		t.Errorf("Term of an unknown agreement: %v, want ErrUnknownAgreement", err)
	}
	if _, err := p.CompileWithParams("nodeal", "<x>", []byte("1")); !errors.Is(err, interp.ErrUnknownAgreement) {
		t.Errorf("CompileWithParams in an unknown agreement: %v, want ErrUnknownAgreement", err)
	}
	_, err = p.Term("", "net_revenu")
	if err == nil || !strings.Contains(err.Error(), `unknown term "net_revenu" (did you mean "net_revenue"?)`) {
		t.Errorf("Term(net_revenu): %v", err)
	}
}

func TestCompileWithParams(t *testing.T) {
	p := compile(t, paramsSrc)
	ctx := context.Background()
	x, err := p.CompileWithParams("", "<rule>", []byte(`p in [Azure, Direct] and net_revenue(s) >= min`),
		interp.Param{Name: "s", Type: "sell"}, interp.Param{Name: "p", Type: "Platform"}, interp.Param{Name: "min", Type: "money"})
	if err != nil {
		t.Fatal(err)
	}
	min := types.MoneyValue("USD", mustDec(t, "500.00"))
	s := sale(t, p, "Azure", "600.00", "50.00") // net 550.00
	for _, c := range []struct {
		platform string
		idx      int
		s        *types.Record
		want     bool
	}{
		{"Azure", 0, s, true},  // Azure is listed, 550.00 >= 500.00
		{"AWS", 1, s, false},   // AWS is not listed
		{"Direct", 2, s, true}, // Direct is listed
		{"Azure", 0, sale(t, p, "Azure", "600.00", "100.01"), false}, // 600.00 - 100.01 = 499.99 < 500.00
	} {
		v, err := x.EvalWith(ctx, interp.EvalOptions{}, types.RecordValue(c.s), types.EnumValue(c.platform, c.idx), min)
		if err != nil {
			t.Fatal(err)
		}
		if v.Truth() != c.want {
			t.Errorf("%s, %v: got %v, want %v", c.platform, c.s.Fields, v, c.want)
		}
	}

	// An integer goes where a decimal is declared: 3 * 1.5 = 4.5.
	y, err := p.CompileWithParams("", "<d>", []byte(`d * 1.5`), interp.Param{Name: "d", Type: "decimal"})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := y.EvalWith(ctx, interp.EvalOptions{}, types.IntegerValue(3)); err != nil || v.String() != "4.5" {
		t.Errorf("d * 1.5 with d = 3: %v, %v; want 4.5", v, err)
	}

	// A list parameter: the sum of USD 1.00 and USD 2.50 is USD 3.50.
	z, err := p.CompileWithParams("", "<l>", []byte(`sum(l, USD 0.00)`), interp.Param{Name: "l", Type: "list of money"})
	if err != nil {
		t.Fatal(err)
	}
	l := types.ListValue([]types.Value{types.MoneyValue("USD", mustDec(t, "1.00")), types.MoneyValue("USD", mustDec(t, "2.50"))})
	if v, err := z.EvalWith(ctx, interp.EvalOptions{}, l); err != nil || v.String() != "USD 3.50" {
		t.Errorf("sum(l): %v, %v; want USD 3.50", v, err)
	}
}

func TestCompileWithParamsErrors(t *testing.T) {
	p := compile(t, paramsSrc)
	s := interp.Param{Name: "s", Type: "sell"}
	for _, c := range []struct {
		src    string
		params []interp.Param
		want   string
	}{
		// Checked against the parameters' types, with positions.
		{`s.gros`, []interp.Param{s}, `<x>:1:3: `},
		{`s.gross + 1`, []interp.Param{s}, `<x>:1:11: cannot add money(USD) and integer`},
		{`t.gross`, []interp.Param{s}, `<x>:1:1: `},
		{`s`, []interp.Param{{Name: "s", Type: "sel"}}, `<x>: argument s: unknown type "sel" (did you mean "sell"?)`},
		{`s`, []interp.Param{{Name: "s", Type: "list of"}}, `<x>: argument s: "list of" is not a type`},
		{`s`, []interp.Param{{Name: "s", Type: "seller"}}, `<x>: argument s: "seller" is a party, not a type`},
		{`1`, []interp.Param{{Name: "and", Type: "date"}}, `<x>: argument and: is not a name`},
		{`1`, []interp.Param{{Name: "a b", Type: "date"}}, `<x>: argument a b: is not a name`},
		{`1`, []interp.Param{s, s}, `<x>: argument s: is declared twice`},
	} {
		_, err := p.CompileWithParams("", "<x>", []byte(c.src), c.params...)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s with %v: error %v, want it to begin %q", c.src, c.params, err, c.want)
		}
	}
}

func TestEvalWithArgErrors(t *testing.T) {
	p := compile(t, paramsSrc)
	ctx := context.Background()
	share, err := p.Term("", "share")
	if err != nil {
		t.Fatal(err)
	}
	s := types.RecordValue(sale(t, p, "AWS", "80.00", "0.00"))
	ev, err := p.NewAction("", "refund", map[string]string{"amount": "1.00", "date": "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	rate := types.PercentValue(mustDec(t, "0.1"))
	for _, c := range []struct {
		args []types.Value
		want string
	}{
		{nil, `share: takes 2 arguments (s sell, rate percent), given 0`},
		{[]types.Value{s}, `share: takes 2 arguments (s sell, rate percent), given 1`},
		{[]types.Value{s, rate, rate}, `share: takes 2 arguments (s sell, rate percent), given 3`},
		{[]types.Value{rate, rate}, `share: argument s: must be sell, not percent`},
		{[]types.Value{types.RecordValue(ev), rate}, `share: argument s: must be sell, not refund`},
		{[]types.Value{s, types.DecimalValue(mustDec(t, "0.1"))}, `share: argument rate: must be percent, not decimal`},
		{[]types.Value{types.RecordValue(&types.Record{Schema: s.Record().Schema}), rate}, `share: argument s: sell has 5 fields, but the record gives 0; build records with NewAction`},
	} {
		_, err := share.EvalWith(ctx, interp.EvalOptions{}, c.args...)
		var ae *interp.ArgError
		if !errors.As(err, &ae) || err.Error() != c.want {
			t.Errorf("share with %d arguments: error %v, want %q (an *ArgError)", len(c.args), err, c.want)
		}
	}
	// Eval of an expression with parameters is a wrong number of arguments.
	if _, err := share.Eval(ctx, interp.EvalOptions{}); err == nil || !strings.Contains(err.Error(), "given 0") {
		t.Errorf("Eval: %v", err)
	}

	x, err := p.CompileWithParams("", "<x>", []byte(`m`), interp.Param{Name: "m", Type: "money"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = x.EvalWith(ctx, interp.EvalOptions{}, types.MoneyValue("EUR", mustDec(t, "1.00")))
	if err == nil || err.Error() != `<x>: argument m: must be money(USD), not money(EUR)` {
		t.Errorf("EUR for money(USD): %v", err)
	}
	x, err = p.CompileWithParams("", "<x>", []byte(`q`), interp.Param{Name: "q", Type: "party"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = x.EvalWith(ctx, interp.EvalOptions{}, types.PartyValue("sellr"))
	if err == nil || err.Error() != `<x>: argument q: unknown party "sellr" (did you mean "seller"?)` {
		t.Errorf("unknown party: %v", err)
	}
	x, err = p.CompileWithParams("", "<x>", []byte(`k`), interp.Param{Name: "k", Type: "Platform"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = x.EvalWith(ctx, interp.EvalOptions{}, types.EnumValue("AWS", 2)) // AWS is member 1
	if err == nil || err.Error() != `<x>: argument k: must be Platform, not the member AWS` {
		t.Errorf("wrong member index: %v", err)
	}

	// An error while evaluating keeps its position in the agreement: the
	// division is at column 9 of the expression.
	x, err = p.CompileWithParams("", "<x>", []byte(`s.gross / (s.refunds - s.refunds)`), interp.Param{Name: "s", Type: "sell"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = x.EvalWith(ctx, interp.EvalOptions{}, s)
	if err == nil || !strings.HasPrefix(err.Error(), "<x>:1:1: division by zero") || !errors.Is(err, types.ErrDivisionByZero) {
		t.Errorf("division by zero: %v", err)
	}
}

// TestEvalWithAllocatesNothing pins the promise of EvalWith: a
// parameterised expression on a record allocates nothing per evaluation.
func TestEvalWithAllocatesNothing(t *testing.T) {
	p := compile(t, paramsSrc)
	ctx := context.Background()
	x, err := p.CompileWithParams("", "<x>", []byte(`share(s, 20%) + net_revenue(s)`), interp.Param{Name: "s", Type: "sell"})
	if err != nil {
		t.Fatal(err)
	}
	s := types.RecordValue(sale(t, p, "AWS", "1,000.00", "100.00"))
	var v types.Value
	allocs := testing.AllocsPerRun(100, func() {
		v, err = x.EvalWith(ctx, interp.EvalOptions{}, s)
	})
	// 20% of 900.00 + 900.00 = 180.00 + 900.00 = 1,080.00
	if err != nil || v.String() != "USD 1,080.00" {
		t.Fatalf("got %v, %v; want USD 1,080.00", v, err)
	}
	if allocs != 0 {
		t.Errorf("EvalWith allocates %.1f times per run, want 0", allocs)
	}
}

// TestEvalWithConcurrent evaluates one compiled expression from several
// goroutines at once, each with its own records (run with -race).
func TestEvalWithConcurrent(t *testing.T) {
	p := compile(t, paramsSrc)
	net, err := p.Term("", "net_revenue")
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			b, err := p.NewRecordBuilder("", "sell")
			if err != nil {
				errs <- err
				return
			}
			f := func(name string, k types.Kind) interp.FieldHandle { h, _ := b.Field(name, k); return h }
			actor, platform, date, gross, refunds := f("actor", types.KindParty), f("platform", types.KindEnum),
				f("date", types.KindDate), f("gross", types.KindMoney), f("refunds", types.KindMoney)
			b.SetParty(actor, "seller")
			b.SetEnum(platform, "Direct")
			b.Set(date, types.DateValue(mustDate(t, "2026-05-01")))
			b.SetMoney(refunds, mustDec(t, "1.00"))
			for i := int64(1); i <= 200; i++ {
				// (100 × (g+1) + i).00 - 1.00 = (100 × (g+1) + i - 1).00
				amt, _ := types.NewDecimal((100*int64(g+1)+i)*100, 2)
				b.SetMoney(gross, amt)
				r, err := b.Record()
				if err != nil {
					errs <- err
					return
				}
				v, err := net.EvalWith(context.Background(), interp.EvalOptions{}, types.RecordValue(r))
				want, _ := types.NewDecimal((100*int64(g+1)+i-1)*100, 2)
				if err != nil || !v.Num().Equal(want) {
					errs <- fmt.Errorf("goroutine %d, sale %d: %v, %v; want %s", g, i, v, err, want)
					return
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestEvalWithTwoRecords has two parameters of the same action: the
// first is read as the event in scope, the second as an argument, and
// neither may be taken for the other.
func TestEvalWithTwoRecords(t *testing.T) {
	p := compile(t, paramsSrc)
	x, err := p.CompileWithParams("", "<x>", []byte(`[net_revenue(a) - net_revenue(b), a.gross - b.gross, b.gross - a.gross]`),
		interp.Param{Name: "a", Type: "sell"}, interp.Param{Name: "b", Type: "sell"})
	if err != nil {
		t.Fatal(err)
	}
	a := types.RecordValue(sale(t, p, "Azure", "500.00", "20.00")) // net 480.00
	b := types.RecordValue(sale(t, p, "AWS", "300.00", "5.00"))    // net 295.00
	v, err := x.EvalWith(context.Background(), interp.EvalOptions{}, a, b)
	if err != nil {
		t.Fatal(err)
	}
	// 480.00 - 295.00 = 185.00; 500.00 - 300.00 = 200.00; 300.00 - 500.00 = -200.00
	if got, want := v.String(), "[USD 185.00, USD 200.00, USD -200.00]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestEvalWithVersions evaluates a term an amendment replaces: AsOf picks
// the version, the zero AsOf the latest.
func TestEvalWithVersions(t *testing.T) {
	p := compile(t, `
agreement deal "Deal" {
  effective 2026-01-01
  currency USD
  party seller "Seller"
  action sell { gross money  refunds money }
  term net(s sell) = s.gross - s.refunds
}
amendment gross_only "Gross" amends deal {
  effective 2026-06-01
  replace term net(s sell) = s.gross
}`)
	net, err := p.Term("", "net")
	if err != nil {
		t.Fatal(err)
	}
	s := types.RecordValue(newAction(t, p, "", "sell", "actor=seller date=2026-03-01 gross=100.00 refunds=30.00"))
	for _, c := range []struct {
		asOf string
		want string
	}{
		{"", "USD 100.00"},           // the latest version: gross only
		{"2026-05-31", "USD 70.00"},  // as first made: 100.00 - 30.00
		{"2026-06-01", "USD 100.00"}, // the amendment in force
	} {
		var opts interp.EvalOptions
		if c.asOf != "" {
			opts.AsOf = mustDate(t, c.asOf)
		}
		v, err := net.EvalWith(context.Background(), opts, s)
		if err != nil || v.String() != c.want {
			t.Errorf("as of %q: %v, %v; want %s", c.asOf, v, err, c.want)
		}
	}
	// Before the agreement takes effect, the agreement as first made
	// answers (SPEC 9.3): 100.00 - 30.00 = 70.00.
	if v, err := net.EvalWith(context.Background(), interp.EvalOptions{AsOf: mustDate(t, "2025-12-31")}, s); err != nil || v.String() != "USD 70.00" {
		t.Errorf("before the agreement: %v, %v; want USD 70.00", v, err)
	}
}
