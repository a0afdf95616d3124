package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

var update = flag.Bool("update", false, "rewrite the golden documents in testdata/golden")

// examplesDir holds the bundled examples, one deal per directory.
const examplesDir = "../../examples"

// load compiles every .pacta file of a directory, in lexical order.
func load(t testing.TB, dir string) *interp.Program {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.pacta"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no .pacta files in %s", dir)
	}
	var srcs []interp.Source
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, interp.Source{Name: filepath.Base(p), Text: b})
	}
	prog, err := interp.Compile(srcs)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return prog
}

func mustDateOK(s string) (types.Date, error) { return types.ParseDate(s) }

func mustDate(t testing.TB, s string) types.Date {
	d, err := types.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustPeriod(t testing.TB, s string) types.Period {
	p, err := types.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func renderString(t testing.TB, prog *interp.Program, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(context.Background(), &b, prog, opts); err != nil {
		t.Fatalf("render: %v", err)
	}
	return b.String()
}

// goldenCases are the documents kept in testdata/golden: every example
// with its tests run, and the seed deal as of a date before its
// amendment, with a ledger, and as Markdown.
func goldenCases(t *testing.T) map[string]func() string {
	cases := map[string]func() string{}
	dirs, err := os.ReadDir(examplesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		dir := filepath.Join(examplesDir, d.Name())
		if m, _ := filepath.Glob(filepath.Join(dir, "*.pacta")); len(m) == 0 {
			continue
		}
		cases[d.Name()+".html"] = func() string {
			return renderString(t, load(t, dir), Options{Check: true})
		}
	}
	seed := filepath.Join(examplesDir, "openai-microsoft-aws")
	cases["openai-microsoft-aws.2026-06-30.html"] = func() string {
		return renderString(t, load(t, seed), Options{AsOf: mustDate(t, "2026-06-30")})
	}
	cases["openai-microsoft-aws.ledger-2026-Q4.html"] = func() string {
		data, err := os.ReadFile(filepath.Join(seed, "ledger.csv"))
		if err != nil {
			t.Fatal(err)
		}
		return renderString(t, load(t, seed), Options{AsOf: mustDate(t, "2027-01-01"), Ledger: &Ledger{Name: "ledger.csv", Data: data, Format: "csv", Period: mustPeriod(t, "2026-Q4")}})
	}
	cases["openai-microsoft-aws.md"] = func() string {
		return renderString(t, load(t, seed), Options{Format: "md", Check: true})
	}
	return cases
}

// TestGolden compares each document with its golden file, byte for byte
// (go test -update rewrites them; read the diff before committing).
func TestGolden(t *testing.T) {
	for name, make := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			got := make()
			path := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to make it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file; run go test ./interp/render -update and read the diff", name)
			}
		})
	}
}

// TestDeterministic renders the seed deal twice from two compilations of
// it, with everything on, and gets the same bytes.
func TestDeterministic(t *testing.T) {
	seed := filepath.Join(examplesDir, "openai-microsoft-aws")
	data, err := os.ReadFile(filepath.Join(seed, "ledger.csv"))
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Check: true, AsOf: mustDate(t, "2027-01-01"), Ledger: &Ledger{Name: "ledger.csv", Data: data, Format: "csv", Period: mustPeriod(t, "2026-Q4")}}
	a := renderString(t, load(t, seed), opts)
	for i := 0; i < 3; i++ {
		if b := renderString(t, load(t, seed), opts); a != b {
			t.Fatalf("render %d differs from the first", i+2)
		}
	}
}

var (
	hrefRe = regexp.MustCompile(`href="#([^"]*)"`)
	idRe   = regexp.MustCompile(` id="([^"]*)"`)
	svgRe  = regexp.MustCompile(`(?s)<svg .*?</svg>`)
	extRe  = regexp.MustCompile(`(?i)(src|href)="(https?:)?//|@import|url\((['"]?)(https?:|//)`)
)

// checkHTML checks what a browser would need of a document: every link
// inside it names an element of it, ids are unique, every SVG picture is
// well-formed XML, and nothing is fetched from outside.
func checkHTML(t *testing.T, name, doc string) {
	t.Helper()
	ids := map[string]int{}
	for _, m := range idRe.FindAllStringSubmatch(doc, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("%s: id %q is used %d times", name, id, n)
		}
	}
	for _, m := range hrefRe.FindAllStringSubmatch(doc, -1) {
		if ids[m[1]] == 0 {
			t.Errorf("%s: link to #%s, which no element has", name, m[1])
		}
	}
	for _, svg := range svgRe.FindAllString(doc, -1) {
		d := xml.NewDecoder(strings.NewReader(svg))
		for {
			_, err := d.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Errorf("%s: an SVG is not well-formed: %v", name, err)
				}
				break
			}
		}
	}
	if m := extRe.FindString(doc); m != "" {
		t.Errorf("%s: refers to something outside the document: %s", name, m)
	}
	if !strings.Contains(doc, "@media print") {
		t.Errorf("%s: no print style sheet", name)
	}
}

// TestDocumentsHold renders every example and checks the documents.
func TestDocumentsHold(t *testing.T) {
	for name, make := range goldenCases(t) {
		if strings.HasSuffix(name, ".html") {
			checkHTML(t, name, make())
		}
	}
}

// TestEveryCheckedFileRenders renders, in both formats and as of a few
// dates, every example and every file of lang's testdata that compiles
// on its own: none fails, and each HTML document holds together.
func TestEveryCheckedFileRenders(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../lang/testdata/*/*.pacta", "../../lang/testdata/*/*/*.pacta", "../../interp/testdata/*/*.pacta"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	rendered := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := interp.Compile([]interp.Source{{Name: filepath.Base(f), Text: b}})
		if err != nil || len(prog.Agreements()) == 0 {
			continue // a file of problems, kept to test the checker, or amendments alone
		}
		rendered++
		for _, asOf := range []string{"", "2019-01-01", "2027-06-30"} {
			// Tests run once per file: a hostile file's take a while.
			opts := Options{Check: asOf == ""}
			if asOf != "" {
				opts.AsOf = mustDate(t, asOf)
			}
			checkHTML(t, f+" as of "+asOf, renderString(t, prog, opts))
			opts.Format, opts.Check = "md", false
			renderString(t, prog, opts)
		}
	}
	if rendered < 5 {
		t.Errorf("only %d files of lang's testdata compile: the glob patterns are stale", rendered)
	}
}
