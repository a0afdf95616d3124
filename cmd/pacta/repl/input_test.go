package repl

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// runPiped runs the REPL on input as piped, with files loaded.
func runPiped(t *testing.T, input string, files ...string) (stdout string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(Options{Files: files, Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errb})
	return out.String(), code
}

// TestLongEntries: piped entries longer than 64 KB are read whole; one
// over the limit (1 MiB) is a clear error that skips that entry only:
// the session goes on and keeps what was defined.
func TestLongEntries(t *testing.T) {
	long := `"` + strings.Repeat("a", 70_000) + `"`   // 70,002 bytes: over 64 KB, under 1 MiB
	huge := `"` + strings.Repeat("b", maxEntry) + `"` // 1,048,578 bytes: over 1 MiB
	input := "term rate = 7%\n" +
		long + "\n" +
		huge + "\n" +
		"rate\n" +
		// An entry over the limit by its continuation lines.
		// (Comment lines: long lines of code would take seconds to parse.)
		"(1 +\n" + strings.Repeat("// "+strings.Repeat("c", maxEntry/3)+"\n", 3) + "1)\n" +
		"rate + 1%\n"
	out, code := runPiped(t, input)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 5 {
		t.Fatalf("too few answers (exit %d):\n%.2000s", code, out)
	}
	if lines[0] != "added term rate = 7%" {
		t.Errorf("line 1: %q", lines[0])
	}
	if lines[1] != long {
		t.Errorf("the 70,002-byte entry was not answered whole: %.100q", lines[1])
	}
	if want := "input line 3: the entry is too long (1,048,578 bytes); an entry may have at most 1 MiB (1,048,576 bytes), so it was skipped"; lines[2] != want {
		t.Errorf("the over-long line:\n got %q\nwant %q", lines[2], want)
	}
	if lines[3] != "7%" {
		t.Errorf("after the over-long line, rate = %q, want 7%%", lines[3])
	}
	if !strings.HasPrefix(lines[4], "input line 5: the entry is too long (") {
		t.Errorf("the over-long multi-line entry: %.200q", lines[4])
	}
	// The rest of the over-long entry's lines are answered as entries of
	// their own (each an error), and the session still answers.
	if last := lines[len(lines)-1]; last != "8%" {
		t.Errorf("the last answer is %.200q, want 8%%", last)
	}
	if code != 1 {
		t.Errorf("exit status %d, want 1 (entries failed)", code)
	}
}

func TestByteWords(t *testing.T) {
	for n, want := range map[int]string{1: "1 bytes", 999: "999 bytes", 1000: "1,000 bytes", 70002: "70,002 bytes", 1 << 20: "1 MiB (1,048,576 bytes)", 1234567: "1,234,567 bytes"} {
		if got := byteWords(n); got != want {
			t.Errorf("byteWords(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestLongMultilineEntry: an entry of many lines near the limit is read in
// time growing with its length, not its square (each line would otherwise
// parse the entry again), and answered.
// With PACTA_SLOW=1 the entry has 100,000 lines (about 10 s on a loaded
// 2-core machine; hours when each line parsed the entry again), else
// 2,000.
func TestLongMultilineEntry(t *testing.T) {
	n := 2_000
	if os.Getenv("PACTA_SLOW") != "" {
		n = 100_000
	}
	// [1, 1, ..., 1] over n lines of "1,".
	entry := "[\n" + strings.Repeat("1,\n", n) + "1]\n"
	start := time.Now()
	out, code := runPiped(t, entry+"2 + 2\n")
	if code != 0 || !strings.HasSuffix(out, "]\n4\n") {
		t.Fatalf("exit %d, output ends %q", code, tail(out, 200))
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("an entry of %d lines took %v", n+2, d)
	}
}

func TestOpenEnded(t *testing.T) {
	for text, want := range map[string]bool{
		"[1,\n2":             true,
		"[1,\n2]":            false,
		"1 +":                true,
		"1 + 2":              false,
		`"a ( b"`:            false,
		`"open`:              true,
		"max(1, 2) // (":     false,
		`"a \" ("`:           false,
		"x ==":               true,
		"clause 1 \"t\" a {": true,
	} {
		if got := openEnded(text); got != want {
			t.Errorf("openEnded(%q) = %v, want %v", text, got, want)
		}
	}
}
