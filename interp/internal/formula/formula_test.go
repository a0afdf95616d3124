package formula

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

// Helpers for the formula and schedule tests. Their names are prefixed so
// that they do not collide with other test files of the package.

func fDec(s string) types.Decimal {
	d, err := types.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

func fDecs(ss ...string) []types.Decimal {
	out := make([]types.Decimal, len(ss))
	for i, s := range ss {
		out[i] = fDec(s)
	}
	return out
}

func fPtr(s string) *types.Decimal { d := fDec(s); return &d }

func fDate(s string) types.Date {
	d, err := types.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func fTexts(ds []types.Decimal) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.String()
	}
	return strings.Join(s, " ")
}

// fEq fails unless got equals the decimal written want (numerically).
func fEq(t *testing.T, what string, got types.Decimal, want string) {
	t.Helper()
	if !got.Equal(fDec(want)) {
		t.Errorf("%s = %s, want %s", what, got.String(), want)
	}
}

// fEqs fails unless got equals the space-separated decimals of want,
// numerically (0 equals 0.00).
func fEqs(t *testing.T, what string, got []types.Decimal, want string) {
	t.Helper()
	w := strings.Fields(want)
	ok := len(w) == len(got)
	for i := 0; ok && i < len(w); i++ {
		ok = got[i].Equal(fDec(w[i]))
	}
	if !ok {
		t.Errorf("%s = %s, want %s", what, fTexts(got), want)
	}
}

// The schedule most tests use: 20% up to 1,000.00, 15% up to 5,000.00,
// 10% above.
func fTiers(whole bool) *TierSchedule {
	return &TierSchedule{Whole: whole, Bounds: fDecs("1000.00", "5000.00"), Rates: fDecs("0.20", "0.15", "0.10")}
}

func TestTierMarginal(t *testing.T) {
	m := fTiers(false)
	cases := []struct {
		name, before, base, want string
	}{
		// All in tier 1: 500 × 20% = 100.
		{"below the first threshold", "0", "500.00", "100.00"},
		// Up to the threshold exactly: 1,000 × 20% = 200.
		{"up to the threshold", "0", "1000.00", "200.00"},
		// The first cent above it: 0.01 × 15% = 0.0015.
		{"just above the threshold", "1000.00", "0.01", "0.0015"},
		// Straddles 1,000: (1,000 - 800) × 20% + (1,200 - 1,000) × 15%
		// = 40 + 30 = 70.
		{"straddles one threshold", "800.00", "400.00", "70.00"},
		// Straddles both: (1,000 - 500) × 20% + (5,000 - 1,000) × 15%
		// + (5,500 - 5,000) × 10% = 100 + 600 + 50 = 750.
		{"straddles two thresholds", "500.00", "5000.00", "750.00"},
		// Entirely in the last tier: 1,000 × 10% = 100.
		{"top tier", "6000.00", "1000.00", "100.00"},
		// From zero: 1,000 × 20% + 200 × 15% = 200 + 30 = 230.
		{"from zero over a threshold", "0", "1200.00", "230.00"},
		{"zero base", "800.00", "0", "0"},
	}
	for _, c := range cases {
		got, err := m.Amount(fDec(c.before), fDec(c.base))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		fEq(t, c.name, got, c.want)
	}
}

func TestTierMarginalDetail(t *testing.T) {
	m := fTiers(false)
	// before 800, base 400: [800, 1000] at 20% = 40, [1000, 1200] at 15% = 30.
	sl, total, err := m.AmountDetail(fDec("800.00"), fDec("400.00"))
	if err != nil {
		t.Fatal(err)
	}
	fEq(t, "total", total, "70.00")
	want := []TierSlice{
		{0, fDec("800"), fDec("1000"), fDec("0.20"), fDec("40")},
		{1, fDec("1000"), fDec("1200"), fDec("0.15"), fDec("30")},
	}
	fCheckSlices(t, "up", sl, want)

	// The reverse: before 1,200, base -400 moves down through the same
	// slices, top first: [1200 → 1000] at 15% = -30, [1000 → 800] at 20% = -40.
	sl, total, err = m.AmountDetail(fDec("1200.00"), fDec("-400.00"))
	if err != nil {
		t.Fatal(err)
	}
	fEq(t, "reverse total", total, "-70.00")
	want = []TierSlice{
		{1, fDec("1200"), fDec("1000"), fDec("0.15"), fDec("-30")},
		{0, fDec("1000"), fDec("800"), fDec("0.20"), fDec("-40")},
	}
	fCheckSlices(t, "down", sl, want)
}

func fCheckSlices(t *testing.T, name string, got, want []TierSlice) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d slices %+v, want %d", name, len(got), got, len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Tier != w.Tier || !g.From.Equal(w.From) || !g.To.Equal(w.To) || !g.Rate.Equal(w.Rate) || !g.Amount.Equal(w.Amount) {
			t.Errorf("%s: slice %d = {%d %s→%s @%s = %s}, want {%d %s→%s @%s = %s}", name, i,
				g.Tier, g.From, g.To, g.Rate, g.Amount, w.Tier, w.From, w.To, w.Rate, w.Amount)
		}
	}
}

