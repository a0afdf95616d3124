package interp_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// BenchmarkInvoiceTotal: `sum of line_total(l) for l in i.lines` over an
// invoice of 50 lines, beside the same sum written in Go over the same
// decimals. Line k (1..50) is k units at USD k.25, so the total is
// Σ k × (k + 0.25) = Σ k² + 0.25 Σ k = 42,925 + 0.25 × 1,275 = 43,243.75.
//
//	go test ./interp -run '^$' -bench InvoiceTotal -benchmem -count 6
func BenchmarkInvoiceTotal(b *testing.B) {
	const n = 50
	want, _ := types.ParseDecimal("43243.75")
	p := compile(b, invoiceSrc)
	var js strings.Builder
	js.WriteString(`{"action":"invoice","actor":"maker","date":"2027-02-01","number":"B","lines":[`)
	qty := make([]types.Decimal, n)
	price := make([]types.Decimal, n)
	for k := 1; k <= n; k++ {
		if k > 1 {
			js.WriteString(",")
		}
		fmt.Fprintf(&js, `{"sku":"S%d","family":"Widget","quantity":%d,"price":"USD %d.25"}`, k, k, k)
		qty[k-1] = types.DecimalFromInt(int64(k))
		price[k-1], _ = types.ParseDecimal(fmt.Sprintf("%d.25", k))
	}
	js.WriteString("]}")
	rec, err := p.ParseActionJSON([]byte(js.String()))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.Run("pacta", func(b *testing.B) {
		x, err := p.CompileWithParams("", "<bench>", []byte(`total(i)`), interp.Param{Name: "i", Type: "invoice"})
		if err != nil {
			b.Fatal(err)
		}
		arg := types.RecordValue(rec)
		var v types.Value
		b.ReportAllocs()
		for b.Loop() {
			if v, err = x.EvalWith(ctx, interp.EvalOptions{}, arg); err != nil {
				b.Fatal(err)
			}
		}
		if !v.Num().Equal(want) {
			b.Fatalf("got %s, want %s", v, want)
		}
	})
	b.Run("handwritten", func(b *testing.B) {
		var total types.Decimal
		b.ReportAllocs()
		for b.Loop() {
			total = types.Decimal{}
			for k := range n {
				line, err := price[k].Mul(qty[k])
				if err != nil {
					b.Fatal(err)
				}
				if total, err = total.Add(line); err != nil {
					b.Fatal(err)
				}
			}
		}
		if !total.Equal(want) {
			b.Fatalf("got %s, want %s", total, want)
		}
	})
}
