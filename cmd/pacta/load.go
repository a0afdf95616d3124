package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// source is one input file's name and content.
type source struct {
	name string
	src  []byte
}

// readSources reads the named files; a directory stands for every .pacta
// file below it, in lexical order (see interp.ReadPaths). opts may raise
// the size limit of a file (interp.WithMaxSourceBytes).
func readSources(paths []string, opts ...interp.Option) ([]source, error) {
	in, err := interp.ReadPaths(paths, opts...)
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
