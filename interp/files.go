package interp

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// This file reads the files an agreement names besides its sources: the
// holidays of a business-day calendar (`calendar uk from
// "holidays/uk.txt"`, SPEC 11.6). They are read through the same file
// system as the sources: LoadFS reads them from its fs.FS, LoadFiles (and
// WithLocalFiles) from the machine's files, and Compile alone reads none.

// fileReader reads the file rel names, relative to the directory of the
// source file source. It returns the name the file is known by in
// messages (the path it was read from) and its text.
type fileReader func(source, rel string, limit int64) (name string, text []byte, err error)

// WithFiles makes fsys the file system in which the files an agreement
// names are found (SPEC 11.6: `calendar uk from "holidays/uk.txt"`),
// relative to the naming source's directory (its Source.Name is a slash
// path in fsys); LoadFS uses its own unless this says otherwise. Without
// WithFiles or WithLocalFiles, Compile opens no file: a host compiling text
// it was sent never opens files by that text's say-so.
func WithFiles(fsys fs.FS) Option {
	return func(c *config) { c.files = fsysReader(fsys) }
}

// WithLocalFiles finds the files an agreement names on the machine's file
// system, relative to the directory of the source that names them
// (Source.Name); LoadFiles uses it unless WithFiles says otherwise.
func WithLocalFiles() Option {
	return func(c *config) { c.files = localReader }
}

func fsysReader(fsys fs.FS) fileReader {
	return func(source, rel string, limit int64) (string, []byte, error) {
		name := path.Join(path.Dir(source), rel)
		if !fs.ValidPath(name) {
			return rel, nil, fmt.Errorf("%s is outside the file system the agreement was loaded from", rel)
		}
		f, err := fsys.Open(name)
		if err != nil {
			return name, nil, pathError(name, err)
		}
		defer f.Close()
		b, err := readLimited(name, f, limit)
		if err != nil && !errors.Is(err, ErrTooLarge) {
			err = pathError(name, err)
		}
		return name, b, err
	}
}

func localReader(source, rel string, limit int64) (string, []byte, error) {
	name := filepath.Join(filepath.Dir(source), filepath.FromSlash(rel))
	f, err := os.Open(name)
	if err != nil {
		return name, nil, pathError(name, err)
	}
	defer f.Close()
	b, err := readLimited(name, f, limit)
	if err != nil && !errors.Is(err, ErrTooLarge) {
		err = pathError(name, err)
	}
	return name, b, err
}
