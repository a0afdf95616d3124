package lang

import (
	"fmt"
	"math/big"
	"strconv"
)

// This file checks literals: numbers, currencies, dates and periods.

// maxDigits bounds the digits written in a number literal: every digit,
// leading zeros included (`0.000…1` counts them all), which is how the
// interpreter reads literals (types.ParseDecimal in interp/types), so that a literal that
// passes the check can be evaluated (SPEC 13).
const maxDigits = 60

// litDigits counts the digits written in text.
func litDigits(text string) int {
	n := 0
	for i := 0; i < len(text); i++ {
		if '0' <= text[i] && text[i] <= '9' {
			n++
		}
	}
	return n
}

// tooManyDigits reports a literal (shown as what, then the start of text)
// with more than maxDigits digits, and says whether it did.
func (c *checker) tooManyDigits(pos Pos, text, what string) bool {
	n := litDigits(text)
	if n <= maxDigits {
		return false
	}
	c.errs.Add(pos, "%s %s has %d digits; at most %d are allowed", what, shortLit(text), n, maxDigits)
	return true
}

// shortLit shortens a long literal for a message: its first 20 characters
// and "…".
func shortLit(text string) string {
	if len(text) <= 24 {
		return text
	}
	return text[:20] + "…"
}

// number checks the text of a decimal number literal.
func (c *checker) number(pos Pos, text, what string) bool {
	if c.tooManyDigits(pos, text, what) {
		return false
	}
	if _, ok := ratOf(text); !ok {
		c.errs.Add(pos, "%s %s is not a number", what, shortLit(text))
		return false
	}
	return true
}

// currencyCode reports whether code is a known currency, reporting it if
// not.
func (c *checker) currencyCode(pos Pos, code string) bool {
	if IsCurrency(code) {
		return true
	}
	c.errs.AddHint(pos, didYouMean(code, CurrencyCodes()), "unknown currency %q: not an ISO 4217 code", code)
	return false
}

// ratOf parses a plain decimal (digits with at most one point) exactly.
func ratOf(text string) (*big.Rat, bool) {
	if text == "" || len(text) > 2*maxDigits+2 {
		return nil, false
	}
	dot := false
	for i, r := range text {
		switch {
		case r >= '0' && r <= '9':
		case r == '.' && !dot && i > 0 && i < len(text)-1:
			dot = true
		default:
			return nil, false
		}
	}
	r, ok := new(big.Rat).SetString(text)
	return r, ok
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// civil is a calendar date; the zero value is "no date".
type civil struct{ y, m, d int }

func (a civil) valid() bool { return a.m != 0 }

func (a civil) before(b civil) bool {
	if a.y != b.y {
		return a.y < b.y
	}
	if a.m != b.m {
		return a.m < b.m
	}
	return a.d < b.d
}

// String writes the date as YYYY-MM-DD.
func (a civil) String() string { return fmt.Sprintf("%04d-%02d-%02d", a.y, a.m, a.d) }

// addMonths adds n months with the end-of-month rule: the day is kept, or
// becomes the last day of a shorter month (2026-01-31 plus one month is
// 2026-02-28).
func (a civil) addMonths(n int) civil {
	m := a.y*12 + (a.m - 1) + n
	y, mo := m/12, m%12+1
	return civil{y, mo, min(a.d, daysIn(y, mo))}
}

// dateLit checks a date literal and returns the date, or the zero civil
// after reporting a date that does not exist.
func (c *checker) dateLit(x *DateLit) civil {
	if x == nil {
		return civil{}
	}
	d, problem := parseDate(x.Text)
	if problem != "" {
		c.errs.Add(x.At, "%s is not a date: %s", x.Text, problem)
		return civil{}
	}
	return d
}

// parseDate parses YYYY-MM-DD, saying in words what is wrong if it is not a
// real date.
func parseDate(s string) (civil, string) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return civil{}, "write dates as YYYY-MM-DD"
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	switch {
	case y == 0:
		return civil{}, "there is no year 0000"
	case m < 1 || m > 12:
		return civil{}, fmt.Sprintf("there is no month %02d", m)
	case d < 1:
		return civil{}, "days start at 01"
	case d > daysIn(y, m):
		return civil{}, fmt.Sprintf("%s %d has %d days", monthNames[m-1], y, daysIn(y, m))
	}
	return civil{y, m, d}, ""
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// periodLit checks a quarter (2027-Q1) or month (2027-03) literal.
func (c *checker) periodLit(x *PeriodLit) {
	s := x.Text
	switch {
	case len(s) == 7 && s[4] == '-' && s[5] == 'Q' && allDigits(s[:4]):
		if s[6] < '1' || s[6] > '4' || s[:4] == "0000" {
			c.errs.Add(x.At, "%s is not a quarter: quarters run from Q1 to Q4", s)
		}
	case len(s) == 7 && s[4] == '-' && allDigits(s[:4]) && allDigits(s[5:]):
		m, _ := strconv.Atoi(s[5:])
		if m < 1 || m > 12 || s[:4] == "0000" {
			c.errs.Add(x.At, "%s is not a month: months run from 01 to 12", s)
		}
	default:
		c.errs.Add(x.At, "%q is not a period: write a quarter like 2027-Q1 or a month like 2027-03", s)
	}
}
