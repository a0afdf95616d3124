package formula

import (
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

func TestWholePeriods(t *testing.T) {
	month := types.Duration{N: 1, Unit: types.Months}
	cases := []struct {
		from, to string
		want     int64
	}{
		{"2027-01-15", "2027-02-14", 0}, // not yet one whole month
		{"2027-01-15", "2027-02-15", 1}, // exactly one
		{"2027-01-15", "2027-04-14", 2}, // two, and a part of the third
		// From a month end: 2027-01-31 + 1 month = 2027-02-28 (end-of-month rule).
		{"2027-01-31", "2027-02-27", 0},
		{"2027-01-31", "2027-02-28", 1},
		{"2027-01-31", "2027-01-31", 0},
	}
	for _, c := range cases {
		got, err := WholePeriods(fDate(c.from), fDate(c.to), month)
		if err != nil || got != c.want {
			t.Errorf("WholePeriods(%s, %s) = %d, %v; want %d", c.from, c.to, got, err, c.want)
		}
	}
}

func TestDelayCharge(t *testing.T) {
	amount, _ := types.ParseDecimal("10000.00")
	rate, _ := types.ParseDecimal("0.08")
	// Due 2028-02-01, paid 2028-03-03: 31 days (February 2028 has 29).
	// 10,000.00 × 8% × 31 / 365 = 24,800 / 365 = 67.945205479452...
	c, f, err := Delay{Per: types.Duration{N: 1, Unit: types.Years}, Basis: types.Actual365}.
		Charge(amount, fDate("2028-02-01"), fDate("2028-03-03"), rate, nil)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := types.ParseDecimal("67.94520547945205479452054794520548")
	if !c.Interest.Equal(want) || c.Periods != 31 || f.Text != "31 days actual/365" {
		t.Errorf("actual/365: %s, %d days, %q; want %s, 31 days", c.Interest, c.Periods, f.Text, want)
	}
	// From the day after the due date: 2028-02-02 to 2028-03-03 is 30
	// days: 800 × 30 / 360 = 66.666…, under actual/360.
	c, f, err = Delay{Per: types.Duration{N: 1, Unit: types.Years}, Basis: types.Actual360, DayAfter: true}.
		Charge(amount, fDate("2028-02-01"), fDate("2028-03-03"), rate, nil)
	if err != nil {
		t.Fatal(err)
	}
	want, _ = types.ParseDecimal("66.66666666666666666666666666666667")
	if !c.Interest.Equal(want) || f.Text != "30 days actual/360" {
		t.Errorf("actual/360 from the day after: %s, %q; want %s, 30 days", c.Interest, f.Text, want)
	}
	// 1% per whole month, due 2027-01-31, paid 2027-03-30: 2027-02-28 is
	// one month on, 2027-03-31 two; so 1 whole month: 10,000.00 × 1% = 100.
	pct, _ := types.ParseDecimal("0.01")
	c, _, err = Delay{Per: types.Duration{N: 1, Unit: types.Months}, Whole: true}.
		Charge(amount, fDate("2027-01-31"), fDate("2027-03-30"), pct, nil)
	hundred, _ := types.ParseDecimal("100")
	if err != nil || c.Periods != 1 || !c.Interest.Equal(hundred) {
		t.Errorf("whole months: %d, %s, %v; want 1, 100", c.Periods, c.Interest, err)
	}
	// Started months on the same dates: 2 (a started month counts).
	c, _, _ = Delay{Per: types.Duration{N: 1, Unit: types.Months}}.
		Charge(amount, fDate("2027-01-31"), fDate("2027-03-30"), pct, nil)
	if c.Periods != 2 {
		t.Errorf("started months: %d; want 2", c.Periods)
	}
}
