package interp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
)

// breachLedger produces a CSV ledger of n sales from 2027-01-01, ten a
// day (a thousand a day past a million rows, so that the span, and the
// statement's lines per period, stay those of decades), every fourth on
// GoogleCloud (prohibited by 3.1 of the example) and the others on Azure,
// without holding it in memory.
type breachLedger struct {
	n, i   int
	perDay int
	date   types.Date
	buf    []byte
}

func newBreachLedger(n int) *breachLedger {
	d, _ := types.ParseDate("2027-01-01")
	perDay := 10
	if n > 1_000_000 {
		perDay = 1000
	}
	return &breachLedger{n: n, perDay: perDay, date: d, buf: []byte(ledgerHeader)}
}

func (g *breachLedger) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		if g.i >= g.n {
			return 0, io.EOF
		}
		if g.i > 0 && g.i%g.perDay == 0 {
			g.date, _ = g.date.AddDays(1)
		}
		platform := "Azure"
		if g.i%4 == 3 {
			platform = "GoogleCloud"
		}
		g.buf = fmt.Appendf(g.buf[:0], "sell,openai,%s,ChatGPT Enterprise,%s,US,USD 1.00,USD 0.00,\n", g.date, platform)
		g.i++
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

func heapInuse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// Settling 200,000 rows (10,000,000 with PACTA_SLOW=1) of which a quarter
// are breaches keeps the heap flat: the statement keeps the first 100 and
// counts the others, or keeps none when they stream to OnBreach.
func TestBreachesConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("settles 200,000 rows")
	}
	rows := 200_000
	if os.Getenv("PACTA_SLOW") != "" {
		rows = 10_000_000
	}
	const bound = 4 << 20 // 50,000 breaches of ~400 bytes would be 20 MB
	p := loadExample(t)
	for _, stream := range []bool{false, true} {
		var base, end uint64
		n := 0
		measured := func(yield func(Event, error) bool) {
			for ev, err := range p.ReadCSV("", "gen.csv", newBreachLedger(rows)) {
				n++
				switch n {
				case 1000:
					base = heapInuse()
				case rows:
					end = heapInuse()
				}
				if !yield(ev, err) {
					return
				}
			}
		}
		opts := SettleOptions{}
		var streamed int64
		if stream {
			opts.OnBreach = func(b *result.Breach) error {
				streamed++
				if b.Decision.Clause.Num != "3.1" || b.Actor != "openai" {
					t.Fatalf("breach %+v", b)
				}
				return nil
			}
		}
		st, err := p.Settle(context.Background(), measured, opts)
		if err != nil {
			t.Fatal(err)
		}
		if end > base+bound {
			t.Errorf("stream %v: heap in use grew from %d to %d bytes over %d rows", stream, base, end, rows-1000)
		}
		// Every fourth row is a breach: 50,000 of 200,000, all by 3.1.
		breaches := int64(rows / 4)
		kept := 100
		if stream {
			kept = 0
			if streamed != breaches {
				t.Errorf("%d breaches streamed, want %d", streamed, breaches)
			}
		}
		if st.BreachCount != breaches || len(st.Breaches) != kept || len(st.BreachTally) != 1 ||
			st.BreachTally[0].Count != breaches || st.BreachTally[0].Clause.Num != "3.1" {
			t.Errorf("stream %v: %d breaches, %d kept, tally %+v", stream, st.BreachCount, len(st.Breaches), st.BreachTally)
		}
		if !stream && (st.Breaches[0].Line != 5 || st.Breaches[99].Line != 401) {
			// Rows 4, 8, … of the ledger (lines 5, 9, …): the 100th is row 400.
			t.Errorf("kept lines %d … %d, want 5 … 401", st.Breaches[0].Line, st.Breaches[99].Line)
		}
	}
}

// heapWatch is a writer that notes the most heap in use while a statement
// is written, looking every so many writes.
type heapWatch struct {
	n      int
	peak   uint64
	nbytes int64
	tail   bytes.Buffer // the last bytes written, to check the end
}

func (h *heapWatch) Write(p []byte) (int, error) {
	h.n++
	h.nbytes += int64(len(p))
	if h.n%200 == 0 {
		h.peak = max(h.peak, heapInuse())
	}
	if h.tail.Len() > 1<<16 {
		h.tail.Reset()
	}
	h.tail.Write(p)
	return len(p), nil
}

