package lang

import (
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // IANA zone names work on a machine without a zone database (SPEC 11.7)
)

// This file holds the text rules of timestamps and time zones (SPEC
// 11.7), shared by the checker (literals, `time zone`) and by
// interp/types (ledger cells, MarshalText), so that the language and its
// ledgers read them alike.

// TimestampParts is a timestamp's text taken apart: a wall-clock date and
// time and the offset from UTC it was written with.
type TimestampParts struct {
	Year, Month, Day     int
	Hour, Minute, Second int
	Nanos                int // 0 to 999,999,999
	Offset               int // seconds east of UTC, a whole number of minutes within ±23:59
}

// timestampExample is the form every message about a timestamp shows.
const timestampExample = "2027-03-04T17:45:00+01:00"

// ParseTimestampText reads a timestamp written in ISO 8601 extended form
// with an offset from UTC: YYYY-MM-DDTHH:MM:SS, an optional fraction of a
// second of 1 to 9 digits after a '.', then `Z` or ±HH:MM. T and Z are
// capitals. When the text is not one, problem says why in words (with
// what to write instead) and parts is the zero value. The date must exist
// (0001-01-01 to 9999-12-31) and the time be 00:00:00 to 23:59:59: a
// leap second (:60) is refused, as Go's time package refuses it.
func ParseTimestampText(s string) (parts TimestampParts, problem string) {
	var p TimestampParts
	if _, bad := parseDate(s); bad == "" {
		return p, "it is a date without a time: write a time and an offset from UTC, as in " + timestampExample
	}
	if len(s) < 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
		!allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:10]) || !allDigits(s[11:13]) || !allDigits(s[14:16]) {
		if len(s) > 10 && s[10] == 't' || strings.HasSuffix(s, "z") {
			return p, "write T and Z as capitals, as in " + timestampExample
		}
		if len(s) > 10 && s[10] == ' ' {
			return p, "write T between the date and the time, as in " + timestampExample
		}
		return p, "write a timestamp as YYYY-MM-DDTHH:MM:SS with an offset from UTC, as in " + timestampExample
	}
	d, bad := parseDate(s[:10])
	if bad != "" {
		return p, bad
	}
	p.Year, p.Month, p.Day = d.y, d.m, d.d
	p.Hour = atoi2(s[11:13])
	p.Minute = atoi2(s[14:16])
	rest := s[16:]
	if len(rest) < 3 || rest[0] != ':' || !allDigits(rest[1:3]) {
		return p0(), "write the seconds too (17:45:00), and an offset from UTC, as in " + timestampExample
	}
	p.Second = atoi2(rest[1:3])
	rest = rest[3:]
	if strings.HasPrefix(rest, ".") {
		n := 1
		for n < len(rest) && isDigit(rest[n]) {
			n++
		}
		frac := rest[1:n]
		switch {
		case frac == "":
			return p0(), "write digits after the decimal point of the seconds, as in 17:45:00.5"
		case len(frac) > 9:
			return p0(), fmt.Sprintf("the seconds have %d digits after the point; at most 9 (nanoseconds)", len(frac))
		}
		p.Nanos = atoiN(frac + strings.Repeat("0", 9-len(frac)))
		rest = rest[n:]
	}
	switch {
	case p.Hour > 23:
		return p0(), fmt.Sprintf("there is no hour %02d: hours run from 00 to 23", p.Hour)
	case p.Minute > 59:
		return p0(), fmt.Sprintf("there is no minute %02d: minutes run from 00 to 59", p.Minute)
	case p.Second == 60:
		return p0(), "a leap second (:60) is not accepted: like Go's time package, Pacta counts every minute as 60 seconds; write :59"
	case p.Second > 59:
		return p0(), fmt.Sprintf("there is no second %02d: seconds run from 00 to 59", p.Second)
	}
	off, bad := parseOffset(rest)
	if bad != "" {
		return p0(), bad
	}
	p.Offset = off
	return p, ""
}

func p0() TimestampParts { return TimestampParts{} }

// parseOffset reads the offset at the end of a timestamp: Z or ±HH:MM.
func parseOffset(s string) (int, string) {
	switch {
	case s == "Z":
		return 0, ""
	case s == "z":
		return 0, "write Z as a capital"
	case s == "":
		return 0, "it has no offset from UTC, so it names no instant: add Z for UTC or an offset such as +01:00, as in " + timestampExample
	case s == "-00:00":
		return 0, "the offset -00:00 means an unknown offset in RFC 3339; write Z (or +00:00) for UTC"
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && allDigits(s[1:3]) && s[3] == ':' && allDigits(s[4:6]):
		h, m := atoi2(s[1:3]), atoi2(s[4:6])
		if h > 23 || m > 59 {
			return 0, fmt.Sprintf("the offset %s is not one: offsets run from -23:59 to +23:59", s)
		}
		off := (h*60 + m) * 60
		if s[0] == '-' {
			off = -off
		}
		return off, ""
	case (s[0] == '+' || s[0] == '-') && (len(s) == 3 || len(s) == 5) && allDigits(s[1:]):
		return 0, fmt.Sprintf("write the offset as hours and minutes with a colon: %s:%s", s[:3], pad2(s[3:]))
	}
	return 0, fmt.Sprintf("%q is not an offset from UTC: write Z or one such as +01:00 or -05:00", ClipText(s))
}

func pad2(s string) string {
	if s == "" {
		return "00"
	}
	return s
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

func atoiN(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// LoadTimeZone returns the zone `time zone NAME` names (SPEC 11.7): an
// IANA name such as Europe/Paris or America/New_York, whose rules (summer
// time included) come from Go's time package — the system's zone
// database when it has one, else the copy Go embeds — or UTC, or a fixed
// offset written UTC+HH:MM or UTC-HH:MM. "Local" and the empty name are
// refused: an agreement's dates never depend on the machine reading it.
// The error says in words what is wrong.
func LoadTimeZone(name string) (*time.Location, error) {
	switch {
	case name == "UTC":
		return time.UTC, nil
	case name == "" || name == "Local":
		return nil, fmt.Errorf("%q is not a time zone: name one such as Europe/Paris, UTC or UTC+01:00", name)
	case strings.HasPrefix(name, "UTC+") || strings.HasPrefix(name, "UTC-"):
		off, bad := parseOffset(name[3:])
		if bad != "" || name[3:] == "-00:00" {
			return nil, fmt.Errorf("%q is not a fixed offset: write UTC+HH:MM or UTC-HH:MM, such as UTC+01:00", ClipText(name))
		}
		return time.FixedZone(name, off), nil
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !isWord(c) && c != '/' && c != '-' && c != '+' {
			return nil, fmt.Errorf("%q is not a time zone: write an IANA name such as Europe/Paris, or UTC+01:00", ClipText(name))
		}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: write an IANA name such as Europe/Paris or America/New_York, or a fixed offset such as UTC+01:00", ClipText(name))
	}
	return loc, nil
}
