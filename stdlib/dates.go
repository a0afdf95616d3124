package stdlib

import (
	"errors"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// This file holds the builtins on dates and periods. All of them use the
// calendar, never a fixed number of days per month.

// dateArg returns the date of a call with one date argument.
func dateArg(args []interp.Value) (types.Date, error) {
	if err := wantKinds(args, interp.KindDate); err != nil {
		return types.Date{}, err
	}
	return args[0].Date(), nil
}

func yearOf(_ *interp.Call, args []interp.Value) (interp.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.Int(int64(d.Year())), nil
}

func quarterOf(_ *interp.Call, args []interp.Value) (interp.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.Int(int64((d.Month()-1)/3 + 1)), nil
}

func monthOf(_ *interp.Call, args []interp.Value) (interp.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.Int(int64(d.Month())), nil
}

func dayOf(_ *interp.Call, args []interp.Value) (interp.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.Int(int64(d.Day())), nil
}

// dateBound returns the Impl of start_of_month, end_of_quarter and the
// like: the first (or, when last is true, the last) day of the calendar
// period of the given kind that contains the date.
func dateBound(kind types.PeriodKind, last bool) func(*interp.Call, []interp.Value) (interp.Value, error) {
	return func(_ *interp.Call, args []interp.Value) (interp.Value, error) {
		d, err := dateArg(args)
		if err != nil {
			return interp.Value{}, err
		}
		p := types.PeriodOf(kind, 1, d)
		if last {
			return interp.DateVal(p.End()), nil
		}
		return interp.DateVal(p.Start()), nil
	}
}

// periodOf returns the Impl of month_of, quarter_of and year_of.
func periodOf(kind types.PeriodKind) func(*interp.Call, []interp.Value) (interp.Value, error) {
	return func(_ *interp.Call, args []interp.Value) (interp.Value, error) {
		d, err := dateArg(args)
		if err != nil {
			return interp.Value{}, err
		}
		return interp.PeriodVal(types.PeriodOf(kind, 1, d)), nil
	}
}

// contractYearOf is the Impl of contract_year_of: the contract year of the
// calling agreement (Call.ContractStart) that contains the date.
func contractYearOf(c *interp.Call, args []interp.Value) (interp.Value, error) {
	d, err := dateArg(args)
	if err != nil {
		return interp.Value{}, err
	}
	p := types.PeriodOf(types.PeriodContractYear, c.ContractStart(), d)
	if p.IsZero() {
		return interp.Value{}, errors.New("no contract year contains " + d.String())
	}
	if err := p.InCalendar(); err != nil {
		return interp.Value{}, err
	}
	return interp.PeriodVal(p), nil
}

// fiscalPeriodOf returns the Impl of fiscal_year_of and
// fiscal_quarter_of: the fiscal period of the calling agreement's fiscal
// year (Call.FiscalStart) that contains the date.
func fiscalPeriodOf(kind types.PeriodKind) func(*interp.Call, []interp.Value) (interp.Value, error) {
	return func(c *interp.Call, args []interp.Value) (interp.Value, error) {
		d, err := dateArg(args)
		if err != nil {
			return interp.Value{}, err
		}
		p := types.PeriodOf(kind, c.FiscalStart(), d)
		if p.IsZero() {
			return interp.Value{}, errors.New("no fiscal period contains " + d.String())
		}
		if err := p.InCalendar(); err != nil {
			return interp.Value{}, err // FY10000 with a July start ends in 10000
		}
		return interp.PeriodVal(p), nil
	}
}

func addMonths(_ *interp.Call, args []interp.Value) (interp.Value, error) {
	if err := wantKinds(args, interp.KindDate, interp.KindInteger); err != nil {
		return interp.Value{}, err
	}
	n, err := smallInt(args[1], "months")
	if err != nil {
		return interp.Value{}, err
	}
	d, err := args[0].Date().AddMonths(n)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.DateVal(d), nil
}

func addDays(_ *interp.Call, args []interp.Value) (interp.Value, error) {
	if err := wantKinds(args, interp.KindDate, interp.KindInteger); err != nil {
		return interp.Value{}, err
	}
	n, err := smallInt(args[1], "days")
	if err != nil {
		return interp.Value{}, err
	}
	d, err := args[0].Date().AddDays(n)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.DateVal(d), nil
}

func daysBetween(_ *interp.Call, args []interp.Value) (interp.Value, error) {
	if err := wantKinds(args, interp.KindDate, interp.KindDate); err != nil {
		return interp.Value{}, err
	}
	return interp.Int(int64(types.DaysBetween(args[0].Date(), args[1].Date()))), nil
}

// periodArg returns the period of a call with one period argument.
func periodArg(args []interp.Value) (types.Period, error) {
	if err := wantKinds(args, interp.KindPeriod); err != nil {
		return types.Period{}, err
	}
	p := args[0].Period()
	if p.IsZero() {
		return types.Period{}, errors.New("needs a period, but this one is empty")
	}
	return p, nil
}

func periodStart(_ *interp.Call, args []interp.Value) (interp.Value, error) {
	p, err := periodArg(args)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.DateVal(p.Start()), nil
}

func periodEnd(_ *interp.Call, args []interp.Value) (interp.Value, error) {
	p, err := periodArg(args)
	if err != nil {
		return interp.Value{}, err
	}
	return interp.DateVal(p.End()), nil
}
