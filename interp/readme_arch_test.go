package interp_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeArchitecture keeps the README's Architecture section true to
// the code: every package, directory and file it names exists, and every
// Go name it writes as pkg.Name or Type.Method is declared.
func TestReadmeArchitecture(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i := strings.Index(text, "\n## Architecture\n")
	if i < 0 {
		t.Fatal("README.md has no Architecture section")
	}
	text = text[i+1:]
	if j := strings.Index(text[3:], "\n## "); j >= 0 {
		text = text[:j+3]
	}
	// Where each package qualifier a name may use is declared.
	dirs := map[string]string{"lang": "../lang", "interp": ".", "types": "types", "result": "result"}
	decls := map[string]map[string]bool{}
	declared := func(pkg, name string) bool {
		if decls[pkg] == nil {
			decls[pkg] = map[string]bool{}
			pkgs, err := parser.ParseDir(token.NewFileSet(), dirs[pkg], func(fi os.FileInfo) bool {
				return !strings.HasSuffix(fi.Name(), "_test.go")
			}, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pkgs {
				for _, f := range p.Files {
					for _, d := range f.Decls {
						switch d := d.(type) {
						case *ast.FuncDecl:
							decls[pkg][d.Name.Name] = true
						case *ast.GenDecl:
							for _, s := range d.Specs {
								switch s := s.(type) {
								case *ast.TypeSpec:
									decls[pkg][s.Name.Name] = true
									if st, ok := s.Type.(*ast.StructType); ok {
										for _, fl := range st.Fields.List {
											for _, n := range fl.Names {
												decls[pkg][n.Name] = true
											}
										}
									}
								case *ast.ValueSpec:
									for _, n := range s.Names {
										decls[pkg][n.Name] = true
									}
								}
							}
						}
					}
				}
			}
		}
		return decls[pkg][name]
	}
	checked := 0
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(text, -1) {
		code := m[1]
		switch {
		case regexp.MustCompile(`^[a-z]+(/[a-z]+)*\.go$`).MatchString(code):
			if _, err := os.Stat(filepath.Join("..", code)); err != nil {
				t.Errorf("README names %s, which does not exist", code)
			}
			checked++
		case regexp.MustCompile(`^(lang|interp|stdlib|cmd|examples)(/[a-z-]+)*/\.\.\.$`).MatchString(code),
			regexp.MustCompile(`^examples/[a-z-]+$`).MatchString(code):
			if fi, err := os.Stat(filepath.Join("..", strings.TrimSuffix(code, "/..."))); err != nil || !fi.IsDir() {
				t.Errorf("README names directory %s, which does not exist", code)
			}
			checked++
		case regexp.MustCompile(`^(lang|interp|stdlib|cmd)(/[a-z]+)*$`).MatchString(code):
			if fis, err := filepath.Glob(filepath.Join("..", code, "*.go")); err != nil || len(fis) == 0 {
				t.Errorf("README names package %s, which has no Go files", code)
			}
			checked++
		case regexp.MustCompile(`^(lang|interp|types|result)\.[A-Z]\w*$`).MatchString(code):
			pkg, name, _ := strings.Cut(code, ".")
			if !declared(pkg, name) {
				t.Errorf("README names %s, which package %s does not declare", code, pkg)
			}
			checked++
		case regexp.MustCompile(`^[A-Z]\w*\.[A-Z]\w*$`).MatchString(code):
			typ, name, _ := strings.Cut(code, ".")
			found := false
			for _, pkg := range []string{"interp", "result", "types"} {
				found = found || declared(pkg, typ) && declared(pkg, name)
			}
			if !found {
				t.Errorf("README names %s, which neither interp, interp/result nor interp/types declares", code)
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("only %d names checked: has the section's form changed?", checked)
	}
}
