package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
)

// settleOut runs `pacta settle` and returns its exit status, standard
// output and standard error.
func settleOut(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	code := run(append([]string{"settle"}, args...), &out, &errs)
	return code, out.String(), errs.String()
}

// TestSettleJobsSameBytes: with ledgers cut into chunks of a few rows,
// every number of workers gives what one pass gives, byte for byte, in
// text and JSON, with every breach listed, and with errors (which name
// the same row: the ledger is settled again in one pass).
func TestSettleJobsSameBytes(t *testing.T) {
	defer func(n int) { chunkBytes = n }(chunkBytes)
	dir := t.TempDir()
	bench := filepath.Join(dir, "bench.csv")
	f, err := os.Create(bench)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeBenchLedger(f, 3000, 25); err != nil {
		t.Fatal(err)
	}
	f.Close()
	data, err := os.ReadFile(bench)
	if err != nil {
		t.Fatal(err)
	}
	// A bad row in the middle, and rows out of order across chunks.
	lines := strings.SplitAfter(string(data), "\n")
	bad := filepath.Join(dir, "bad.csv")
	badLines := append([]string(nil), lines...)
	badLines[1700] = "sell,seller,2021-13-01,Azure,1.00,0.00\n"
	os.WriteFile(bad, []byte(strings.Join(badLines, "")), 0o644)
	order := filepath.Join(dir, "order.csv")
	orderLines := append([]string(nil), lines...)
	orderLines[2000] = "sell,seller,2020-01-02,Azure,1.00,0.00\n"
	os.WriteFile(order, []byte(strings.Join(orderLines, "")), 0o644)
	// Quoted cells with newlines and quotes, across chunk boundaries.
	quoted := filepath.Join(dir, "quoted.csv")
	var q strings.Builder
	q.WriteString("action,actor,date,platform,gross,refunds\n")
	for i := range 400 {
		day := time.Date(2020, 1, 1+i/2, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		fmt.Fprintf(&q, "sell,seller,%s,\"Azure\",\"1,00%d.00\",0.00\n", day, i%10)
		fmt.Fprintf(&q, "\"sell\",seller,%s,GoogleCloud,\"USD 1,000.00\",0.00\n", day)
	}
	os.WriteFile(quoted, []byte(q.String()), 0o644)
	// A cell with a newline (a bad party: an error, named at its row).
	q.WriteString("sell,\"sel\nler\",2020-12-01,Azure,1.00,0.00\n")
	quotedBad := filepath.Join(dir, "quoted-bad.csv")
	os.WriteFile(quotedBad, []byte(q.String()), 0o644)

	// The ledgers without errors are settled in slices, not again in one
	// pass.
	p, err := loadProgram([]string{benchDeal})
	if err != nil {
		t.Fatal(err)
	}
	chunkBytes = 150
	for _, name := range []string{bench, quoted} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := settleJobs(p, "", name, f, true, 3, interp.SettleOptions{}); err != nil {
			t.Errorf("%s: in slices: %v", name, err)
		}
		f.Close()
	}

	type run struct{ name, deal, ledger string }
	runs := []run{
		{"bench", benchDeal, bench},
		{"bad row", benchDeal, bad},
		{"out of order", benchDeal, order},
		{"quoted", benchDeal, quoted},
		{"quoted, bad", benchDeal, quotedBad},
	}
	for _, ex := range []string{"openai-microsoft-aws", "royalty", "app-marketplace", "co-marketing", "saas-reseller", "venture-exit"} {
		d := filepath.Join("..", "..", "examples", ex)
		runs = append(runs, run{ex, d, filepath.Join(d, "ledger.csv")})
		if _, err := os.Stat(filepath.Join(d, "ledger.jsonl")); err == nil {
			runs = append(runs, run{ex + " jsonl", d, filepath.Join(d, "ledger.jsonl")})
		}
	}
	for _, r := range runs {
		for _, extra := range [][]string{{"--format", "json"}, {"--breaches", "all"}, {"--period", "2021-Q2", "--format", "json", "--breaches", "all"}} {
			args := append([]string{r.deal, "--ledger", r.ledger}, extra...)
			chunkBytes = 1 << 20
			wantCode, want, wantErr := settleOut(t, append(args, "--jobs", "1")...)
			for _, size := range []int{1, 150, 4000} {
				chunkBytes = size
				for _, jobs := range []string{"2", "3"} {
					code, got, gotErr := settleOut(t, append(args, "--jobs", jobs)...)
					if code != wantCode || got != want || gotErr != wantErr {
						t.Errorf("%s %v, chunks of %d bytes, --jobs %s: exit %d, want %d\nstdout:\n%.2000s\nwant:\n%.2000s\nstderr: %s\nwant: %s",
							r.name, extra, size, jobs, code, wantCode, got, want, gotErr, wantErr)
					}
				}
			}
		}
	}
}
