package main

import (
	"github.com/pacta-lang/pacta/interp"
)

// programOptions are the options every command compiles agreements with:
// none beyond the defaults, which include the standard library.
func programOptions() []interp.Option {
	return nil
}