func TestTierWholeVsMarginal(t *testing.T) {
	m, w := fTiers(false), fTiers(true)
	cases := []struct {
		before, base, marginal, whole string
	}{
		// Below the threshold both give 800 × 20% = 160.
		{"0", "800.00", "160.00", "160.00"},
		// Exactly on the threshold the lower tier applies: 1,000 × 20% = 200
		// either way.
		{"0", "1000.00", "200.00", "200.00"},
		// 1,200 from zero: marginal 1,000 × 20% + 200 × 15% = 230;
		// whole 1,200 × 15% = 180.
		{"0", "1200.00", "230.00", "180.00"},
		// From 800 to 1,200: marginal 200 × 20% + 200 × 15% = 70;
		// whole F(1,200) - F(800) = 180 - 160 = 20.
		{"800.00", "400.00", "70.00", "20.00"},
		// Within tier 2 (1,200 to 4,200): 3,000 × 15% = 450 either way.
		{"1200.00", "3000.00", "450.00", "450.00"},
		// 4,200 to 6,200: marginal 800 × 15% + 1,200 × 10% = 120 + 120 =
		// 240; whole 6,200 × 10% - 4,200 × 15% = 620 - 630 = -10.
		{"4200.00", "2000.00", "240.00", "-10.00"},
		// The first cent over the threshold (whole): 1,000.01 × 15% -
		// 1,000 × 20% = 150.0015 - 200 = -49.9985.
		{"1000.00", "0.01", "0.0015", "-49.9985"},
	}
	for _, c := range cases {
		gm, err := m.Amount(fDec(c.before), fDec(c.base))
		if err != nil {
			t.Fatal(err)
		}
		gw, err := w.Amount(fDec(c.before), fDec(c.base))
		if err != nil {
			t.Fatal(err)
		}
		fEq(t, "marginal("+c.before+", "+c.base+")", gm, c.marginal)
		fEq(t, "whole("+c.before+", "+c.base+")", gw, c.whole)
	}

	// Whole detail across the threshold: the whole window at the new rate,
	// 1,200 × 15% = 180, less what was charged at the old, 800 × 20% = 160.
	sl, total, err := w.AmountDetail(fDec("800.00"), fDec("400.00"))
	if err != nil {
		t.Fatal(err)
	}
	fEq(t, "whole detail total", total, "20.00")
	fCheckSlices(t, "whole crossing", sl, []TierSlice{
		{1, fDec("0"), fDec("1200"), fDec("0.15"), fDec("180")},
		{0, fDec("800"), fDec("0"), fDec("0.20"), fDec("-160")},
	})
	// Whole detail within one tier: [1,200 → 4,200] at 15% = 450.
	sl, _, err = w.AmountDetail(fDec("1200.00"), fDec("3000.00"))
	if err != nil {
		t.Fatal(err)
	}
	fCheckSlices(t, "whole within", sl, []TierSlice{{1, fDec("1200"), fDec("4200"), fDec("0.15"), fDec("450")}})
	// From zero across a threshold: no reversal line.
	sl, _, err = w.AmountDetail(fDec("0"), fDec("1200.00"))
	if err != nil {
		t.Fatal(err)
	}
	fCheckSlices(t, "whole from zero", sl, []TierSlice{{1, fDec("0"), fDec("1200"), fDec("0.15"), fDec("180")}})
}

// A year of quarterly volumes, with the threshold window reset each year:
// the thresholds are crossed in the middle of the year.
func TestTierWindowCrossingMidYear(t *testing.T) {
	type quarter struct {
		day, volume       string
		marginal, whole   string
		accelMarg, accelW string
	}
	// accel is an accelerator (rates rise): 10% up to 1,000, 15% above.
	accel := func(whole bool) *TierSchedule {
		return &TierSchedule{Whole: whole, Bounds: fDecs("1000.00"), Rates: fDecs("0.10", "0.15")}
	}
	qs := []quarter{
		// Q1: 800, tier 1. Standard: 800 × 20% = 160 both ways.
		// Accelerator: 800 × 10% = 80 both ways.
		{"2026-02-10", "800.00", "160.00", "160.00", "80.00", "80.00"},
		// Q2: 800 → 1,200 crosses 1,000.
		// Standard marginal 200 × 20% + 200 × 15% = 70; whole 1,200 × 15%
		// - 160 = 20.
		// Accelerator marginal 200 × 10% + 200 × 15% = 50; whole 1,200 × 15%
		// - 80 = 100: 400 × 15% = 60 on Q2's volume plus the catch-up
		// 800 × (15% - 10%) = 40 on Q1's.
		{"2026-05-10", "400.00", "70.00", "20.00", "50.00", "100.00"},
		// Q3: 1,200 → 4,200. Standard 3,000 × 15% = 450 both ways.
		// Accelerator 3,000 × 15% = 450 both ways.
		{"2026-08-10", "3000.00", "450.00", "450.00", "450.00", "450.00"},
		// Q4: 4,200 → 6,200 crosses 5,000.
		// Standard marginal 800 × 15% + 1,200 × 10% = 240; whole 6,200 ×
		// 10% - 4,200 × 15% = 620 - 630 = -10.
		// Accelerator 2,000 × 15% = 300 both ways.
		{"2026-11-10", "2000.00", "240.00", "-10.00", "300.00", "300.00"},
		// Next year: the window resets, so 500 is back in tier 1:
		// 500 × 20% = 100; accelerator 500 × 10% = 50.
		{"2027-01-15", "500.00", "100.00", "100.00", "50.00", "50.00"},
	}
	scheds := []*TierSchedule{fTiers(false), fTiers(true), accel(false), accel(true)}
	win := Window{Kind: types.PeriodYear}
	var before types.Decimal
	var sums [4]types.Decimal
	for qi, q := range qs {
		reset, err := win.Enter(fDate(q.day))
		if err != nil {
			t.Fatal(err)
		}
		if wantReset := qi == 0 || qi == 4; reset != wantReset {
			t.Errorf("%s: reset = %v, want %v", q.day, reset, wantReset)
		}
		if reset {
			if qi == 4 {
				// The 2026 totals equal the formula on the year's volume
				// 6,200: standard marginal 1,000 × 20% + 4,000 × 15% +
				// 1,200 × 10% = 200 + 600 + 120 = 920; standard whole
				// 6,200 × 10% = 620; accelerator marginal 1,000 × 10% +
				// 5,200 × 15% = 100 + 780 = 880; accelerator whole 6,200 ×
				// 15% = 930.
				for i, want := range []string{"920", "620", "880", "930"} {
					fEq(t, "2026 total", sums[i], want)
				}
			}
			before = types.Decimal{}
		}
		wants := []string{q.marginal, q.whole, q.accelMarg, q.accelW}
		for i, s := range scheds {
			got, err := s.Amount(before, fDec(q.volume))
			if err != nil {
				t.Fatal(err)
			}
			fEq(t, q.day+" schedule "+string(rune('A'+i)), got, wants[i])
			sums[i], _ = sums[i].Add(got)
		}
		before, _ = before.Add(fDec(q.volume))
	}
}

