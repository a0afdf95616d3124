package playground

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeBuilt stands for a built interpreter: the handler serves whatever
// bytes it is given.
var fakeBuilt = &Built{Wasm: []byte("\x00asm fake"), WasmExec: []byte("// wasm_exec")}

func TestHandler(t *testing.T) {
	d, err := LoadData()
	if err != nil {
		t.Fatal(err)
	}
	h, err := Handler(d, func(context.Context) (*Built, error) { return fakeBuilt, nil })
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, ctype, body string
		code              int
	}{
		{"/", "text/html; charset=utf-8", "<title>Pacta playground</title>", 200},
		{"/index.html", "text/html; charset=utf-8", "<title>Pacta playground</title>", 200},
		{"/playground.js", "text/javascript; charset=utf-8", "pactaAsk", 200},
		{"/playground.css", "text/css; charset=utf-8", ".editor", 200},
		{"/playground.json", "application/json", `"openai-microsoft-aws"`, 200},
		{"/pacta.wasm", "application/wasm", "\x00asm fake", 200},
		{"/wasm_exec.js", "text/javascript; charset=utf-8", "// wasm_exec", 200},
		{"/other", "text/plain; charset=utf-8", "no such page", 404},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", c.path, nil))
		if rec.Code != c.code || rec.Header().Get("Content-Type") != c.ctype || !strings.Contains(rec.Body.String(), c.body) {
			t.Errorf("%s: %d %s %.60q", c.path, rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
		}
	}
	// Asked for gzip, the interpreter comes compressed.
	req := httptest.NewRequest("GET", "/pacta.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	zr, err := gzip.NewReader(rec.Body)
	if err != nil || rec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip: %v, %q", err, rec.Header().Get("Content-Encoding"))
	}
	if b, _ := io.ReadAll(zr); !bytes.Equal(b, fakeBuilt.Wasm) {
		t.Errorf("gzip: %q", b)
	}

	// A build that failed is answered 503 with its reason, which the page
	// shows.
	h, _ = Handler(d, func(context.Context) (*Built, error) { return nil, ErrNoToolchain })
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/pacta.wasm", nil))
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "no go command is on PATH") {
		t.Errorf("failed build: %d %s", rec.Code, rec.Body.String())
	}
}

func TestWriteSite(t *testing.T) {
	d, err := LoadData()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := WriteSite(dir, d, fakeBuilt); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"index.html": "<title>Pacta playground</title>", "playground.css": ".editor", "playground.js": "pactaAsk",
		"playground.json": `"keywords"`, "pacta.wasm": "\x00asm fake", "wasm_exec.js": "// wasm_exec",
	} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("%s: %v %.60q", name, err, b)
		}
	}
}

func TestFindSource(t *testing.T) {
	// From this directory, the source is four levels up.
	root, err := FindSource()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.Abs("../../../..")
	if root != want {
		t.Errorf("root %s, want %s", root, want)
	}
	t.Setenv("PACTA_SOURCE", t.TempDir())
	if _, err := FindSource(); err == nil || !strings.Contains(err.Error(), "no go.mod of github.com/pacta-lang/pacta") {
		t.Errorf("PACTA_SOURCE elsewhere: %v", err)
	}
}

func TestBuildWithoutToolchain(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("PACTA_GO", "")
	if _, err := Build(context.Background(), "../../../..", t.TempDir(), nil); !errors.Is(err, ErrNoToolchain) {
		t.Errorf("got %v, want ErrNoToolchain", err)
	}
}

// TestSourceKey: the key changes with the toolchain and with any Go file
// the interpreter is built from, and with nothing else.
func TestSourceKey(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module github.com/pacta-lang/pacta\n")
	write("interp/a.go", "package interp\n")
	key := func(v string) string {
		k, err := sourceKey(root, v)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	k1 := key("go1.26")
	if key("go1.27") == k1 {
		t.Error("another toolchain, same key")
	}
	write("interp/a_test.go", "package interp\n")
	write("interp/testdata/x.go", "package x\n")
	write("README.md", "x")
	if key("go1.26") != k1 {
		t.Error("a test, testdata or a README changed the key")
	}
	write("interp/a.go", "package interp // changed\n")
	if key("go1.26") == k1 {
		t.Error("a changed source, same key")
	}
}

// TestCachedSource: an installed version's source is found in the module
// cache; a build from a checkout has none there.
func TestCachedSource(t *testing.T) {
	cache := t.TempDir()
	dir := filepath.Join(cache, "github.com", "pacta-lang", "pacta@v0.1.0")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module github.com/pacta-lang/pacta\n\ngo 1.24.0\n"), 0o444)
	if got := cachedSource(cache, "v0.1.0"); got != dir {
		t.Errorf("v0.1.0: %q, want %q", got, dir)
	}
	for _, v := range []string{"v0.2.0", "(devel)", ""} {
		if got := cachedSource(cache, v); got != "" {
			t.Errorf("%q: %q, want none", v, got)
		}
	}
}

// TestPrune: the cache keeps the newest builds, and leaves builds under
// way and files alone.
func TestPrune(t *testing.T) {
	cache := t.TempDir()
	base := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for i, name := range []string{"a", "b", "c", "d", "e", "build-123"} {
		dir := filepath.Join(cache, name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		// a is the oldest, e the newest.
		at := base.Add(time.Duration(i) * time.Hour)
		if err := os.Chtimes(dir, at, at); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(cache, "note"), nil, 0o644)
	prune(cache, 2)
	entries, _ := os.ReadDir(cache)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if got := strings.Join(left, " "); got != "build-123 d e note" {
		t.Errorf("left %q, want the two newest (d, e), the build under way and the file", got)
	}
}
