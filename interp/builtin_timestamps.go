package interp

import (
	"errors"
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file holds the builtins on timestamps (SPEC 11.7): the day of an
// instant in a zone, and days of 24 hours between two instants.

// checkDateOf types date_of(timestamp) and date_of(timestamp, text).
func checkDateOf(args []lang.Type) (lang.Type, string) {
	if msg := arityMsg(len(args), 1, 2); msg != "" {
		return nil, msg
	}
	if !lang.Identical(args[0], lang.TTimestamp) {
		return nil, fmt.Sprintf("needs a timestamp, not %s", typeText(args[0]))
	}
	if len(args) == 2 && !lang.Identical(args[1], lang.TText) {
		return nil, fmt.Sprintf("the second argument is a time zone's name as text, such as \"Europe/Paris\", not %s", typeText(args[1]))
	}
	return lang.TDate, ""
}

// dateOf is the Impl of date_of: the day on which an instant falls in
// the zone named by the second argument, else in the calling agreement's
// `time zone`.
func dateOf(c *Caller, args []types.Value) (types.Value, error) {
	if err := wantArgs(args, 1, 2); err != nil {
		return types.Value{}, err
	}
	if args[0].Kind() != types.KindTimestamp {
		return types.Value{}, argKindError(0, "timestamp", args[0])
	}
	var zone types.Zone
	switch {
	case len(args) == 2:
		if args[1].Kind() != types.KindText {
			return types.Value{}, argKindError(1, "text", args[1])
		}
		if err := c.Spend(len(args[1].Str())); err != nil {
			return types.Value{}, err
		}
		z, err := types.LoadZone(args[1].Str())
		if err != nil {
			return types.Value{}, err
		}
		zone = z
	default:
		z, ok := c.Zone()
		if !ok {
			return types.Value{}, errors.New("the agreement declares no time zone to take the day in: add `time zone Europe/Paris` (or UTC, or UTC+01:00) to it, or name the zone: date_of(t, \"Europe/Paris\")")
		}
		zone = z
	}
	d, err := args[0].Timestamp().DateIn(zone)
	if err != nil {
		return types.Value{}, fmt.Errorf("%s falls outside the calendar in %s: %w", args[0].Timestamp(), zone, err)
	}
	return types.DateValue(d), nil
}

// daysOf returns the Impl of whole_days_between and started_days_between.
func daysOf(count func(a, b types.Timestamp) int64) func(*Caller, []types.Value) (types.Value, error) {
	return func(_ *Caller, args []types.Value) (types.Value, error) {
		if err := wantKinds(args, types.KindTimestamp, types.KindTimestamp); err != nil {
			return types.Value{}, err
		}
		return types.IntegerValue(count(args[0].Timestamp(), args[1].Timestamp())), nil
	}
}