func TestTierNegativeBase(t *testing.T) {
	m, w := fTiers(false), fTiers(true)
	cases := []struct {
		before, base, marginal, whole string
	}{
		// Refunds take the window from 1,200 back to 800: the reverse of
		// +400 from 800. Marginal -(200 × 15% + 200 × 20%) = -70; whole
		// F(800) - F(1,200) = 160 - 180 = -20.
		{"1200.00", "-400.00", "-70.00", "-20.00"},
		// Refunds exceed the window's volume: 300 → -200. Below zero the
		// first tier's rate applies: -(500 × 20%) = -100 both ways
		// (whole: -200 × 20% - 300 × 20% = -40 - 60 = -100).
		{"300.00", "-500.00", "-100.00", "-100.00"},
		// Back up from -200 to 300 reverses it: +100.
		{"-200.00", "500.00", "100.00", "100.00"},
	}
	for _, c := range cases {
		gm, err := m.Amount(fDec(c.before), fDec(c.base))
		if err != nil {
			t.Fatal(err)
		}
		gw, err := w.Amount(fDec(c.before), fDec(c.base))
		if err != nil {
			t.Fatal(err)
		}
		fEq(t, "marginal("+c.before+", "+c.base+")", gm, c.marginal)
		fEq(t, "whole("+c.before+", "+c.base+")", gw, c.whole)
	}
}

func TestTierValidate(t *testing.T) {
	bad := []struct {
		name  string
		t     *TierSchedule
		shape bool // a shape error, which Amount reports too
		want  string
	}{
		{"nil", nil, true, "at least one rate"},
		{"no rates", &TierSchedule{}, true, "at least one rate"},
		{"too few thresholds", &TierSchedule{Rates: fDecs("0.2", "0.1")}, true, "needs 1 thresholds, not 0"},
		{"too many thresholds", &TierSchedule{Bounds: fDecs("10"), Rates: fDecs("0.2")}, true, "needs 0 thresholds, not 1"},
		{"negative rate", &TierSchedule{Bounds: fDecs("10"), Rates: fDecs("0.2", "-0.1")}, false, "rate of tier 2 is negative"},
		{"zero threshold", &TierSchedule{Bounds: fDecs("0"), Rates: fDecs("0.2", "0.1")}, false, "above zero"},
		{"not increasing", &TierSchedule{Bounds: fDecs("1000", "1000.00"), Rates: fDecs("0.2", "0.1", "0.05")}, false, "must increase: 1,000.00 does not come after 1,000"},
		{"decreasing", &TierSchedule{Bounds: fDecs("500", "100", "300"), Rates: fDecs("0.2", "0.1", "0.05", "0.01")}, false, "must increase: 100 does not come after 500"},
	}
	for _, c := range bad {
		err := c.t.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Validate = %v, want %q", c.name, err, c.want)
		}
		// Amount checks only the shape; on any invalid schedule it must
		// not panic, whatever the volumes.
		for _, v := range []string{"-1000", "0", "50", "100", "250", "300", "1000", "5000"} {
			for _, x := range []string{"-700", "-1", "1", "400", "6000"} {
				_, err := c.t.Amount(fDec(v), fDec(x))
				if c.shape && (err == nil || !strings.Contains(err.Error(), c.want)) {
					t.Errorf("%s: Amount err = %v, want %q", c.name, err, c.want)
				}
				_, _, err = c.t.AmountDetail(fDec(v), fDec(x))
				if c.shape && err == nil {
					t.Errorf("%s: AmountDetail accepted it", c.name)
				}
			}
		}
	}
	if err := fTiers(false).Validate(); err != nil {
		t.Error(err)
	}
	// A single flat rate is a valid schedule: 100 × 20% = 20.
	flat := &TierSchedule{Rates: fDecs("0.20")}
	got, err := flat.Amount(fDec("5000"), fDec("100"))
	if err != nil {
		t.Fatal(err)
	}
	fEq(t, "flat", got, "20")
}

// fRandTiers returns a random schedule of 1 to 4 tiers with thresholds in
// cents and rates of up to four decimals.
func fRandTiers(r *rand.Rand, whole bool) *TierSchedule {
	n := 1 + r.IntN(4)
	s := &TierSchedule{Whole: whole}
	var b int64
	for i := 0; i < n-1; i++ {
		b += 1 + r.Int64N(500000)
		d, _ := types.NewDecimal(b, 2)
		s.Bounds = append(s.Bounds, d)
	}
	for i := 0; i < n; i++ {
		d, _ := types.NewDecimal(r.Int64N(5001), 4)
		s.Rates = append(s.Rates, d)
	}
	return s
}

