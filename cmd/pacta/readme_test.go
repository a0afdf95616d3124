package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExampleREADMEs keeps every statement shown in an example's README
// identical to what the README's own `pacta settle` commands print: each
// fenced block that starts with "Statement for" must be the output of one
// of them.
func TestExampleREADMEs(t *testing.T) {
	t.Chdir("../..") // run the commands exactly as the READMEs write them
	readmes, err := filepath.Glob("examples/*/README.md")
	readmes = append(readmes, "README.md")
	if err != nil || len(readmes) == 0 {
		t.Fatalf("no example READMEs: %v", err)
	}
	checked := 0
	for _, readme := range readmes {
		b, err := os.ReadFile(readme)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		var outputs []string
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "pacta settle ") {
				continue
			}
			if i := strings.Index(line, "#"); i >= 0 {
				line = strings.TrimSpace(line[:i])
			}
			args := strings.Fields(strings.TrimPrefix(line, "pacta "))
			out, errOut, code := runCLI(t, "", args...)
			if code != 0 {
				t.Errorf("%s: %s: exit %d: %s", readme, line, code, errOut)
				continue
			}
			outputs = append(outputs, normalize(out))
		}
		for _, block := range fencedBlocks(text) {
			if !strings.HasPrefix(block, "Statement for") {
				continue
			}
			checked++
			found := false
			for _, o := range outputs {
				if o == normalize(block) {
					found = true
				}
			}
			if !found {
				first := ""
				if len(outputs) > 0 {
					first = outputs[0]
				}
				t.Errorf("%s: a statement shown is not what its commands print.\nshown:\n%s\nfirst command prints:\n%s", readme, block, first)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no statements found in the example READMEs")
	}
}

func fencedBlocks(text string) []string {
	var out []string
	parts := strings.Split(text, "```")
	for i := 1; i < len(parts); i += 2 {
		block := parts[i]
		if j := strings.IndexByte(block, '\n'); j >= 0 {
			block = block[j+1:] // drop the info string
		}
		out = append(out, block)
	}
	return out
}

func normalize(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
