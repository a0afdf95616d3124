package stdlib

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateSpec = flag.Bool("update-spec", false, "rewrite the builtins table in ../SPEC.md")

// TestSpecTable keeps SPEC.md's table of builtins identical to the table
// the code declares. Run `go test ./stdlib -run SpecTable -update-spec`
// after changing a builtin.
func TestSpecTable(t *testing.T) {
	const begin, end = "<!-- BUILTINS -->\n", "<!-- /BUILTINS -->\n"
	b, err := os.ReadFile("../SPEC.md")
	if err != nil {
		t.Fatal(err)
	}
	spec := string(b)
	i := strings.Index(spec, begin)
	j := strings.Index(spec, end)
	if i < 0 || j < i {
		t.Fatalf("SPEC.md has no %q ... %q section", strings.TrimSpace(begin), strings.TrimSpace(end))
	}
	want := "\n" + MarkdownTable() + "\n"
	got := spec[i+len(begin) : j]
	if got == want {
		return
	}
	if *updateSpec {
		spec = spec[:i+len(begin)] + want + spec[j:]
		if err := os.WriteFile("../SPEC.md", []byte(spec), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("SPEC.md's builtins table differs from stdlib.MarkdownTable(); run go test ./stdlib -run SpecTable -update-spec")
}
