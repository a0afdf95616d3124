package interp

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ReadPaths reads agreement sources named on a command line: a file as it
// is, a directory as every .pacta file below it in lexical order. Only
// WithMaxSourceBytes matters among opts; a file over it is refused
// without reading more. An error names the path and unwraps to ErrNoFiles
// (a directory without .pacta files), ErrTooLarge, or the file system's
// error (fs.ErrNotExist, ...).
func ReadPaths(paths []string, opts ...Option) ([]Source, error) {
	cfg := newConfig(opts)
	var out []Source
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, pathError(p, err)
		}
		if !info.IsDir() {
			b, err := readFileLimited(p, cfg.maxSource)
			if err != nil {
				return nil, err
			}
			out = append(out, Source{Name: p, Text: b})
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
			return nil, pathError(p, err)
		}
		if len(names) == 0 {
			return nil, errorf(ErrNoFiles, "%s: no .pacta files in this directory", p)
		}
		sort.Strings(names)
		for _, n := range names {
			b, err := readFileLimited(n, cfg.maxSource)
			if err != nil {
				return nil, err
			}
			out = append(out, Source{Name: n, Text: b})
		}
	}
	return out, nil
}

// pathError turns an os error into a one-line message naming the file;
// it unwraps to err, so errors.Is(err, fs.ErrNotExist) still holds.
func pathError(path string, err error) error {
	switch {
	case os.IsNotExist(err):
		return errorf(err, "%s: no such file", path)
	case os.IsPermission(err):
		return errorf(err, "%s: permission denied", path)
	}
	if pe, ok := err.(*fs.PathError); ok {
		return errorf(err, "%s: %v", path, pe.Err)
	}
	return errorf(err, "%s: %v", path, err)
}
