package types

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func mustTS(t *testing.T, s string) Timestamp {
	t.Helper()
	ts, err := ParseTimestamp(s)
	if err != nil {
		t.Fatalf("ParseTimestamp(%q): %v", s, err)
	}
	return ts
}

func mustZone(t *testing.T, name string) Zone {
	t.Helper()
	z, err := LoadZone(name)
	if err != nil {
		t.Fatalf("LoadZone(%q): %v", name, err)
	}
	return z
}

// TestTimestampDateIn converts instants to calendar days in zones, each
// worked by hand in the comment.
func TestTimestampDateIn(t *testing.T) {
	for _, c := range []struct{ ts, zone, want string }{
		// 23:30 at -05:00 is 04:30 UTC the next day: 2027-03-05 in UTC;
		// in Paris (CET, +01:00, before summer time on 28 March) 05:30 on
		// 2027-03-05; in New York (EST, -05:00 until 14 March) still
		// 23:30 on 2027-03-04.
		{"2027-03-04T23:30:00-05:00", "UTC", "2027-03-05"},
		{"2027-03-04T23:30:00-05:00", "Europe/Paris", "2027-03-05"},
		{"2027-03-04T23:30:00-05:00", "America/New_York", "2027-03-04"},
		// Paris starts summer time on Sunday 2027-03-28 at 01:00 UTC
		// (02:00 CET becomes 03:00 CEST). 22:59:59Z on the 27th is
		// 23:59:59 CET on the 27th; 23:00Z is midnight CET, the 28th.
		{"2027-03-27T22:59:59Z", "Europe/Paris", "2027-03-27"},
		{"2027-03-27T23:00:00Z", "Europe/Paris", "2027-03-28"},
		// On the 28th, after the change, +02:00: 21:59:59Z is 23:59:59 on
		// the 28th and 22:00Z is midnight of the 29th (at +01:00 it would
		// still be 23:00 on the 28th).
		{"2027-03-28T21:59:59Z", "Europe/Paris", "2027-03-28"},
		{"2027-03-28T22:00:00Z", "Europe/Paris", "2027-03-29"},
		// Summer time ends Sunday 2027-10-31 at 01:00 UTC (03:00 CEST
		// becomes 02:00 CET). 21:59:59Z on the 30th is 23:59:59 CEST on
		// the 30th, 22:00Z midnight of the 31st; 22:59:59Z on the 31st is
		// 23:59:59 CET on the 31st, 23:00Z midnight of 1 November.
		{"2027-10-30T21:59:59Z", "Europe/Paris", "2027-10-30"},
		{"2027-10-30T22:00:00Z", "Europe/Paris", "2027-10-31"},
		{"2027-10-31T22:59:59Z", "Europe/Paris", "2027-10-31"},
		{"2027-10-31T23:00:00Z", "Europe/Paris", "2027-11-01"},
		// A fixed offset: 18:30Z is midnight at +05:30.
		{"2027-03-04T18:29:59.999999999Z", "UTC+05:30", "2027-03-04"},
		{"2027-03-04T18:30:00Z", "UTC+05:30", "2027-03-05"},
		// 02:00 at +01:00 is 01:00Z, which is 00:00 at -01:00 on the 4th;
		// a second earlier is 23:59:59 on the 3rd.
		{"2027-03-04T02:00:00+01:00", "UTC-01:00", "2027-03-04"},
		{"2027-03-04T01:59:59+01:00", "UTC-01:00", "2027-03-03"},
	} {
		got, err := mustTS(t, c.ts).DateIn(mustZone(t, c.zone))
		if err != nil || got.String() != c.want {
			t.Errorf("%s in %s = %v, %v; want %s", c.ts, c.zone, got, err, c.want)
		}
	}
}

// TestTimestampDateInRange: an instant whose day in the zone falls
// outside the calendar is an error, not a wrong date.
func TestTimestampDateInRange(t *testing.T) {
	// 00:00 at +01:00 on 0001-01-01 is 23:00Z on 31 December of year 0.
	if d, err := mustTS(t, "0001-01-01T00:00:00+01:00").DateIn(Zone{}); err == nil {
		t.Errorf("year 0 in UTC = %v, want an error", d)
	}
	// 23:59:59 at -01:00 on 9999-12-31 is 00:59:59Z in year 10000.
	if d, err := mustTS(t, "9999-12-31T23:59:59-01:00").DateIn(Zone{}); err == nil {
		t.Errorf("year 10000 in UTC = %v, want an error", d)
	}
}

