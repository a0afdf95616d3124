package interp

import (
	"errors"
	"fmt"

	"github.com/pacta-lang/pacta/lang"
)

// This file holds the builtins on lists: sum, count, any, all and filter.
// Each spends one step per element it visits (Caller.Spend), so the
// step budget bounds its work; count only reads the length.

// ---- sum ----

// checkSum types sum(list) and sum(list, start). A list of money or of
// percents needs the start: when it is empty at run time nothing says its
// currency, or even that it holds percents, so its total could not be
// given the type the checker promised.
func checkSum(args []lang.Type) (lang.Type, string) {
	if msg := arityMsg(len(args), 1, 2); msg != "" {
		return nil, msg
	}
	l := listType(args[0])
	if l == nil {
		return nil, fmt.Sprintf("needs a list, not %s", typeText(args[0]))
	}
	elem := l.Elem
	if elem != nil && !isNumber(elem) && !isBasic(elem, lang.PercentKind) && moneyType(elem) == nil {
		return nil, fmt.Sprintf("adds up numbers, percents or amounts of money, not %s", l)
	}
	if len(args) == 1 {
		switch {
		case elem == nil:
			return lang.TInteger, ""
		case isNumber(elem):
			return elem, ""
		}
		zero := "0%"
		if m := moneyType(elem); m != nil {
			zero = m.Currency + " 0"
		}
		return nil, fmt.Sprintf("a %s may be empty, so say what an empty list adds up to: sum(list, %s)", l, zero)
	}
	start := args[1]
	switch {
	case elem == nil:
		if isNumber(start) || isBasic(start, lang.PercentKind) || moneyType(start) != nil {
			return start, ""
		}
		return nil, fmt.Sprintf("adds up numbers, percents or amounts of money, not %s", typeText(start))
	case isNumber(elem) && isNumber(start):
		if isBasic(elem, lang.DecimalKind) || isBasic(start, lang.DecimalKind) {
			return lang.TDecimal, ""
		}
		return lang.TInteger, ""
	case lang.Identical(elem, start):
		return elem, ""
	case moneyType(elem) != nil && moneyType(start) != nil:
		return nil, fmt.Sprintf("needs amounts in one currency, not %s and %s", elem, start)
	}
	return nil, fmt.Sprintf("needs a second argument of the list's type, %s, not %s", elem, typeText(start))
}

// sum is the Impl of sum. The total of an empty list with no start is the
// integer 0.
func sum(c *Caller, args []Value) (Value, error) {
	if err := wantArgs(args, 1, 2); err != nil {
		return Value{}, err
	}
	if args[0].Kind() != KindList {
		return Value{}, argKindError(0, "list", args[0])
	}
	elems := args[0].List()
	if err := c.Spend(len(elems)); err != nil {
		return Value{}, err
	}
	if len(args) == 2 {
		elems = append([]Value{args[1]}, elems...)
	}
	if len(elems) == 0 {
		return IntegerValue(0), nil
	}
	acc := elems[0]
	switch acc.Kind() {
	case KindInteger, KindDecimal, KindPercent, KindMoney:
	default:
		return Value{}, fmt.Errorf("adds up numbers, percents or amounts of money, not %s", valueType(acc))
	}
	total := acc.Num()
	kind := acc.Kind()
	for _, v := range elems[1:] {
		switch {
		case v.Kind() == kind && kind != KindMoney:
		case kind == KindInteger && v.Kind() == KindDecimal:
			kind = KindDecimal
		case kind == KindDecimal && v.Kind() == KindInteger:
		case kind == KindMoney && v.Kind() == KindMoney:
			if v.Currency() != acc.Currency() {
				return Value{}, funcCurrencyError("amounts", acc, v)
			}
		default:
			return Value{}, fmt.Errorf("needs values of one type, not %s and %s", valueType(acc), valueType(v))
		}
		var err error
		if total, err = total.Add(v.Num()); err != nil {
			return Value{}, err
		}
	}
	switch kind {
	case KindInteger:
		return intVal(total)
	case KindDecimal:
		return DecimalValue(total), nil
	case KindPercent:
		return PercentValue(total), nil
	}
	return MoneyValue(acc.Currency(), total), nil
}

// ---- count ----

func checkCount(args []lang.Type) (lang.Type, string) {
	if msg := arityMsg(len(args), 1, 1); msg != "" {
		return nil, msg
	}
	if listType(args[0]) == nil {
		return nil, fmt.Sprintf("needs a list, not %s", typeText(args[0]))
	}
	return lang.TInteger, ""
}

func count(_ *Caller, args []Value) (Value, error) {
	if err := wantKinds(args, KindList); err != nil {
		return Value{}, err
	}
	return IntegerValue(int64(len(args[0].List()))), nil
}

// ---- any, all ----

// bools returns the elements of a list of bool, spending a step for each.
func bools(c *Caller, args []Value) ([]Value, error) {
	if err := wantKinds(args, KindList); err != nil {
		return nil, err
	}
	l := args[0].List()
	if err := c.Spend(len(l)); err != nil {
		return nil, err
	}
	for _, v := range l {
		if v.Kind() != KindBool {
			return nil, fmt.Errorf("needs a list of true/false values, not a list holding %s", valueType(v))
		}
	}
	return l, nil
}

func anyTrue(c *Caller, args []Value) (Value, error) {
	l, err := bools(c, args)
	if err != nil {
		return Value{}, err
	}
	for _, v := range l {
		if v.Truth() {
			return BoolValue(true), nil
		}
	}
	return BoolValue(false), nil
}

func all(c *Caller, args []Value) (Value, error) {
	l, err := bools(c, args)
	if err != nil {
		return Value{}, err
	}
	for _, v := range l {
		if !v.Truth() {
			return BoolValue(false), nil
		}
	}
	return BoolValue(true), nil
}

// ---- filter ----

func checkFilter(args []lang.Type) (lang.Type, string) {
	if msg := arityMsg(len(args), 2, 2); msg != "" {
		return nil, msg
	}
	if listType(args[0]) == nil {
		return nil, fmt.Sprintf("needs a list as its first argument, not %s", typeText(args[0]))
	}
	if m := listType(args[1]); m == nil || m.Elem != nil && !isBasic(m.Elem, lang.BoolKind) {
		return nil, fmt.Sprintf("needs a list of true/false values as its second argument, not %s", typeText(args[1]))
	}
	return args[0], ""
}

func filter(c *Caller, args []Value) (Value, error) {
	if err := wantKinds(args, KindList, KindList); err != nil {
		return Value{}, err
	}
	elems, mask := args[0].List(), args[1].List()
	if err := c.Spend(len(elems) + len(mask)); err != nil {
		return Value{}, err
	}
	if len(elems) != len(mask) {
		return Value{}, errors.New("the two lists must be the same length, not " +
			plural(len(elems), "element") + " and " + plural(len(mask), "true/false value"))
	}
	var kept []Value
	for i, m := range mask {
		if m.Kind() != KindBool {
			return Value{}, fmt.Errorf("needs a list of true/false values as its second argument, not a list holding %s", valueType(m))
		}
		if m.Truth() {
			kept = append(kept, elems[i])
		}
	}
	return ListValue(kept), nil
}
