package types

import (
	"strings"
)

// This file gives Period its text encoding.

// MarshalText implements encoding.TextMarshaler. A calendar period is
// the text of String: "2027-03", "2027-Q1", "2027". A fiscal period adds
// the month its fiscal year starts in, in parentheses, since String
// leaves it out: "FY2027 (July)", "FY2027-Q1 (April)". A contract year
// (SPEC 11.5) is its String, "contract year from 2027-03-15". The zero
// Period is "".
func (p Period) MarshalText() ([]byte, error) {
	switch {
	case p.IsZero():
		return []byte{}, nil
	case p.kind.IsFiscal():
		return []byte(p.String() + " (" + monthNames[p.start-1] + ")"), nil
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// MarshalText writes: a calendar period as ParsePeriod reads it, a fiscal
// one as ParseFiscalPeriod reads it followed by a space and its fiscal
// year's first month in parentheses (the month's English name, in any
// case), a contract year as "contract year from " and its first day, and
// "" as the zero Period. (A contract year whose start day is 29 February,
// written in a year without one, reads back as starting each year on 28
// February: the text names the first day of that year only.) A fiscal period without its month is
// an error, as is anything else; each wraps ErrInvalidPeriod, and p is
// left as it was.
func (p *Period) UnmarshalText(text []byte) error {
	s := string(text)
	var x Period
	var err error
	switch {
	case s == "":
	case strings.HasPrefix(s, "FY"):
		x, err = parseFiscalText(s)
	case strings.HasPrefix(s, contractPrefix):
		x, err = parseContractText(s)
	default:
		x, err = ParsePeriod(s)
	}
	if err != nil {
		return err
	}
	*p = x
	return nil
}

func parseFiscalText(s string) (Period, error) {
	name, month, ok := strings.Cut(s, " (")
	if !ok || !strings.HasSuffix(month, ")") {
		return Period{}, errorf(ErrInvalidPeriod, "invalid period %q: a fiscal period is followed by the month its fiscal year starts in, as in \"FY2027 (July)\"", truncateText(s))
	}
	month = strings.TrimSuffix(month, ")")
	for i, m := range monthNames {
		if strings.EqualFold(m, month) {
			return ParseFiscalPeriod(name, i+1)
		}
	}
	return Period{}, errorf(ErrInvalidPeriod, "invalid period %q: %q is not a month (January to December)", truncateText(s), truncateText(month))
}

const contractPrefix = "contract year from "

func parseContractText(s string) (Period, error) {
	d, err := ParseDate(strings.TrimPrefix(s, contractPrefix))
	if err != nil {
		return Period{}, errorf(ErrInvalidPeriod, "invalid period %q: a contract year is written \"contract year from YYYY-MM-DD\"", truncateText(s))
	}
	return contractYearOf(ContractStart(d), d), nil
}
