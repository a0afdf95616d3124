package schema_test

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/schema"
)

// TestDocNamesEveryMember keeps the package documentation, which is where
// a host reads the JSON shapes, true to the schemas that pin them: each
// section's example names every member its schema declares, and no member
// the schema does not declare.
func TestDocNamesEveryMember(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{}
	name := ""
	for _, line := range strings.Split(f.Doc.Text(), "\n") {
		if h, ok := strings.CutPrefix(line, "# "); ok {
			name = h
			continue
		}
		sections[name] += line + "\n"
	}
	// The clause object (CLAUSE in the examples) is shown once, under
	// Conventions, and declared once, in Common.
	_, clauseText, _ := strings.Cut(sections["Conventions"], "A clause (CLAUSE below)")
	clause := members(clauseText)
	if len(clause) == 0 {
		t.Fatal(`the Conventions section no longer shows "A clause (CLAUSE below)"`)
	}
	for _, c := range []struct {
		section, file string
		data          []string // members of the example that are data, not shape
	}{
		{"Conventions", schema.Common, []string{"amount", "currency"}}, // the convention for amounts
		{"Statement", schema.Statement, nil},
		{"Decision", schema.Decision, nil},
		{"Test report", schema.TestReport, nil},
		{"Value", schema.Value, []string{"actor"}}, // a record's field, in the record example
	} {
		text, ok := sections[c.section]
		if !ok {
			t.Errorf("the package doc has no section %q", c.section)
			continue
		}
		b, err := fs.ReadFile(schema.FS(), c.file)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		declared := map[string]bool{}
		collectProperties(doc, declared)
		usesClause := c.file != schema.Common && strings.Contains(text, "CLAUSE")
		if usesClause {
			b, err := fs.ReadFile(schema.FS(), schema.Common)
			if err != nil {
				t.Fatal(err)
			}
			var common any
			if err := json.Unmarshal(b, &common); err != nil {
				t.Fatal(err)
			}
			collectProperties(common, declared)
		}
		if len(declared) == 0 {
			t.Fatalf("%s declares no properties: the walk is broken", c.file)
		}
		named := members(text)
		if usesClause {
			for m := range clause {
				named[m] = true
			}
		}
		for _, d := range c.data {
			delete(named, d)
		}
		for _, m := range sorted(declared) {
			if !named[m] {
				t.Errorf("section %q does not show member %q, which %s declares", c.section, m, c.file)
			}
		}
		for _, m := range sorted(named) {
			if !declared[m] {
				t.Errorf("section %q shows member %q, which %s does not declare", c.section, m, c.file)
			}
		}
	}
}

// members returns the names of the members a text's JSON shows.
func members(text string) map[string]bool {
	out := map[string]bool{}
	for _, m := range regexp.MustCompile(`"([a-z_]+)":`).FindAllStringSubmatch(text, -1) {
		out[m[1]] = true
	}
	return out
}

// collectProperties adds the name of every property declared anywhere in
// a schema document: the members of its objects, nested ones included.
func collectProperties(v any, out map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if props, ok := x.(map[string]any); ok && k == "properties" {
				for name := range props {
					out[name] = true
				}
			}
			collectProperties(x, out)
		}
	case []any:
		for _, x := range v {
			collectProperties(x, out)
		}
	}
}

func sorted(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestDocListsEveryPeriodForm: the conventions name every form of period
// the schema's period pattern admits, as its description lists them
// (half years and contract years were missing).
func TestDocListsEveryPeriodForm(t *testing.T) {
	data, err := fs.ReadFile(schema.FS(), "common.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var common struct {
		Defs map[string]struct {
			Description string `json:"description"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &common); err != nil {
		t.Fatal(err)
	}
	desc := common.Defs["period"].Description
	_, list, ok := strings.Cut(desc, ": ")
	if !ok {
		t.Fatalf("the period's description lists no forms: %q", desc)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	// Forms compare by shape, digits aside: "2026-Q4" is "2027-Q1"'s form.
	digits := regexp.MustCompile(`[0-9]`)
	doc := strings.Join(strings.Fields(f.Doc.Text()), " ")
	shapes := map[string]bool{}
	for _, m := range regexp.MustCompile(`"([^"]*)"`).FindAllStringSubmatch(doc, -1) {
		shapes[digits.ReplaceAllString(m[1], "9")] = true
	}
	for _, form := range strings.Split(strings.TrimSuffix(list, "."), ", ") {
		if !shapes[digits.ReplaceAllString(form, "9")] {
			t.Errorf("the package doc's conventions do not name the period form %q", form)
		}
	}
}
