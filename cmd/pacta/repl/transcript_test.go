package repl

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected output of the transcripts in testdata")

// A transcript (testdata/*.txt) is a piped REPL session pinned exactly:
//
//	# comments
//	args: FILE...        (optional; paths relative to this package)
//	exit: N              (the expected exit status)
//	width: N             (optional: the output's width in columns, see Options.Width)
//	-- input --
//	what is typed
//	-- output --
//	what the REPL prints on stdout
//
// Run with -update to rewrite the output sections (then read the diff).
type transcript struct {
	args   []string
	exit   int
	width  int
	header string
	input  string
	output string
}

func readTranscript(t *testing.T, path string) *transcript {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	head, rest, ok := strings.Cut(text, "-- input --\n")
	if !ok {
		t.Fatalf("%s: no -- input -- section", path)
	}
	in, out, ok := strings.Cut(rest, "-- output --\n")
	if !ok {
		t.Fatalf("%s: no -- output -- section", path)
	}
	tr := &transcript{header: head, input: in, output: out}
	for _, line := range strings.Split(head, "\n") {
		switch {
		case strings.HasPrefix(line, "args:"):
			tr.args = strings.Fields(strings.TrimPrefix(line, "args:"))
		case strings.HasPrefix(line, "exit:"):
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "exit:")))
			if err != nil {
				t.Fatalf("%s: bad exit line %q", path, line)
			}
			tr.exit = n
		case strings.HasPrefix(line, "width:"):
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "width:")))
			if err != nil {
				t.Fatalf("%s: bad width line %q", path, line)
			}
			tr.width = n
		}
	}
	return tr
}

func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			tr := readTranscript(t, path)
			var stdout, stderr bytes.Buffer
			code := Run(Options{
				Files:  tr.args,
				Stdin:  strings.NewReader(tr.input),
				Stdout: &stdout,
				Stderr: &stderr,
				Width:  tr.width,
			})
			got := stdout.String()
			if *update {
				text := tr.header
				if code != tr.exit {
					text = replaceExit(text, code)
				}
				text += "-- input --\n" + tr.input + "-- output --\n" + got
				if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != tr.output {
				t.Errorf("output differs (run with -update to accept, then review the diff)\n%s", lineDiff(tr.output, got))
			}
			if code != tr.exit {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tr.exit, stderr.String())
			}
		})
	}
}

// replaceExit rewrites or adds the exit line of a header.
func replaceExit(head string, code int) string {
	lines := strings.Split(head, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "exit:") {
			lines[i] = fmt.Sprintf("exit: %d", code)
			return strings.Join(lines, "\n")
		}
	}
	return head + fmt.Sprintf("exit: %d\n", code)
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			continue
		}
		fmt.Fprintf(&b, "line %d:\n  want: %q\n  got:  %q\n", i+1, wl, gl)
		if shown++; shown >= 8 {
			b.WriteString("  ...\n")
			break
		}
	}
	return b.String()
}
