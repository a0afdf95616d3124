package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVetREADME keeps README.md's vet example true: the agreement shown
// (the block starting "// deal.pacta"), vetted, prints exactly the output
// shown after "$ pacta vet deal.pacta", and exits 1 (it has an error).
func TestVetREADME(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var src, want string
	for _, block := range fencedBlocks(string(b)) {
		switch {
		case strings.HasPrefix(block, "// deal.pacta\n"):
			src = block
		case strings.HasPrefix(block, "$ pacta vet deal.pacta\n"):
			want = strings.TrimPrefix(block, "$ pacta vet deal.pacta\n")
		}
	}
	if src == "" || want == "" {
		t.Fatal("README.md has no vet example (a block starting // deal.pacta and one starting $ pacta vet deal.pacta)")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "deal.pacta"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	out, errOut, code := runCLI(t, "", "vet", "deal.pacta")
	if code != 1 || errOut != "" {
		t.Errorf("exit %d, stderr %q; want 1 and nothing", code, errOut)
	}
	if out != want {
		t.Errorf("README.md shows:\n%s\npacta vet prints:\n%s", want, out)
	}
}
