package interp

import (
	"errors"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file holds the builtins on dates and periods. All of them use the
// calendar, never a fixed number of days per month.

// dateArg returns the date of a call with one date argument.
func dateArg(args []types.Value) (types.Date, error) {
	if err := wantKinds(args, types.KindDate); err != nil {
		return types.Date{}, err
	}
	return args[0].Date(), nil
}

func yearOf(_ *Caller, args []types.Value) (types.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return types.Value{}, err
	}
	return types.IntegerValue(int64(d.Year())), nil
}

func quarterOf(_ *Caller, args []types.Value) (types.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return types.Value{}, err
	}
	return types.IntegerValue(int64((d.Month()-1)/3 + 1)), nil
}

func monthOf(_ *Caller, args []types.Value) (types.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return types.Value{}, err
	}
	return types.IntegerValue(int64(d.Month())), nil
}

func dayOf(_ *Caller, args []types.Value) (types.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return types.Value{}, err
	}
	return types.IntegerValue(int64(d.Day())), nil
}

// dateBound returns the Impl of start_of_month, end_of_quarter and the
// like: the first (or, when last is true, the last) day of the calendar
// period of the given kind that contains the date.
func dateBound(kind types.PeriodKind, last bool) func(*Caller, []types.Value) (types.Value, error) {
	return func(_ *Caller, args []types.Value) (types.Value, error) {
		d, err := dateArg(args)
		if err != nil {
			return types.Value{}, err
		}
		p := types.PeriodOf(kind, 1, d)
		if last {
			return types.DateValue(p.End()), nil
		}
		return types.DateValue(p.Start()), nil
	}
}

// periodOf returns the Impl of month_of, quarter_of and year_of.
func periodOf(kind types.PeriodKind) func(*Caller, []types.Value) (types.Value, error) {
	return func(_ *Caller, args []types.Value) (types.Value, error) {
		d, err := dateArg(args)
		if err != nil {
			return types.Value{}, err
		}
		return types.PeriodValue(types.PeriodOf(kind, 1, d)), nil
	}
}

// fiscalPeriodOf returns the Impl of fiscal_year_of and
// fiscal_quarter_of: the fiscal period of the calling agreement's fiscal
// year (Caller.FiscalStart) that contains the date.
// contractYearOf is the Impl of contract_year_of: the contract year of the
// calling agreement (Caller.ContractStart) that contains the date.
func contractYearOf(c *Caller, args []types.Value) (types.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return types.Value{}, err
	}
	p := types.PeriodOf(types.PeriodContractYear, c.ContractStart(), d)
	if p.IsZero() {
		return types.Value{}, errors.New("no contract year contains " + d.String())
	}
	if err := p.InCalendar(); err != nil {
		return types.Value{}, err
	}
	return types.PeriodValue(p), nil
}

func fiscalPeriodOf(kind types.PeriodKind) func(*Caller, []types.Value) (types.Value, error) {
	return func(c *Caller, args []types.Value) (types.Value, error) {
		d, err := dateArg(args)
		if err != nil {
			return types.Value{}, err
		}
		p := types.PeriodOf(kind, c.FiscalStart(), d)
		if p.IsZero() {
			return types.Value{}, errors.New("no fiscal period contains " + d.String())
		}
		if err := p.InCalendar(); err != nil {
			return types.Value{}, err // FY10000 with a July start ends in 10000
		}
		return types.PeriodValue(p), nil
	}
}

func addMonths(_ *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindDate, types.KindInteger); err != nil {
		return types.Value{}, err
	}
	n, err := smallInt(args[1], "months")
	if err != nil {
		return types.Value{}, err
	}
	d, err := args[0].Date().AddMonths(n)
	if err != nil {
		return types.Value{}, err
	}
	return types.DateValue(d), nil
}

func addDays(_ *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindDate, types.KindInteger); err != nil {
		return types.Value{}, err
	}
	n, err := smallInt(args[1], "days")
	if err != nil {
		return types.Value{}, err
	}
	d, err := args[0].Date().AddDays(n)
	if err != nil {
		return types.Value{}, err
	}
	return types.DateValue(d), nil
}

func daysBetween(_ *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindDate, types.KindDate); err != nil {
		return types.Value{}, err
	}
	return types.IntegerValue(int64(types.DaysBetween(args[0].Date(), args[1].Date()))), nil
}

// periodArg returns the period of a call with one period argument.
func periodArg(args []types.Value) (types.Period, error) {
	if err := wantKinds(args, types.KindPeriod); err != nil {
		return types.Period{}, err
	}
	p := args[0].Period()
	if p.IsZero() {
		return types.Period{}, errors.New("needs a period, but this one is empty")
	}
	return p, nil
}

func periodStart(_ *Caller, args []types.Value) (types.Value, error) {
	p, err := periodArg(args)
	if err != nil {
		return types.Value{}, err
	}
	return types.DateValue(p.Start()), nil
}

func periodEnd(_ *Caller, args []types.Value) (types.Value, error) {
	p, err := periodArg(args)
	if err != nil {
		return types.Value{}, err
	}
	return types.DateValue(p.End()), nil
}
