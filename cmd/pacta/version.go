package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version is what `pacta version` prints after "pacta ": see
// versionOf. The REPL shows it in its banner.
var version = versionOf(debug.ReadBuildInfo())

// versionOf describes the build that info records: the module version
// when pacta was installed with `go install …/cmd/pacta@VERSION`; when it
// was built from a checkout, the version the go command gave it ("(devel)",
// or since Go 1.24 a pseudo-version naming the commit) followed by the
// commit it stamped (first 12 hex digits), the commit's time, and whether
// the tree had changes not committed:
//
//	v0.1.0
//	(devel) (revision 3bce985abcde, 2026-12-02T19:00:00Z, with local changes)
//	v0.0.0-20261202190000-3bce985abcde (revision 3bce985abcde, 2026-12-02T19:00:00Z)
//
// Without build information (ok false) it is "(unknown)".
func versionOf(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v += " (revision " + rev
	if when != "" {
		v += ", " + when
	}
	if modified {
		v += ", with local changes"
	}
	return v + ")"
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "pacta version",
		`Print the version of pacta, read from the build information the go
command records in the binary: the module version (v0.1.0) when
installed with go install; when built from a checkout, (devel) or a
pseudo-version, with the commit, its time and whether the tree had local
changes. pacta --version prints the same.`, stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(stderr, "pacta version: takes no arguments")
		return 2
	}
	fmt.Fprintf(stdout, "pacta %s\n", version)
	return 0
}
