package interp

import (
	"strconv"

	"github.com/pacta-lang/pacta/lang"
)

// This file keeps the prose of an agreement's header rules (SPEC 4.2) for
// the answers that rest on them: the default verdict of an action no
// clause covers, and the rounding of statement lines.

// headerProse records the prose of the agreement's `default`,
// `rounding`, `effective` and `ends` rules.
func (a *agreement) headerProse(d *lang.Agreement) {
	for _, it := range d.Items {
		p := lang.HeaderProse(it)
		if p == nil {
			continue
		}
		switch it.(type) {
		case *lang.DefaultDecl:
			a.defaultProse = p.Value
		case *lang.RoundingDecl:
			a.roundingProse = p.Value
		case *lang.Effective:
			a.effectiveProse = p.Value
		case *lang.Ends:
			a.endsProse = p.Value
		}
	}
}

// roundingRule is what a rounding note adds when the rounding rule has
// prose: ` ("Amounts are rounded to the cent …")`; "" otherwise.
func (a *agreement) roundingRule() string { return quoted(a.roundingProse) }

// quoted is ` ("prose")`, or "" for no prose.
func quoted(prose string) string {
	if prose == "" {
		return ""
	}
	return " (" + strconv.Quote(prose) + ")"
}
