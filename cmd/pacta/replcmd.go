package main

import (
	"io"
	"os"

	"github.com/pacta-lang/pacta/cmd/pacta/repl"
)

func runRepl(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("repl", "pacta repl [--as-of DATE] [--agreement ID] [--width N] [FILE|DIR]...",
		`Start the interactive REPL on the given agreements: ask whether an action
is permitted, compute amounts, define and redefine terms and clauses. Type
:help once it starts. With piped input (not a terminal) it reads entries
line by line and prints only the answers, errors included, in order; the
exit status is then 1 if any entry failed.`, stderr)
	asOf := fs.String("as-of", "", "start with this as-of `date` (see :asof)")
	agreement := fs.String("agreement", "", "the `agreement` questions go to, when several are loaded (see :agreement)")
	width := fs.Int("width", 0, "with piped input, wrap the output at `N` columns, as a terminal that wide would (0: never); at a terminal its own width is used")
	rest, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if *width < 0 {
		return usageError(fs, stderr, "repl", "--width must be 0 or more")
	}
	return repl.Run(repl.Options{
		Files:       rest,
		AsOf:        *asOf,
		Agreement:   *agreement,
		Stdin:       stdin,
		Stdout:      stdout,
		Stderr:      stderr,
		Interactive: atTerminal(stdin, stdout),
		Width:       *width,
		Version:     version,
	})
}

// atTerminal reports whether the REPL reads and writes a terminal, and so
// edits lines with liner: both streams must be the process's own and
// terminals. /dev/null is a character device but no terminal, so
// `pacta repl </dev/null` reads its empty input as piped input.
func atTerminal(in io.Reader, out io.Writer) bool {
	fin, ok1 := in.(*os.File)
	fout, ok2 := out.(*os.File)
	return ok1 && ok2 && fin == os.Stdin && fout == os.Stdout &&
		repl.IsTerminal(fin) && repl.IsTerminal(fout)
}
