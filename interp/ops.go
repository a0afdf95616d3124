package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
)

// Arithmetic on values. The checker has already typed every operation, so
// these functions only meet the combinations it allows; anything else is
// reported as an internal error rather than a panic.

func opAdd(x, y Value) (Value, error) {
	switch {
	case x.kind == KindMoney && y.kind == KindMoney:
		if x.str != y.str {
			return Value{}, currencyError("add", x, y)
		}
		n, err := x.num.Add(y.num)
		return MoneyValue(x.str, n), err
	case x.kind == KindDate && y.kind == KindDuration:
		d, err := x.dateOf().AddDuration(y.durOf())
		return DateValue(d), err
	case x.kind == KindDuration && y.kind == KindDate:
		d, err := y.dateOf().AddDuration(x.durOf())
		return DateValue(d), err
	case isNumeric(x.kind) && isNumeric(y.kind):
		n, err := x.num.Add(y.num)
		return Value{kind: numResult(x.kind, y.kind), num: n}, err
	case x.kind == KindText && y.kind == KindText:
		return TextValue(x.str + y.str), nil
	}
	return Value{}, badOperands("+", x, y)
}

func opSub(x, y Value) (Value, error) {
	switch {
	case x.kind == KindMoney && y.kind == KindMoney:
		if x.str != y.str {
			return Value{}, currencyError("subtract", x, y)
		}
		n, err := x.num.Sub(y.num)
		return MoneyValue(x.str, n), err
	case x.kind == KindDate && y.kind == KindDuration:
		d, err := x.dateOf().AddDuration(types.Duration{N: -y.bits, Unit: types.DurationUnit(y.unit)})
		return DateValue(d), err
	case isNumeric(x.kind) && isNumeric(y.kind):
		n, err := x.num.Sub(y.num)
		return Value{kind: numResult(x.kind, y.kind), num: n}, err
	}
	return Value{}, badOperands("-", x, y)
}

func opMul(x, y Value) (Value, error) {
	switch {
	case x.kind == KindMoney && isNumeric(y.kind):
		n, err := x.num.Mul(y.num)
		return MoneyValue(x.str, n), err
	case isNumeric(x.kind) && y.kind == KindMoney:
		n, err := x.num.Mul(y.num)
		return MoneyValue(y.str, n), err
	case isNumeric(x.kind) && isNumeric(y.kind):
		n, err := x.num.Mul(y.num)
		k := numResult(x.kind, y.kind)
		if x.kind == KindPercent || y.kind == KindPercent {
			k = KindPercent // 20% * 2 is 40%
		}
		return Value{kind: k, num: n}, err
	}
	return Value{}, badOperands("*", x, y)
}

func opDiv(x, y Value) (Value, error) {
	switch {
	case x.kind == KindMoney && y.kind == KindMoney:
		if x.str != y.str {
			return Value{}, currencyError("divide", x, y)
		}
		n, err := x.num.Quo(y.num)
		return DecimalValue(n), err
	case x.kind == KindMoney && isNumeric(y.kind):
		n, err := x.num.Quo(y.num)
		return MoneyValue(x.str, n), err
	case isNumeric(x.kind) && isNumeric(y.kind):
		n, err := x.num.Quo(y.num)
		k := KindDecimal
		if x.kind == KindPercent && y.kind != KindPercent {
			k = KindPercent
		}
		return Value{kind: k, num: n}, err
	}
	return Value{}, badOperands("/", x, y)
}

// opOf is `rate of base`: the base scaled by the rate's fraction.
func opOf(x, y Value) (Value, error) {
	if x.kind != KindPercent {
		return Value{}, badOperands("of", x, y)
	}
	n, err := x.num.Mul(y.num)
	switch y.kind {
	case KindMoney:
		return MoneyValue(y.str, n), err
	case KindPercent:
		return PercentValue(n), err
	case KindInteger, KindDecimal:
		return DecimalValue(n), err
	}
	return Value{}, badOperands("of", x, y)
}

func opNeg(x Value) (Value, error) {
	switch x.kind {
	case KindInteger, KindDecimal, KindPercent, KindMoney:
		x.num = x.num.Neg()
		return x, nil
	}
	return Value{}, fmt.Errorf("cannot negate %s", x.kind)
}

// compare orders two values of one ordered type: -1, 0 or +1.
func compare(x, y Value) (int, error) {
	switch {
	case isNumeric(x.kind) && isNumeric(y.kind):
		return x.num.Cmp(y.num), nil
	case x.kind == KindMoney && y.kind == KindMoney:
		if x.str != y.str {
			return 0, currencyError("compare", x, y)
		}
		return x.num.Cmp(y.num), nil
	case x.kind == KindDate && y.kind == KindDate:
		return x.dateOf().Cmp(y.dateOf()), nil
	case x.kind == KindTimestamp && y.kind == KindTimestamp:
		return x.tsOf().Cmp(y.tsOf()), nil
	case x.kind == KindPeriod && y.kind == KindPeriod:
		return x.perOf().Cmp(y.perOf()), nil
	case x.kind == KindText && y.kind == KindText:
		switch {
		case x.str < y.str:
			return -1, nil
		case x.str > y.str:
			return 1, nil
		}
		return 0, nil
	}
	return 0, badOperands("compare", x, y)
}

// numResult is the kind of integer/decimal arithmetic: integer only when
// both are integers.
func numResult(a, b Kind) Kind {
	if a == KindInteger && b == KindInteger {
		return KindInteger
	}
	if a == KindPercent && b == KindPercent {
		return KindPercent
	}
	return KindDecimal
}

func currencyError(verb string, x, y Value) error {
	return &EvalError{Msg: fmt.Sprintf("cannot %s %s and %s: the currencies differ", verb, x, y), Err: ErrCurrency}
}

func badOperands(op string, x, y Value) error {
	return fmt.Errorf("internal error: %s applied to %s and %s", op, x.kind, y.kind)
}
