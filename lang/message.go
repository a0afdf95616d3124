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

// ClipText cuts s to its first MaxQuoted characters, marking the cut with
// "…". An invalid byte counts as one character.
func ClipText(s string) string {
	n := 0
	for i := range s {
		if n == MaxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// QuoteName quotes a name or value for a message, clipped (see ClipText).
func QuoteName(s string) string { return strconv.Quote(ClipText(s)) }

// clipArgs returns args with the names and values among them clipped (see
// ClipText), so that a message quotes each by a short prefix. A string
// formatted by %q is a name or value; so is one formatted by %s that holds
// no space (a phrase the checker composed, such as the reason after "is an
// event;", has spaces and is kept whole).
func clipArgs(format string, args []any) []any {
	var out []any
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++ // past flags and width to the verb
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i == len(format) || format[i] == '%' {
			continue
		}
		if arg == len(args) {
			break
		}
		if s, ok := args[arg].(string); ok && len(s) > MaxQuoted &&
			(format[i] == 'q' || format[i] == 's' && !strings.ContainsAny(s, " \t\n")) {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[arg] = ClipText(s)
		}
		arg++
	}
	if out == nil {
		return args
	}
	return out
}

// joinCycle writes a cycle, such as [a b c a], joined by arrows, each
// member clipped (see ClipText). A cycle of more than MaxCycleShown members
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
			b.WriteString(ClipText(cyc[len(cyc)-1]))
			break
		}
		b.WriteString(ClipText(s))
	}
	return b.String()
}

// MaxListShown is how many names a message lists ("is missing fields a, b
// and c"): the rest are counted, as in "a, b, …, j and 990 more".
const MaxListShown = 10

// joinAnd joins names by commas and a final "and", each clipped (see
// ClipText), listing at most MaxListShown of them and counting the rest.
func joinAnd(names []string) string {
	shown := make([]string, 0, min(len(names), MaxListShown))
	for _, s := range names[:min(len(names), MaxListShown)] {
		shown = append(shown, ClipText(s))
	}
	if rest := len(names) - len(shown); rest > 0 {
		return strings.Join(shown, ", ") + " and " + thousands(rest) + " more"
	}
	switch len(shown) {
	case 0:
		return ""
	case 1:
		return shown[0]
	}
	return strings.Join(shown[:len(shown)-1], ", ") + " and " + shown[len(shown)-1]
}