func TestTimestampCompare(t *testing.T) {
	a := mustTS(t, "2027-03-04T17:45:00+01:00")
	b := mustTS(t, "2027-03-04T16:45:00Z") // the same instant
	c := mustTS(t, "2027-03-04T16:45:00.000000001Z")
	if !a.Equal(b) || a.Cmp(b) != 0 || a == b {
		t.Errorf("%v and %v: same instant, different offsets", a, b)
	}
	if a.Cmp(c) != -1 || c.Cmp(a) != 1 {
		t.Errorf("%v is one nanosecond before %v", a, c)
	}
	if a.String() != "2027-03-04T17:45:00+01:00" || b.String() != "2027-03-04T16:45:00Z" {
		t.Errorf("a timestamp prints with its own offset: %v, %v", a, b)
	}
}

// TestTimestampDays counts days of 24 hours between instants.
func TestTimestampDays(t *testing.T) {
	for _, c := range []struct {
		a, b           string
		whole, started int64
	}{
		// 17:45 on the 4th to 09:00 on the 6th: 1 day 15 h 15 min.
		{"2027-03-04T17:45:00+01:00", "2027-03-06T09:00:00+01:00", 1, 2},
		{"2027-03-06T09:00:00+01:00", "2027-03-04T17:45:00+01:00", -1, -2},
		{"2027-03-04T17:45:00+01:00", "2027-03-04T16:45:00Z", 0, 0},       // same instant
		{"2027-03-04T17:45:00+01:00", "2027-03-06T17:45:00+01:00", 2, 2},  // exactly 48 h
		{"2027-03-04T17:45:00Z", "2027-03-04T17:45:00.000000001Z", 0, 1},  // 1 ns starts a day
		{"2027-03-04T17:45:00.000000001Z", "2027-03-04T17:45:00Z", 0, -1}, // backwards
		{"2027-03-04T00:00:00.5Z", "2027-03-05T00:00:00.25Z", 0, 1},       // 23:59:59.75
		// Paris midnight to midnight across the change to summer time is
		// 23 hours (00:00+01:00 is 23:00Z, 00:00+02:00 is 22:00Z next
		// day); across the change back 25 hours.
		{"2027-03-28T00:00:00+01:00", "2027-03-29T00:00:00+02:00", 0, 1},
		{"2027-10-31T00:00:00+02:00", "2027-11-01T00:00:00+01:00", 1, 2},
		// Across the whole calendar: 0001-01-01 to 9999-12-31 is 3,652,058
		// days (DaysBetween), plus 23:59:59 a started day more.
		{"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", 3652058, 3652059},
	} {
		a, b := mustTS(t, c.a), mustTS(t, c.b)
		if w := WholeDaysBetween(a, b); w != c.whole {
			t.Errorf("WholeDaysBetween(%s, %s) = %d, want %d", c.a, c.b, w, c.whole)
		}
		if s := StartedDaysBetween(a, b); s != c.started {
			t.Errorf("StartedDaysBetween(%s, %s) = %d, want %d", c.a, c.b, s, c.started)
		}
	}
}

func TestTimestampParseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2027-03-04", "a date without a time"},
		{"2027-03-04T17:45:00", "no offset from UTC"},
		{"2027-03-04T17:45", "write the seconds too"},
		{"2027-03-04T17:45Z", "write the seconds too"},
		{"2027-03-04 17:45:00Z", "write T between the date and the time"},
		{"2027-03-04t17:45:00Z", "capitals"},
		{"2027-03-04T17:45:00z", "write Z as a capital"},
		{"2027-06-30T23:59:60Z", "leap second"},
		{"2027-03-04T24:00:00Z", "no hour 24"},
		{"2027-03-04T17:60:00Z", "no minute 60"},
		{"2027-03-04T17:45:00.1234567891Z", "10 digits after the point; at most 9"},
		{"2027-03-04T17:45:00.Z", "digits after the decimal point"},
		{"2027-03-04T17:45:00+24:00", "offsets run from -23:59 to +23:59"},
		{"2027-03-04T17:45:00-00:00", "unknown offset"},
		{"2027-03-04T17:45:00+0100", "+01:00"},
		{"2027-03-04T17:45:00+01", "+01:00"},
		{"2027-03-04T17:45:00 +01:00", "not an offset"},
		{"2027-02-29T17:45:00Z", "February 2027 has 28 days"},
		{"0000-01-01T00:00:00Z", "no year 0000"},
		{"", "write a timestamp as"},
	} {
		_, err := ParseTimestamp(c.in)
		if err == nil || !errors.Is(err, ErrInvalidTimestamp) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseTimestamp(%q) = %v; want an error with %q", c.in, err, c.want)
		}
	}
}

