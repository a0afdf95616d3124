package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlags makes a flag set whose --help prints the usage line, the
// description and the options.
func newFlags(name, usageLine, description string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if c, ok := stderr.(*flagCollector); ok {
		c.fs = fs // completion is asking for the command's flags
	}
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: %s\n\n%s\n", usageLine, description)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(out, "\nOptions:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args; ok is false when the command must stop with code
// (0 after --help, 2 after a usage error).
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	err := fs.Parse(args)
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0, false
	}
	return 2, false
}

// parseInterspersed parses flags that may appear before or after the
// positional arguments (`pacta check a.pacta -q`). It returns the positional
// arguments. An argument that starts with a dash but cannot be a flag (a
// negative amount or number such as "-USD 5.00" or "-5 + 2": the name
// after the dash begins with a digit or a capital, or holds a space) is a
// positional argument, so `pacta eval '-USD 5.00'` needs no "--".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		cut := len(args)
		for i := 0; i < len(args); i++ {
			a := args[i]
			if a == "--" {
				break
			}
			if notAFlag(a) {
				cut = i
				break
			}
			if takesValue(fs, a) {
				i++ // --max-body -1: the value is the flag's, whatever it looks like
			}
		}
		if code, ok := parseFlags(fs, args[:cut]); !ok {
			return nil, code, false
		}
		rest := fs.Args()
		if len(rest) > 0 && rest[0] == "--" {
			return append(append(pos, rest[1:]...), args[cut:]...), 0, true
		}
		if len(rest) == 0 {
			if cut == len(args) {
				return pos, 0, true
			}
			pos = append(pos, args[cut])
			args = args[cut+1:]
			continue
		}
		pos = append(pos, rest[0])
		args = append(rest[1:len(rest):len(rest)], args[cut:]...)
	}
}

// notAFlag reports whether a, which may start with a dash, is written as
// no flag is: flags are lower-case words.
func notAFlag(a string) bool {
	name := strings.TrimLeft(a, "-")
	if len(a) < 2 || a[0] != '-' || name == "" {
		return false
	}
	c := name[0]
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '(' || c == '.' || strings.Contains(name, " ")
}

// takesValue reports whether a is a flag of fs written without =value
// whose value is the next argument.
func takesValue(fs *flag.FlagSet, a string) bool {
	if len(a) < 2 || a[0] != '-' || strings.Contains(a, "=") {
		return false
	}
	f := fs.Lookup(strings.TrimLeft(a, "-"))
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}
