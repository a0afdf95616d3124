package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// source is one input file's name and content.
type source struct {
	name string
	src  []byte
}

// readSources reads the named files; a directory stands for the .pacta
// files below it, in lexical order, as expandDirs finds them. opts may
// raise the size limit of a file (interp.WithMaxSourceBytes).
func readSources(paths []string, opts ...interp.Option) ([]source, error) {
	files, err := expandDirs(paths)
	if err != nil {
		return nil, err
	}
	in, err := interp.ReadPaths(files, opts...)
	if errors.Is(err, interp.ErrTooLarge) {
		return nil, fmt.Errorf("%w (raise the limit with --max-source-bytes)", err)
	}
	if err != nil {
		return nil, err
	}
	out := make([]source, len(in))
	for i, s := range in {
		out[i] = source{s.Name, s.Text}
	}
	return out, nil
}

// expandDirs replaces each directory among paths by the .pacta files below
// it, in lexical order. Below it, as the go tool's ./... does, it leaves
// out directories named testdata or vendor and those whose names start
// with "." or "_" (fixtures, other people's files, editor and VCS state);
// a directory named on the command line is read whatever its name. A
// directory with no .pacta files is an error, as is a path that does not
// exist.
func expandDirs(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fileError(p, err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var names []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && skipDir(d.Name()) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".pacta") {
				names = append(names, path)
			}
			return nil
		})
		if err != nil {
			return nil, fileError(p, err)
		}
		if len(names) == 0 {
			return nil, noFilesError{p}
		}
		sort.Strings(names)
		out = append(out, names...)
	}
	return out, nil
}

// noFilesError is a directory with no .pacta files to read; it unwraps to
// interp.ErrNoFiles, as interp.ReadPaths's does.
type noFilesError struct{ dir string }

func (e noFilesError) Error() string { return e.dir + ": no .pacta files in this directory" }
func (noFilesError) Unwrap() error   { return interp.ErrNoFiles }

// skipDir reports whether a directory of this name below one named on the
// command line is left out (see expandDirs).
func skipDir(name string) bool {
	return name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// fileError turns an os error into a one-line message naming the file.
func fileError(path string, err error) error {
	switch {
	case os.IsNotExist(err):
		return fmt.Errorf("%s: no such file", path)
	case os.IsPermission(err):
		return fmt.Errorf("%s: permission denied", path)
	}
	return fmt.Errorf("%s: %v", path, err)
}

// parseSources parses every source. It returns the trees of the files that
// parsed and every syntax error.
func parseSources(srcs []source) ([]*lang.File, lang.ErrorList) {
	var files []*lang.File
	var errs lang.ErrorList
	for _, s := range srcs {
		f, perrs := lang.Parse(s.name, s.src)
		if len(perrs) > 0 {
			errs = append(errs, perrs...)
			continue
		}
		files = append(files, f)
	}
	return files, errs
}

// printErrors renders errs sorted, each with its source line and caret, up
// to lang.MaxShownErrors of them and then a line counting the rest.
func printErrors(w io.Writer, errs lang.ErrorList, srcs []source) {
	byName := make(map[string][]byte, len(srcs))
	for _, s := range srcs {
		byName[s.name] = s.src
	}
	errs.RenderList(w, func(file string) []byte { return byName[file] })
}

// limitFlags adds the flags that raise the input limits of SPEC section 13
// to fs: --max-source-bytes, and with rows, --max-row-bytes for ledgers.
// The function it returns gives the options they set.
func limitFlags(fs *flag.FlagSet, rows bool) func() []interp.Option {
	src := fs.Int64("max-source-bytes", interp.DefaultMaxSourceBytes, "refuse an agreement source file larger than this many `bytes`")
	var row *int
	if rows {
		row = fs.Int("max-row-bytes", interp.DefaultMaxRowBytes, "refuse a ledger row (a CSV record or a JSON line) longer than this many `bytes`")
	}
	return func() []interp.Option {
		opts := []interp.Option{interp.WithMaxSourceBytes(*src)}
		if row != nil {
			opts = append(opts, interp.WithMaxRowBytes(*row))
		}
		return opts
	}
}
