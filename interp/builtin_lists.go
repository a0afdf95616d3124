package interp

import (
	"errors"
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
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
func sum(c *Caller, args []types.Value) (types.Value, error) {
	if err := wantArgs(args, 1, 2); err != nil {
		return types.Value{}, err
	}
	if args[0].Kind() != types.KindList {
		return types.Value{}, argKindError(0, "list", args[0])
	}
	elems := args[0].List()
	if err := c.Spend(len(elems)); err != nil {
		return types.Value{}, err
	}
	if len(args) == 2 {
		elems = append([]types.Value{args[1]}, elems...)
	}
	if len(elems) == 0 {
		return types.IntegerValue(0), nil
	}
	acc := elems[0]
	switch acc.Kind() {
	case types.KindInteger, types.KindDecimal, types.KindPercent, types.KindMoney:
	default:
		return types.Value{}, fmt.Errorf("adds up numbers, percents or amounts of money, not %s", valueType(acc))
	}
	total := acc.Num()
	kind := acc.Kind()
	for _, v := range elems[1:] {
		switch {
		case v.Kind() == kind && kind != types.KindMoney:
		case kind == types.KindInteger && v.Kind() == types.KindDecimal:
			kind = types.KindDecimal
		case kind == types.KindDecimal && v.Kind() == types.KindInteger:
		case kind == types.KindMoney && v.Kind() == types.KindMoney:
			if v.Currency() != acc.Currency() {
				return types.Value{}, funcCurrencyError("amounts", acc, v)
			}
		default:
			return types.Value{}, fmt.Errorf("needs values of one type, not %s and %s", valueType(acc), valueType(v))
		}
		var err error
		if total, err = total.Add(v.Num()); err != nil {
			return types.Value{}, err
		}
	}
	switch kind {
	case types.KindInteger:
		return intVal(total)
	case types.KindDecimal:
		return types.DecimalValue(total), nil
	case types.KindPercent:
		return types.PercentValue(total), nil
	}
	return types.MoneyValue(acc.Currency(), total), nil
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

func count(_ *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindList); err != nil {
		return types.Value{}, err
	}
	return types.IntegerValue(int64(len(args[0].List()))), nil
}

// ---- any, all ----

// bools returns the elements of a list of bool, spending a step for each.
func bools(c *Caller, args []types.Value) ([]types.Value, error) {
	if err := wantKinds(args, types.KindList); err != nil {
		return nil, err
	}
	l := args[0].List()
	if err := c.Spend(len(l)); err != nil {
		return nil, err
	}
	for _, v := range l {
		if v.Kind() != types.KindBool {
			return nil, fmt.Errorf("needs a list of true/false values, not a list holding %s", valueType(v))
		}
	}
	return l, nil
}

func anyTrue(c *Caller, args []types.Value) (types.Value, error) {
	l, err := bools(c, args)
	if err != nil {
		return types.Value{}, err
	}
	for _, v := range l {
		if v.Truth() {
			return types.BoolValue(true), nil
		}
	}
	return types.BoolValue(false), nil
}

func all(c *Caller, args []types.Value) (types.Value, error) {
	l, err := bools(c, args)
	if err != nil {
		return types.Value{}, err
	}
	for _, v := range l {
		if !v.Truth() {
			return types.BoolValue(false), nil
		}
	}
	return types.BoolValue(true), nil
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

func filter(c *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindList, types.KindList); err != nil {
		return types.Value{}, err
	}
	elems, mask := args[0].List(), args[1].List()
	if err := c.Spend(len(elems) + len(mask)); err != nil {
		return types.Value{}, err
	}
	if len(elems) != len(mask) {
		return types.Value{}, errors.New("the two lists must be the same length, not " +
			plural(len(elems), "element") + " and " + plural(len(mask), "true/false value"))
	}
	var kept []types.Value
	for i, m := range mask {
		if m.Kind() != types.KindBool {
			return types.Value{}, fmt.Errorf("needs a list of true/false values as its second argument, not a list holding %s", valueType(m))
		}
		if m.Truth() {
			kept = append(kept, elems[i])
		}
	}
	return types.ListValue(kept), nil
}
