package main

import "github.com/pacta-lang/pacta/lang"

// checkConfig is the checker configuration the CLI uses.
func checkConfig() *lang.Config {
	return &lang.Config{}
}
