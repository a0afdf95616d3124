package stdlib

import (
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp"
)

// This file holds the builtins on text. Texts compare exactly: capitals
// matter, and nothing is trimmed. Each spends one step per byte of text it
// reads (interp.Caller.Spend), so the step budget bounds its work.

// spendText charges the bytes of the text arguments.
func spendText(c *interp.Caller, args []interp.Value) error {
	n := 0
	for _, a := range args {
		n += len(a.Str())
	}
	return c.Spend(n)
}

func lower(c *interp.Caller, args []interp.Value) (interp.Value, error) {
	if err := wantKinds(args, interp.KindText); err != nil {
		return interp.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return interp.Value{}, err
	}
	return interp.TextValue(strings.ToLower(args[0].Str())), nil
}

func upper(c *interp.Caller, args []interp.Value) (interp.Value, error) {
	if err := wantKinds(args, interp.KindText); err != nil {
		return interp.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return interp.Value{}, err
	}
	return interp.TextValue(strings.ToUpper(args[0].Str())), nil
}

func contains(c *interp.Caller, args []interp.Value) (interp.Value, error) {
	if err := wantKinds(args, interp.KindText, interp.KindText); err != nil {
		return interp.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return interp.Value{}, err
	}
	return interp.BoolValue(strings.Contains(args[0].Str(), args[1].Str())), nil
}

func startsWith(c *interp.Caller, args []interp.Value) (interp.Value, error) {
	if err := wantKinds(args, interp.KindText, interp.KindText); err != nil {
		return interp.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return interp.Value{}, err
	}
	return interp.BoolValue(strings.HasPrefix(args[0].Str(), args[1].Str())), nil
}

// length counts characters (Unicode code points), not bytes: "Zürich" has 6.
func length(c *interp.Caller, args []interp.Value) (interp.Value, error) {
	if err := wantKinds(args, interp.KindText); err != nil {
		return interp.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return interp.Value{}, err
	}
	return interp.IntegerValue(int64(utf8.RuneCountInString(args[0].Str()))), nil
}
