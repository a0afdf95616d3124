// Command pacta-embed is a Go program of its own module that embeds Pacta
// through its public API only, as a service that sells through several
// clouds would: it loads the OpenAI–Microsoft deal, decides each order
// with records built by a RecordBuilder, converts net revenue to euros
// with a host function inside an expression compiled once with a typed
// parameter, settles the quarter's sales held in memory, and reports a
// compile error with its position.
//
// Run it from this directory:
//
//	go run .
//	go run . -deal ../openai-microsoft-aws
//
// Its go.mod replaces github.com/pacta-lang/pacta with the repository it
// sits in; a module elsewhere requires a released version instead.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

func main() {
	deal := flag.String("deal", "../openai-microsoft-aws", "directory holding the agreement's .pacta files")
	flag.Parse()
	if err := run(os.Stdout, *deal); err != nil {
		fmt.Fprintln(os.Stderr, "pacta-embed:", err)
		os.Exit(1)
	}
}

// order is a sale as the host holds it: Go values, not text.
type order struct {
	actor, product, platform, region string
	date                             string
	gross, refunds                   int64 // cents
}

// The host's orders for 2026-Q4, in date order.
var orders = []order{
	{"openai", "ChatGPT Enterprise", "Azure", "US", "2026-10-15", 1_000_000_00, 50_000_00},
	{"openai", "OpenAI API", "AWS", "US", "2026-10-31", 50_000_00, 0},
	{"openai", "OpenAI API", "AWS", "EU", "2026-11-20", 2_000_000_00, 100_000_00},
	{"openai", "OpenAI API", "GoogleCloud", "US", "2026-12-01", 75_000_00, 0},
	{"openai", "OpenAI API", "AWS", "US", "2026-12-05", 10_02, 0},
	{"openai", "ChatGPT Enterprise", "Azure", "US", "2026-12-10", 500_000_00, 0},
	{"microsoft", "Azure OpenAI Service", "AWS", "US", "2026-12-15", 9_000_00, 0},
}

// eurPerUSD is the host's exchange rate, which the agreement does not know.
const eurPerUSD = "0.92"

func run(w io.Writer, dir string) error {
	ctx := context.Background()

	// A host function: the agreement's language calls it like a builtin,
	// and the checker checks its calls against this signature.
	rate, err := types.ParseDecimal(eurPerUSD)
	if err != nil {
		return err
	}
	toEUR := &interp.Func{
		Name:   "to_eur",
		Doc:    "Converts an amount in US dollars to euros at the host's rate.",
		Params: []lang.Type{&lang.Money{Currency: "USD"}},
		Ret:    &lang.Money{Currency: "EUR"},
		Impl: func(_ *interp.Caller, args []types.Value) (types.Value, error) {
			eur, err := args[0].Num().Mul(rate)
			return types.MoneyValue("EUR", eur), err
		},
	}

	// Compile once, with the standard library (included by default) and
	// the host's function; the Program is immutable and safe for
	// concurrent use.
	prog, err := interp.LoadFS(os.DirFS(dir), []string{"*.pacta"}, interp.WithFuncs(toEUR))
	if err != nil {
		return fmt.Errorf("loading %s: %w", dir, err)
	}

	// Resolve the sell action's fields once, by name and kind.
	b, err := prog.NewRecordBuilder("", "sell")
	if err != nil {
		return err
	}
	var fieldErr error
	field := func(name string, k types.Kind) interp.FieldHandle {
		f, err := b.Field(name, k)
		if err != nil && fieldErr == nil {
			fieldErr = err
		}
		return f
	}
	actor, product, platform := field("actor", types.KindParty), field("product", types.KindText), field("platform", types.KindEnum)
	region, date := field("region", types.KindText), field("date", types.KindDate)
	gross, refunds := field("gross", types.KindMoney), field("refunds", types.KindMoney)
	if fieldErr != nil {
		return fieldErr
	}

	// Decide each order before making the sale; keep the sales made.
	fmt.Fprintln(w, "Orders")
	var sold []*types.Record
	var d result.Decision
	for _, o := range orders {
		day, err := types.ParseDate(o.date)
		if err != nil {
			return err
		}
		g, _ := types.NewDecimal(o.gross, 2)
		r, _ := types.NewDecimal(o.refunds, 2)
		b.SetParty(actor, o.actor)
		b.Set(product, types.TextValue(o.product))
		b.SetEnum(platform, o.platform)
		b.Set(region, types.TextValue(o.region))
		b.Set(date, types.DateValue(day))
		b.SetMoney(gross, g)
		b.SetMoney(refunds, r)
		sale, err := b.Record() // the builder's own record, reused
		if err != nil {
			return fmt.Errorf("order of %s: %w", o.date, err)
		}
		if err := prog.DecideInto(ctx, sale, interp.DecideOptions{}, &d); err != nil {
			return err
		}
		status := "refused"
		if d.Permitted() {
			status = "sold"
			keep, err := b.NewRecord() // a copy to keep
			if err != nil {
				return err
			}
			sold = append(sold, keep)
		}
		fmt.Fprintf(w, "  %s %-9s %-11s %-7s %s\n", o.date, o.actor, o.platform, status, d)
	}

	// An expression of the host's, compiled once with a typed parameter
	// and evaluated for each sale: the agreement's term, the host's
	// function and a builtin together.
	inEUR, err := prog.CompileWithParams("", "report", []byte(`round(to_eur(net_revenue(s)), 0.01)`),
		interp.Param{Name: "s", Type: "sell"})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nNet revenue of the sales made, in euros at %s per dollar\n", eurPerUSD)
	for _, sale := range sold {
		v, err := inEUR.EvalWith(ctx, interp.EvalOptions{}, types.RecordValue(sale))
		if err != nil {
			return err
		}
		when, _ := sale.Field("date")
		fmt.Fprintf(w, "  %s %s\n", when, v)
	}

	// Settle the quarter over the sales made: Settle takes any iterator of
	// events, here a slice in memory.
	ledger := func(yield func(interp.Event, error) bool) {
		for i, r := range sold {
			if !yield(interp.Event{Record: r, Source: "orders", Line: i + 1}, nil) {
				return
			}
		}
	}
	from, _ := types.ParseDate("2026-10-01")
	to, _ := types.ParseDate("2026-12-31")
	st, err := prog.Settle(ctx, ledger, interp.SettleOptions{From: from, To: to})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nStatement lines")
	for _, l := range st.Lines {
		fmt.Fprintf(w, "  %s %s -> %s clause %s %s: %s, due %s\n", l.Period, l.Payer, l.Payee, l.Clause.Num, l.Kind, l.Amount, l.Due)
	}
	fmt.Fprintln(w, "Totals")
	for _, t := range st.Totals {
		fmt.Fprintf(w, "  %s %s -> %s: %s\n", t.Period, t.Payer, t.Payee, t.Amount)
	}

	// A mistake in an expression is reported with its position, before
	// anything is evaluated.
	_, err = prog.CompileWithParams("", "report", []byte(`to_eur(net_revenu(s))`), interp.Param{Name: "s", Type: "sell"})
	var list lang.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return fmt.Errorf("expected a compile error, got %v", err)
	}
	fmt.Fprintln(w, "\nCompile error")
	fmt.Fprintf(w, "  %s\n", err)
	fmt.Fprintf(w, "  in %s at line %d, column %d\n", list[0].Pos.File, list[0].Pos.Line, list[0].Pos.Col)
	return nil
}
