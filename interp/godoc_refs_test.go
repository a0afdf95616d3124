package interp_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// docPackage is what the two tests below read of a package: its doc
// comments, and the names it declares.
type docPackage struct {
	dir      string
	docs     []docComment        // every doc comment of an exported name, and the package's
	members  map[string][]string // type → its methods, fields and interface methods
	missing  []string            // exported names with no doc comment
	declared map[string]bool     // top-level names
}

type docComment struct {
	of, text string
}

func readDocPackage(t *testing.T, dir string) *docPackage {
	t.Helper()
	ps, err := parser.ParseDir(token.NewFileSet(), dir, func(fi os.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	p := &docPackage{dir: dir, members: map[string][]string{}, declared: map[string]bool{}}
	add := func(of string, doc *ast.CommentGroup) {
		if doc == nil || strings.TrimSpace(doc.Text()) == "" {
			p.missing = append(p.missing, of)
			return
		}
		p.docs = append(p.docs, docComment{of, doc.Text()})
	}
	for _, pkg := range ps {
		for _, f := range pkg.Files {
			if f.Doc != nil {
				p.docs = append(p.docs, docComment{"package " + dir, f.Doc.Text()})
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					name := d.Name.Name
					if d.Recv == nil {
						p.declared[name] = true
						if ast.IsExported(name) {
							add(name, d.Doc)
						}
						continue
					}
					recv := d.Recv.List[0].Type
					if s, ok := recv.(*ast.StarExpr); ok {
						recv = s.X
					}
					id, ok := recv.(*ast.Ident)
					if !ok {
						continue
					}
					p.members[id.Name] = append(p.members[id.Name], name)
					// Error and Unwrap say what the interfaces say.
					if ast.IsExported(id.Name) && ast.IsExported(name) && name != "Error" && name != "Unwrap" {
						add(id.Name+"."+name, d.Doc)
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							p.declared[s.Name.Name] = true
							doc := s.Doc
							if doc == nil {
								doc = d.Doc
							}
							if ast.IsExported(s.Name.Name) {
								add(s.Name.Name, doc)
							}
							var fields *ast.FieldList
							switch ty := s.Type.(type) {
							case *ast.StructType:
								fields = ty.Fields
							case *ast.InterfaceType:
								fields = ty.Methods
							}
							if fields != nil {
								for _, fl := range fields.List {
									for _, n := range fl.Names {
										p.members[s.Name.Name] = append(p.members[s.Name.Name], n.Name)
									}
									if fl.Doc != nil && ast.IsExported(s.Name.Name) {
										p.docs = append(p.docs, docComment{s.Name.Name + " field", fl.Doc.Text()})
									}
								}
							}
						case *ast.ValueSpec:
							for _, n := range s.Names {
								p.declared[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	sort.Strings(p.missing)
	return p
}

// TestAnswerAndValueDocsComplete: every exported type, function and method
// of the packages an embedder reads besides interp (the answers, and the
// values) has a doc comment, so that `go doc -all` explains each one.
func TestAnswerAndValueDocsComplete(t *testing.T) {
	for _, dir := range []string{"result", "types"} {
		p := readDocPackage(t, dir)
		for _, name := range p.missing {
			t.Errorf("interp/%s: %s has no doc comment", dir, name)
		}
	}
}

// selectorRE finds Type.Member in doc text: a capitalised name, a dot and
// a capitalised name, not itself after a dot or a letter (interp.Program.Decide
// is qualified, so its Program.Decide is not looked up here).
var selectorRE = regexp.MustCompile(`(^|[^.\w])([A-Z]\w*)\.([A-Z]\w*)`)

// TestAnswerAndValueDocsNameRealThings: the doc comments of interp/result
// and interp/types (and interp's, for the Type.Member check) name the types and methods of another package with
// that package's name (interp.Program.Decide, not Program.Decide or
// Decide), so that a reader of `go doc` can find each one: every
// Type.Member they write unqualified is a type of the package itself and
// one of its methods or fields.
func TestAnswerAndValueDocsNameRealThings(t *testing.T) {
	// Names from the interp package that a doc must qualify when it
	// mentions them alone.
	interpOnly := []string{"Decide", "DecideInto", "Settle", "SettlePartial", "RunTests",
		"ParseActionJSON", "NewAction", "NewRecordBuilder", "CompileExpr", "CompileWithParams"}
	for _, dir := range []string{"result", "types", "."} {
		p := readDocPackage(t, dir)
		for _, d := range p.docs {
			for _, m := range selectorRE.FindAllStringSubmatch(d.text, -1) {
				typ, member := m[2], m[3]
				if !p.declared[typ] {
					t.Errorf("interp/%s: the doc of %s names %s.%s, but %s is not declared in this package (qualify it: interp.%s.%s?)",
						dir, d.of, typ, member, typ, typ, member)
					continue
				}
				found := false
				for _, x := range p.members[typ] {
					found = found || x == member
				}
				if !found {
					t.Errorf("interp/%s: the doc of %s names %s.%s, which is no method or field of %s", dir, d.of, typ, member, typ)
				}
			}
			if dir == "." {
				continue // interp's own docs name its methods alone
			}
			for _, name := range interpOnly {
				re := regexp.MustCompile(`(^|[^.\w])` + name + `\b`)
				if loc := re.FindStringIndex(d.text); loc != nil && !p.declared[name] {
					t.Errorf("interp/%s: the doc of %s names %s alone; it is interp.Program.%s", dir, d.of, name, name)
				}
			}
		}
	}
}
