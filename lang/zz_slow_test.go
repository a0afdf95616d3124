package lang

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestZZSlowCorpus(t *testing.T) {
	fs, _ := filepath.Glob("/tmp/slow-*")
	for _, f := range fs {
		b, _ := os.ReadFile(f)
		t0 := time.Now()
		parseFile("x", b)
		parseInput("x", b)
		if d := time.Since(t0); d > 20*time.Millisecond {
			t.Logf("%s %v len=%d %q", f, d, len(b), b[:min(300, len(b))])
		}
	}
}