// For any partition of a window's volume into consecutive pieces, of any
// signs, the per-piece amounts add up exactly to the amount on the whole
// volume; the breakdown adds up to the amount; and moving down is the exact
// reverse of moving up.
func TestTierPropertyPartition(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 2000; iter++ {
		whole := iter%2 == 1
		s := fRandTiers(r, whole)
		start, _ := types.NewDecimal(r.Int64N(200000)-50000, 2)
		var before = start
		var sum, volume types.Decimal
		pieces := 1 + r.IntN(12)
		for p := 0; p < pieces; p++ {
			x, _ := types.NewDecimal(r.Int64N(400000)-100000, 2)
			a, err := s.Amount(before, x)
			if err != nil {
				t.Fatal(err)
			}
			sl, total, err := s.AmountDetail(before, x)
			if err != nil {
				t.Fatal(err)
			}
			if !total.Equal(a) {
				t.Fatalf("AmountDetail total %s != Amount %s", total, a)
			}
			var ss types.Decimal
			for _, one := range sl {
				ss, _ = ss.Add(one.Amount)
				w, _ := one.To.Sub(one.From)
				if m, _ := one.Rate.Mul(w); !m.Equal(one.Amount) {
					t.Fatalf("slice %+v: rate × (to - from) = %s", one, m)
				}
			}
			if !ss.Equal(a) {
				t.Fatalf("slices add to %s, amount %s (%+v, before %s, base %s)", ss, a, s, before, x)
			}
			after, _ := before.Add(x)
			back, err := s.Amount(after, x.Neg())
			if err != nil {
				t.Fatal(err)
			}
			if !back.Equal(a.Neg()) {
				t.Fatalf("Amount(%s, %s) = %s, not the negation of %s", after, x.Neg(), back, a)
			}
			sum, _ = sum.Add(a)
			volume, _ = volume.Add(x)
			before = after
		}
		once, err := s.Amount(start, volume)
		if err != nil {
			t.Fatal(err)
		}
		if !once.Equal(sum) {
			t.Fatalf("whole=%v: pieces add to %s, the volume at once gives %s", whole, sum, once)
		}
	}
}

// FuzzTierAmount: no schedule and no volumes make Amount or AmountDetail
// panic; on valid schedules the breakdown adds up and a reversal undoes.
func FuzzTierAmount(f *testing.F) {
	f.Add(false, "1000.00 5000.00", "0.20 0.15 0.10", "800.00", "400.00")
	f.Add(true, "1000.00 5000.00", "0.20 0.15 0.10", "4200.00", "-5000.00")
	f.Add(true, "5 1", "0.1 0.2 0.3", "3", "-4")
	f.Add(false, "", "0.5", "-1", "99999999999999999999999999.5")
	f.Fuzz(func(t *testing.T, whole bool, bounds, rates, before, base string) {
		var s TierSchedule
		s.Whole = whole
		for _, w := range strings.Fields(bounds) {
			d, err := types.ParseDecimal(w)
			if err != nil {
				return
			}
			s.Bounds = append(s.Bounds, d)
		}
		for _, w := range strings.Fields(rates) {
			d, err := types.ParseDecimal(w)
			if err != nil {
				return
			}
			s.Rates = append(s.Rates, d)
		}
		b, err1 := types.ParseDecimal(before)
		x, err2 := types.ParseDecimal(base)
		if err1 != nil || err2 != nil || len(s.Bounds) > 8 {
			return
		}
		// Decimal.Neg of a zero with more than 18 decimals currently gives
		// a "negative zero" that compares below 0 (a decimal.go issue,
		// reported); keep such zeros out until it is fixed.
		if x.IsZero() && x.Scale() > 18 || b.IsZero() && b.Scale() > 18 {
			return
		}
		a, err := s.Amount(b, x)
		sl, total, errD := s.AmountDetail(b, x)
		if (err == nil) != (errD == nil) {
			t.Fatalf("Amount err %v, AmountDetail err %v", err, errD)
		}
		if err != nil || s.Validate() != nil {
			return
		}
		if !total.Equal(a) {
			t.Fatalf("detail total %s != %s", total, a)
		}
		var sum types.Decimal
		for _, one := range sl {
			if sum, err = sum.Add(one.Amount); err != nil {
				return
			}
		}
		if !sum.Equal(a) {
			t.Fatalf("slices add to %s, amount %s", sum, a)
		}
		after, err := b.Add(x)
		if err != nil {
			return
		}
		if back, err := s.Amount(after, x.Neg()); err == nil && !back.Equal(a.Neg()) {
			t.Fatalf("reverse gives %s, want %s", back, a.Neg())
		}
	})
}

