package interp

import (
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file holds the builtins on text. Texts compare exactly: capitals
// matter, and nothing is trimmed. Each spends one step per byte of text it
// reads (Caller.Spend), so the step budget bounds its work.

// spendText charges the bytes of the text arguments.
func spendText(c *Caller, args []types.Value) error {
	n := 0
	for _, a := range args {
		n += len(a.Str())
	}
	return c.Spend(n)
}

func lower(c *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindText); err != nil {
		return types.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return types.Value{}, err
	}
	return types.TextValue(strings.ToLower(args[0].Str())), nil
}

func upper(c *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindText); err != nil {
		return types.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return types.Value{}, err
	}
	return types.TextValue(strings.ToUpper(args[0].Str())), nil
}

func contains(c *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindText, types.KindText); err != nil {
		return types.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return types.Value{}, err
	}
	return types.BoolValue(strings.Contains(args[0].Str(), args[1].Str())), nil
}

func startsWith(c *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindText, types.KindText); err != nil {
		return types.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return types.Value{}, err
	}
	return types.BoolValue(strings.HasPrefix(args[0].Str(), args[1].Str())), nil
}

// length counts characters (Unicode code points), not bytes: "Zürich" has 6.
func length(c *Caller, args []types.Value) (types.Value, error) {
	if err := wantKinds(args, types.KindText); err != nil {
		return types.Value{}, err
	}
	if err := spendText(c, args); err != nil {
		return types.Value{}, err
	}
	return types.IntegerValue(int64(utf8.RuneCountInString(args[0].Str()))), nil
}
