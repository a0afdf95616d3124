// Package playground is Pacta in the browser: a page with an editor, its
// diagnostics and panes for decisions, statements, tests, the rendered
// document and vet, whose answers come from the interpreter compiled to
// WebAssembly (package wasm below, answering with package answer).
//
// pacta serve serves the page at / (Handler), and pacta playground
// writes it as static files for any web server (WriteSite). The page is
// hand-written HTML, CSS and JavaScript embedded here (site/), with no
// other dependency; the examples and the words it highlights come from
// playground.json (LoadData); pacta.wasm and wasm_exec.js come from the
// local Go toolchain (Build).
package playground

import (
	"bytes"
	"compress/gzip"
	"context"
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

//go:embed site
var site embed.FS

// pageFiles are the page's own files, as served and written.
var pageFiles = []struct{ name, ctype string }{
	{"index.html", "text/html; charset=utf-8"},
	{"playground.css", "text/css; charset=utf-8"},
	{"playground.js", "text/javascript; charset=utf-8"},
}

// WriteSite writes the playground as static files into dir (made if
// missing): index.html, playground.css, playground.js, playground.json,
// pacta.wasm and wasm_exec.js. Any web server can serve them (a page
// opened from file:// cannot load its WebAssembly).
func WriteSite(dir string, data *Data, b *Built) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range pageFiles {
		text, err := fs.ReadFile(site, "site/"+f.name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), text, 0o644); err != nil {
			return err
		}
	}
	js, err := json.Marshal(data)
	if err != nil {
		return err
	}
	for name, text := range map[string][]byte{"playground.json": js, "pacta.wasm": b.Wasm, "wasm_exec.js": b.WasmExec} {
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Handler serves the playground: the page at / and its files beside it.
// wasm gives the built interpreter, waiting for the build if it is under
// way; its error is answered 503 with its text, which the page shows.
// Any other path is answered 404.
func Handler(data *Data, wasm func(context.Context) (*Built, error)) (http.Handler, error) {
	js, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	files := map[string][2]string{"/playground.json": {string(js), "application/json"}}
	for _, f := range pageFiles {
		text, err := fs.ReadFile(site, "site/"+f.name)
		if err != nil {
			return nil, err
		}
		files["/"+f.name] = [2]string{string(text), f.ctype}
	}
	files["/"] = files["/index.html"]
	var mu sync.Mutex
	zipped := map[*Built][]byte{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		if f, ok := files[r.URL.Path]; ok {
			w.Header().Set("Content-Type", f[1])
			w.Write([]byte(f[0]))
			return
		}
		if r.URL.Path != "/pacta.wasm" && r.URL.Path != "/wasm_exec.js" {
			http.Error(w, "no such page: "+r.URL.Path, http.StatusNotFound)
			return
		}
		// The first build takes a while, longer than a request's
		// time limit in pacta serve: wait for it whatever the limit.
		b, err := wasm(context.WithoutCancel(r.Context()))
		if err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		if r.URL.Path == "/wasm_exec.js" {
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Write(b.WasmExec)
			return
		}
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Vary", "Accept-Encoding")
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Write(b.Wasm)
			return
		}
		mu.Lock()
		z, ok := zipped[b]
		if !ok {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(b.Wasm)
			zw.Close()
			z = buf.Bytes()
			zipped[b] = z
		}
		mu.Unlock()
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(z)
	}), nil
}

// OnDemand returns a function, as Handler takes, that builds the
// interpreter the first time it is called (Build, in the user's cache
// directory, from FindSource's source) and gives every call the one
// result. A caller whose context ends first stops waiting; the build
// goes on for the next.
func OnDemand(log func(string)) func(context.Context) (*Built, error) {
	var once sync.Once
	done := make(chan struct{})
	var b *Built
	var err error
	return func(ctx context.Context) (*Built, error) {
		once.Do(func() {
			go func() {
				defer close(done)
				var root string
				if root, err = FindSource(); err != nil {
					return
				}
				b, err = Build(context.Background(), root, "", log)
			}()
		})
		select {
		case <-done:
			return b, err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}