// Amount and the running-state operations do not allocate.
func TestTierAmountAllocs(t *testing.T) {
	m, w := fTiers(false), fTiers(true)
	before, base := fDec("800.00"), fDec("4700.00")
	c := LifetimeCap{Limit: fDec("100000.00")}
	rc := Recoupment{Balance: fDec("100000.00")}
	g := Guarantee{Minimum: fDec("100000.00")}
	win := Window{Kind: types.PeriodYear}
	day := fDate("2026-05-01")
	n := testing.AllocsPerRun(200, func() {
		a, _ := m.Amount(before, base)
		b, _ := w.Amount(before, base)
		_, _ = m.Amount(base, a.Neg())
		x, _ := c.Take(a)
		_, _, _ = rc.Apply(b)
		_ = g.Add(x)
		_, _ = win.Enter(day)
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}

func TestLimitNoteString(t *testing.T) {
	if CutToCap.String() != "cut to the cap" || LimitNote(9).String() != "LimitNote(9)" {
		t.Error("LimitNote.String")
	}
}

// A yearly cap of 1,000 is reached in the middle of a quarter: the events
// of the quarter are paid until the cap is hit, and no further.
func TestCapHitMidPeriod(t *testing.T) {
	c := LifetimeCap{Limit: fDec("1000.00"), Paid: fDec("900.00")} // 900 paid in Q1
	steps := []struct{ amount, pay, paid, excess string }{
		{"60.00", "60.00", "960.00", "0"},      // 900 + 60 = 960 <= 1,000
		{"70.00", "40.00", "1000.00", "30.00"}, // room 1,000 - 960 = 40; 70 - 40 = 30 over
		{"30.00", "0", "1000.00", "60.00"},     // no room: all 30 over, 30 + 30 = 60
	}
	var period types.Decimal
	for i, s := range steps {
		pay, err := c.Take(fDec(s.amount))
		if err != nil {
			t.Fatal(err)
		}
		fEq(t, "pay "+s.amount, pay, s.pay)
		fEq(t, "paid after step", c.Paid, s.paid)
		fEq(t, "excess after step", c.Excess, s.excess)
		period, _ = period.Add(pay)
		_ = i
	}
	// The quarter earned 60 + 70 + 30 = 160 and paid 60 + 40 = 100.
	fEq(t, "Q2 paid", period, "100.00")
	rem, _ := c.Remaining()
	fEq(t, "remaining", rem, "0")
	// A new year: the cap starts over.
	c.Reset()
	pay, _ := c.Take(fDec("250.00"))
	fEq(t, "after reset", pay, "250.00")
}

// A lifetime cap of 2,500 reached in the third of four quarters, and then
// credits that first cancel unpaid excess.
func TestCapLifetimeAcrossPeriods(t *testing.T) {
	c := LifetimeCap{Limit: fDec("2500.00")}
	steps := []struct{ amount, pay, paid, excess string }{
		{"1000.00", "1000.00", "1000.00", "0"},      // Q1: room 2,500
		{"1000.00", "1000.00", "2000.00", "0"},      // Q2: room 1,500
		{"1000.00", "500.00", "2500.00", "500.00"},  // Q3: room 500, 500 over
		{"1000.00", "0", "2500.00", "1500.00"},      // Q4: no room, 500 + 1,000 over
		{"-1200.00", "0", "2500.00", "300.00"},      // credit: 1,500 - 1,200 = 300 unpaid left
		{"-500.00", "-200.00", "2300.00", "0"},      // 300 from excess, 200 from paid
		{"150.00", "150.00", "2450.00", "0"},        // room 2,500 - 2,300 = 200
		{"100.00", "50.00", "2500.00", "50.00"},     // room 50
		{"-20.00", "0", "2500.00", "30.00"},         // from excess only
		{"-2500.00", "-2470.00", "30.00", "0"},      // 30 from excess; paid 2,500 - 2,470 = 30
		{"-100.00", "-100.00", "-70.00", "0"},       // earned now -70: min(-70, 2,500)
		{"3000.00", "2570.00", "2500.00", "430.00"}, // room 2,500 + 70 = 2,570
		{"0", "0", "2500.00", "430.00"},             // nothing
	}
	// Invariant: Paid = min(sum of amounts, Limit) after every step.
	var earned types.Decimal
	for _, s := range steps {
		pay, err := c.Take(fDec(s.amount))
		if err != nil {
			t.Fatal(err)
		}
		fEq(t, "pay "+s.amount, pay, s.pay)
		fEq(t, "paid after "+s.amount, c.Paid, s.paid)
		fEq(t, "excess after "+s.amount, c.Excess, s.excess)
		earned, _ = earned.Add(fDec(s.amount))
		if want := earned.Min(c.Limit); !c.Paid.Equal(want) {
			t.Errorf("paid %s, want min(earned %s, limit) = %s", c.Paid, earned, want)
		}
	}

	bad := LifetimeCap{Limit: fDec("-1"), Paid: fDec("5")}
	if _, err := bad.Take(fDec("10")); err == nil || !strings.Contains(err.Error(), "cap is negative") {
		t.Errorf("negative limit: %v", err)
	}
	fEq(t, "unchanged", bad.Paid, "5")
}

// For any signed sequence of amounts, a cap pays min(running total, Limit)
// in all, and what it pays plus what it holds back adds up to the total.
func TestCapPropertyRunningTotal(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for iter := 0; iter < 1000; iter++ {
		limit, _ := types.NewDecimal(r.Int64N(1_000_000), 2)
		c := LifetimeCap{Limit: limit}
		var earned, paid types.Decimal
		for k := 0; k < 20; k++ {
			x, _ := types.NewDecimal(r.Int64N(300_000)-100_000, 2)
			pay, err := c.Take(x)
			if err != nil {
				t.Fatal(err)
			}
			earned, _ = earned.Add(x)
			paid, _ = paid.Add(pay)
			if want := earned.Min(limit); !paid.Equal(want) || !c.Paid.Equal(want) {
				t.Fatalf("paid %s (state %s), want min(%s, %s)", paid, c.Paid, earned, limit)
			}
			if held, _ := earned.Sub(c.Paid); !held.Equal(c.Excess) {
				t.Fatalf("excess %s, want %s", c.Excess, held)
			}
		}
	}
}

func TestRecoupThreePeriods(t *testing.T) {
	r := Recoupment{Balance: fDec("10000.00")} // the advance
	steps := []struct{ share, payout, recouped, balance string }{
		{"3000.00", "0", "3000.00", "7000.00"}, // P1: all recouped, 10,000 - 3,000
		{"4500.00", "0", "4500.00", "2500.00"}, // P2: all recouped, 7,000 - 4,500
		{"4000.00", "1500.00", "2500.00", "0"}, // P3: 2,500 recouped, 4,000 - 2,500 paid
		{"1000.00", "1000.00", "0", "0"},       // P4: recouped, all paid
		{"-800.00", "0", "-800.00", "800.00"},  // P5: a credit is carried, not clawed back
		{"1000.00", "200.00", "800.00", "0"},   // P6: 800 recouped again, 200 paid
		{"0", "0", "0", "0"},                   // nothing
	}
	for _, s := range steps {
		payout, rec, err := r.Apply(fDec(s.share))
		if err != nil {
			t.Fatal(err)
		}
		fEq(t, "payout of "+s.share, payout, s.payout)
		fEq(t, "recouped of "+s.share, rec, s.recouped)
		fEq(t, "balance after "+s.share, r.Balance, s.balance)
		if sum, _ := payout.Add(rec); !sum.Equal(fDec(s.share)) {
			t.Errorf("payout + recouped = %s, want %s", sum, s.share)
		}
	}
	bad := Recoupment{Balance: fDec("-1")}
	if _, _, err := bad.Apply(fDec("10")); err == nil {
		t.Error("negative balance accepted")
	}
}

func TestGuaranteeTrueUp(t *testing.T) {
	g := Guarantee{Minimum: fDec("10000.00")}
	// Year 1: 2,000 + 3,000 + 1,500 = 6,500 paid; shortfall 10,000 - 6,500
	// = 3,500.
	for _, p := range []string{"2000.00", "3000.00", "1500.00"} {
		if err := g.Add(fDec(p)); err != nil {
			t.Fatal(err)
		}
	}
	fEq(t, "paid", g.Paid, "6500.00")
	up, err := g.TrueUp()
	if err != nil {
		t.Fatal(err)
	}
	fEq(t, "true-up with shortfall", up, "3500.00")
	fEq(t, "paid after reset", g.Paid, "0")
	// Year 2: 4,000 + 7,000 - 500 (credit) = 10,500 >= 10,000: no true-up.
	for _, p := range []string{"4000.00", "7000.00", "-500.00"} {
		if err := g.Add(fDec(p)); err != nil {
			t.Fatal(err)
		}
	}
	up, err = g.TrueUp()
	if err != nil {
		t.Fatal(err)
	}
	fEq(t, "true-up without shortfall", up, "0")
	// Year 3: exactly the minimum: no true-up.
	_ = g.Add(fDec("10000.00"))
	up, _ = g.TrueUp()
	fEq(t, "true-up at the minimum", up, "0")
	// Year 4: nothing paid: the whole minimum.
	up, _ = g.TrueUp()
	fEq(t, "true-up of an empty year", up, "10000.00")
}

func TestSplit(t *testing.T) {
	cents := fDec("0.01")
	cases := []struct {
		name, total string
		shares      []string
		remainderTo int
		want        string
	}{
		// 10,000 cents / 3 = 3,333 1/3 each: 3,333 × 3 = 9,999, one cent
		// left; the fractions tie, so it goes to the first party.
		{"thirds, largest remainder", "100.00", []string{"1", "1", "1"}, -1, "33.34 33.33 33.33"},
		{"thirds, remainder to the third", "100.00", []string{"1", "1", "1"}, 2, "33.33 33.33 33.34"},
		// 9,999 cents × 50/30/20% = 4,999.5, 2,999.7, 1,999.8: floors 9,997,
		// two cents left, to the largest fractions .8 (third) and .7 (second).
		{"percentages", "99.99", []string{"0.50", "0.30", "0.20"}, -1, "49.99 30.00 20.00"},
		// The same with the remainder to the first party: 49.99 + 0.02.
		{"percentages, remainder to first", "99.99", []string{"0.50", "0.30", "0.20"}, 0, "50.01 29.99 19.99"},
		// A credit splits symmetrically.
		{"negative", "-100.00", []string{"1", "1", "1"}, -1, "-33.34 -33.33 -33.33"},
	}
	for _, c := range cases {
		got, err := Split(fDec(c.total), fDecs(c.shares...), cents, types.HalfEven, c.remainderTo)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if s := fTexts(got); s != c.want {
			t.Errorf("%s: %s, want %s", c.name, s, c.want)
		}
	}
	if _, err := Split(fDec("1"), nil, cents, types.HalfEven, -1); err == nil || !strings.HasPrefix(err.Error(), "split: ") {
		t.Errorf("no shares: %v", err)
	}
	if _, err := Split(fDec("1"), fDecs("1", "-1"), cents, types.HalfEven, -1); err == nil {
		t.Error("negative share accepted")
	}
}

func TestSplitCheckShares(t *testing.T) {
	if err := CheckShares(fDecs("0.5", "0.3", "0.2")); err != nil {
		t.Error(err)
	}
	cases := []struct {
		shares []string
		want   string
	}{
		{[]string{"0.5", "0.3"}, "the shares add up to 80%, not 100%"},
		{[]string{"0.5", "0.625"}, "the shares add up to 112.5%, not 100%"},
		{[]string{"1.5", "-0.5"}, "share 1 (150%) must be between 0% and 100%"},
		{nil, "at least one share"},
	}
	for _, c := range cases {
		err := CheckShares(fDecs(c.shares...))
		if err == nil || err.Error() != c.want && !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckShares(%v) = %v, want %q", c.shares, err, c.want)
		}
	}
}

// Splits always add back to the total, whatever the shares and rule.
func TestSplitPropertyAddsBack(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	cents := fDec("0.01")
	for iter := 0; iter < 3000; iter++ {
		total, _ := types.NewDecimal(r.Int64N(2_000_000_000)-500_000_000, 2)
		n := 1 + r.IntN(7)
		shares := make([]types.Decimal, n)
		for i := range shares {
			shares[i], _ = types.NewDecimal(r.Int64N(10001), 4)
		}
		shares[r.IntN(n)], _ = types.NewDecimal(1+r.Int64N(10000), 4) // a positive sum
		rt := r.IntN(n+1) - 1
		parts, err := Split(total, shares, cents, types.HalfEven, rt)
		if err != nil {
			t.Fatal(err)
		}
		var sum types.Decimal
		for _, p := range parts {
			sum, _ = sum.Add(p)
		}
		if !sum.Equal(total) {
			t.Fatalf("split of %s by %v adds to %s", total, fTexts(shares), sum)
		}
	}
}

func TestWaterfallLimits(t *testing.T) {
	steps := []WaterfallStep{{Limit: fPtr("1000.00")}, {Limit: fPtr("500.00")}, {}}
	paid := make([]types.Decimal, 3)
	pours := []struct{ total, parts, paid, left string }{
		// A takes 700 of its 1,000.
		{"700.00", "700.00 0 0", "700.00 0 0", "0"},
		// A takes its last 300; B 600 - 300 = 300 of its 500.
		{"600.00", "300.00 300.00 0", "1000.00 300.00 0", "0"},
		// A is full; B takes its last 200; the rest, 900 - 200 = 700, to C.
		{"900.00", "0 200.00 700.00", "1000.00 500.00 700.00", "0"},
		// A reversal of 800 unwinds from the end: C gives back 700, B 100.
		{"-800.00", "0 -100.00 -700.00", "1000.00 400.00 0", "0"},
		// Back up 100 refills B to 500.
		{"100.00", "0 100.00 0", "1000.00 500.00 0", "0"},
	}
	for _, p := range pours {
		parts, left, err := Waterfall(fDec(p.total), steps, paid)
		if err != nil {
			t.Fatal(err)
		}
		fEqs(t, "parts of "+p.total, parts, p.parts)
		fEqs(t, "paid after "+p.total, paid, p.paid)
		fEq(t, "left of "+p.total, left, p.left)
	}

	// No rest step: 2,000 fills A (1,000) and B (500), 500 is undistributed.
	limited := steps[:2]
	paid2 := make([]types.Decimal, 2)
	parts, left, err := Waterfall(fDec("2000.00"), limited, paid2)
	if err != nil {
		t.Fatal(err)
	}
	fEqs(t, "no rest", parts, "1000.00 500.00")
	fEq(t, "undistributed", left, "500.00")
	// Unwinding more than was paid: 1,500 comes back, 100 cannot.
	parts, left, err = Waterfall(fDec("-1600.00"), limited, paid2)
	if err != nil {
		t.Fatal(err)
	}
	fEqs(t, "unwind", parts, "-1000.00 -500.00")
	fEq(t, "not unwound", left, "-100.00")

	// Bad waterfalls, with paid left unchanged.
	keep := fDecs("5", "0", "0")
	badCases := []struct {
		steps []WaterfallStep
		paid  []types.Decimal
		want  string
	}{
		{nil, nil, "at least one step"},
		{[]WaterfallStep{{}, {Limit: fPtr("1")}}, fDecs("0", "0"), "step 1 takes the rest, so it must be the last"},
		{[]WaterfallStep{{Limit: fPtr("-1")}}, fDecs("0"), "negative limit"},
		{steps, keep[:2], "2 running totals for 3 steps"},
		{[]WaterfallStep{{Limit: fPtr("1")}, {}, {}}, keep, "step 2 takes the rest"},
		{[]WaterfallStep{{Limit: fPtr("1")}, {Limit: fPtr("1")}, {}}, keep, "step 1: running total 5 is outside"},
	}
	for _, c := range badCases {
		_, _, err := Waterfall(fDec("10"), c.steps, c.paid)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
	fEqs(t, "paid after errors", keep, "5 0 0")
}

// With a rest step, pouring the pieces one by one leaves the same running
// totals as pouring their sum at once, and parts + left add to the total.
func TestWaterfallPropertyPieces(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for iter := 0; iter < 1000; iter++ {
		n := 1 + r.IntN(4)
		steps := make([]WaterfallStep, n+1)
		for i := 0; i < n; i++ {
			l, _ := types.NewDecimal(r.Int64N(100000), 2)
			steps[i].Limit = &l
		}
		paid := make([]types.Decimal, n+1)
		var cum types.Decimal
		for p := 0; p < 10; p++ {
			x, _ := types.NewDecimal(r.Int64N(200000)-80000, 2)
			if next, _ := cum.Add(x); next.Sign() < 0 {
				x = cum.Neg() // the running total stays non-negative
			}
			parts, left, err := Waterfall(x, steps, paid)
			if err != nil {
				t.Fatal(err)
			}
			sum := left
			for _, q := range parts {
				sum, _ = sum.Add(q)
			}
			if !sum.Equal(x) || !left.IsZero() {
				t.Fatalf("parts %s + left %s != %s", fTexts(parts), left, x)
			}
			cum, _ = cum.Add(x)
		}
		once := make([]types.Decimal, n+1)
		if _, _, err := Waterfall(cum, steps, once); err != nil {
			t.Fatal(err)
		}
		for i := range once {
			if !once[i].Equal(paid[i]) {
				t.Fatalf("pieces give %s, at once %s", fTexts(paid), fTexts(once))
			}
		}
	}
}

func TestTierWindowOrder(t *testing.T) {
	w := Window{Kind: types.PeriodFiscalYear, FiscalStart: 7}
	for _, c := range []struct {
		day   string
		reset bool
	}{
		{"2026-06-30", true},  // FY2026 (July 2025 to June 2026), the first window
		{"2026-06-30", false}, // same window
		{"2026-07-01", true},  // FY2027 starts
		{"2027-06-30", false}, // still FY2027
	} {
		reset, err := w.Enter(fDate(c.day))
		if err != nil || reset != c.reset {
			t.Errorf("Enter(%s) = %v, %v; want %v", c.day, reset, err, c.reset)
		}
	}
	if _, err := w.Enter(fDate("2026-01-01")); err == nil || !strings.Contains(err.Error(), "before the current window FY2027") {
		t.Errorf("out of order: %v", err)
	}
	if w.Current.String() != "FY2027" {
		t.Errorf("window moved on error: %s", w.Current)
	}
	cum := Window{}
	if reset, err := cum.Enter(fDate("2030-01-01")); reset || err != nil {
		t.Error("a cumulative window reset")
	}
	bad := Window{Kind: types.PeriodFiscalYear}
	if _, err := bad.Enter(fDate("2030-01-01")); err == nil {
		t.Error("fiscal window without a start month accepted")
	}
}

// ---- benchmarks ----

// fTierEvent is one sale: the year-to-date volume before it and its amount.
type fTierEvent struct {
	before, base types.Decimal
	beforeC      int64 // the same in cents
	baseC        int64
}

func fTierEvents() []fTierEvent {
	r := rand.New(rand.NewPCG(7, 8))
	ev := make([]fTierEvent, 1024)
	var ytd int64
	for i := range ev {
		if i%256 == 0 {
			ytd = 0 // a new year
		}
		c := 1 + r.Int64N(5000_00) // up to 5,000.00
		ev[i].beforeC, ev[i].baseC = ytd, c
		ev[i].before, _ = types.NewDecimal(ytd, 2)
		ev[i].base, _ = types.NewDecimal(c, 2)
		ytd += c
	}
	return ev
}

// fTierCents is the hand-written int64 version of the marginal schedule of
// fTiers: amounts in cents, rates in basis points, the result in cents ×
// basis points (units of 0.000001).
func fTierCents(before, base int64) int64 {
	bounds := [2]int64{1000_00, 5000_00}
	rates := [3]int64{2000, 1500, 1000}
	lo, hi := before, before+base
	var sum int64
	for i := 0; i < 3; i++ {
		a, b := lo, hi
		if i > 0 && a < bounds[i-1] {
			a = bounds[i-1]
		}
		if i < 2 && b > bounds[i] {
			b = bounds[i]
		}
		if a < b {
			sum += (b - a) * rates[i]
		}
		if i < 2 && hi <= bounds[i] {
			break
		}
	}
	return sum
}

func TestTierCentsMatches(t *testing.T) {
	m := fTiers(false)
	for _, e := range fTierEvents() {
		a, err := m.Amount(e.before, e.base)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := types.NewDecimal(fTierCents(e.beforeC, e.baseC), 6)
		if !a.Equal(want) {
			t.Fatalf("Amount(%s, %s) = %s, int64 version %s", e.before, e.base, a, want)
		}
	}
}

var fBenchSink types.Decimal
var fBenchSinkC int64

// BenchmarkTierAmount: one event through a 3-tier marginal schedule in
// exact decimals.
func BenchmarkTierAmount(b *testing.B) {
	m := fTiers(false)
	ev := fTierEvents()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e := &ev[i&1023]
		a, err := m.Amount(e.before, e.base)
		if err != nil {
			b.Fatal(err)
		}
		fBenchSink = a
		i++
	}
}

// BenchmarkTierAmountInt64: the same computation hand-written in int64
// cents, for comparison.
func BenchmarkTierAmountInt64(b *testing.B) {
	ev := fTierEvents()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e := &ev[i&1023]
		fBenchSinkC = fTierCents(e.beforeC, e.baseC)
		i++
	}
}

