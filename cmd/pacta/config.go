package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
	"github.com/pacta-lang/pacta/stdlib"
)

// checkConfig is the checker configuration the CLI uses: the standard
// library's builtins are callable.
func checkConfig() *lang.Config {
	env := lang.FuncMap{}
	for _, f := range stdlib.Funcs() {
		env[f.Name] = &lang.FuncSig{
			Name: f.Name, Doc: f.Doc, Params: f.Params, Result: f.Ret, Variadic: f.Variadic, Check: f.Check,
		}
	}
	return &lang.Config{Funcs: env}
}

// loadProgram reads FILE|DIR arguments as readSources does and compiles
// them with the standard library. Problems in the agreements come back as
// an error whose text is every problem rendered with its source line and
// caret, followed by a count: print it as it is.
func loadProgram(paths []string, opts ...interp.Option) (*interp.Program, error) {
	srcs, err := readSources(paths, opts...)
	if err != nil {
		return nil, err
	}
	p, err := compileSources(srcs, opts...)
	if err == nil {
		return p, nil
	}
	var errs lang.ErrorList
	var ie *interp.EvalError
	switch {
	case errors.As(err, &errs):
	case errors.As(err, &ie) && ie.Pos.IsValid():
		errs = lang.ErrorList{{Pos: ie.Pos, Msg: ie.Msg}}
	default:
		return nil, err
	}
	var b strings.Builder
	printErrors(&b, errs, srcs)
	fmt.Fprintf(&b, "%d %s", errs.Total(), plural(errs.Total(), "problem", "problems"))
	return nil, &sourceError{text: b.String()}
}

// sourceError is problems in agreement sources, already rendered.
type sourceError struct{ text string }

func (e *sourceError) Error() string { return e.text }

// printCmdError prints err for command cmd: rendered source problems and
// ledger problems (which start with their file and line) as they are,
// anything else after the command's name.
func printCmdError(stderr io.Writer, cmd string, err error) {
	var se *sourceError
	var le *interp.LedgerError
	switch {
	case errors.As(err, &se):
		fmt.Fprintln(stderr, se.text)
	case errors.As(err, &le) && le.Source != "":
		fmt.Fprintln(stderr, le.Error())
	default:
		fmt.Fprintf(stderr, "pacta %s: %v\n", cmd, err)
	}
}
