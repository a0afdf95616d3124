package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
)

// Arithmetic on values. The checker has already typed every operation, so
// these functions only meet the combinations it allows; anything else is
// reported as an internal error rather than a panic.

func opAdd(x, y types.Value) (types.Value, error) {
	switch {
	case x.Kind() == types.KindMoney && y.Kind() == types.KindMoney:
		if x.Str() != y.Str() {
			return types.Value{}, currencyError("add", x, y)
		}
		n, err := x.Num().Add(y.Num())
		return types.MoneyValue(x.Str(), n), err
	case x.Kind() == types.KindDate && y.Kind() == types.KindDuration:
		d, err := x.Date().AddDuration(y.Duration())
		return types.DateValue(d), err
	case x.Kind() == types.KindDuration && y.Kind() == types.KindDate:
		d, err := y.Date().AddDuration(x.Duration())
		return types.DateValue(d), err
	case isNumeric(x.Kind()) && isNumeric(y.Kind()):
		n, err := x.Num().Add(y.Num())
		return numValue(numResult(x.Kind(), y.Kind()), n, err)
	case x.Kind() == types.KindText && y.Kind() == types.KindText:
		return types.TextValue(x.Str() + y.Str()), nil
	}
	return types.Value{}, badOperands("+", x, y)
}

func opSub(x, y types.Value) (types.Value, error) {
	switch {
	case x.Kind() == types.KindMoney && y.Kind() == types.KindMoney:
		if x.Str() != y.Str() {
			return types.Value{}, currencyError("subtract", x, y)
		}
		n, err := x.Num().Sub(y.Num())
		return types.MoneyValue(x.Str(), n), err
	case x.Kind() == types.KindDate && y.Kind() == types.KindDuration:
		d, err := x.Date().AddDuration(types.Duration{N: -y.Duration().N, Unit: y.Duration().Unit})
		return types.DateValue(d), err
	case isNumeric(x.Kind()) && isNumeric(y.Kind()):
		n, err := x.Num().Sub(y.Num())
		return numValue(numResult(x.Kind(), y.Kind()), n, err)
	}
	return types.Value{}, badOperands("-", x, y)
}

func opMul(x, y types.Value) (types.Value, error) {
	switch {
	case x.Kind() == types.KindMoney && isNumeric(y.Kind()):
		n, err := x.Num().Mul(y.Num())
		return types.MoneyValue(x.Str(), n), err
	case isNumeric(x.Kind()) && y.Kind() == types.KindMoney:
		n, err := x.Num().Mul(y.Num())
		return types.MoneyValue(y.Str(), n), err
	case isNumeric(x.Kind()) && isNumeric(y.Kind()):
		n, err := x.Num().Mul(y.Num())
		k := numResult(x.Kind(), y.Kind())
		if x.Kind() == types.KindPercent || y.Kind() == types.KindPercent {
			k = types.KindPercent // 20% * 2 is 40%
		}
		return numValue(k, n, err)
	}
	return types.Value{}, badOperands("*", x, y)
}

func opDiv(x, y types.Value) (types.Value, error) {
	switch {
	case x.Kind() == types.KindMoney && y.Kind() == types.KindMoney:
		if x.Str() != y.Str() {
			return types.Value{}, currencyError("divide", x, y)
		}
		n, err := x.Num().Quo(y.Num())
		return types.DecimalValue(n), err
	case x.Kind() == types.KindMoney && isNumeric(y.Kind()):
		n, err := x.Num().Quo(y.Num())
		return types.MoneyValue(x.Str(), n), err
	case isNumeric(x.Kind()) && isNumeric(y.Kind()):
		n, err := x.Num().Quo(y.Num())
		k := types.KindDecimal
		if x.Kind() == types.KindPercent && y.Kind() != types.KindPercent {
			k = types.KindPercent
		}
		return numValue(k, n, err)
	}
	return types.Value{}, badOperands("/", x, y)
}

// opOf is `rate of base`: the base scaled by the rate's fraction.
func opOf(x, y types.Value) (types.Value, error) {
	if x.Kind() != types.KindPercent {
		return types.Value{}, badOperands("of", x, y)
	}
	n, err := x.Num().Mul(y.Num())
	switch y.Kind() {
	case types.KindMoney:
		return types.MoneyValue(y.Str(), n), err
	case types.KindPercent:
		return types.PercentValue(n), err
	case types.KindInteger, types.KindDecimal:
		return types.DecimalValue(n), err
	}
	return types.Value{}, badOperands("of", x, y)
}

func opNeg(x types.Value) (types.Value, error) {
	switch x.Kind() {
	case types.KindInteger, types.KindDecimal, types.KindPercent, types.KindMoney:
		return withNum(x, x.Num().Neg())
	}
	return types.Value{}, fmt.Errorf("cannot negate %s", x.Kind())
}

// compare orders two values of one ordered type: -1, 0 or +1.
func compare(x, y types.Value) (int, error) {
	switch {
	case isNumeric(x.Kind()) && isNumeric(y.Kind()):
		return x.Num().Cmp(y.Num()), nil
	case x.Kind() == types.KindMoney && y.Kind() == types.KindMoney:
		if x.Str() != y.Str() {
			return 0, currencyError("compare", x, y)
		}
		return x.Num().Cmp(y.Num()), nil
	case x.Kind() == types.KindDate && y.Kind() == types.KindDate:
		return x.Date().Cmp(y.Date()), nil
	case x.Kind() == types.KindTimestamp && y.Kind() == types.KindTimestamp:
		return x.Timestamp().Cmp(y.Timestamp()), nil
	case x.Kind() == types.KindPeriod && y.Kind() == types.KindPeriod:
		return x.Period().Cmp(y.Period()), nil
	case x.Kind() == types.KindText && y.Kind() == types.KindText:
		switch {
		case x.Str() < y.Str():
			return -1, nil
		case x.Str() > y.Str():
			return 1, nil
		}
		return 0, nil
	}
	return 0, badOperands("compare", x, y)
}

// numResult is the kind of integer/decimal arithmetic: integer only when
// both are integers.
func numResult(a, b types.Kind) types.Kind {
	if a == types.KindInteger && b == types.KindInteger {
		return types.KindInteger
	}
	if a == types.KindPercent && b == types.KindPercent {
		return types.KindPercent
	}
	return types.KindDecimal
}

func currencyError(verb string, x, y types.Value) error {
	return &EvalError{Msg: fmt.Sprintf("cannot %s %s and %s: the currencies differ", verb, x, y), Err: ErrCurrency}
}

func badOperands(op string, x, y types.Value) error {
	return fmt.Errorf("internal error: %s applied to %s and %s", op, x.Kind(), y.Kind())
}

// numValue makes the result of arithmetic on numbers: an integer, decimal
// or percent of kind k holding n, or err.
func numValue(k types.Kind, n types.Decimal, err error) (types.Value, error) {
	if err != nil {
		return types.Value{}, err
	}
	switch k {
	case types.KindInteger:
		return types.IntegerFromDecimal(n)
	case types.KindPercent:
		return types.PercentValue(n), nil
	}
	return types.DecimalValue(n), nil
}

// withNum returns v, a number or an amount, holding n instead: the same
// kind and currency.
func withNum(v types.Value, n types.Decimal) (types.Value, error) {
	if v.Kind() == types.KindMoney {
		return types.MoneyValue(v.Currency(), n), nil
	}
	return numValue(v.Kind(), n, nil)
}
