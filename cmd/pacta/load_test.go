package main

import (
	"errors"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// A directory whose only .pacta files are in directories left out has no
// files to read: the error names it and is interp.ErrNoFiles.
func TestExpandDirsNoFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "notes.txt", "not an agreement")
	_, err := expandDirs([]string{dir})
	if !errors.Is(err, interp.ErrNoFiles) || err.Error() != dir+": no .pacta files in this directory" {
		t.Errorf("err = %v", err)
	}
}
