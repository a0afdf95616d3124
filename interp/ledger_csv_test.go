package interp

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/pacta-lang/pacta/interp/types"
)

// csvRead is what a CSV reader yields, copied (the readers reuse
// records).
type csvRead struct {
	schema string
	line   int
	fields []types.Value
	err    string
	errs   [3]bool // unwraps to ErrTooLarge, ErrUnknownAction, is a *LedgerError
	at     [2]any  // the LedgerError's line and field
}

func readAllCSV(seq func(func(Event, error) bool)) []csvRead {
	var out []csvRead
	for ev, err := range seq {
		if err != nil {
			r := csvRead{err: err.Error()}
			r.errs = [3]bool{errors.Is(err, ErrTooLarge), errors.Is(err, ErrUnknownAction), false}
			var le *LedgerError
			if errors.As(err, &le) {
				r.errs[2] = true
				r.at = [2]any{le.Line, le.Field}
			}
			out = append(out, r)
			break
		}
		out = append(out, csvRead{schema: ev.Record.Schema.Name(), line: ev.Line, fields: append([]types.Value(nil), ev.Record.Fields...)})
	}
	return out
}

// compareCSVReaders reads text with ReadCSV and with readCSVRef (every
// row through encoding/csv) and fails unless they yield the same events
// and the same error.
func compareCSVReaders(t *testing.T, p *Program, text string) {
	t.Helper()
	got := readAllCSV(p.ReadCSV("", "f.csv", strings.NewReader(text)))
	want := readAllCSV(p.readCSVRef("", "f.csv", strings.NewReader(text)))
	if !reflect.DeepEqual(got, want) {
		n := min(len(got), len(want))
		for i := 0; i < n; i++ {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%q:\nitem %d:\nfast:          %+v\nencoding/csv:  %+v", text, i, got[i], want[i])
			}
		}
		t.Fatalf("%q:\nfast gives %d items, encoding/csv %d:\nfast: %+v\ncsv:  %+v", text, len(got), len(want), got[n:], want[n:])
	}
}

var csvFastSeeds = []string{
	smallCSV,
	strings.ReplaceAll(smallCSV, "\n", "\r\n"),
	"\uFEFF" + smallCSV,
	"\n\n" + strings.ReplaceAll(smallCSV, "\n", "\n\n"),
	strings.TrimSuffix(smallCSV, "\n"),
	strings.TrimSuffix(smallCSV, "\n") + "\r",
	ledgerHeader + "sell,openai,2026-10-15,\"a\"\"b\",Azure,US,1,0,\n",
	ledgerHeader + "sell,openai,2026-10-15,\"a\nb\",Azure,US,1,0,\nsell,openai,2026-10-16,x,Azure,US,\"1,000\",0,\n",
	ledgerHeader + "sell,openai,2026-10-15,a\"b,Azure,US,1,0,\n",
	ledgerHeader + "sell,openai,2026-10-15,\"ab,Azure,US,1,0,\nsell,openai\n",
	ledgerHeader + "sell,openai,2026-10-15,\"ab\"x,Azure,US,1,0,\n",
	ledgerHeader + "sell,openai,2026-10-15,x,Azure,US,\"USD 1,000\n.00\",0,\n",
	ledgerHeader + "sell,openai,2026-10-15,x,Azure,US,USD 1;000.00,0,\n",
	ledgerHeader + "sell,openai,2026-10-15,x,Azure,US,USD  1000.00,0,\n",
	ledgerHeader + "sell,openai,2026-10-15,x,Azure,US,EUR 1000.00,0,\n",
	ledgerHeader + "sell,openai,2026-10-15,x,Azure,US,-1000.00,0,\n",
	ledgerHeader + "sell,openai,2026-10-15,x,Azure,US,1234567890123456789.5,0,\n",
	ledgerHeader + "sell,openai,2026-10-15,x,Azure,US,12,34.5,0,\n",
	ledgerHeader + "sell,openai,2026-02-30,x,Azure,US,1,0,\n",
	ledgerHeader + "sell,openai,2026-10-15T10:00:00Z,x,Azure,US,1,0,\n",
	ledgerHeader + "sell, openai ,2026-10-15 , x ,\u00a0Azure,US,1,0,\n",
	ledgerHeader + "sell,opena,2026-10-15,x,Azur,US,1,0,\n",
	ledgerHeader + "sel,openai,2026-10-15,x,Azure,US,1,0,\n",
	ledgerHeader + ",openai,2026-10-15,x,Azure,US,1,0,\n",
	ledgerHeader + "model_release,openai,2026-11-25,,Azure,,,,GPT-6\n",
	ledgerHeader + "sell,openai,2026-10-15,x,Azure,US,1,0\n",
	ledgerHeader + "sell,openai,2026-10-15,~,Azure,US,1,0,\nsell,openai,2026-10-15,~,Azure,US,1,0,\n",
	ledgerHeader + "sell,openai,2026-10-15,\"~\",Azure,US,1,0,\n\n\n~\n",
	ledgerHeader + "\n\n~\nsell,openai,2026-10-15,x,Azure,US,1,0,~",
	"~" + ledgerHeader,
	"",
	"\r\n\r\n",
	"action,date\n\"",
}

