package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The package documentation (doc.go) names every command and every flag
// the commands have, and shows the exit status table pacta help prints;
// README.md names every command and shows the same table.
func TestDocsMatchCommands(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	// The comment's text, without the comment markers.
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if l, ok := strings.CutPrefix(l, "//"); ok {
			lines = append(lines, strings.TrimPrefix(strings.TrimPrefix(l, " "), "\t"))
		}
	}
	doc := strings.Join(lines, "\n")
	rb, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(rb)
	for _, s := range commandSpecs() {
		if s.name == "help" {
			continue
		}
		if !regexp.MustCompile(`(?m)^` + s.name + ` +\S`).MatchString(doc) {
			t.Errorf("doc.go's list of commands lacks %s", s.name)
		}
		if !strings.Contains(readme, "`pacta "+s.name) {
			t.Errorf("README.md's table of tools lacks pacta %s", s.name)
		}
		for _, f := range s.flags {
			// -f must not be found inside --format.
			re := regexp.MustCompile(`(^|[^-\w])` + regexp.QuoteMeta(dash(f.name)) + `\b`)
			if !re.MatchString(doc) {
				t.Errorf("doc.go does not mention %s of pacta %s", dash(f.name), s.name)
			}
		}
	}
	// doc.go indents the table by a tab where pacta help uses two spaces.
	table := strings.ReplaceAll("\n"+strings.TrimSpace(strings.TrimPrefix(exitStatusHelp, "Exit status:\n")), "\n  ", "\n")
	if !strings.Contains(doc, "# Exit status\n"+table) {
		t.Errorf("doc.go's exit status section differs from pacta help's:\n%s", table)
	}
	if !strings.Contains(readme, "```\n"+exitStatusHelp+"```") {
		t.Errorf("README.md does not show pacta help's exit status table:\n%s", exitStatusHelp)
	}
}
