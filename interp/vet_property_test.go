package interp

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// The property tests of vet: over generated agreements whose conditions
// compare a kind, an amount and a flag with constants, with dates, amendments
// and precedence, every witness vet prints is decided as it claims
// (soundness), and deciding every action of the finite space by brute force
// meets no conflict, dead clause or always-overridden clause that vet
// missed or wrongly claimed (completeness where vet claims it).

// vetGenAgreements is how many agreements the property test generates.
const vetGenAgreements = 200

var (
	genChannels = []string{"Web", "Store", "Phone"}
	genAmounts  = []string{"USD 10.00", "USD 20.00", "USD 30.00"}
	genFrom     = []string{"2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01"}
	genUntil    = []string{"2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"}
)

func genAtom(r *rand.Rand) string {
	ch := func() string { return genChannels[r.Intn(len(genChannels))] }
	amt := func() string { return genAmounts[r.Intn(len(genAmounts))] }
	switch r.Intn(9) {
	case 0:
		return "channel == " + ch()
	case 1:
		return "channel != " + ch()
	case 2:
		a, b := ch(), ch()
		return "channel in [" + a + ", " + b + "]"
	case 3:
		return "gross > " + amt()
	case 4:
		return "gross <= " + amt()
	case 5:
		return "gross == " + amt()
	case 6:
		return "gross < " + amt()
	case 7:
		return "online"
	}
	return "not online"
}

func genCond(r *rand.Rand) string {
	switch r.Intn(6) {
	case 0:
		return ""
	case 1, 2:
		return genAtom(r)
	case 3:
		return genAtom(r) + " and " + genAtom(r)
	case 4:
		return genAtom(r) + " or " + genAtom(r)
	}
	return "not (" + genAtom(r) + " and " + genAtom(r) + ")"
}

// genClause writes clause num, perhaps overriding (or subject to) one of
// earlier; each clause refers to at most one earlier clause, so the
// precedence graph is a forest and has no cycle.
func genClause(r *rand.Rand, num string, earlier []string, replace bool) string {
	var b strings.Builder
	if replace {
		b.WriteString("  replace ")
	} else {
		b.WriteString("  ")
	}
	fmt.Fprintf(&b, "clause %s \"C%s\"", num, num)
	if len(earlier) > 0 && r.Intn(3) == 0 {
		ref := earlier[r.Intn(len(earlier))]
		if r.Intn(2) == 0 {
			b.WriteString(" notwithstanding " + ref)
		} else {
			b.WriteString(" subject to " + ref)
		}
	}
	party := "seller"
	if r.Intn(4) == 0 {
		party = "buyer"
	}
	mod := "may"
	switch r.Intn(5) {
	case 0, 1:
		mod = "must not"
	case 2:
		if r.Intn(3) == 0 {
			mod = "must"
		}
	}
	fmt.Fprintf(&b, "\n    %s %s sell", party, mod)
	if c := genCond(r); c != "" {
		b.WriteString(" where " + c)
	}
	from, until := -1, -1
	if r.Intn(5) == 0 {
		from = r.Intn(len(genFrom))
		b.WriteString(" from " + genFrom[from])
	}
	// genUntil[i] is the day before genFrom[i]: an until before the from
	// would be an error.
	if u := r.Intn(len(genUntil)); r.Intn(5) == 0 && u > from {
		until = u
		b.WriteString(" until " + genUntil[until])
	}
	b.WriteString("\n")
	return b.String()
}

