package formula

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

func fInstText(in []Installment) string {
	s := make([]string, len(in))
	for i, x := range in {
		s[i] = x.Due.String() + " " + x.Amount.String()
	}
	return strings.Join(s, ", ")
}

func TestInstallments(t *testing.T) {
	cents := fDec("0.01")
	cases := []struct {
		name, total string
		n           int
		first       string
		every       types.Duration
		unit        types.Decimal
		want        string
	}{
		// 10,000 cents / 3 = 3,333 remainder 1: 33.33, 33.33 and 33.33 +
		// 0.01. Monthly from the 31st, each date counted from the first:
		// 01-31 + 1 month = 02-28 (clamped), 01-31 + 2 months = 03-31.
		{"thirds, end of month", "100.00", 3, "2026-01-31", types.Duration{N: 1, Unit: types.Months}, cents,
			"2026-01-31 33.33, 2026-02-28 33.33, 2026-03-31 33.34"},
		// 10,000 / 4 = 2,500 cents exactly. Weekly across a year end:
		// 12-24, 12-31, 2027-01-07, 2027-01-14.
		{"weekly", "100.00", 4, "2026-12-24", types.Duration{N: 1, Unit: types.Weeks}, cents,
			"2026-12-24 25.00, 2026-12-31 25.00, 2027-01-07 25.00, 2027-01-14 25.00"},
		// 100,001 cents / 5 = 20,000 remainder 1: four of 200.00 and 200.01.
		// Yearly from a leap day: 2025, 2026, 2027 clamp to 02-28; 2028 is
		// a leap year again.
		{"yearly from a leap day", "1000.01", 5, "2024-02-29", types.Duration{N: 1, Unit: types.Years}, cents,
			"2024-02-29 200.00, 2025-02-28 200.00, 2026-02-28 200.00, 2027-02-28 200.00, 2028-02-29 200.01"},
		// 5 cents / 3 = 1 remainder 2: 0.01, 0.01, 0.03. Daily across the
		// end of February.
		{"daily, cents", "0.05", 3, "2026-02-27", types.Duration{N: 1, Unit: types.Days}, cents,
			"2026-02-27 0.01, 2026-02-28 0.01, 2026-03-01 0.03"},
		// Whole dollars: 100 / 3 = 33 remainder 1.
		{"unit of one", "100", 3, "2026-01-01", types.Duration{N: 3, Unit: types.Months}, fDec("1"),
			"2026-01-01 33, 2026-04-01 33, 2026-07-01 34"},
		// A single installment is the total.
		{"one", "99.99", 1, "2026-05-05", types.Duration{N: 1, Unit: types.Months}, cents, "2026-05-05 99.99"},
		// A negative total rounds toward zero the same way.
		{"negative", "-100.00", 3, "2026-01-01", types.Duration{N: 1, Unit: types.Months}, cents,
			"2026-01-01 -33.33, 2026-02-01 -33.33, 2026-03-01 -33.34"},
	}
	for _, c := range cases {
		got, err := Installments(fDec(c.total), c.n, fDate(c.first), c.every, c.unit)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if s := fInstText(got); s != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, s, c.want)
		}
		for i, x := range got {
			if x.Number != i+1 {
				t.Errorf("%s: installment %d numbered %d", c.name, i+1, x.Number)
			}
		}
	}

	// USD 50,000,000,000 in 20 equal quarterly installments from
	// 2026-01-01: 50,000,000,000 / 20 = 2,500,000,000.00 each; the 20th is
	// 19 quarters = 57 months later, 2030-10-01.
	q, err := Installments(fDec("50000000000.00"), 20, fDate("2026-01-01"), types.Duration{N: 3, Unit: types.Months}, cents)
	if err != nil {
		t.Fatal(err)
	}
	if len(q) != 20 || q[1].Due != fDate("2026-04-01") || q[19].Due != fDate("2030-10-01") {
		t.Errorf("quarterly dates: %s", fInstText(q))
	}
	for _, x := range q {
		fEq(t, "quarterly amount", x.Amount, "2500000000.00")
	}
}

