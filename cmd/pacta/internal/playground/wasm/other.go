//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// run refuses to run: this command is for the browser.
func run() {
	fmt.Fprintln(os.Stderr, "this is the playground's interpreter for the browser: build it with GOOS=js GOARCH=wasm (pacta serve and pacta playground do)")
	os.Exit(2)
}
