package lang

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

const minGoldenGroups = 12

var updateCheck = flag.Bool("update-check", false, "rewrite lang/testdata/check/carets.golden")

// goldenFuncs are the builtins the checker's golden tests may call.
func goldenFuncs() Env {
	return FuncMap{
		"days_between": {Name: "days_between", Doc: "days from the first date to the second",
			Params: []Type{TDate, TDate}, Result: TInteger},
		"min": {Name: "min", Doc: "the smallest of its arguments", Check: func(args []Type) (Type, string) {
			if len(args) == 0 {
				return nil, "needs at least one argument"
			}
			t := args[0]
			for _, a := range args[1:] {
				u, ok := unify(t, a)
				if !ok {
					return nil, "cannot compare " + t.String() + " with " + a.String()
				}
				t = u
			}
			if !ordered(t) {
				return nil, t.String() + " values are not ordered"
			}
			return t, ""
		}},
	}
}

// errorComment matches `ERROR "regexp"` in a trailing comment.
var errorComment = regexp.MustCompile(`ERROR "((?:[^"\\]|\\.)*)"`)

// errExpect is one `// ERROR "regexp"` written on a line.
type errExpect struct {
	file string
	line int
	re   *regexp.Regexp
	hit  bool
}

// errExpects reads the ERROR comments of src.
func errExpects(t *testing.T, file string, src []byte) []*errExpect {
	var out []*errExpect
	for i, line := range strings.Split(string(src), "\n") {
		j := strings.Index(line, "//")
		if j < 0 {
			continue
		}
		for _, m := range errorComment.FindAllStringSubmatch(line[j:], -1) {
			re, err := regexp.Compile(m[1])
			if err != nil {
				t.Fatalf("%s:%d: bad regexp %q: %v", file, i+1, m[1], err)
			}
			out = append(out, &errExpect{file: file, line: i + 1, re: re})
		}
	}
	return out
}

// TestCheckGolden checks each testdata/check/*.pacta file, and each
// directory of .pacta files checked together, against the ERROR comments
// written on the lines where the errors must be reported. Every expected
// error must be reported and every reported error expected.
func TestCheckGolden(t *testing.T) {
	singles, err := filepath.Glob("testdata/check/*.pacta")
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string][]string{}
	for _, f := range singles {
		groups[strings.TrimSuffix(filepath.Base(f), ".pacta")] = []string{f}
	}
	dirs, _ := filepath.Glob("testdata/check/*")
	for _, d := range dirs {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			files, _ := filepath.Glob(filepath.Join(d, "*.pacta"))
			sort.Strings(files)
			groups[filepath.Base(d)+"/"] = files
		}
	}
	if len(groups) < minGoldenGroups {
		t.Fatalf("found only %d golden groups", len(groups))
	}
	for name, paths := range groups {
		t.Run(name, func(t *testing.T) {
			var files []*File
			var want []*errExpect
			for _, path := range paths {
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				f, perrs := Parse(path, src)
				if len(perrs) > 0 {
					t.Fatalf("syntax errors:\n%s", renderAll(perrs, map[string][]byte{path: src}))
				}
				files = append(files, f)
				want = append(want, errExpects(t, path, src)...)
			}
			_, errs := Check(files, &Config{Funcs: goldenFuncs()})
			for _, e := range errs {
				text := e.Msg
				if e.Hint != "" {
					text += " (" + e.Hint + ")"
				}
				matched := false
				for _, x := range want {
					if !x.hit && x.file == e.Pos.File && x.line == e.Pos.Line && x.re.MatchString(text) {
						x.hit, matched = true, true
						break
					}
				}
				if !matched {
					t.Errorf("%s: unexpected error: %s", e.Pos, text)
				}
			}
			for _, x := range want {
				if !x.hit {
					t.Errorf("%s:%d: missing error matching %q", x.file, x.line, x.re)
				}
			}
		})
	}
}

// TestCheckCarets pins the exact rendering of every error of one file,
// carets and hints included.
func TestCheckCarets(t *testing.T) {
	const path = "testdata/check/carets.pacta"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, perrs := Parse(path, src)
	if len(perrs) > 0 {
		t.Fatalf("syntax errors:\n%s", renderAll(perrs, map[string][]byte{path: src}))
	}
	_, errs := Check([]*File{f}, &Config{Funcs: goldenFuncs()})
	got := renderAll(errs, map[string][]byte{path: src})
	golden := "testdata/check/carets.golden"
	if *updateCheck {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("rendering differs from %s (run with -update-check to rewrite):\n--- got\n%s\n--- want\n%s", golden, got, want)
	}
}

func renderAll(errs ErrorList, srcs map[string][]byte) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Render(srcs[e.Pos.File]))
	}
	return b.String()
}
