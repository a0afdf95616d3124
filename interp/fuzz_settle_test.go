package interp_test

// FuzzSettleBudget compiles a small agreement from fuzzed source and
// settles a fuzzed small CSV ledger through the public API, with a small
// step budget and a 100 ms deadline: nothing may panic or hang, and every
// problem comes back as an error value in Pacta's words. The seed corpus
// is in testdata/fuzz/FuzzSettleBudget (and the seeds below).
//
//	go test ./interp -run '^$' -fuzz FuzzSettleBudget -fuzztime 15s

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
)

// settleSeeds are agreement and ledger pairs: a share, tiers with a floor,
// a payment on the calendar's last day, a doubling chain over the budget,
// installments and a split, and ledgers with bad rows.
var settleSeeds = [][2]string{
	{`agreement f "F" {
  effective 2020-01-01
  currency USD
  party a "A"
  party b "B"
  action sell { amount money  n integer }
  clause 1 "Share" a pays b 10% of amount of each sell by a
    settled quarterly
    due 45 days after period end
}
`, "action,actor,date,amount,n\nsell,a,2020-02-01,USD 100.00,1\nsell,a,2020-05-01,USD 50.00,2\n"},
	{`agreement f "F" {
  effective 2020-01-01
  ends 2022-12-31
  currency USD
  party a "A"
  party b "B"
  action sell { amount money  n integer }
  clause 1 "Tiers" a pays b marginal tiers reset yearly {
    10% up to USD 1,000.00
    5% above
  } of amount of each sell by a
    settled monthly
    minimum guarantee USD 10.00 per month
    at most USD 500.00 per year
}
`, "action,actor,date,amount,n\nsell,a,2020-01-15,\"USD 2,000.00\",1\nsell,a,2021-07-01,USD 3.00,9\n"},
	{`agreement f "F" {
  effective 2020-01-01
  currency USD
  party a "A"
  party b "B"
  action sell { amount money  n integer }
  clause 1 "Last day" a pays b USD 1.00 on 9999-12-31
    due within 30 days
}
`, "action,actor,date,amount,n\nsell,a,9999-12-31,USD 1.00,1\n"},
	{`agreement f "F" {
  effective 2020-01-01
  currency USD
  party a "A"
  party b "B"
  action sell { amount money  n integer }
  term t0(x integer) = x
  term t1(x integer) = t0(x) + t0(x)
  term t2(x integer) = t1(x) + t1(x)
  term t3(x integer) = t2(x) + t2(x)
  term t4(x integer) = t3(x) + t3(x)
  term t5(x integer) = t4(x) + t4(x)
  term t6(x integer) = t5(x) + t5(x)
  term t7(x integer) = t6(x) + t6(x)
  term t8(x integer) = t7(x) + t7(x)
  term t9(x integer) = t8(x) + t8(x)
  term t10(x integer) = t9(x) + t9(x)
  term t11(x integer) = t10(x) + t10(x)
  term t12(x integer) = t11(x) + t11(x)
  term t13(x integer) = t12(x) + t12(x)
  term t14(x integer) = t13(x) + t13(x)
  term t15(x integer) = t14(x) + t14(x)
  clause 1 "Doubling" a pays b 1% of amount * t15(n) of each sell by a
  clause 2 "Rule" a must not sell where t15(n) > 100
}
`, "action,actor,date,amount,n\nsell,a,2020-03-01,USD 1.00,1\n"},
	{`agreement f "F" {
  effective 2020-01-01
  currency USD
  party a "A"
  party b "B"
  party c "C"
  action sell { amount money  n integer }
  clause 1 "Installments" a pays b USD 1,000.00 in 12 equal monthly installments from 2020-01-01
    due within 30 days
    late interest 1% per month capped at 12%
  clause 2 "Split" a pays split {
    b 60%
    remainder to c
  } 20% of amount of each sell by a
}
`, "action,actor,date,amount,n\nsell,a,2020-01-02,USD 10.00,1\npay,a,2020-02-01,USD 5.00,1\n"},
	{`agreement f "F" {
  effective 2020-01-01
  currency USD
  party a "A"
  party b "B"
  action sell { amount money  n integer }
  clause 1 "Share" a pays b 10% of amount of each sell by a
}
`, "action,actor,date,amount,n\nsell,a,2019-01-01,USD 1.00," + strings.Repeat("9", 70) + "\nsell,a,2020-01-01,\"USD 1.00\n"},
	// Pro rata splits by each sale's numbers of shares (SPEC 8.4.2),
	// with rows of zero and negative numbers, and a named split.
	{`agreement f "F" {
  effective 2020-01-01
  currency USD
  party a "A"
  party b "B"
  party c "C"
  action sell { amount money  n integer }
  term twice(s sell) = s.n * 2
  clause 1 "By n" a pays split pro rata { b n shares, c 1.5 shares } 10% of amount of each sell by a
  clause 2 "By a term" a pays split pro rata { b twice shares, c n shares rounded down, remainder to c } 33% of amount of each sell
  clause 3 "Writers" split writers pro rata { b n + 1 shares, c 2 shares }
  clause 4 "Named" a pays writers 7% of amount of each sell
}
`, "action,actor,date,amount,n\nsell,a,2020-01-02,USD 10.01,1\nsell,a,2020-02-01,USD 0.03,3\nsell,a,2020-04-01,USD 5.00,0\nsell,a,2020-05-01,USD 5.00,-2\n"},
	{`agreement f "F" {
  effective 2020-01-01
  currency USD
  party a "A"
  party b "B"
  action sell { amount money  n integer }
  clause 1 "Share"
    a pays b marginal tiers reset yearly {
      up to USD 10.00: 25% where n > 1, 20% otherwise
      above: n points less
    } of amount of each sell by a
      at most USD 100.00 over the term
  clause 2 "Other" a pays b 10% of amount of each sell by a settled monthly
  clause 3 "Joint" clauses 1 and 2 together at most USD 3.00 per year, at most USD 4.00 over the term
}
`, "action,actor,date,amount,n\nsell,a,2020-01-02,USD 8.00,2\nsell,a,2020-01-03,USD 4.00,30\nsell,a,2020-02-01,USD 5.00,1\n"},
	{`agreement f "Floor due" {
  effective 2020-01-01
  currency USD
  party a "A"
  party b "B"
  action sell { amount money }
  event payment { payer party  payee party  amount money }
  clause 1 "Share" a pays b 20% of amount of each sell by a settled quarterly
  clause 2 "Other" a pays b 10% of amount of each sell by a settled monthly
  clause 3 "Floor"
    clauses 1 and 2 together at least USD 30.00 per year
      due 30 days after period end
      late interest 1% per month
}
`, "action,actor,date,amount,payer,payee\nsell,a,2020-01-02,USD 8.00,,\npayment,,2021-02-15,USD 5.00,a,b\n"},
}

