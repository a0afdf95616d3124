package interp_test

// Benchmarks of the embedding hot paths, each beside its alternative in
// the same run:
//
//	go test ./interp -run '^$' -bench 'ParamExpr|BuildRecord' -benchmem -count 6
//
// BenchmarkParamExpr evaluates `share(s, 20%) + net_revenue(s)` compiled
// once with a parameter s (a sell), against the same arithmetic written
// in Go with the same Decimal type. BenchmarkBuildRecord fills a sale with
// a RecordBuilder and with NewAction from a map of texts.

import (
	"context"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

var valueSink types.Value

func BenchmarkParamExpr(b *testing.B) {
	p := compile(b, paramsSrc)
	ctx := context.Background()
	gross, refunds := mustDec(b, "1000.00"), mustDec(b, "100.00")
	rate := mustDec(b, "0.20")
	// 20% of (1,000.00 - 100.00) + 900.00 = 180.00 + 900.00 = 1,080.00
	want := mustDec(b, "1080.00")

	b.Run("interp", func(b *testing.B) {
		x, err := p.CompileWithParams("", "<bench>", []byte(`share(s, 20%) + net_revenue(s)`), interp.Param{Name: "s", Type: "sell"})
		if err != nil {
			b.Fatal(err)
		}
		s := types.RecordValue(sale(b, p, "AWS", "1,000.00", "100.00"))
		var v types.Value
		b.ReportAllocs()
		for b.Loop() {
			v, err = x.EvalWith(ctx, interp.EvalOptions{}, s)
			if err != nil {
				b.Fatal(err)
			}
		}
		if !v.Num().Equal(want) {
			b.Fatalf("got %s, want %s", v, want)
		}
		valueSink = v
	})
	b.Run("handwritten", func(b *testing.B) {
		var v types.Decimal
		b.ReportAllocs()
		for b.Loop() {
			net, err := gross.Sub(refunds)
			if err != nil {
				b.Fatal(err)
			}
			share, err := rate.Mul(net)
			if err != nil {
				b.Fatal(err)
			}
			if v, err = share.Add(net); err != nil {
				b.Fatal(err)
			}
		}
		if !v.Equal(want) {
			b.Fatalf("got %s, want %s", v, want)
		}
		valueSink = types.MoneyValue("USD", v)
	})
}

var recordSink *types.Record

func BenchmarkBuildRecord(b *testing.B) {
	p := exampleDeal(b)
	b.Run("builder", func(b *testing.B) {
		rb, f := saleBuilder(b, p)
		gross, refunds := mustDec(b, "50000.00"), mustDec(b, "0.00")
		date := mustDate(b, "2027-03-15")
		b.ReportAllocs()
		for b.Loop() {
			rb.SetParty(f.actor, "openai")
			rb.Set(f.product, types.TextValue("API"))
			rb.SetEnum(f.platform, "AWS")
			rb.Set(f.region, types.TextValue("US"))
			rb.Set(f.date, types.DateValue(date))
			rb.SetMoney(f.gross, gross)
			rb.SetMoney(f.refunds, refunds)
			r, err := rb.Record()
			if err != nil {
				b.Fatal(err)
			}
			recordSink = r
		}
	})
	b.Run("NewAction", func(b *testing.B) {
		fields := map[string]string{"actor": "openai", "product": "API", "platform": "AWS", "region": "US",
			"date": "2027-03-15", "gross": "USD 50,000.00", "refunds": "0.00"}
		b.ReportAllocs()
		for b.Loop() {
			r, err := p.NewAction("", "sell", fields)
			if err != nil {
				b.Fatal(err)
			}
			recordSink = r
		}
	})
}
