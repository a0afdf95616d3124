// Package stdlib documents Pacta's standard library, the builtin
// functions that every interp.Program includes unless the host opts out
// with interp.WithoutStdlib. The functions themselves live in package
// interp (interp.Builtins lists them), so that a program has them without
// any registration.
//
// MarkdownTable renders them as the table in SPEC.md and the REPL's :help;
// Funcs lists them for a host that opts out and chooses its own set:
//
//	prog, err := interp.Compile(srcs, interp.WithoutStdlib(), interp.WithFuncs(mine...))
package stdlib

import (
	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// Funcs returns the standard library's functions, sorted by name; it is
// interp.Builtins. Each call returns new values.
func Funcs() []*interp.Func { return interp.Builtins() }

// typeText names a type for the table; a missing type is "nothing".
func typeText(t lang.Type) string {
	if t == nil {
		return "nothing"
	}
	return t.String()
}
