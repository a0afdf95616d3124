package difftest

import (
	"fmt"
	"math/big"
	"strings"
	"time"
)

// Exact arithmetic for the reference, on math/big.Rat, and date helpers on
// time.Time: nothing here is shared with the engine.

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("bad rational " + s)
	}
	return r
}

func add(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }
func sub(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }
func mul(a, b *big.Rat) *big.Rat { return new(big.Rat).Mul(a, b) }
func quo(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) }
func neg(a *big.Rat) *big.Rat    { return new(big.Rat).Neg(a) }
func zero() *big.Rat             { return new(big.Rat) }
func pct(p *big.Rat) *big.Rat    { return quo(p, big.NewRat(100, 1)) }

func minR(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

func maxR(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

// roundTo rounds x to a multiple of unit with a mode of SPEC 8.3.
func roundTo(x, unit *big.Rat, mode string) *big.Rat {
	q := quo(x, unit)
	// floor and the fractional part
	fl := new(big.Int).Div(q.Num(), q.Denom()) // Euclidean: floor for positive denominators
	frac := sub(q, new(big.Rat).SetInt(fl))
	var n *big.Int
	if frac.Sign() == 0 {
		n = fl
	} else {
		up := new(big.Int).Add(fl, big.NewInt(1))
		half := big.NewRat(1, 2)
		neg := q.Sign() < 0
		// away from zero is up for positives, fl for negatives
		away, toward := up, fl
		if neg {
			away, toward = fl, up
		}
		c := frac.Cmp(half)
		switch mode {
		case "up":
			n = away
		case "down":
			n = toward
		case "floor":
			n = fl
		case "ceiling":
			n = up
		case "half_up", "half_down", "half_even":
			switch {
			case c < 0:
				n = fl
			case c > 0:
				n = up
			default:
				switch mode {
				case "half_up":
					n = away
				case "half_down":
					n = toward
				default:
					if fl.Bit(0) == 0 {
						n = fl
					} else {
						n = up
					}
				}
			}
		default:
			panic("mode " + mode)
		}
	}
	return mul(new(big.Rat).SetInt(n), unit)
}

// floorUnits is the number of whole units in x >= 0, rounded down.
func floorUnits(x, unit *big.Rat) *big.Int {
	q := quo(x, unit)
	return new(big.Int).Quo(q.Num(), q.Denom())
}

// decText writes r as a plain decimal with at least two places (r must have
// a finite decimal expansion).
func decText(r *big.Rat) string {
	for prec := 2; prec < 40; prec++ {
		s := r.FloatString(prec)
		if rat(s).Cmp(r) == 0 {
			return s
		}
	}
	panic("not a finite decimal: " + r.String())
}

// pctText writes a percentage without trailing zeros.
func pctText(r *big.Rat) string {
	s := decText(r)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s + "%"
}

func money(r *big.Rat) string {
	if r.Sign() < 0 {
		return "-USD " + decText(neg(r))
	}
	return "USD " + decText(r)
}

// ---- dates ----

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func ds(t time.Time) string { return t.Format("2006-01-02") }

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// addMonths adds n months with the end-of-month rule: the day is kept, or
// the month's last day when the month is shorter.
func addMonths(t time.Time, n int) time.Time {
	y, m := t.Year(), int(t.Month())-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	d := t.Day()
	if last := daysIn(y, m+1); d > last {
		d = last
	}
	return day(y, m+1, d)
}

func daysIn(y, m int) int { return day(y, m+1, 0).Day() }

func beforeT(a, b time.Time) bool { return a.Before(b) }

// period is a calendar month, quarter or year, or a fiscal quarter or
// year (units "fquarter", "fyear") of a fiscal year starting in month fs.
type period struct {
	unit  string
	start time.Time
	fs    int
}

// periodOf is the period of a unit that holds t; fs is the fiscal year's
// first month (1 when none is declared).
func periodOf(unit string, fs int, t time.Time) period {
	y, m := t.Year(), int(t.Month())
	switch unit {
	case "month":
		return period{unit, day(y, m, 1), fs}
	case "quarter":
		return period{unit, day(y, (m-1)/3*3+1, 1), fs}
	case "year":
		return period{unit, day(y, 1, 1), fs}
	case "fquarter", "fyear":
		since := (m - fs + 12) % 12 // months since the fiscal year began
		step := since / 3 * 3
		if unit == "fyear" {
			step = 0
		}
		return period{unit, addMonths(day(y, m, 1), step-since), fs}
	}
	panic("unit " + unit)
}

func (p period) months() int {
	switch p.unit {
	case "month":
		return 1
	case "quarter", "fquarter":
		return 3
	}
	return 12
}

func (p period) end() time.Time { return addDays(addMonths(p.start, p.months()), -1) }
func (p period) next() period   { return period{p.unit, addMonths(p.start, p.months()), p.fs} }
func (p period) contains(t time.Time) bool {
	return !t.Before(p.start) && !t.After(p.end())
}

// String writes the period as Pacta does (SPEC 11.3, 11.4: a fiscal year
// is named by the calendar year in which it ends).
func (p period) String() string {
	switch p.unit {
	case "month":
		return p.start.Format("2006-01")
	case "quarter":
		return fmt.Sprintf("%d-Q%d", p.start.Year(), (int(p.start.Month())-1)/3+1)
	case "fquarter":
		fy := periodOf("fyear", p.fs, p.start)
		n := (int(p.start.Month()) - p.fs + 12) % 12 / 3
		return fmt.Sprintf("%s-Q%d", fy, n+1)
	case "fyear":
		return fmt.Sprintf("FY%d", p.end().Year())
	}
	return fmt.Sprint(p.start.Year())
}
