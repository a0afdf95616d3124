package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/pacta-lang/pacta/lang"
)

func runFmt(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("fmt", "pacta fmt [-w | -l | -d] [FILE|DIR...]",
		`Format agreements in Pacta's one canonical layout. Without flags the
formatted text is printed. With no files, standard input is formatted.
Files with syntax errors are reported and left unchanged.
Exit status: 0 success, 1 errors (or, with -l or -d, files that need formatting), 2 usage error.`, stderr)
	write := fs.Bool("w", false, "write the result back to each file instead of printing it")
	list := fs.Bool("l", false, "list the files whose layout differs from the canonical one")
	diff := fs.Bool("d", false, "print a diff of the changes instead of the result")
	limits := limitFlags(fs, false)
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	n := 0
	for _, b := range []bool{*write, *list, *diff} {
		if b {
			n++
		}
	}
	if n > 1 {
		fmt.Fprintln(stderr, "pacta fmt: use only one of -w, -l and -d")
		return 2
	}
	var srcs []source
	if len(paths) == 0 {
		if *write {
			fmt.Fprintln(stderr, "pacta fmt: -w needs files")
			return 2
		}
		src, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "pacta fmt: reading standard input: %v\n", err)
			return 1
		}
		srcs = []source{{"<stdin>", src}}
	} else {
		var err error
		srcs, err = readSources(paths, limits()...)
		if err != nil {
			fmt.Fprintf(stderr, "pacta fmt: %v\n", err)
			return 1
		}
	}
	status := 0
	for _, s := range srcs {
		f, errs := lang.Parse(s.name, s.src)
		if len(errs) > 0 {
			printErrors(stderr, errs, []source{s})
			status = 1
			continue
		}
		out := lang.Format(f)
		same := bytes.Equal(out, s.src)
		switch {
		case *write:
			if same {
				continue
			}
			if err := writeFileKeepMode(s.name, out); err != nil {
				fmt.Fprintf(stderr, "pacta fmt: %v\n", err)
				status = 1
			}
		case *list:
			if !same {
				fmt.Fprintln(stdout, s.name)
				status = 1
			}
		case *diff:
			if !same {
				stdout.Write(formatDiff(s.name, s.src, out))
				status = 1
			}
		default:
			stdout.Write(out)
		}
	}
	return status
}

// writeFileKeepMode replaces path's content, keeping its permissions.
func writeFileKeepMode(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return fileError(path, err)
	}
	if err := os.WriteFile(path, data, info.Mode().Perm()); err != nil {
		return fileError(path, err)
	}
	return nil
}
