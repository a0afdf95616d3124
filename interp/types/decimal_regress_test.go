package types

import "testing"

// Regression: negating a zero with more than 18 decimals gave a negative zero.
func TestNegOfLongZero(t *testing.T) {
	d, err := ParseDecimal("0.000000000000000000000000000")
	if err != nil {
		t.Fatal(err)
	}
	n := d.Neg()
	if n.Sign() != 0 || !n.IsZero() || n.Cmp(Decimal{}) != 0 {
		t.Fatalf("Neg of a long zero: sign %d, zero %v", n.Sign(), n.IsZero())
	}
}
