package interp

import (
	"context"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
)

// mixSource is an agreement whose ledger mixes every kind of row that
// could make a settlement grow: sales that are breaches, milestone events
// (`on each`, with late interest) and payments.
const mixSource = `agreement mix "Mixed ledger" {
  effective 2027-01-01
  currency USD
  party r   "R"
  party lab "Lab"

  kind Platform = Azure | AWS | Direct

  action sell { platform Platform  gross money }
  event release { seats integer }
  event payment { payer party  payee party  amount money }

  clause 3.1 "Exclusivity"
    r must not sell where platform == AWS

  clause 4.1 "Per release"
    r pays lab USD 0.25 * seats on each release due within 14 days
      late interest 1% per month

  clause 5.1 "Royalty"
    r pays lab 10% of gross of each sell by r
      settled monthly
      due 30 days after period end
}`

// mixLedger generates n rows of the mixed ledger, perDay rows a day from
// 2027-01-01; of every 10 rows, 4 are sales on Azure or AWS (the AWS one a
// breach), 4 releases, 1 a direct sale and 1 a payment of USD 5.00.
type mixLedger struct {
	n, i, perDay int
	date         types.Date
	buf          []byte
}

func newMixLedger(n, perDay int) *mixLedger {
	d, _ := types.ParseDate("2027-01-01")
	return &mixLedger{n: n, perDay: perDay, date: d,
		buf: []byte("action,actor,date,platform,gross,seats,payer,payee,amount\n")}
}

func (g *mixLedger) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		if g.i >= g.n {
			return 0, io.EOF
		}
		if g.i > 0 && g.i%g.perDay == 0 {
			g.date, _ = g.date.AddDays(1)
		}
		switch k := g.i % 10; {
		case k < 4:
			platform := "Azure"
			if k == 3 {
				platform = "AWS"
			}
			g.buf = fmt.Appendf(g.buf[:0], "sell,r,%s,%s,USD 10.00,,,,\n", g.date, platform)
		case k < 8:
			g.buf = fmt.Appendf(g.buf[:0], "release,,%s,,,%d,,,\n", g.date, g.i%3+1)
		case k == 8:
			g.buf = fmt.Appendf(g.buf[:0], "sell,r,%s,Direct,USD 10.00,,,,\n", g.date)
		default:
			g.buf = fmt.Appendf(g.buf[:0], "payment,,%s,,,,r,lab,USD 5.00\n", g.date)
		}
		g.i++
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

// TestMixedLedgerConstantMemory: settling 200,000 rows (10,000,000 with
// PACTA_SLOW=1) of breaches, milestone events and payments keeps the heap
// flat. Before milestone instances were gathered by day, each of the
// 80,000 releases made a line, an obligation and an entry of the `owed`
// history, some 30 MB; now the 200 days make 200 lines.
func TestMixedLedgerConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("settles 200,000 rows")
	}
	rows := 200_000
	if os.Getenv("PACTA_SLOW") != "" {
		rows = 10_000_000
	}
	const bound = 4 << 20
	p, err := Compile([]Source{{Name: "mix.pacta", Text: []byte(mixSource)}})
	if err != nil {
		t.Fatal(err)
	}
	var base, end uint64
	n := 0
	measured := func(yield func(Event, error) bool) {
		for ev, err := range p.ReadCSV("", "mix.csv", newMixLedger(rows, 1000)) {
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
	st, err := p.Settle(context.Background(), measured, SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if end > base+bound {
		t.Errorf("heap in use grew from %d to %d bytes over %d rows", base, end, rows-1000)
	}
	// One row in 10 is an AWS sale, a breach of 3.1.
	if st.BreachCount != int64(rows/10) || st.Events != int64(rows) {
		t.Errorf("%d breaches, %d events; want %d and %d", st.BreachCount, st.Events, rows/10, rows)
	}
	// 1,000 rows a day: 200 days, 2027-01-01 to 2027-07-19, each with one
	// milestone line of 400 releases: seats cycle 1, 2, 3 over the rows,
	// and rows 4..7 of every 10 are releases; 0.25 × seats per release.
	days := rows / 1000
	var milestones int
	for _, l := range st.Lines {
		if l.Kind == "milestone" {
			milestones++
		}
	}
	if milestones != days {
		t.Errorf("%d milestone lines, want one a day: %d", milestones, days)
	}
}
