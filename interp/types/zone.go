package types

import (
	"errors"
	"time"

	"github.com/pacta-lang/pacta/lang"
)

// ErrInvalidZone reports a name that is not a time zone.
var ErrInvalidZone = errors.New("invalid time zone")

// Zone is the time zone in which an agreement takes the date of a
// timestamp (`time zone Europe/Paris`, SPEC 11.7): an IANA zone, with its
// summer time, UTC, or a fixed offset written UTC+HH:MM. The zero Zone is
// UTC.
type Zone struct {
	name string
	loc  *time.Location
}

// LoadZone returns the zone called name, as lang.LoadTimeZone reads it:
// "Europe/Paris", "UTC", "UTC+05:30". An unknown name is an error wrapping
// ErrInvalidZone.
func LoadZone(name string) (Zone, error) {
	loc, err := lang.LoadTimeZone(name)
	if err != nil {
		return Zone{}, errorf(ErrInvalidZone, "%s", err.Error())
	}
	return Zone{name: name, loc: loc}, nil
}

// String returns the zone's name as the agreement writes it; "UTC" for
// the zero Zone.
func (z Zone) String() string {
	if z.loc == nil {
		return "UTC"
	}
	return z.name
}

// IsZero reports whether z is the zero Zone.
func (z Zone) IsZero() bool { return z.loc == nil }

func (z Zone) location() *time.Location {
	if z.loc == nil {
		return time.UTC
	}
	return z.loc
}
