package interp

import (
	"context"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/result"
)

// TestVetMoneySettled: a witness of shares over the whole is confirmed
// by settling a ledger of it, and its answer says what the statement
// shows.
func TestVetMoneySettled(t *testing.T) {
	// 7.1 takes 60% of every web sale's net; 7.2 takes 20% of the first
	// USD 1,000.00 of net and 50% above, and recoups an advance of
	// USD 50.00. Net is gross - refunds: the witness's gross is USD 100.00
	// and its refunds (no condition looks at them) USD 0.00, so each row
	// adds USD 100.00 of net. Warm-up rows: 1,000.00 / 100.00 = 10, plus
	// one to pass the threshold, is 11 (the recoupment needs 50 / (20% of
	// 100) = 2.5, so 3). The twelfth row adds 60% × 100 = 60.00 under 7.1
	// and 50% × 100 = 50.00 under 7.2: 110.00 on a net of 100.00.
	src := `agreement deal "Deal" {
  effective 2026-01-01
  ends 2027-12-31
  currency USD
  default permitted

  party seller "Seller Inc."
  party buyer  "Buyer Ltd."

  kind Channel = Web | Store | Phone

  action sell {
    channel Channel
    gross   money
    refunds money
  }

  term net(s sell) = s.gross - s.refunds

  clause 7.1 "Web royalty"
    seller pays buyer 60% of net of each sell by seller where channel == Web
      settled quarterly
  clause 7.2 "Web fee"
    seller pays buyer marginal tiers {
      20% up to USD 1,000.00
      50% above
    } of net of each sell by seller
      settled quarterly
      recouping USD 50.00
  clause 7.3 "Advance"
    seller pays buyer USD 50.00 on 2026-01-02
}
`
	p, err := Compile([]Source{{Name: "deal.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Vet(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	fs := findings(rep, result.VetMoney)
	if len(fs) != 1 || fs[0].Witness == nil {
		t.Fatalf("findings: %+v", rep.Findings)
	}
	w := fs[0].Witness
	if w.Rows != 12 || w.Warm != 11 || !strings.Contains(w.Answer, "in a ledger of 12 rows of it, settled, the first 11 pass the tier thresholds and recoup the advance and the last one adds USD 60.00 under 7.1 and USD 50.00 under 7.2 (USD 110.00) on a net of USD 100.00") {
		t.Errorf("witness %s, rows %d (warm %d): %s", w.Action, w.Rows, w.Warm, w.Answer)
	}
	if msg := settleShowsOver(context.Background(), p, fs[0]); msg != "" {
		t.Error(msg)
	}
	// A flat 120% of a sale's gross: settled alone, the witness owes
	// 120% × 100.00 = 120.00.
	rep = vetOf(t, vetHeader+`
  clause 7.1 "Greedy"
    seller pays buyer 120% of gross of each sell
      settled quarterly
}`)
	fs = findings(rep, result.VetMoney)
	if len(fs) != 1 || fs[0].Witness == nil || !strings.HasSuffix(fs[0].Witness.Answer, "settled alone, it owes USD 120.00 under 7.1 (USD 120.00) on a gross of USD 100.00") {
		t.Errorf("findings: %+v", fs)
	}
	// A cap of USD 50.00 a quarter cuts the 120.00 of a sale of 100.00:
	// the witness is then a sale of USD 1.00, of which 120% is 1.20. Its
	// excess is 0.20 a row, so the ledger has 1 / 0.20 = 5 rows plus one,
	// 6: 6 × 1.20 = 7.20 owed on a gross of 6.00, within the cap.
	rep = vetOf(t, vetHeader+`
  clause 7.1 "Greedy"
    seller pays buyer 120% of gross of each sell
      settled quarterly
      at most USD 50.00 per quarter
}`)
	fs = findings(rep, result.VetMoney)
	if len(fs) != 1 || fs[0].Witness == nil || !strings.Contains(fs[0].Witness.Action, `"gross":"USD 1.00"`) ||
		!strings.HasSuffix(fs[0].Witness.Answer, "a ledger of 6 rows of it, settled, owes USD 7.20 under 7.1 (USD 7.20) on a gross of USD 6.00") {
		t.Errorf("capped share: findings %+v", fs)
	}
}

// TestVetGuaranteeAboveCap: the true-up of a guarantee is not capped
// (SPEC 7.4), so a guarantee of 2,000.00 a year above a cap of 1,000.00 a
// year means the cap never holds. Confirmed by settling 2026 with no sale:
// the payouts are 0.00, so the true-up is the whole 2,000.00. The header's
// agreement takes effect on 2026-01-01; the guarantee is on line 26 (the
// header's 20 lines, a blank, the clause, its logic, settled, the cap),
// in column 7.
func TestVetGuaranteeAboveCap(t *testing.T) {
	rep := vetOf(t, vetHeader+`
  clause 7.1 "Royalty"
    seller pays buyer 10% of gross of each sell
      settled quarterly
      at most USD 1,000.00 per year
      minimum guarantee USD 2,000.00 per year
}`)
	fs := findings(rep, result.VetMoney)
	want := "clause 7.1 has a minimum guarantee USD 2,000.00 per year, above its cap (at most USD 1,000.00 per year): the guarantee's true-up is not capped (SPEC 7.4), so the cap never holds; with no sell at all, a settlement of 2026 pays USD 2,000.00 under 7.1"
	if len(fs) != 1 || fs[0].Message != want || fs[0].Pos.Line != 26 || fs[0].Pos.Col != 7 {
		t.Errorf("findings %+v\nwant %q at 26:7", fs, want)
	}
	// A cap of 3,000.00 a year holds: the guarantee of 2,000.00 is below.
	rep = vetOf(t, vetHeader+`
  clause 7.1 "Royalty"
    seller pays buyer 10% of gross of each sell
      settled quarterly
      at most USD 3,000.00 per year
      minimum guarantee USD 2,000.00 per year
}`)
	if fs := findings(rep, result.VetMoney); len(fs) != 0 {
		t.Errorf("findings %+v", fs)
	}
}
