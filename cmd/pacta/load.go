package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/lang"
)

// source is one input file's name and content.
type source struct {
	name string
	src  []byte
}

// readSources reads the named files; a directory stands for every .pacta
// file below it, in lexical order. A path that cannot be read is an error in
// one line.
func readSources(paths []string) ([]source, error) {
	var out []source
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fileError(p, err)
		}
		if !info.IsDir() {
			src, err := os.ReadFile(p)
			if err != nil {
				return nil, fileError(p, err)
			}
			out = append(out, source{p, src})
			continue
		}
		var names []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".pacta") {
				names = append(names, path)
			}
			return nil
		})
		if err != nil {
			return nil, fileError(p, err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%s: no .pacta files in this directory", p)
		}
		sort.Strings(names)
		for _, n := range names {
			src, err := os.ReadFile(n)
			if err != nil {
				return nil, fileError(n, err)
			}
			out = append(out, source{n, src})
		}
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
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s: %v", path, pe.Err)
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

// printErrors renders errs sorted, each with its source line and caret.
func printErrors(w io.Writer, errs lang.ErrorList, srcs []source) {
	byName := make(map[string][]byte, len(srcs))
	for _, s := range srcs {
		byName[s.name] = s.src
	}
	errs.Sort()
	for _, e := range errs {
		io.WriteString(w, e.Render(byName[e.Pos.File]))
	}
}
