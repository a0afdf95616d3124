package interp

import (
	"strings"
	"unicode/utf8"
)

// This file holds the builtins on text. Texts compare exactly: capitals
// matter, and nothing is trimmed. Each spends one step per byte of text it
// reads (Caller.Spend), so the step budget bounds its work.

// spendText charges the bytes of the text arguments.
func spendText(c *Caller, args []Value) error {
	n := 0
	for _, a := range args {
		n += len(a.Str())
	}
	return c.Spend(n)
}

func lower(c *Caller, args []Value) (Value, error) {
	if err := wantKinds(args, KindText); err != nil {
		return Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return Value{}, err
	}
	return TextValue(strings.ToLower(args[0].Str())), nil
}

func upper(c *Caller, args []Value) (Value, error) {
	if err := wantKinds(args, KindText); err != nil {
		return Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return Value{}, err
	}
	return TextValue(strings.ToUpper(args[0].Str())), nil
}

func contains(c *Caller, args []Value) (Value, error) {
	if err := wantKinds(args, KindText, KindText); err != nil {
		return Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return Value{}, err
	}
	return BoolValue(strings.Contains(args[0].Str(), args[1].Str())), nil
}

func startsWith(c *Caller, args []Value) (Value, error) {
	if err := wantKinds(args, KindText, KindText); err != nil {
		return Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return Value{}, err
	}
	return BoolValue(strings.HasPrefix(args[0].Str(), args[1].Str())), nil
}

// length counts characters (Unicode code points), not bytes: "Zürich" has 6.
func length(c *Caller, args []Value) (Value, error) {
	if err := wantKinds(args, KindText); err != nil {
		return Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return Value{}, err
	}
	return IntegerValue(int64(utf8.RuneCountInString(args[0].Str()))), nil
}
