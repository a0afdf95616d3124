package interp

import (
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/lang"
)

// proseHeader is an agreement of two companies named by their legal
// names, as the tests of prose and parties need. Clauses follow, then "}".
const proseHeader = `agreement deal "Deal" {
  effective 2026-01-01
  ends 2029-12-31
  currency USD
  default permitted

  party openai    "OpenAI Group PBC"
  party microsoft "Microsoft Corporation"
  party buyer     "Orbital Systems Corp. (the Acquirer)"

  kind Platform = Azure | AWS

  action sell {
    platform Platform
    gross    money
  }
`

// proseMessages vets src and returns the messages of its prose findings.
func proseMessages(t *testing.T, src string) []string {
	t.Helper()
	var out []string
	for _, f := range findings(vetOf(t, src), result.VetProse) {
		out = append(out, f.Message)
	}
	return out
}

func wantProse(t *testing.T, src string, want ...string) {
	t.Helper()
	got := proseMessages(t, src)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("prose findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestVetProseParties(t *testing.T) {
	// The logic has openai sell; the prose has Microsoft do it and never
	// names OpenAI: both ways are reported, the first at the logic's
	// `openai`, the second on "Microsoft" in the prose.
	wantProse(t, proseHeader+`
  clause 2.1 "Sales"
    "Microsoft may sell Products through Azure."
    openai may sell where platform == Azure
}`,
		`clause 2.1's prose has Microsoft act ("Microsoft may sell"), but its logic does not involve microsoft ("Microsoft Corporation")`,
		`clause 2.1's logic names openai ("OpenAI Group PBC"), but its prose never names that party (it names Microsoft)`)
	// Positions: the header is 16 lines, then a blank line and the clause,
	// so the prose is line 19 (its quote in column 5, "Microsoft" in 6)
	// and the logic line 20 (`openai` in column 5).
	fs := findings(vetOf(t, proseHeader+`
  clause 2.1 "Sales"
    "Microsoft may sell Products through Azure."
    openai may sell where platform == Azure
}`), result.VetProse)
	if len(fs) != 2 || fs[0].Pos.Line != 19 || fs[0].Pos.Col != 6 || fs[1].Pos.Line != 20 || fs[1].Pos.Col != 5 {
		t.Errorf("positions: %+v", fs)
	}
	// Prose in the passive has no party act: the logic's parties are not
	// compared with it. (The prose names Microsoft, not in a role.)
	wantProse(t, proseHeader+`
  clause 2.1 "Sales"
    "A sale through Azure is permitted, as Microsoft agreed."
    openai may sell where platform == Azure
}`)
	// "Microsoft shall not be liable" does not have Microsoft act.
	wantProse(t, proseHeader+`
  clause 2.1 "Sales"
    "OpenAI may sell Products through Azure; Microsoft shall not be liable for those sales."
    openai may sell where platform == Azure
}`)
	// Named by the legal name in full, by the name without its company
	// form, by the defined term in the legal name, and by the id: clean.
	// A party the prose names without having it act or be paid ("to
	// Microsoft" in 2.2) need not be in the logic.
	wantProse(t, proseHeader+`
  clause 2.1 "Sales"
    "OpenAI Group PBC may sell Products through Azure."
    openai may sell where platform == Azure
  clause 2.2 "Reports"
    "OpenAI shall report its sales to Microsoft each quarter."
    openai may sell where platform == AWS
  clause 4.1 "Fee"
    "The Acquirer shall pay Microsoft Corporation USD 100.00 on 1 March 2026."
    buyer pays microsoft USD 100.00 on 2026-03-01
}`)
}

func TestVetProsePayerPayee(t *testing.T) {
	// The prose has Microsoft pay OpenAI; the logic the other way round.
	// Both parties are in the logic, so the finding is about their roles:
	// one for the payer, one for the payee.
	wantProse(t, proseHeader+`
  clause 4.2 "Investment"
    "Microsoft shall pay OpenAI one billion US dollars on 1 March 2026."
    openai pays microsoft USD 1,000,000,000.00 on 2026-03-01
}`,
		`clause 4.2's prose has Microsoft pay ("Microsoft shall pay"), but in its logic openai pays`,
		`clause 4.2's prose has OpenAI paid ("pay OpenAI"), but in its logic openai is not paid`)
	// The positions SPEC 14.7 shows: the prose on line 19 opens its quote
	// in column 5; "Microsoft" is in column 6 and "OpenAI", after the 20
	// characters of "Microsoft shall pay ", in column 26.
	fs := findings(vetOf(t, proseHeader+`
  clause 4.2 "Investment"
    "Microsoft shall pay OpenAI one billion US dollars on 1 March 2026."
    openai pays microsoft USD 1,000,000,000.00 on 2026-03-01
}`), result.VetProse)
	if len(fs) != 2 || fs[0].Pos.Line != 19 || fs[0].Pos.Col != 6 || fs[1].Pos.Line != 19 || fs[1].Pos.Col != 26 {
		t.Errorf("positions: %+v", fs)
	}
	wantProse(t, proseHeader+`
  clause 4.2 "Investment"
    "Microsoft shall pay OpenAI one billion US dollars on 1 March 2026."
    microsoft pays openai USD 1,000,000,000.00 on 2026-03-01
}`)
	// A party paid that the logic does not involve at all.
	wantProse(t, proseHeader+`
  clause 4.3 "Fee"
    "OpenAI shall pay the Acquirer USD 100.00 on 1 March 2026."
    openai pays microsoft USD 100.00 on 2026-03-01
}`,
		`clause 4.3's prose has Acquirer paid ("pay the Acquirer"), but its logic does not involve buyer ("Orbital Systems Corp. (the Acquirer)")`,
		`clause 4.3's logic names microsoft ("Microsoft Corporation"), but its prose never names that party (it names OpenAI and Acquirer)`)
}

func TestVetProseDurations(t *testing.T) {
	// Business days are not days; "thirty (45) business days" disagrees
	// with itself.
	wantProse(t, vetHeader+`
  clause 4.1 "Fee"
    "The Buyer shall pay the Seller USD 100.00 on 1 March 2026, due within thirty (45) business days."
    buyer pays seller USD 100.00 on 2026-03-01
      due within 30 days
}`,
		`clause 4.1's prose says "thirty" (30) business days in words but 45 in digits`,
		`clause 4.1's logic says 30 days, but its prose never states 30 days (it states 30 business days)`)
	// Weeks, months and years: two weeks are fourteen days, one year is
	// twelve months; the prose says so in words and digits.
	wantProse(t, vetHeader+`
  clause 4.1 "Fee"
    "The Buyer shall pay the Seller USD 100.00 on 1 March 2026, due within fourteen (14) days."
    buyer pays seller USD 100.00 on 2026-03-01
      due within 2 weeks
  clause 1.1 "Old sales"
    "For twelve months after a sale, the Seller may sell it again."
    seller may sell where date >= 2026-01-01 + 1 year
}`)
	// "for two years" against the logic's three.
	wantProse(t, vetHeader+`
  clause 1.1 "Later sales"
    "The Seller may sell only after the first two years of the Term."
    seller may sell where date >= 2026-01-01 + 3 years
}`,
		`clause 1.1's logic says 3 years, but its prose never states 3 years (it states 2 years)`)
}

func TestVetProseDates(t *testing.T) {
	// The logic's deadline is 2027-03-31; the prose, in each of the usual
	// forms, says so — or says 30 March.
	for _, prose := range []string{"on or before March 31, 2027", "no later than 31 March 2027", "by 2027-03-31", "by the 31st day of March, 2027", "by 31 March"} {
		wantProse(t, vetHeader+`
  clause 2.1 "Deliver"
    "The Seller shall sell to the Buyer `+prose+`."
    seller must sell by 2027-03-31
}`)
	}
	wantProse(t, vetHeader+`
  clause 2.1 "Deliver"
    "The Seller shall sell to the Buyer on or before March 30, 2027."
    seller must sell by 2027-03-31
}`,
		`clause 2.1's logic says 2027-03-31, but its prose never states that date (it states 2027-03-30)`)
	// Prose that states no date is not compared: "the Effective Date".
	wantProse(t, vetHeader+`
  clause 4.1 "Fee"
    "The Buyer shall pay the Seller USD 100.00 on the Effective Date."
    buyer pays seller USD 100.00 on 2026-01-01
}`)
}

func TestVetProseCounts(t *testing.T) {
	// Three installments in the prose, four in the logic; "four (5)"
	// disagrees with itself.
	wantProse(t, vetHeader+`
  clause 4.1 "Fee"
    "The Buyer shall pay the Seller USD 400.00 in three equal quarterly installments from 1 January 2026."
    buyer pays seller USD 400.00 in 4 equal quarterly installments from 2026-01-01
  clause 4.2 "Fee"
    "The Buyer shall pay the Seller USD 400.00 in four (5) equal quarterly payments from 1 January 2026."
    buyer pays seller USD 400.00 in 4 equal quarterly installments from 2026-01-01
}`,
		`clause 4.1's logic makes 4 installments, but its prose never states 4 (it states 3 installments)`,
		`clause 4.2's prose says "four" (4) payments in words but 5 in digits`)
	// Agreeing counts, and a payment on two dates.
	wantProse(t, vetHeader+`
  clause 4.1 "Fee"
    "The Buyer shall pay the Seller USD 400.00 in four (4) equal quarterly payments from 1 January 2026."
    buyer pays seller USD 400.00 in 4 equal quarterly installments from 2026-01-01
  clause 4.2 "Fee"
    "The Buyer shall pay the Seller USD 100.00 in two payments, on 1 March 2026 and 1 June 2026."
    buyer pays seller USD 100.00 on 2026-03-01, 2026-06-01
}`)
}

func TestVetProseNumberForms(t *testing.T) {
	// "one hundred and twenty days", "twelve and a half percent (12.5%)",
	// "twenty percent (20%)": all agree with the logic.
	wantProse(t, vetHeader+`
  clause 5.1 "Share"
    "The Seller shall pay the Buyer twelve and a half percent (12.5%) of the gross of each sale, due one hundred and twenty days after the end of the quarter."
    seller pays buyer 12.5% of gross of each sell by seller
      settled quarterly
      due 120 days after period end
}`)
}

func TestParseNumberWords(t *testing.T) {
	for text, want := range map[string]int64{
		"one hundred and twenty": 120, "two thousand and five": 2005, "nine hundred ninety-nine": 999,
		"one million two hundred thousand": 1200000, "seventeen": 17, "zero": 0,
	} {
		if got, ok := parseNumberWords(strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' })); !ok || got != want {
			t.Errorf("parseNumberWords(%q) = %d, %v; want %d", text, got, ok, want)
		}
	}
	// Words that do not make a number: "one and two" (between one and two
	// years), "five twenty", "twenty hundred", "thousand million".
	for _, text := range []string{"one and two", "five twenty", "twenty hundred", "one thousand million", "and", "hundred", "ten eleven"} {
		if n, ok := parseNumberWords(strings.Fields(text)); ok {
			t.Errorf("parseNumberWords(%q) = %d, want none", text, n)
		}
	}
	// scanNumbers: "between one and two years" is two numbers, 1 and 2;
	// "USD 1,250.50" is 1250.50; "thirty-five" is one number.
	var got []string
	for _, n := range scanNumbers("between one and two years, USD 1,250.50 and thirty-five") {
		got = append(got, n.val.String())
	}
	if want := "1 2 1250.50 35"; strings.Join(got, " ") != want {
		t.Errorf("scanNumbers: %v, want %s", got, want)
	}
	// Amounts: "$500", "£1,000.50", "EUR 10 million" (10,000,000) and
	// "fifty thousand pounds" (50,000); "500 units" and "Section 5" are
	// not amounts.
	prose := "a fee of $500 and £1,000.50, EUR 10 million, fifty thousand pounds, 500 units, Section 5"
	got = nil
	for _, d := range scanAmounts(prose, scanNumbers(prose)) {
		got = append(got, d.String())
	}
	if want := "500 1000.50 10000000 50000"; strings.Join(got, " ") != want {
		t.Errorf("scanAmounts: %v, want %s", got, want)
	}
}

// FuzzProseScan: reading figures, dates, amounts and party names from any
// prose never panics, and every number it finds lies within the prose.
func FuzzProseScan(f *testing.F) {
	for _, s := range []string{
		"OpenAI shall pay Microsoft twenty percent (25%) of the Net Revenue within thirty (30) business days.",
		"in four (4) equal quarterly installments from 31 March 2027, March 31st, 2027 and 2027-03-31",
		"one hundred and twenty days; twelve and a half percent (12.5%); USD 10 million; fifty thousand pounds",
		"between one and two years, a 30-day period, the 31st day of February, 2027",
		"Élan SA shall pay the Acquirer", "", "(", "%", "thirty-", "and a half",
	} {
		f.Add(s)
	}
	parties := proseParties(&lang.AgreementInfo{Parties: map[string]*lang.PartyDecl{
		"openai": {ID: &lang.Ident{Name: "openai"}, Name: &lang.StringLit{Value: "OpenAI Group PBC"}},
		"elan":   {ID: &lang.Ident{Name: "elan"}, Name: &lang.StringLit{Value: "Élan S.A. (the “Acquirer”)"}},
	}})
	f.Fuzz(func(t *testing.T, prose string) {
		nums := scanNumbers(prose)
		for _, n := range nums {
			if n.start < 0 || n.end > len(prose) || n.start >= n.end {
				t.Fatalf("number at %d:%d of %q", n.start, n.end, prose)
			}
		}
		scanFigures(prose, nums)
		scanDates(prose)
		scanAmounts(prose, nums)
		for _, m := range partyMentions(prose, parties) {
			if m.start < 0 || m.end > len(prose) || m.start >= m.end {
				t.Fatalf("mention at %d:%d of %q", m.start, m.end, prose)
			}
			m.role(prose)
			excerpt(prose, m)
		}
	})
}

// TestPartyNames: the names prose may use for a party (SPEC 14.7).
func TestPartyNames(t *testing.T) {
	parties := proseParties(&lang.AgreementInfo{Parties: map[string]*lang.PartyDecl{
		"openai":    {ID: &lang.Ident{Name: "openai"}, Name: &lang.StringLit{Value: "OpenAI Group PBC"}},
		"elan":      {ID: &lang.Ident{Name: "elan"}, Name: &lang.StringLit{Value: "Élan S.A. (the “Acquirer”)"}},
		"writers":   {ID: &lang.Ident{Name: "writers"}, Name: &lang.StringLit{Value: "The Writers"}},
		"series_c":  {ID: &lang.Ident{Name: "series_c"}, Name: &lang.StringLit{Value: "Holders of Series C Preferred Stock"}},
		"partner":   {ID: &lang.Ident{Name: "partner"}, Name: &lang.StringLit{Value: "Northern Lights Esports Ltd"}},
		"microsoft": {ID: &lang.Ident{Name: "microsoft"}, Name: &lang.StringLit{Value: "Microsoft Corporation"}},
	}})
	for prose, want := range map[string]string{
		"OpenAI Group PBC and OpenAI":                 "openai openai",
		"Élan S.A. pays the Acquirer":                 "elan elan",
		"each Writer, and the Writers":                "writers writers",
		"the holders of the Series C Preferred Stock": "series_c",
		"Northern Lights Esports and the Partner":     "partner partner",
		"its other partners; Sellerton; microsoft":    "",
		"Microsoft's Azure and Microsoft Corporation": "microsoft microsoft",
	} {
		var got []string
		for _, m := range partyMentions(prose, parties) {
			got = append(got, m.party.id)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q names %q, want %q", prose, got, want)
		}
	}
}
