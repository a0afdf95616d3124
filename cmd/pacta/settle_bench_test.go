package main

// BenchmarkSettleCLI times `pacta settle` in process on a generated CSV
// ledger of 1,000,000 rows (bench/settle-cli/deal.pacta, the workload of
// interp's BenchmarkSettle1M), reading the file and writing the text
// statement. The ledger is the one bench/settle-cli/gen.awk writes (the
// generator is ported here; TestSettleBenchLedger checks the two agree).
// bench/settle-cli/run.sh times the built binary and reports its peak
// memory. jobs=1 and jobs=2 are --jobs 1 and 2 (give -cpu 2 for two
// cores). See BENCHMARKS.md:
//
//	go test ./cmd/pacta -run '^$' -bench SettleCLI -benchmem -count 6 -cpu 2

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeBenchLedger writes what `awk -v n=rows -v bad=bad -f gen.awk`
// writes.
func writeBenchLedger(w io.Writer, rows, bad int) error {
	mdays := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	var days []string
	for y := 2020; y <= 2023; y++ {
		for m := 1; m <= 12; m++ {
			last := mdays[m-1]
			if m == 2 && y%4 == 0 {
				last = 29
			}
			for d := 1; d <= last; d++ {
				days = append(days, fmt.Sprintf("%d-%02d-%02d", y, m, d))
			}
		}
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "action,actor,date,platform,gross,refunds")
	seed := uint64(42)
	for i := 0; i < rows; i++ {
		seed = (seed*69069 + 1) % 4294967296
		cents := 1000 + seed%46001
		var ref uint64
		if seed%16 == 0 {
			ref = cents / 10
		}
		date := days[i*len(days)/rows]
		r := int(seed/65536) % 100
		var p string
		switch {
		case r < bad:
			p = "GoogleCloud"
		case date >= "2022-01-01" && r%3 == 0:
			p = "AWS"
		case r%2 == 0:
			p = "Direct"
		default:
			p = "Azure"
		}
		fmt.Fprintf(bw, "sell,seller,%s,%s,%d.%02d,%d.%02d\n", date, p, cents/100, cents%100, ref/100, ref%100)
	}
	return bw.Flush()
}

const benchDeal = "../../bench/settle-cli/deal.pacta"

func BenchmarkSettleCLI(b *testing.B) {
	for _, c := range []struct {
		name string
		rows int
		bad  int
	}{{"rows=1M", 1_000_000, 0}, {"rows=1M,bad=25%", 1_000_000, 25}} {
		b.Run(c.name, func(b *testing.B) {
			ledger := filepath.Join(b.TempDir(), "ledger.csv")
			f, err := os.Create(ledger)
			if err != nil {
				b.Fatal(err)
			}
			if err := writeBenchLedger(f, c.rows, c.bad); err != nil {
				b.Fatal(err)
			}
			f.Close()
			var want string
			for _, jobs := range []string{"1", "2"} {
				b.Run("jobs="+jobs, func(b *testing.B) {
					var out, errs bytes.Buffer
					start := time.Now()
					for b.Loop() {
						out.Reset()
						errs.Reset()
						if code := run([]string{"settle", benchDeal, "--ledger", ledger, "--from", "2020-01-01", "--to", "2023-12-31", "--jobs", jobs}, &out, &errs); code != 0 {
							b.Fatalf("exit %d: %s", code, errs.String())
						}
					}
					b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/float64(c.rows), "ns/row")
					if !strings.Contains(out.String(), "2023-Q4") {
						b.Fatalf("no last quarter in:\n%s", out.String())
					}
					if want == "" {
						want = out.String()
					} else if out.String() != want {
						b.Fatalf("--jobs %s gives another statement", jobs)
					}
				})
			}
		})
	}
}

// The Go generator writes byte for byte what gen.awk writes.
func TestSettleBenchLedger(t *testing.T) {
	if _, err := exec.LookPath("awk"); err != nil {
		t.Skip("no awk")
	}
	var want bytes.Buffer
	if err := writeBenchLedger(&want, 5000, 25); err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command("awk", "-v", "n=5000", "-v", "bad=25", "-f", "../../bench/settle-cli/gen.awk").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("gen.awk and writeBenchLedger differ:\n%.300s\n---\n%.300s", got, want.Bytes())
	}
}

// BenchmarkSettleJobsSerial times what `pacta settle --jobs` does in one
// goroutine before the workers: cutting the 1M-row ledger into chunks
// (the merge is timed by interp's BenchmarkSettlePartial1M).
func BenchmarkSettleJobsSerial(b *testing.B) {
	ledger := filepath.Join(b.TempDir(), "ledger.csv")
	f, err := os.Create(ledger)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeBenchLedger(f, 1_000_000, 0); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for b.Loop() {
		f, err := os.Open(ledger)
		if err != nil {
			b.Fatal(err)
		}
		var header []byte
		chunks := make(chan ledgerChunk, 4)
		free := make(chan []byte, 4)
		go func() {
			for c := range chunks {
				select {
				case free <- c.data:
				default:
				}
			}
		}()
		if err := chunkLedger(context.Background(), f, true, &header, free, chunks); err != nil {
			b.Fatal(err)
		}
		close(chunks)
		f.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/row")
}