// FuzzReadCSVFast checks the in-place CSV scanner against encoding/csv
// on arbitrary input: the same events, field for field, and the same
// error at the same line. Each "~" in the input stands for n bytes of
// "x", so that rows reach past the row limit (64 bytes, plus the 4 KiB
// encoding/csv reads ahead).
func FuzzReadCSVFast(f *testing.F) {
	for _, s := range csvFastSeeds {
		f.Add(s, uint16(10))
		if strings.Contains(s, "~") {
			f.Add(s, uint16(4100))
			f.Add(s, uint16(64+csvSlack-60))
		}
	}
	p := loadExample(f)
	small, err := Compile([]Source{{"a.pacta", p.Source("../examples/openai-microsoft-aws/agreement.pacta")}, {"b.pacta", p.Source("../examples/openai-microsoft-aws/amendment.pacta")}}, WithMaxRowBytes(64))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, n uint16) {
		text = strings.ReplaceAll(text, "~", strings.Repeat("x", int(n%9000)))
		compareCSVReaders(t, p, text)
		compareCSVReaders(t, small, text)
	})
}

// Rows at the edge of the limit: the fast scanner refuses exactly the rows
// encoding/csv refused, whatever their length, with or without a final
// newline, after blank lines, quoted or not.
func TestReadCSVFastLimit(t *testing.T) {
	p := loadExample(t)
	small, err := Compile([]Source{{"a.pacta", p.Source("../examples/openai-microsoft-aws/agreement.pacta")}, {"b.pacta", p.Source("../examples/openai-microsoft-aws/amendment.pacta")}}, WithMaxRowBytes(64))
	if err != nil {
		t.Fatal(err)
	}
	row := func(n int, quoted bool) string {
		cell := strings.Repeat("x", n)
		if quoted {
			cell = `"` + cell + `"`
		}
		return "sell,openai,2026-10-15," + cell + ",Azure,US,1,0,"
	}
	refused := 0
	for _, n := range []int{4000, 4100, 4110, 4111, 4112, 4113, 4114, 4120, 9000} {
		for _, quoted := range []bool{false, true} {
			for _, tail := range []string{"", "\n", "\r\n", "\nsell,openai,2026-10-16,x,Azure,US,1,0,\n"} {
				for _, blank := range []string{"", "\n\n"} {
					text := ledgerHeader + blank + row(n, quoted) + tail
					compareCSVReaders(t, small, text)
					for _, ev := range readAllCSV(small.ReadCSV("", "f.csv", strings.NewReader(text))) {
						if ev.errs[0] {
							refused++
						}
					}
				}
			}
		}
	}
	// The cases straddle the limit: some rows are refused, some read.
	if refused == 0 || refused == 9*2*4*2 {
		t.Fatalf("%d of %d cases refused: the lengths do not straddle the limit", refused, 9*2*4*2)
	}
}

// A reader that fails, after some bytes, fails both readers alike.
func TestReadCSVFastReadError(t *testing.T) {
	p := loadExample(t)
	for n := 0; n <= len(smallCSV); n += 7 {
		read := func(seq func(*Program) func(func(Event, error) bool)) []csvRead {
			return readAllCSV(seq(p))
		}
		mk := func(fast bool) func(*Program) func(func(Event, error) bool) {
			return func(p *Program) func(func(Event, error) bool) {
				r := io.MultiReader(strings.NewReader(smallCSV[:n]), iotest.ErrReader(errors.New("disk gone")))
				if fast {
					return p.ReadCSV("", "f.csv", r)
				}
				return p.readCSVRef("", "f.csv", r)
			}
		}
		got, want := read(mk(true)), read(mk(false))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("after %d bytes:\nfast: %+v\ncsv:  %+v", n, got, want)
		}
		if last := got[len(got)-1]; n < len(smallCSV) && !strings.Contains(last.err, "disk gone") && !strings.Contains(last.err, "empty") {
			t.Fatalf("after %d bytes: the read error is not reported: %+v", n, last)
		}
	}
}

// BenchmarkReadCSV1M reads (without settling) a CSV ledger of 1,000,000
// rows of the settle-cli benchmark (bench/settle-cli/deal.pacta; rows like
// `sell,seller,2021-06-30,Azure,123.45,12.34`), with ReadCSV and with the
// reader it replaced (every row through encoding/csv), in the same run.
func BenchmarkReadCSV1M(b *testing.B) {
	p, err := LoadFiles([]string{"../bench/settle-cli/deal.pacta"})
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString("action,actor,date,platform,gross,refunds\n")
	platforms := []string{"Azure", "AWS", "Direct", "GoogleCloud"}
	seed := uint64(42)
	const rows = 1_000_000
	for i := 0; i < rows; i++ {
		seed = (seed*69069 + 1) % 4294967296
		cents := 1000 + seed%46001
		d := 1 + i*1461/rows // days from 2020-01-01, as the ledger's rows advance
		y, rest := 2020+d/366, d%366
		fmt.Fprintf(&sb, "sell,seller,%d-%02d-%02d,%s,%d.%02d,%d.%02d\n", y, 1+rest/31%12, 1+rest%28, platforms[seed/65536%4], cents/100, cents%100, cents/1000, cents%100)
	}
	ledger := sb.String()
	for _, c := range []struct {
		name string
		read func(string, string, io.Reader) iter.Seq2[Event, error]
	}{{"fast", p.ReadCSV}, {"encoding-csv", p.readCSVRef}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				for _, err := range c.read("", "gen.csv", strings.NewReader(ledger)) {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != rows {
					b.Fatalf("%d rows read", n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
		})
	}
}
