package main

import (
	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/stdlib"
)

// programOptions are the options every command compiles agreements with:
// the standard library's builtins.
func programOptions() []interp.Option {
	return []interp.Option{interp.WithFuncs(stdlib.Funcs()...)}
}
