package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
)

func runTest(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("test", "pacta test [FILE|DIR...] [--format text|json]",
		`Run the test blocks of agreements and print each test as PASS or FAIL,
with every failed expectation as file:line:col: message, a summary, and
the clauses that no test exercises. With no files, the .pacta files
under the current directory are tested.

Exit status: 0 every test passed, 1 a test failed or the agreements have
problems, 2 usage error.`, stderr)
	format := fs.String("format", "text", "output format: text or json")
	limits := limitFlags(fs, false)
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return usageError(fs, stderr, "test", fmt.Sprintf("unknown format %q: use text or json", *format))
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	p, err := loadProgram(paths, limits()...)
	if err != nil {
		printCmdError(stderr, "test", err)
		return 1
	}
	rep, err := p.RunTests(context.Background())
	if err != nil {
		printCmdError(stderr, "test", err)
		return 1
	}
	var out bytes.Buffer
	if *format == "json" {
		err = rep.WriteJSON(&out)
	} else {
		err = rep.WriteText(&out)
	}
	if err != nil {
		printCmdError(stderr, "test", err)
		return 1
	}
	stdout.Write(out.Bytes())
	if rep.Failed() > 0 {
		return 1
	}
	return 0
}