// Every breach of a large settlement is listed, in text and in JSON, with
// the heap flat: they stream to a spool file, and the statement is
// written as it is made. The JSON is one valid document.
func TestBreachSpoolConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("settles 100,000 rows")
	}
	const rows = 100_000
	const bound = 4 << 20
	p := loadExample(t)
	f, err := os.CreateTemp(t.TempDir(), "breaches")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	spool := result.NewBreachSpool(f)
	st, err := p.Settle(context.Background(), p.ReadCSV("", "gen.csv", newBreachLedger(rows)), SettleOptions{OnBreach: spool.Add})
	if err != nil {
		t.Fatal(err)
	}
	if spool.Len() != 25_000 || len(st.Breaches) != 0 {
		t.Fatalf("%d spooled, %d kept", spool.Len(), len(st.Breaches))
	}
	base := heapInuse()
	var text heapWatch
	if err := st.WriteTextAll(&text, spool); err != nil {
		t.Fatal(err)
	}
	var js heapWatch
	if err := st.WriteJSONAll(&js, spool); err != nil {
		t.Fatal(err)
	}
	for _, w := range []*heapWatch{&text, &js} {
		if w.peak > base+bound {
			t.Errorf("heap in use grew from %d to %d bytes while writing %d bytes", base, w.peak, w.nbytes)
		}
	}
	// 25,000 breach rows and more: the text is at least 25,000 lines of
	// ~80 bytes.
	if text.nbytes < 25_000*80 {
		t.Errorf("text of %d bytes", text.nbytes)
	}
	if !strings.Contains(text.tail.String(), "\nOverdue") {
		t.Errorf("text ends %q", text.tail.String())
	}
}

// The statement lists the first breaches and counts the rest, per clause,
// in text and JSON; with a spool, all of them, exactly as a statement that
// kept them all.
func TestBreachSummaryAndAll(t *testing.T) {
	p := loadExample(t)
	// 20 rows, every fourth a breach: 5 breaches, on lines 5, 9, 13, 17, 21.
	settle := func(opts SettleOptions) *result.Statement {
		st, err := p.Settle(context.Background(), p.ReadCSV("", "gen.csv", newBreachLedger(20)), opts)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	render := func(st *result.Statement, spool *result.BreachSpool) (string, string) {
		var tb, jb bytes.Buffer
		if err := st.WriteTextAll(&tb, spool); err != nil {
			t.Fatal(err)
		}
		if err := st.WriteJSONAll(&jb, spool); err != nil {
			t.Fatal(err)
		}
		return tb.String(), jb.String()
	}
	allText, allJSON := render(settle(SettleOptions{BreachSample: -1}), nil)
	f, err := os.CreateTemp(t.TempDir(), "breaches")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	spool := result.NewBreachSpool(f)
	spText, spJSON := render(settle(SettleOptions{OnBreach: spool.Add}), spool)
	if !json.Valid([]byte(allJSON)) {
		t.Errorf("not valid JSON:\n%s", allJSON)
	}
	if spText != allText || spJSON != allJSON {
		t.Errorf("spooled differs from kept:\n%s\n%s", spText, allText)
	}
	// Rendering twice from the spool gives the same.
	if t2, j2 := render(settle(SettleOptions{OnBreach: func(*result.Breach) error { return nil }}), spool); t2 != allText || j2 != allJSON {
		t.Errorf("second rendering differs")
	}

	sumText, sumJSON := render(settle(SettleOptions{BreachSample: 2}), nil)
	want := `
Breaches: 5 found, the first 2 listed

  Ledger row  Date        Action       Decision
  gen.csv:5   2027-01-01  openai sell  prohibited by 3.1 "Azure exclusivity"
  gen.csv:9   2027-01-01  openai sell  prohibited by 3.1 "Azure exclusivity"

  … and 3 more prohibited by 3.1 "Azure exclusivity"

Overdue`
	if !strings.Contains(sumText, want) {
		t.Errorf("summary text:\n%s\nwant it to hold%s", sumText, want)
	}
	var doc struct {
		Breaches        []json.RawMessage `json:"breaches"`
		BreachCount     int64             `json:"breach_count"`
		BreachesOmitted int64             `json:"breaches_omitted"`
		BreachTally     []struct {
			Verdict string
			Clause  struct{ Number string }
			Count   int64
		} `json:"breach_tally"`
	}
	if err := json.Unmarshal([]byte(sumJSON), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Breaches) != 2 || doc.BreachCount != 5 || doc.BreachesOmitted != 3 || len(doc.BreachTally) != 1 ||
		doc.BreachTally[0].Verdict != "prohibited" || doc.BreachTally[0].Clause.Number != "3.1" || doc.BreachTally[0].Count != 5 {
		t.Errorf("summary JSON %+v", doc)
	}

	// Streamed away with no spool: counted, none listed.
	noneText, _ := render(settle(SettleOptions{OnBreach: func(*result.Breach) error { return nil }}), nil)
	if want := "\nBreaches: 5 found, none listed\n  … and 5 prohibited by 3.1 \"Azure exclusivity\"\n"; !strings.Contains(noneText, want) {
		t.Errorf("none listed:\n%s", noneText)
	}
	// An error from OnBreach ends the settlement.
	stop := fmt.Errorf("disk full")
	if _, err := p.Settle(context.Background(), p.ReadCSV("", "gen.csv", newBreachLedger(20)), SettleOptions{OnBreach: func(*result.Breach) error { return stop }}); err != stop {
		t.Errorf("OnBreach error: %v", err)
	}
}
