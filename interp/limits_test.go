package interp

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// An agreement source over the limit is refused, by every way of loading
// one, after reading no more than the limit: /dev/zero stops at once.
func TestSourceSizeLimit(t *testing.T) {
	big := []byte("// " + strings.Repeat("x", DefaultMaxSourceBytes) + "\n")
	dir := t.TempDir()
	name := filepath.Join(dir, "big.pacta")
	if err := os.WriteFile(name, big, 0o644); err != nil {
		t.Fatal(err)
	}
	want := name + ": the file is larger than 4 MiB, the most an agreement source file may be"
	check := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, ErrTooLarge) || err.Error() != want && !strings.HasSuffix(err.Error(), ": the file is larger than 4 MiB, the most an agreement source file may be") {
			t.Errorf("%s: %v, want %s", what, err, want)
		}
	}
	_, err := ReadPaths([]string{name})
	check("ReadPaths file", err)
	_, err = ReadPaths([]string{dir})
	check("ReadPaths directory", err)
	_, err = LoadFiles([]string{name})
	check("LoadFiles", err)
	_, err = LoadFS(fstest.MapFS{"big.pacta": {Data: big}}, []string{"*.pacta"})
	check("LoadFS", err)
	_, err = Compile([]Source{{"big.pacta", big}})
	check("Compile", err)

	// Raised, the same file reads (and, being only a comment, compiles to
	// nothing).
	if _, err := ReadPaths([]string{name}, WithMaxSourceBytes(8<<20)); err != nil {
		t.Errorf("raised: %v", err)
	}
	if _, err := LoadFS(fstest.MapFS{"big.pacta": {Data: big}}, []string{"*.pacta"}, WithMaxSourceBytes(8<<20)); err != nil {
		t.Errorf("raised LoadFS: %v", err)
	}

	if _, err := os.Stat("/dev/zero"); err == nil {
		start := time.Now()
		_, err := ReadPaths([]string{"/dev/zero"}, WithMaxSourceBytes(1<<20))
		if !errors.Is(err, ErrTooLarge) || err.Error() != "/dev/zero: the file is larger than 1 MiB, the most an agreement source file may be" {
			t.Errorf("/dev/zero: %v", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("/dev/zero took %v", d)
		}
	}
}

// zeros is n bytes of 'x' with no newline: one endless CSV cell or JSON line.
type xs struct{ n int }

func (z *xs) Read(p []byte) (int, error) {
	if z.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), z.n)
	for i := range p[:k] {
		p[i] = 'x'
	}
	z.n -= k
	return k, nil
}

// A ledger row over the limit is an error naming its line, read without
// holding more than about the limit: a 64 MiB line costs far less than
// 64 MiB. Raised, a long row reads.
func TestLedgerRowLimit(t *testing.T) {
	p := loadExample(t)
	const huge = 64 << 20
	for _, c := range []struct {
		name string
		read func(io.Reader) error
		r    io.Reader
		want string
	}{
		{"csv header", func(r io.Reader) error { return firstErr(p.ReadCSV("", "h.csv", r)) }, &xs{huge},
			"h.csv:1: the row is longer than 1 MiB, the most a ledger row may be"},
		{"csv row", func(r io.Reader) error { return firstErr(p.ReadCSV("", "h.csv", r)) },
			io.MultiReader(strings.NewReader(smallCSV+"sell,openai,2026-12-31,\""), &xs{huge}),
			"h.csv:7: the row is longer than 1 MiB, the most a ledger row may be"},
		{"jsonl", func(r io.Reader) error { return firstErr(p.ReadJSONL("", "h.jsonl", r)) },
			io.MultiReader(strings.NewReader(smallJSONL), &xs{huge}),
			"h.jsonl:7: the line is longer than 1 MiB, the most a ledger row may be; give one row per line"},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		err := c.read(c.r)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrTooLarge) || err.Error() != c.want {
			t.Errorf("%s: %v\nwant %s", c.name, err, c.want)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
			t.Errorf("%s: allocated %d MiB to refuse a long row", c.name, alloc>>20)
		}
	}

	// A product name of 2 MiB: refused by default, read with the limit
	// raised to 4 MiB.
	long := ledgerHeader + "sell,openai,2026-10-15," + strings.Repeat("p", 2<<20) + ",Azure,US,1,0,\n"
	if err := firstErr(p.ReadCSV("", "l.csv", strings.NewReader(long))); !errors.Is(err, ErrTooLarge) {
		t.Errorf("2 MiB row: %v", err)
	}
	raised, err := Compile([]Source{{"a.pacta", p.Source("../examples/openai-microsoft-aws/agreement.pacta")}, {"b.pacta", p.Source("../examples/openai-microsoft-aws/amendment.pacta")}}, WithMaxRowBytes(4<<20))
	if err != nil {
		t.Fatal(err)
	}
	if err := firstErr(raised.ReadCSV("", "l.csv", strings.NewReader(long))); err != nil {
		t.Errorf("raised: %v", err)
	}
	jlong := `{"action":"sell","actor":"openai","date":"2026-10-15","product":"` + strings.Repeat("p", 2<<20) + `","platform":"Azure","region":"US","gross":1,"refunds":0}` + "\n"
	if err := firstErr(raised.ReadJSONL("", "l.jsonl", strings.NewReader(jlong))); err != nil {
		t.Errorf("raised JSONL: %v", err)
	}
}

func firstErr[E any](seq func(func(E, error) bool)) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}