// genVetAgreement writes an agreement of 2 to 6 clauses and, half the
// time, an amendment of 2026-07-01 adding or replacing 1 to 3.
func genVetAgreement(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString(vetHeader)
	var nums []string
	n := 2 + r.Intn(5)
	for i := 1; i <= n; i++ {
		num := fmt.Sprintf("1.%d", i)
		b.WriteString(genClause(r, num, nums, false))
		nums = append(nums, num)
	}
	b.WriteString("}\n")
	if r.Intn(2) == 0 {
		b.WriteString("\namendment am \"Am\" amends deal {\n  effective 2026-07-01\n")
		replaced := map[string]bool{}
		for i := 1; i <= 1+r.Intn(3); i++ {
			if r.Intn(3) == 0 {
				num := nums[r.Intn(n)]
				if !replaced[num] {
					replaced[num] = true
					// A replacement refers only to clauses before it.
					var before []string
					for _, e := range nums {
						if e == num {
							break
						}
						before = append(before, e)
					}
					b.WriteString(genClause(r, num, before, true))
					continue
				}
			}
			num := fmt.Sprintf("2.%d", i)
			b.WriteString(genClause(r, num, nums, false))
			nums = append(nums, num)
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// bruteActions returns every action of the generated agreements' finite
// space, up to equivalence: each party, channel and flag; an amount in
// every interval between and at the constants 10, 20 and 30; and a date
// on each side of every from, until and effective date; with the as-of
// dates that select each version.
func bruteActions(s *schema) []*types.Record {
	var out []*types.Record
	idx := func(name string) int { return s.FieldIndex(name) }
	var dates []types.Date
	for _, d := range []string{"2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01", "2026-06-30", "2026-07-01",
		"2026-09-30", "2026-10-01", "2026-12-31", "2027-01-01", "2027-12-31", "2028-01-01"} {
		dt, _ := types.ParseDate(d)
		dates = append(dates, dt)
	}
	for _, actor := range []string{"seller", "buyer"} {
		for ci, ch := range genChannels {
			for _, online := range []bool{false, true} {
				for _, g := range []int64{0, 5, 10, 15, 20, 25, 30, 35} {
					for _, d := range dates {
						rec := &types.Record{Schema: s, Fields: make([]types.Value, len(s.Fields()))}
						rec.Fields[idx("actor")] = types.PartyValue(actor)
						rec.Fields[idx("channel")] = types.EnumValue(ch, ci)
						rec.Fields[idx("online")] = types.BoolValue(online)
						rec.Fields[idx("gross")] = types.MoneyValue("USD", types.DecimalFromInt(g))
						rec.Fields[idx("date")] = types.DateValue(d)
						out = append(out, rec)
					}
				}
			}
		}
	}
	return out
}

func TestVetProperties(t *testing.T) {
	r := rand.New(rand.NewSource(15))
	ctx := context.Background()
	base, _ := types.ParseDate("2026-01-01")
	agreements, decisions, witnesses, conflicts, skipped := 0, 0, 0, 0, 0
	for i := 0; i < vetGenAgreements; i++ {
		src := genVetAgreement(r)
		p, err := Compile([]Source{{Name: "gen.pacta", Text: []byte(src)}})
		if err != nil {
			if skipped == 0 {
				t.Logf("first agreement that does not compile: %v", err)
			}
			skipped++
			continue
		}
		agreements++
		rep, err := p.Vet(ctx)
		if err != nil {
			t.Fatal(err)
		}
		witnesses += checkWitnesses(t, p, rep)
		if i < 20 {
			// Same input, same output: vet a fresh compile again.
			p2, _ := Compile([]Source{{Name: "gen.pacta", Text: []byte(src)}})
			rep2, _ := p2.Vet(ctx)
			a, _ := rep.MarshalJSON()
			b, _ := rep2.MarshalJSON()
			if string(a) != string(b) {
				t.Errorf("agreement %d: two runs differ:\n%s\n%s", i, a, b)
			}
		}
		pairs := map[[2]*result.ClauseInfo]bool{}
		dead := map[*result.ClauseInfo]bool{}
		loses := map[*result.ClauseInfo]bool{}
		for _, f := range rep.Findings {
			switch f.Kind {
			case result.VetConflict:
				pairs[[2]*result.ClauseInfo{f.Clauses[0], f.Clauses[1]}] = true
				pairs[[2]*result.ClauseInfo{f.Clauses[1], f.Clauses[0]}] = true
			case result.VetDeadClause:
				dead[f.Clauses[0]] = true
			case result.VetAlwaysLoses:
				loses[f.Clauses[0]] = true
			case result.VetNotAnalysed:
				t.Errorf("agreement %d: %s\n%s", i, f.Message, src)
			}
		}
		applies := map[*result.ClauseInfo]bool{}
		wins := map[*result.ClauseInfo]bool{}
		s := p.agreements[0].schemas["sell"]
		var d result.Decision
		for _, rec := range bruteActions(s) {
			asOfs := []types.Date{{}}
			if len(p.agreements[0].versions) > 1 {
				asOfs = append(asOfs, base) // the base version after the amendment
			}
			for _, asOf := range asOfs {
				if err := p.DecideInto(ctx, rec, DecideOptions{AsOf: asOf}, &d); err != nil {
					t.Fatal(err)
				}
				decisions++
				for _, a := range d.Applied {
					applies[a.Clause] = true
					if a.Outcome != "overridden" {
						wins[a.Clause] = true
					}
				}
				if d.Verdict != lang.Conflict {
					continue
				}
				conflicts++
				if !pairs[d.Conflict] {
					t.Errorf("agreement %d: vet missed the conflict between %s and %s met by %s as of %s\n%s",
						i, d.Conflict[0].Num, d.Conflict[1].Num, actionJSON(rec, false), asOf, src)
				}
			}
		}
		for _, ver := range p.agreements[0].versions {
			for _, c := range ver.clauses {
				if _, ok := c.Decl.Body.(*lang.Deontic); !ok {
					continue
				}
				if dead[c] == applies[c] {
					t.Errorf("agreement %d: clause %s: vet says dead %v, but it applies to some action: %v\n%s", i, c.Num, dead[c], applies[c], src)
				}
				if always := applies[c] && !wins[c]; loses[c] != always {
					t.Errorf("agreement %d: clause %s: vet says always overridden %v, brute force %v\n%s", i, c.Num, loses[c], always, src)
				}
			}
		}
		if t.Failed() {
			return
		}
	}
	if skipped > vetGenAgreements/10 {
		t.Errorf("%d of %d generated agreements did not compile", skipped, vetGenAgreements)
	}
	t.Logf("%d agreements, %d decisions by brute force (%d conflicts), %d witnesses decided", agreements, decisions, conflicts, witnesses)
}

// genShareAgreement writes an agreement of 2 to 4 share clauses on the
// gross of a sale, each at 30%, 40%, 50% or 60%, some only for one
// party's sales, each with a generated condition. One line in four is
// tiered instead (20% up to USD 1,000.00, then 30% to 60%, marginal or
// whole), and one clause in four recoups an advance of USD 50.00 that a
// payment clause pays: a settlement then shows the top rate, or any
// amount at all, only after enough sales.
func genShareAgreement(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString(vetHeader)
	n := 2 + r.Intn(3)
	recoups := false
	for i := 1; i <= n; i++ {
		rate := 30 + 10*r.Intn(4)
		if r.Intn(4) == 0 {
			kind := []string{"marginal", "whole"}[r.Intn(2)]
			fmt.Fprintf(&b, "  clause 7.%d \"S%d\"\n    seller pays buyer %s tiers {\n      20%% up to USD 1,000.00\n      %d%% above\n    } of gross of each sell", i, i, kind, rate)
		} else {
			fmt.Fprintf(&b, "  clause 7.%d \"S%d\"\n    seller pays buyer %d%% of gross of each sell", i, i, rate)
		}
		if r.Intn(3) == 0 {
			b.WriteString(" by seller")
		}
		if c := genCond(r); c != "" {
			b.WriteString(" where " + c)
		}
		b.WriteString("\n      settled quarterly\n")
		if r.Intn(4) == 0 {
			b.WriteString("      recouping USD 50.00\n")
			recoups = true
		}
	}
	if recoups {
		b.WriteString("  clause 8.1 \"Advance\"\n    seller pays buyer USD 50.00 on 2026-01-02\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// TestVetShareRatesComplete: over generated share clauses, an action whose
// shares add up to more than 100% exists (by brute force over the finite
// space) exactly when vet reports shares over the whole; and the witness
// of every such finding, settled as a ledger of its rows, gives statement
// lines under the finding's clauses that take more than the base.
func TestVetShareRatesComplete(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	ctx := context.Background()
	hundred := types.DecimalFromInt(1)
	over, agreements, actions, settled, rows, warmed := 0, 0, 0, 0, 0, 0
	for i := 0; i < 150; i++ {
		src := genShareAgreement(r)
		p, err := Compile([]Source{{Name: "gen.pacta", Text: []byte(src)}})
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		agreements++
		rep, err := p.Vet(ctx)
		if err != nil {
			t.Fatal(err)
		}
		reported := false
		for _, f := range rep.Findings {
			if f.Kind != result.VetMoney || !strings.Contains(f.Message, "more than the whole") {
				continue
			}
			reported = true
			if f.Witness == nil {
				t.Errorf("agreement %d: %s: no witness\n%s", i, f.Message, src)
				continue
			}
			settled++
			rows += f.Witness.Rows
			if f.Witness.Warm > 0 {
				warmed++
			}
			if msg := settleShowsOver(ctx, p, f); msg != "" {
				t.Errorf("agreement %d: %s: %s\n%s", i, f.Message, msg, src)
			}
		}
		ag := p.agreements[0]
		s := ag.schemas["sell"]
		rules := ag.versions[0].money.shares[s]
		found := ""
		for _, rec := range bruteActions(s) {
			if rec.Fields[s.dateIdx()].Date().Before(ag.effective) {
				continue
			}
			actions++
			var sum types.Decimal
			for _, sr := range rules {
				for j := range sr.lines {
					if (&vetter{p: p, ctx: ctx}).countedBy(rec, []shareLineRegion{{r: sr, line: j}}) {
						rate, _ := lineRate(sr.lines[j])
						sum, _ = sum.Add(rate)
					}
				}
			}
			if sum.Cmp(hundred) > 0 {
				found = actionJSON(rec, false)
				break
			}
		}
		if found != "" {
			over++
		}
		if reported != (found != "") {
			t.Errorf("agreement %d: vet reports shares over the whole: %v; brute force finds %q\n%s", i, reported, found, src)
		}
	}
	t.Logf("%d agreements (%d with shares over the whole), %d actions summed by brute force; %d witnesses settled (%d with warm-up rows), %d ledger rows", agreements, over, actions, settled, warmed, rows)
}

// settleShowsOver settles the witness of a finding of shares over the
// whole as `pacta settle` would a ledger of its rows, read back from its
// JSON, and says what is wrong unless the rows after the warm-up add
// more to the lines of the finding's clauses than to their base.
func settleShowsOver(ctx context.Context, p *Program, f result.VetFinding) string {
	w := f.Witness
	rec, err := p.ParseActionJSON([]byte(w.Action))
	if err != nil {
		return fmt.Sprintf("witness %s does not read back: %v", w.Action, err)
	}
	settle := func(n int) (amount, base types.Decimal, msg string) {
		if n == 0 {
			return
		}
		st, err := p.Settle(ctx, witnessLedger(rec, n), SettleOptions{AsOf: w.AsOf})
		if err != nil {
			return amount, base, err.Error()
		}
		for _, c := range f.Clauses {
			var cb *types.Decimal
			for _, l := range st.Lines {
				if l.Clause != c || l.Kind != "share" {
					continue
				}
				amount, _ = amount.Add(l.Amount.Num())
				if cb == nil {
					b := l.Base.Num()
					cb = &b
				}
			}
			if cb == nil {
				return amount, base, fmt.Sprintf("%d rows of %s: no share line under %s", n, w.Action, c.Num)
			}
			base = *cb
		}
		return amount, base, ""
	}
	a0, b0, msg := settle(w.Warm)
	if msg != "" {
		return msg
	}
	a1, b1, msg := settle(w.Rows)
	if msg != "" {
		return msg
	}
	amount, _ := a1.Sub(a0)
	base, _ := b1.Sub(b0)
	if amount.Cmp(base) <= 0 || base.Sign() <= 0 {
		return fmt.Sprintf("rows %d to %d of %s add %s on a base of %s: not more than the whole", w.Warm+1, w.Rows, w.Action, amount, base)
	}
	return ""
}
