package interp

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file reads the figures a clause's prose states (SPEC 14.7):
// percentages, durations, counts of payments, amounts and dates.

// The sorts of figure prose and logic are compared for.
const (
	figPercent  = "percent"
	figDuration = "duration"
	figCount    = "count"
)

// proseFigure is a percentage, duration or count written in prose.
type proseFigure struct {
	sort string
	// unit is a duration's unit ("day", "business day", "week", "month",
	// "year") or a count's noun ("installments", "payments").
	unit string
	num  proseNum
	// paren is the figure repeated in digits in parentheses ("thirty (30)
	// days", "twenty percent (20%)"), when written so.
	paren    *types.Decimal
	parenRaw string
}

var (
	// `(30)`, `(20%)`, `(12.5 %)`
	parenDigits = regexp.MustCompile(`^ ?\((\d[\d,]*(?:\.\d+)?) ?%?\)`)
	// ` percent`, ` per cent`, `%`
	percentUnit = regexp.MustCompile(`(?i)^(?: ?%| per ?cent\b)`)
	// ` days`, ` business days`, `-day`, ` calendar months`
	durationUnit = regexp.MustCompile(`(?i)^[ -](?:(business|working|banking|calendar) )?(day|week|month|year)s?\b`)
	// ` equal quarterly installments`, ` payments`
	countUnit = regexp.MustCompile(`(?i)^ (?:(?:equal|equated|quarterly|monthly|annual|yearly|semi-annual|half-yearly|weekly|consecutive|successive|separate|fixed|periodic|regular|instalment|installment) ){0,3}(installments?|instalments?|payments?)\b`)
)

// scanFigures finds the percentages, durations and counts of prose.
func scanFigures(prose string, nums []proseNum) []proseFigure {
	var out []proseFigure
	for _, n := range nums {
		rest := prose[n.end:]
		f := proseFigure{num: n}
		if m := parenDigits.FindStringSubmatchIndex(rest); m != nil && n.words {
			f.setParen(rest[m[2]:m[3]])
			rest = rest[m[1]:]
		}
		if m := percentUnit.FindStringIndex(rest); m != nil {
			f.sort = figPercent
			rest = rest[m[1]:]
		} else if m := durationUnit.FindStringSubmatchIndex(rest); m != nil {
			f.sort = figDuration
			f.unit = strings.ToLower(rest[m[4]:m[5]])
			if m[2] >= 0 {
				if q := strings.ToLower(rest[m[2]:m[3]]); q == "business" || q == "working" || q == "banking" {
					f.unit = "business day"
					if u := strings.ToLower(rest[m[4]:m[5]]); u != "day" {
						f.unit = u // "business weeks" are weeks
					}
				}
			}
			rest = rest[m[1]:]
		} else if m := countUnit.FindStringSubmatchIndex(rest); m != nil {
			f.sort = figCount
			f.unit = strings.ToLower(rest[m[2]:m[3]])
			rest = rest[m[1]:]
		} else {
			continue
		}
		if f.paren == nil && n.words {
			if m := parenDigits.FindStringSubmatchIndex(rest); m != nil {
				f.setParen(rest[m[2]:m[3]])
			}
		}
		out = append(out, f)
	}
	return out
}

func (f *proseFigure) setParen(raw string) {
	if d, err := types.ParseDecimal(strings.ReplaceAll(raw, ",", "")); err == nil {
		f.paren, f.parenRaw = &d, raw
	}
}

// durationKey reduces a duration to the unit it is compared in: weeks
// to days (7 each), years to months (12 each); business days stay
// business days.
func durationKey(n types.Decimal, unit string) (types.Decimal, string) {
	switch unit {
	case "week":
		if d, err := n.Mul(types.DecimalFromInt(7)); err == nil {
			return d, "day"
		}
	case "year":
		if d, err := n.Mul(types.DecimalFromInt(12)); err == nil {
			return d, "month"
		}
	}
	return n, unit
}

// proseDate is a date written in prose; year is 0 when the prose leaves
// it out ("15 January, 15 April and 15 July 2027": the first two).
type proseDate struct {
	year, month, day int
	start            int
}

var (
	monthPattern = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?`
	// `2027-03-31`
	isoProseDate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// `March 31, 2027`, `March 31st 2027`, `March 31`
	monthFirstDate = regexp.MustCompile(`\b` + monthPattern + ` (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4})\b)?`)
	// `31 March 2027`, `31st March, 2027`, `the 31st day of March, 2027`, `31 March`
	dayFirstDate = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?(?: day of)? ` + monthPattern + `(?:,? (\d{4})\b)?`)
	monthNumbers = map[string]int{"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
		"August": 8, "September": 9, "October": 10, "November": 11, "December": 12, "Jan": 1, "Feb": 2, "Mar": 3,
		"Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
)

// scanDates finds the dates of prose that exist in the calendar.
func scanDates(prose string) []proseDate {
	var out []proseDate
	add := func(y, m, d, start int) {
		check := y
		if check == 0 {
			check = 2000 // a leap year: 29 February is a date
		}
		if _, err := types.NewDate(check, m, d); err == nil {
			out = append(out, proseDate{y, m, d, start})
		}
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if !strings.ContainsAny(prose, "0123456789") {
		return nil
	}
	for _, m := range isoProseDate.FindAllStringSubmatchIndex(prose, -1) {
		add(atoi(prose[m[2]:m[3]]), atoi(prose[m[4]:m[5]]), atoi(prose[m[6]:m[7]]), m[0])
	}
	for _, m := range monthFirstDate.FindAllStringSubmatchIndex(prose, -1) {
		y := 0
		if m[6] >= 0 {
			y = atoi(prose[m[6]:m[7]])
		}
		add(y, monthNumbers[prose[m[2]:m[3]]], atoi(prose[m[4]:m[5]]), m[0])
	}
	for _, m := range dayFirstDate.FindAllStringSubmatchIndex(prose, -1) {
		y := 0
		if m[6] >= 0 {
			y = atoi(prose[m[6]:m[7]])
		}
		add(y, monthNumbers[prose[m[4]:m[5]]], atoi(prose[m[2]:m[3]]), m[0])
	}
	return out
}

var (
	// before a number in digits: `USD `, `EUR`, `$`, `€`, `£`
	currencyBefore = regexp.MustCompile(`(?:(?:^|[^A-Za-z])[A-Z]{3} ?|[$€£])$`)
	// after a number in digits: ` million`
	scaleAfter = regexp.MustCompile(`^ (thousand|million|billion)\b`)
	// after a number in words: ` US dollars`, ` pounds`
	currencyName = regexp.MustCompile(`(?i)^ (?:US |U\.S\. )?(?:dollars|euros|pounds|francs|yen)\b`)
)

// scanAmounts finds the amounts of prose: in digits after a currency
// code or sign (`USD 1,250.00`, `EUR 10 million`, `$500`), or in words
// before a currency's name (`fifty thousand pounds`, `one billion US
// dollars`).
func scanAmounts(prose string, nums []proseNum) []types.Decimal {
	var out []types.Decimal
	for _, n := range nums {
		switch {
		case n.words:
			if currencyName.MatchString(prose[n.end:]) {
				out = append(out, n.val)
			}
		case currencyBefore.MatchString(prose[max(0, n.start-5):n.start]):
			d := n.val
			if m := scaleAfter.FindStringSubmatch(prose[n.end:]); m != nil {
				var err error
				if d, err = d.Mul(types.DecimalFromInt(numberScales[m[1]])); err != nil {
					continue
				}
			}
			out = append(out, d)
		}
	}
	return out
}
