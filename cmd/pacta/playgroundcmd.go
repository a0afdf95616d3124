package main

import (
	"context"
	"fmt"
	"io"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/playground"
)

func runPlayground(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("playground", "pacta playground --out DIR",
		`Write the playground, Pacta in the browser, as static files into DIR:
index.html, playground.css, playground.js, playground.json (the bundled
examples), pacta.wasm (the interpreter) and wasm_exec.js. Any web server
can serve them, for example
  pacta playground --out site && python3 -m http.server -d site
(a page opened from file:// cannot load its WebAssembly). pacta serve
serves the same page at /.

The interpreter is built from Pacta's source with the local Go toolchain
(GOOS=js GOARCH=wasm go build): the clone of Pacta this runs in, the one
PACTA_SOURCE names, or, for a pacta installed with go install
...@VERSION, that version's source in the module cache. The build is kept
in the user cache directory and made again only when the source or the
toolchain changes.

Exit status: 0 written, 1 the build or the writing failed, 2 usage error.`, stderr)
	out := fs.String("out", "", "write the site into this `directory`")
	rest, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageError(fs, stderr, "playground", fmt.Sprintf("unexpected argument %q", rest[0]))
	}
	if *out == "" {
		return usageError(fs, stderr, "playground", "no --out DIR given")
	}
	data, err := playground.LoadData()
	if err != nil {
		printCmdError(stderr, "playground", err)
		return 1
	}
	root, err := playground.FindSource()
	if err != nil {
		printCmdError(stderr, "playground", err)
		return 1
	}
	b, err := playground.Build(context.Background(), root, "", func(msg string) { fmt.Fprintln(stderr, msg) })
	if err != nil {
		printCmdError(stderr, "playground", err)
		return 1
	}
	if err := playground.WriteSite(*out, data, b); err != nil {
		printCmdError(stderr, "playground", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote the playground to %s (pacta.wasm: %d bytes)\n", *out, len(b.Wasm))
	return 0
}
