package interp

import (
	"fmt"
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file holds the builtins on numbers, percents and money: min, max,
// abs, round, floor, ceiling, and the conversions fraction, percent and
// amount.

// ---- min, max ----

// checkExtreme types min and max: two or more integers or decimals (the
// result is decimal if any is), percents, dates, or money in one currency.
func checkExtreme(args []lang.Type) (lang.Type, string) {
	if msg := arityMsg(len(args), 2, -1); msg != "" {
		return nil, msg
	}
	first := args[0]
	switch {
	case isNumber(first):
		var result lang.Type = lang.TInteger
		for _, t := range args {
			if !isNumber(t) {
				return nil, mixedMsg(first, t)
			}
			if isBasic(t, lang.DecimalKind) {
				result = lang.TDecimal
			}
		}
		return result, ""
	case isBasic(first, lang.PercentKind), isBasic(first, lang.DateKind):
		for _, t := range args {
			if !lang.Identical(first, t) {
				return nil, mixedMsg(first, t)
			}
		}
		return first, ""
	case moneyType(first) != nil:
		for _, t := range args {
			m := moneyType(t)
			if m == nil {
				return nil, mixedMsg(first, t)
			}
			if m.Currency != moneyType(first).Currency {
				return nil, fmt.Sprintf("needs amounts in one currency, not %s and %s", first, t)
			}
		}
		return first, ""
	}
	return nil, fmt.Sprintf("needs numbers, percents, dates or amounts of money, not %s", typeText(first))
}

func mixedMsg(a, b lang.Type) string {
	return fmt.Sprintf("needs values of one type, not %s and %s", typeText(a), typeText(b))
}

// extreme returns the Impl of min (sign -1) or max (sign +1). Of equal
// values the first is kept.
func extreme(sign int) func(*Caller, []types.Value) (types.Value, error) {
	return func(_ *Caller, args []types.Value) (types.Value, error) {
		if err := wantArgs(args, 2, -1); err != nil {
			return types.Value{}, err
		}
		best := args[0]
		decimal := false
		for i, v := range args {
			if v.Kind() == types.KindDecimal {
				decimal = true
			}
			c, err := order(best, v)
			if err != nil {
				return types.Value{}, err
			}
			if i > 0 && c == -sign {
				best = v
			}
		}
		if decimal && best.Kind() == types.KindInteger {
			return types.DecimalValue(best.Num()), nil // min(1, 2.5) is a decimal
		}
		return best, nil
	}
}

// order compares two values of one ordered type: -1, 0 or +1.
func order(a, b types.Value) (int, error) {
	ak, bk := a.Kind(), b.Kind()
	isNum := func(k types.Kind) bool { return k == types.KindInteger || k == types.KindDecimal }
	switch {
	case isNum(ak) && isNum(bk), ak == types.KindPercent && bk == types.KindPercent:
		return a.Num().Cmp(b.Num()), nil
	case ak == types.KindMoney && bk == types.KindMoney:
		if a.Currency() != b.Currency() {
			return 0, funcCurrencyError("amounts", a, b)
		}
		return a.Num().Cmp(b.Num()), nil
	case ak == types.KindDate && bk == types.KindDate:
		return a.Date().Cmp(b.Date()), nil
	}
	switch ak {
	case types.KindInteger, types.KindDecimal, types.KindPercent, types.KindMoney, types.KindDate:
		return 0, fmt.Errorf("needs values of one type, not %s and %s", valueType(a), valueType(b))
	}
	return 0, fmt.Errorf("needs numbers, percents, dates or amounts of money, not %s", valueType(a))
}

// ---- abs ----

func checkAbs(args []lang.Type) (lang.Type, string) {
	if msg := arityMsg(len(args), 1, 1); msg != "" {
		return nil, msg
	}
	t := args[0]
	if isNumber(t) || isBasic(t, lang.PercentKind) || moneyType(t) != nil {
		return t, ""
	}
	return nil, fmt.Sprintf("needs a number, a percent or an amount of money, not %s", typeText(t))
}

func abs(_ *Caller, args []types.Value) (types.Value, error) {
	if err := wantArgs(args, 1, 1); err != nil {
		return types.Value{}, err
	}
	v := args[0]
	n := v.Num()
	switch v.Kind() {
	case types.KindInteger:
		if n.Sign() >= 0 {
			return v, nil
		}
		return intVal(n.Neg())
	case types.KindDecimal:
		return types.DecimalValue(n.Abs()), nil
	case types.KindPercent:
		return types.PercentValue(n.Abs()), nil
	case types.KindMoney:
		return types.MoneyValue(v.Currency(), n.Abs()), nil
	}
	return types.Value{}, fmt.Errorf("needs a number, a percent or an amount of money, not %s", valueType(v))
}

// ---- round, floor, ceiling ----

// checkRound types round(x, unit) and round(x, unit, mode).
func checkRound(args []lang.Type) (lang.Type, string) {
	if msg := arityMsg(len(args), 2, 3); msg != "" {
		return nil, msg
	}
	if len(args) == 3 && !isBasic(args[2], lang.TextKind) {
		return nil, fmt.Sprintf(`needs the rounding mode as text, such as "half_up", not %s`, typeText(args[2]))
	}
	return checkRoundArgs(args[0], args[1])
}

// checkRound2 types floor(x, unit) and ceiling(x, unit).
func checkRound2(args []lang.Type) (lang.Type, string) {
	if msg := arityMsg(len(args), 2, 2); msg != "" {
		return nil, msg
	}
	return checkRoundArgs(args[0], args[1])
}

// checkRoundArgs types the value and unit of a rounding: a decimal (or
// integer) to a number, or money to a number or an amount in its currency.
func checkRoundArgs(x, unit lang.Type) (lang.Type, string) {
	if m := moneyType(unit); m != nil {
		xm := moneyType(x)
		switch {
		case xm == nil && isNumber(x):
			return nil, fmt.Sprintf("a unit of money can only round an amount of money, not %s", x)
		case xm != nil && xm.Currency != m.Currency:
			return nil, fmt.Sprintf("needs the amount and the unit in one currency, not %s and %s", x, unit)
		}
	} else if !isNumber(unit) {
		return nil, fmt.Sprintf("needs the unit as a number such as 0.01, or an amount of money, not %s", typeText(unit))
	}
	switch {
	case moneyType(x) != nil:
		return x, ""
	case isBasic(x, lang.IntegerKind) && isBasic(unit, lang.IntegerKind):
		return lang.TInteger, ""
	case isNumber(x):
		return lang.TDecimal, ""
	}
	return nil, fmt.Sprintf("rounds a decimal or an amount of money, not %s", typeText(x))
}

// round is the Impl of round: the mode defaults to half-even.
func round(_ *Caller, args []types.Value) (types.Value, error) {
	if err := wantArgs(args, 2, 3); err != nil {
		return types.Value{}, err
	}
	mode := types.HalfEven
	if len(args) == 3 {
		if args[2].Kind() != types.KindText {
			return types.Value{}, argKindError(2, "text", args[2])
		}
		m, ok := types.ParseRoundingMode(args[2].Str())
		if !ok {
			return types.Value{}, fmt.Errorf("unknown rounding mode %q; use one of %s", args[2].Str(), modeNames())
		}
		mode = m
	}
	return roundValue(args[0], args[1], mode)
}

// roundWith returns the Impl of floor or ceiling.
func roundWith(mode types.RoundingMode) func(*Caller, []types.Value) (types.Value, error) {
	return func(_ *Caller, args []types.Value) (types.Value, error) {
		if err := wantArgs(args, 2, 2); err != nil {
			return types.Value{}, err
		}
		return roundValue(args[0], args[1], mode)
	}
}

// modeNames lists the rounding modes for messages.
func modeNames() string {
	var names []string
	for m := types.HalfEven; m <= types.Ceiling; m++ {
		names = append(names, m.String())
	}
	return strings.Join(names, ", ")
}

// roundValue rounds x to a multiple of unit. The result has the unit's
// number of decimal places.
func roundValue(x, unit types.Value, mode types.RoundingMode) (types.Value, error) {
	var u types.Decimal
	switch unit.Kind() {
	case types.KindInteger, types.KindDecimal:
		u = unit.Num()
	case types.KindMoney:
		if x.Kind() != types.KindMoney {
			return types.Value{}, fmt.Errorf("a unit of money can only round an amount of money, not %s", valueType(x))
		}
		if x.Currency() != unit.Currency() {
			return types.Value{}, funcCurrencyError("the amount and the unit", x, unit)
		}
		u = unit.Num()
	default:
		return types.Value{}, fmt.Errorf("needs the unit as a number such as 0.01, or an amount of money, not %s", valueType(unit))
	}
	if u.Sign() <= 0 {
		return types.Value{}, fmt.Errorf("the unit must be more than zero, not %s", unit)
	}
	switch x.Kind() {
	case types.KindMoney, types.KindDecimal, types.KindInteger:
	default:
		return types.Value{}, fmt.Errorf("rounds a decimal or an amount of money, not %s", valueType(x))
	}
	r, err := x.Num().Round(u, mode)
	if err != nil {
		return types.Value{}, err
	}
	switch {
	case x.Kind() == types.KindMoney:
		return types.MoneyValue(x.Currency(), r), nil
	case x.Kind() == types.KindInteger && unit.Kind() == types.KindInteger:
		return intVal(r)
	}
	return types.DecimalValue(r), nil
}

// ---- fraction, percent, amount ----

func fraction(_ *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindPercent); err != nil {
		return types.Value{}, err
	}
	return types.DecimalValue(args[0].Num()), nil
}

func percent(_ *Caller, args []types.Value) (types.Value, error) {
	if err := wantArgs(args, 1, 1); err != nil {
		return types.Value{}, err
	}
	switch args[0].Kind() {
	case types.KindInteger, types.KindDecimal:
		return types.PercentValue(args[0].Num()), nil
	}
	return types.Value{}, argKindError(0, "decimal", args[0])
}

func checkAmount(args []lang.Type) (lang.Type, string) {
	if msg := arityMsg(len(args), 1, 1); msg != "" {
		return nil, msg
	}
	if moneyType(args[0]) == nil {
		return nil, fmt.Sprintf("needs an amount of money, not %s", typeText(args[0]))
	}
	return lang.TDecimal, ""
}

func amount(_ *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindMoney); err != nil {
		return types.Value{}, err
	}
	return types.DecimalValue(args[0].Num()), nil
}
