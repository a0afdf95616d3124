package types

import (
	"testing"

	"github.com/cockroachdb/apd/v3"
)

// The benchmarks compute 20% of an amount rounded half-even to the cent,
// the commonest step of a revenue share, in four ways. The amounts vary so
// that nothing is folded away.
var benchAmounts = [8]string{"1234.56", "99.99", "1000000.00", "0.05", "18446.74", "7.25", "250000.10", "3.33"}

var (
	decSink   Decimal
	int64Sink int64
	apdSink   apd.Decimal
)

func BenchmarkDecimalMulRound(b *testing.B) {
	var xs [8]Decimal
	for i, s := range benchAmounts {
		xs[i] = mustParseDecimal(s)
	}
	rate, cent := mustParseDecimal("0.20"), mustParseDecimal("0.01")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p, err := xs[i&7].Mul(rate)
		if err != nil {
			b.Fatal(err)
		}
		r, err := p.Round(cent, HalfEven)
		if err != nil {
			b.Fatal(err)
		}
		decSink = r
	}
}

func BenchmarkDecimalAdd(b *testing.B) {
	var xs [8]Decimal
	for i, s := range benchAmounts {
		xs[i] = mustParseDecimal(s)
	}
	b.ReportAllocs()
	acc := Decimal{}
	for i := 0; b.Loop(); i++ {
		s, err := acc.Add(xs[i&7])
		if err != nil {
			b.Fatal(err)
		}
		acc = s
		if i&1023 == 1023 {
			acc = Decimal{} // keep the sum on the fast path
		}
	}
	decSink = acc
}

// BenchmarkInt64CentsMulRound is the hand-written baseline: cents times a
// rate in hundredths gives ten-thousandths; divide by 100 with half-even
// rounding. It checks nothing for overflow, which is why it is not what
// the interpreter uses.
func BenchmarkInt64CentsMulRound(b *testing.B) {
	xs := [8]int64{123456, 9999, 100000000, 5, 1844674, 725, 25000010, 333}
	const rate = 20 // 0.20 in hundredths
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := xs[i&7] * rate // ten-thousandths
		q, r := p/100, p%100
		if r < 0 {
			r = -r
		}
		if r > 50 || r == 50 && q&1 == 1 {
			if p < 0 {
				q--
			} else {
				q++
			}
		}
		int64Sink = q
	}
}

// BenchmarkApdMulRound uses apd directly: an exact multiplication then
// Quantize to two places, half-even, reusing one result value.
func BenchmarkApdMulRound(b *testing.B) {
	var xs [8]apd.Decimal
	for i, s := range benchAmounts {
		if _, _, err := xs[i].SetString(s); err != nil {
			b.Fatal(err)
		}
	}
	rate, _, _ := apd.NewFromString("0.20")
	ctx := apd.BaseContext.WithPrecision(34)
	ctx.Rounding = apd.RoundHalfEven
	var r apd.Decimal
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := ctx.Mul(&r, &xs[i&7], rate); err != nil {
			b.Fatal(err)
		}
		if _, err := ctx.Quantize(&r, &r, -2); err != nil {
			b.Fatal(err)
		}
	}
	apdSink.Set(&r)
}