func TestInstallmentsErrors(t *testing.T) {
	cents := fDec("0.01")
	month := types.Duration{N: 1, Unit: types.Months}
	cases := []struct {
		name  string
		total string
		n     int
		first string
		every types.Duration
		unit  types.Decimal
		want  string
	}{
		{"none", "100.00", 0, "2026-01-01", month, cents, "must be 1 to 10000, not 0"},
		{"too many", "100.00", MaxInstallments + 1, "2026-01-01", month, cents, "must be 1 to 10000, not 10001"},
		{"zero apart", "100.00", 3, "2026-01-01", types.Duration{N: 0, Unit: types.Months}, cents, "positive time apart, not 0 months"},
		{"negative apart", "100.00", 3, "2026-01-01", types.Duration{N: -1, Unit: types.Days}, cents, "positive time apart"},
		{"bad unit", "100.00", 3, "2026-01-01", types.Duration{N: 1, Unit: 9}, cents, "unknown duration unit"},
		{"huge step", "100.00", 2, "2026-01-01", types.Duration{N: math.MaxInt64, Unit: types.Days}, cents, "fall due after 9999-12-31"},
		{"not cents", "100.005", 3, "2026-01-01", month, cents, "100.005 is not a whole multiple of 0.01"},
		{"zero unit", "100.00", 3, "2026-01-01", month, fDec("0"), "unit must be positive"},
		// 9999-11-30 + 2 months would be 10000-01-30.
		{"past the calendar", "100.00", 3, "9999-11-30", month, cents, "installment 3 of 3 would fall due after 9999-12-31"},
	}
	for _, c := range cases {
		_, err := Installments(fDec(c.total), c.n, fDate(c.first), c.every, c.unit)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

// Installments always add back to the total; all but the last are equal,
// and the last exceeds them by fewer than n units.
func TestInstallPropertyAddsBack(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	units := fDecs("0.01", "1", "0.05", "1000")
	for iter := 0; iter < 2000; iter++ {
		unit := units[r.IntN(len(units))]
		k := r.Int64N(1_000_000_000_000)
		total, _ := types.DecimalFromInt(k).Mul(unit)
		n := 1 + r.IntN(60)
		first, _ := types.NewDate(2000+r.IntN(50), 1+r.IntN(12), 1+r.IntN(28))
		every := types.Duration{N: int64(1 + r.IntN(4)), Unit: types.DurationUnit(r.IntN(4))}
		in, err := Installments(total, n, first, every, unit)
		if err != nil {
			t.Fatal(err)
		}
		var sum types.Decimal
		for i, x := range in {
			sum, _ = sum.Add(x.Amount)
			if i < n-1 && !x.Amount.Equal(in[0].Amount) {
				t.Fatalf("unequal installments: %s", fInstText(in))
			}
			if i > 0 && !x.Due.After(in[i-1].Due) {
				t.Fatalf("dates do not increase: %s", fInstText(in))
			}
		}
		if !sum.Equal(total) {
			t.Fatalf("%s in %d adds to %s", total, n, sum)
		}
		extra, _ := in[n-1].Amount.Sub(in[0].Amount)
		limit, _ := types.DecimalFromInt(int64(n)).Mul(unit)
		if extra.Sign() < 0 || extra.Cmp(limit) >= 0 {
			t.Fatalf("last installment off by %s: %s", extra, fInstText(in))
		}
	}
}

func TestLateStartedPeriods(t *testing.T) {
	huge := int64(math.MaxInt64)
	cases := []struct {
		from, to string
		per      types.Duration
		want     int64
		why      string
	}{
		{"2026-03-31", "2026-03-31", types.Duration{N: 1, Unit: types.Months}, 0, "paid on the due date"},
		{"2026-03-31", "2026-03-01", types.Duration{N: 1, Unit: types.Months}, 0, "paid early"},
		{"2026-03-31", "2026-04-01", types.Duration{N: 1, Unit: types.Months}, 1, "one day late starts a period"},
		{"2026-03-31", "2026-04-30", types.Duration{N: 1, Unit: types.Months}, 1, "03-31 + 1 month = 04-30: exactly one period"},
		{"2026-03-31", "2026-05-01", types.Duration{N: 1, Unit: types.Months}, 2, "a day into the second month"},
		{"2026-01-31", "2026-02-28", types.Duration{N: 1, Unit: types.Months}, 1, "01-31 + 1 month = 02-28 (clamped)"},
		{"2026-01-31", "2026-03-01", types.Duration{N: 1, Unit: types.Months}, 2, "02-28 < 03-01 <= 01-31 + 2 months = 03-31"},
		{"2026-01-31", "2026-03-31", types.Duration{N: 1, Unit: types.Months}, 2, "exactly two months"},
		{"2026-01-31", "2026-04-01", types.Duration{N: 1, Unit: types.Months}, 3, "a day after 03-31"},
		{"2026-03-31", "2026-06-30", types.Duration{N: 3, Unit: types.Months}, 1, "03-31 + 3 months = 06-30"},
		{"2026-03-31", "2026-07-01", types.Duration{N: 3, Unit: types.Months}, 2, "a day into the second quarter"},
		{"2026-01-01", "2026-01-31", types.Duration{N: 30, Unit: types.Days}, 1, "30 days = one 30-day period"},
		{"2026-01-01", "2026-02-01", types.Duration{N: 30, Unit: types.Days}, 2, "31 days"},
		{"2026-01-01", "2026-01-08", types.Duration{N: 1, Unit: types.Weeks}, 1, "7 days"},
		{"2026-01-01", "2026-01-09", types.Duration{N: 1, Unit: types.Weeks}, 2, "8 days"},
		{"2024-02-29", "2025-02-28", types.Duration{N: 1, Unit: types.Years}, 1, "2024-02-29 + 1 year = 2025-02-28"},
		{"2024-02-29", "2025-03-01", types.Duration{N: 1, Unit: types.Years}, 2, "a day after"},
		{"2024-02-29", "2028-02-29", types.Duration{N: 1, Unit: types.Years}, 4, "2024-02-29 + 4 years = 2028-02-29"},
		{"0001-01-01", "9999-12-31", types.Duration{N: huge, Unit: types.Days}, 1, "a period longer than the calendar"},
		{"0001-01-01", "9999-12-31", types.Duration{N: huge, Unit: types.Weeks}, 1, "weeks"},
		{"0001-01-01", "9999-12-31", types.Duration{N: huge, Unit: types.Months}, 1, "months"},
		{"0001-01-01", "9999-12-31", types.Duration{N: huge, Unit: types.Years}, 1, "years"},
		// 3,652,058 days (the whole calendar) in 1-day periods.
		{"0001-01-01", "9999-12-31", types.Duration{N: 1, Unit: types.Days}, 3652058, "every day of the calendar"},
	}
	for _, c := range cases {
		got, err := StartedPeriods(fDate(c.from), fDate(c.to), c.per)
		if err != nil {
			t.Fatalf("%s: %v", c.why, err)
		}
		if got != c.want {
			t.Errorf("%s: StartedPeriods(%s, %s, %s) = %d, want %d", c.why, c.from, c.to, c.per, got, c.want)
		}
	}
	for _, per := range []types.Duration{{N: 0, Unit: types.Days}, {N: -1, Unit: types.Months}} {
		if _, err := StartedPeriods(fDate("2026-01-01"), fDate("2026-02-01"), per); err == nil {
			t.Errorf("per %s accepted", per)
		}
	}
	if _, err := StartedPeriods(fDate("2026-01-01"), fDate("2026-02-01"), types.Duration{N: 1, Unit: 7}); err == nil {
		t.Error("unknown unit accepted")
	}
}

// StartedPeriods agrees with counting period by period.
func TestLateStartedPeriodsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for iter := 0; iter < 5000; iter++ {
		from, _ := types.NewDate(1990+r.IntN(40), 1+r.IntN(12), 1)
		from, _ = from.AddDays(r.IntN(31))
		to, _ := from.AddDays(r.IntN(800) - 10)
		per := types.Duration{N: int64(1 + r.IntN(5)), Unit: types.DurationUnit(r.IntN(4))}
		got, err := StartedPeriods(from, to, per)
		if err != nil {
			t.Fatal(err)
		}
		var want int64
		for {
			d, err := from.AddDuration(types.Duration{N: want * per.N, Unit: per.Unit})
			if err != nil {
				t.Fatal(err)
			}
			if !d.Before(to) {
				break
			}
			want++
		}
		if got != want {
			t.Fatalf("StartedPeriods(%s, %s, %s) = %d, counting gives %d", from, to, per, got, want)
		}
	}
}

func TestLateCharge(t *testing.T) {
	month := types.Duration{N: 1, Unit: types.Months}
	amount := fDec("10000.00")
	rate := fDec("0.01") // 1% a month
	penalty, cp := fPtr("50.00"), fPtr("250.00")
	cases := []struct {
		name, paid                 string
		penalty, cap               *types.Decimal
		periods                    int64
		interest, penalties, total string
		capped                     bool
	}{
		// Due 2026-03-31.
		{"on time", "2026-03-31", penalty, cp, 0, "0", "0", "0", false},
		{"early", "2026-03-20", penalty, cp, 0, "0", "0", "0", false},
		// One day late: 1 started month. Interest 10,000 × 1% × 1 = 100;
		// penalty 50 × 1 = 50; total 150 (under the cap of 250).
		{"one day late", "2026-04-01", penalty, cp, 1, "100.00", "50.00", "150.00", false},
		// Exactly one month late (03-31 + 1 month = 04-30): still 1 period.
		{"exactly one period", "2026-04-30", penalty, cp, 1, "100.00", "50.00", "150.00", false},
		// 2026-05-01: 2 periods. Interest 10,000 × 1% × 2 = 200; penalties
		// 50 × 2 = 100; 300 is cut to the cap of 250.
		{"capped", "2026-05-01", penalty, cp, 2, "200.00", "100.00", "250.00", true},
		// 2026-07-15, no cap: 03-31 + 3 months = 06-30 < 07-15 <= 03-31 + 4
		// months = 07-31, so 4 periods. Interest 10,000 × 1% × 4 = 400;
		// penalties 50 × 4 = 200; total 600. Simple interest: not
		// 10,000 × (1.01^4 - 1) = 406.0401.
		{"uncapped", "2026-07-15", penalty, nil, 4, "400.00", "200.00", "600.00", false},
		// The same without a penalty: interest only.
		{"no penalty", "2026-07-15", nil, nil, 4, "400.00", "0", "400.00", false},
		// A cap equal to the charge does not cut it: 150 <= 150.
		{"at the cap", "2026-04-01", penalty, fPtr("150.00"), 1, "100.00", "50.00", "150.00", false},
	}
	for _, c := range cases {
		got, err := LateCharge(amount, fDate("2026-03-31"), fDate(c.paid), rate, month, c.penalty, c.cap)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got.Periods != c.periods || got.Capped != c.capped {
			t.Errorf("%s: periods %d capped %v, want %d %v", c.name, got.Periods, got.Capped, c.periods, c.capped)
		}
		fEq(t, c.name+" interest", got.Interest, c.interest)
		fEq(t, c.name+" penalties", got.Penalties, c.penalties)
		fEq(t, c.name+" total", got.Total, c.total)
	}

	// 1.25% per 30 days on 2,000.00 due 2026-01-01. Paid 2026-03-02, 60
	// days later (31 + 28 + 1): 2 periods, 2,000 × 1.25% × 2 = 50.00. Paid
	// 2026-03-03, 61 days: 3 periods, 75.00.
	for _, c := range []struct{ paid, want string }{{"2026-03-02", "50.00"}, {"2026-03-03", "75.00"}} {
		got, err := LateCharge(fDec("2000.00"), fDate("2026-01-01"), fDate(c.paid), fDec("0.0125"), types.Duration{N: 30, Unit: types.Days}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		fEq(t, "30-day periods "+c.paid, got.Total, c.want)
	}
}

func TestLateChargeErrors(t *testing.T) {
	due, paid := fDate("2026-01-01"), fDate("2026-02-01")
	month := types.Duration{N: 1, Unit: types.Months}
	cases := []struct {
		amount, rate string
		per          types.Duration
		penalty, cap *types.Decimal
		want         string
	}{
		{"-1.00", "0.01", month, nil, nil, "negative amount (-1.00)"},
		{"1.00", "-0.01", month, nil, nil, "rate is negative (-1%)"},
		{"1.00", "0.01", month, fPtr("-5"), nil, "penalty is negative"},
		{"1.00", "0.01", month, nil, fPtr("-5"), "cap on late charges is negative"},
		{"1.00", "0.01", types.Duration{N: 0, Unit: types.Days}, nil, nil, "positive duration, not 0 days"},
	}
	for _, c := range cases {
		_, err := LateCharge(fDec(c.amount), due, paid, fDec(c.rate), c.per, c.penalty, c.cap)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
}