func TestTimestampText(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"2027-03-04T17:45:00+01:00", "2027-03-04T17:45:00+01:00"},
		{"2027-03-04T17:45:00+00:00", "2027-03-04T17:45:00Z"},
		{"2027-03-04T17:45:00.500-05:30", "2027-03-04T17:45:00.5-05:30"},
		{"2027-03-04T17:45:00.000000001Z", "2027-03-04T17:45:00.000000001Z"},
		{"2027-03-04T17:45:00.000Z", "2027-03-04T17:45:00Z"},
		{"0001-01-01T00:00:00+23:59", "0001-01-01T00:00:00+23:59"},
		{"9999-12-31T23:59:59.999999999-23:59", "9999-12-31T23:59:59.999999999-23:59"},
	} {
		ts := mustTS(t, c.in)
		if got := ts.String(); got != c.out {
			t.Errorf("%s prints as %s, want %s", c.in, got, c.out)
		}
		// JSON goes through MarshalText and back.
		b, err := json.Marshal(ts)
		var back Timestamp
		if err != nil || json.Unmarshal(b, &back) != nil || back != ts {
			t.Errorf("%s through JSON: %s, %v, %v", c.in, b, err, back)
		}
	}
	var ts Timestamp
	before := mustTS(t, "2027-03-04T17:45:00+01:00")
	ts = before
	if err := ts.UnmarshalText([]byte("2027-03-04")); err == nil || ts != before {
		t.Errorf("a failed UnmarshalText changed the timestamp: %v, %v", ts, err)
	}
}

func TestTimestampTime(t *testing.T) {
	ts := mustTS(t, "2027-03-04T17:45:00.25+01:00")
	tt := ts.Time()
	// 17:45 at +01:00 is 16:45 UTC.
	if tt.UTC().Hour() != 16 || tt.Minute() != 45 || tt.Nanosecond() != 250_000_000 {
		t.Errorf("Time() = %v", tt)
	}
	back, err := TimestampOfTime(tt)
	if err != nil || back != ts {
		t.Errorf("TimestampOfTime(Time()) = %v, %v; want %v", back, err, ts)
	}
	// Paris before 1911 kept local mean time, +00:09:21: not whole minutes.
	paris := mustZone(t, "Europe/Paris")
	if _, err := TimestampOfTime(time.Date(1900, 1, 1, 0, 0, 0, 0, paris.loc)); err == nil {
		t.Errorf("an offset of 561 seconds was accepted")
	}
	if _, err := NewTimestamp(0, 1_000_000_000, 0); err == nil {
		t.Errorf("a billion nanoseconds was accepted")
	}
}

func TestLoadZone(t *testing.T) {
	for _, ok := range []string{"UTC", "Europe/Paris", "America/Port-au-Prince", "Etc/GMT+5", "UTC+01:00", "UTC-05:30"} {
		if z, err := LoadZone(ok); err != nil || z.String() != ok {
			t.Errorf("LoadZone(%q) = %v, %v", ok, z, err)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"Europe/Pariss", "unknown time zone"},
		{"Local", "not a time zone"},
		{"", "not a time zone"},
		{"UTC+1", "fixed offset"},
		{"UTC+24:00", "fixed offset"},
		{"../etc/passwd", "not a time zone"},
	} {
		_, err := LoadZone(c.in)
		if err == nil || !errors.Is(err, ErrInvalidZone) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("LoadZone(%q) = %v; want an error with %q", c.in, err, c.want)
		}
	}
	if (Zone{}).String() != "UTC" {
		t.Errorf("the zero Zone is UTC")
	}
}
