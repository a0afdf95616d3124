package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pacta check on a 20 KB file with 4,500 problems on one long line prints
// a bounded report (it printed 140 MB when every problem echoed the whole
// line): 100 problems, each with a 120-character window of the line, then
// a line counting the other 4,400. 900 list elements `1 or 1 or 1 or 1 or
// 1` have 5 integer operands of `or` each: 900 x 5 = 4,500 problems;
// 4,500 - 100 = 4,400.
func TestCheckOutputBounded(t *testing.T) {
	src := "agreement a \"A\" {\n effective 2026-01-01\n currency USD\n term t = [" +
		strings.Repeat("1 or 1 or 1 or 1 or 1, ", 899) + "1 or 1 or 1 or 1 or 1]\n}\n"
	path := filepath.Join(t.TempDir(), "x.pacta")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "check", path)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %.200q", code, out)
	}
	// Each problem: a message line of about 60 bytes, a window of at
	// most 4 + 122 characters (3 bytes for each "…") and a caret line of
	// at most 4 + 122: under 400 bytes, so 100 of them under 40 KB.
	if len(errs) > 64<<10 {
		t.Errorf("stderr is %d bytes, want under 64 KiB", len(errs))
	}
	if got := strings.Count(errs, "\n"); got != 100*3+2 {
		t.Errorf("%d lines, want 100 x 3 + 2 = 302", got)
	}
	if !strings.HasSuffix(errs, "\n… and 4,400 more problems (4,500 in total)\n4500 problems\n") {
		t.Errorf("ends %q", errs[max(0, len(errs)-200):])
	}
	// The first problem is at column 12 (` term t = [` is 11 characters):
	// the window starts at the line's start and is cut after 120.
	line := " term t = [" + strings.Repeat("1 or 1 or 1 or 1 or 1, ", 5)
	want := path + ":4:12: `or` needs bool on both sides, not integer\n    " + line[:120] + "…\n    " + strings.Repeat(" ", 11) + "^\n"
	if !strings.HasPrefix(errs, want) {
		t.Errorf("starts %q\nwant   %q", errs[:min(len(errs), 400)], want)
	}
}
