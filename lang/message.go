package lang

import (
	"fmt"
	"strconv"
	"strings"
)

// This file bounds what a message repeats of the user's text, so that a
// name a megabyte long makes a message of a few lines (SPEC 12.1).

// MaxQuoted is how many characters of a name or value a message quotes: a
// longer one is cut there, the cut marked by "…".
const MaxQuoted = 40

// MaxCycleShown is how many members of a cycle (of clauses taking
// precedence, or of terms depending on one another) a message names: the
// rest are counted, as in "1 → 2 → 3 → 4 → 5 → … and 39,995 more".
const MaxCycleShown = 5

// clipText cuts s to its first MaxQuoted characters, marking the cut with
// "…". An invalid byte counts as one character.
func clipText(s string) string {
	n := 0
	for i := range s {
		if n == MaxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// quoteName quotes a name or value for a message, clipped (see clipText).
func quoteName(s string) string { return strconv.Quote(clipText(s)) }

// clipArgs returns args with each string longer than MaxQuoted characters
// clipped (see clipText), so that the names and values a message is built
// from are quoted by a short prefix whatever its verbs (%q or %s). The args
// of the format "%s" alone are kept whole: that is a message its caller
// composed and bounded (see joinCycle).
func clipArgs(format string, args []any) []any {
	if format == "%s" {
		return args
	}
	var out []any
	for i, a := range args {
		s, ok := a.(string)
		if !ok || len(s) <= MaxQuoted {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = clipText(s)
	}
	if out == nil {
		return args
	}
	return out
}

// joinCycle writes a cycle, such as [a b c a], joined by arrows, each
// member clipped (see clipText). A cycle of more than MaxCycleShown members
// is shown by its first MaxCycleShown, a count of the others and its first
// again: "1 → 2 → 3 → 4 → 5 → … (39,995 more) → 1".
func joinCycle(cyc []string) string {
	var b strings.Builder
	for i, s := range cyc {
		if i > 0 {
			b.WriteString(" → ")
		}
		if i == MaxCycleShown && len(cyc)-1 > MaxCycleShown {
			fmt.Fprintf(&b, "… (%s more) → ", thousands(len(cyc)-1-MaxCycleShown))
			b.WriteString(clipText(cyc[len(cyc)-1]))
			break
		}
		b.WriteString(clipText(s))
	}
	return b.String()
}