// BenchmarkTierAmountWhole: the same events, whole-amount tiers.
func BenchmarkTierAmountWhole(b *testing.B) {
	w := fTiers(true)
	ev := fTierEvents()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e := &ev[i&1023]
		a, err := w.Amount(e.before, e.base)
		if err != nil {
			b.Fatal(err)
		}
		fBenchSink = a
		i++
	}
}

// BenchmarkTierCapped: yearly window, tier, yearly cap and recoupment for
// one event, the share-formula part of a settlement's per-event work. The
// events' "years" are 256 events long; the cap of 50,000.00 a year is
// reached at about event 200 of each (the year's volume is about 640,000,
// almost all in the 10% tier), so both sides of the cap are measured.
func BenchmarkTierCapped(b *testing.B) {
	m := fTiers(false)
	ev := fTierEvents()
	day := fDate("2026-05-01")
	b.ReportAllocs()
	i := 0
	win := Window{Kind: types.PeriodYear}
	c := LifetimeCap{Limit: fDec("50000.00")}
	rc := Recoupment{Balance: fDec("1000.00")}
	for b.Loop() {
		e := &ev[i&1023]
		if _, err := win.Enter(day); err != nil {
			b.Fatal(err)
		}
		if i&255 == 0 {
			c.Reset()
		}
		a, err := m.Amount(e.before, e.base)
		if err != nil {
			b.Fatal(err)
		}
		if a, err = c.Take(a); err != nil {
			b.Fatal(err)
		}
		p, _, err := rc.Apply(a)
		if err != nil {
			b.Fatal(err)
		}
		fBenchSink = p
		i++
	}
}
