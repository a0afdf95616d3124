package stdlib

import (
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp"
)

// MarkdownTable returns the builtins as a Markdown table, one row per
// function sorted by name: name, signature, what it does, and an example
// with its result. SPEC.md's list of builtins and the REPL's :help are made
// from it.
func MarkdownTable() string {
	t := interp.Builtins()
	sort.Slice(t, func(i, j int) bool { return t[i].Name < t[j].Name })
	var b strings.Builder
	b.WriteString("| Name | Signature | What it does | Example → result |\n")
	b.WriteString("|---|---|---|---|\n")
	for _, f := range t {
		b.WriteString("| `")
		b.WriteString(cell(f.Name))
		b.WriteString("` | ")
		b.WriteString(cell(signature(f)))
		b.WriteString(" | ")
		b.WriteString(cell(f.Doc))
		b.WriteString(" | `")
		b.WriteString(cell(f.Example))
		b.WriteString("` → `")
		b.WriteString(cell(f.Result))
		b.WriteString("` |\n")
	}
	return b.String()
}

// signature returns the signature of f in words: its Signature when it
// has one (a function whose types its Check decides), else one made from
// Params and Ret, such as "add_days(date, integer) → date".
func signature(f *interp.Func) string {
	if f.Signature != "" {
		return f.Signature
	}
	params := make([]string, len(f.Params))
	for i, p := range f.Params {
		params[i] = typeText(p)
	}
	if f.Variadic && len(params) > 0 {
		params[len(params)-1] += ", ..."
	}
	return f.Name + "(" + strings.Join(params, ", ") + ") → " + typeText(f.Ret)
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}