// internalsIn returns a word of Go or parser internals that msg shows and
// the inputs do not hold (a message may quote the input).
func internalsIn(msg string, inputs ...string) string {
	for _, w := range hostileInternals {
		if !strings.Contains(msg, w) {
			continue
		}
		quoted := false
		for _, in := range inputs {
			if strings.Contains(in, w) {
				quoted = true
			}
		}
		if !quoted {
			return w
		}
	}
	return ""
}

func FuzzSettleBudget(f *testing.F) {
	for _, s := range settleSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, src, ledger string) {
		if len(src) > 16<<10 || len(ledger) > 16<<10 {
			return
		}
		p, err := interp.Compile([]interp.Source{{Name: "fuzz.pacta", Text: []byte(src)}},
			interp.WithStepBudget(5_000))
		if err != nil {
			if w := internalsIn(err.Error(), src); w != "" {
				t.Fatalf("compile error shows %q: %.400s", w, err)
			}
			return
		}
		for _, id := range p.Agreements() {
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			start := time.Now()
			st, err := p.Settle(ctx, p.ReadCSV(id, "fuzz.csv", strings.NewReader(ledger)), interp.SettleOptions{Agreement: id})
			took := time.Since(start)
			cancel()
			// The deadline is looked at every 256 steps and between rows;
			// 2 s leaves room for a loaded machine.
			if took > 2*time.Second {
				t.Errorf("settling %s took %v despite a 100ms deadline and a budget of 5,000 steps", id, took)
			}
			if err == nil {
				if st == nil {
					t.Fatalf("settling %s: no statement and no error", id)
				}
				if st.To.Before(st.From) {
					t.Errorf("settling %s: the statement runs from %s to %s", id, st.From, st.To)
				}
				continue
			}
			msg := err.Error()
			if msg == "" {
				t.Fatalf("settling %s: an empty error", id)
			}
			if w := internalsIn(msg, src, ledger); w != "" {
				t.Fatalf("settling %s: the error shows %q: %.400s", id, w, msg)
			}
			if errors.Is(err, context.DeadlineExceeded) && !strings.Contains(msg, "cancelled") {
				t.Errorf("settling %s: a deadline error not in Pacta's words: %.400s", id, msg)
			}
		}
	})
}
