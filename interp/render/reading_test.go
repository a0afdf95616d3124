package render

import (
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// The header every reading test shares: the parties' legal names lose
// their corporate suffixes in readings ("Alpha Inc." is "Alpha").
const readingHeader = `agreement deal "Deal" {
  effective 2027-01-01
  ends 2031-12-31
  currency USD
  contract year starts 2027-03-15
  fiscal year starts July
  calendar us {
    holidays 2027-05-31, 2027-07-05
  }
  party a "Alpha Inc."
  party b "Beta Corporation"
  party c "Gamma Ltd."
  party d "Dana Doe"
  kind Platform = Azure | AWS | Direct
  action sell {
    platform Platform
    region text
    gross money
    refunds money
    consent bool
  }
  action deliver {
    item text
  }
  event launch {
    platform Platform
  }
  term net(s sell) = s.gross - s.refunds
  term fee = USD 300.00
  term bounded(s sell, limit money, active bool) = if active then min(s.gross, limit) else floor(s.gross, USD 1.00)
`

// reading compiles the header plus body and returns the reading of the
// clause numbered num.
func reading(t *testing.T, body, num string) string {
	t.Helper()
	src := readingHeader + body + "\n}\n"
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatalf("compile: %v\n%s", err, src)
	}
	info := prog.Info()
	ai := info.Agreements[0]
	r := newReader(info, ai)
	for n := range ai.Clauses {
		r.clauses[n] = true
	}
	c, ok := ai.Clauses[num]
	if !ok {
		t.Fatalf("no clause %s", num)
	}
	return r.clause(c).String()
}

func TestReadings(t *testing.T) {
	for _, tc := range []struct {
		name, body, num, want string
	}{
		{"permission, list", `clause 1 "P" a may sell where platform in [Azure, Direct]`, "1",
			"Alpha may sell where the platform is Azure or Direct."},
		{"prohibition, not in", `clause 1 "P" a must not sell where platform not in [Azure, Direct]`, "1",
			"Alpha must not sell where the platform is neither Azure nor Direct."},
		{"prohibition, not in three", `clause 1 "P" a must not sell where platform not in [Azure, AWS, Direct]`, "1",
			"Alpha must not sell where the platform is none of Azure, AWS and Direct."},
		// An and inside an or (and the reverse) is grouped, so the reading
		// cannot be taken the other way.
		{"or of and", `clause 1 "P" a may sell where platform == AWS or (region == "EU" and consent)`, "1",
			"Alpha may sell where the platform is AWS or (the region is “EU” and the consent is true)."},
		{"and of or", `clause 1 "P" a may sell where (platform == AWS or region == "EU") and consent`, "1",
			"Alpha may sell where (the platform is AWS or the region is “EU”) and the consent is true."},
		{"or of and, unbracketed", `clause 1 "P" a may sell where platform == AWS or region == "EU" and consent`, "1",
			"Alpha may sell where the platform is AWS or (the region is “EU” and the consent is true)."},
		{"permission without condition", `clause 1 "P" b may sell`, "1",
			"Beta may sell."},
		{"notwithstanding", `clause 1 "P" a must not sell
  clause 2 "Q" notwithstanding 1 a may sell where platform == AWS`, "2",
			"Notwithstanding clause 1, Alpha may sell where the platform is AWS."},
		{"subject to", `clause 1 "P" subject to 2 a may sell
  clause 2 "Q" a must not sell where region == "EU" and not consent`, "1",
			"Subject to clause 2, Alpha may sell."},
		{"and, not of a bool field", `clause 2 "Q" a must not sell where region == "EU" and not consent`, "2",
			"Alpha must not sell where the region is “EU” and the consent is false."},
		{"or inside and is grouped", `clause 2 "Q" a must not sell where consent and (platform == AWS or region != "US")`, "2",
			"Alpha must not sell where the consent is true and (the platform is AWS or the region is not “US”)."},
		{"arithmetic in parentheses", `clause 2 "Q" a pays b (100% - 20%) of gross of each sell`, "2",
			"Alpha pays Beta (100% less 20%) of the gross of each sell, settled each calendar quarter."},
		{"comparison with a term and min", `clause 2 "Q" a must not sell where min(gross, fee) >= USD 100.00`, "2",
			"Alpha must not sell where the lesser of the gross and the Fee is at least USD 100.00."},
		{"window", `clause 1 "W" a may sell from 2027-02-01 until 2027-06-30`, "1",
			"Alpha may sell, from 2027-02-01 until 2027-06-30 (both days included)."},
		{"obligation with a deadline", `clause 1 "O" a must deliver where item == "model" by 2027-02-28`, "1",
			"Alpha must deliver where the item is “model”, by 2027-02-28 at the latest."},
		{"payment on dates, due, penalty", `clause 1 "Pay" b pays a USD 1,000.00 on 2027-01-15, 2027-07-15
    due within 30 days
    late penalty USD 5.00 per started week`, "1",
			"Beta pays Alpha USD 1,000.00 on 2027-01-15 and 2027-07-15, due within 30 days after its date (calendar days; a due date on a weekend or holiday is not moved). A payment paid late incurs a penalty of USD 5.00 per week of delay, a started week counting in full, from the due date."},
		{"installments with late interest", `clause 1 "Inst" a pays b fee in 4 equal quarterly installments from 2027-01-01
    due within 10 days
    late interest 1% per month capped at 12%`, "1",
			"Alpha pays Beta the Fee in 4 equal quarterly installments from 2027-01-01, each due within 10 days after its date (calendar days; a due date on a weekend or holiday is not moved). An installment paid late bears interest of 1% per month of delay, a started month counting in full, from the due date, up to 12% of the amount."},
		{"late interest counted daily", `clause 1 "Daily" a pays b USD 100.00 on 2027-05-01 late interest 8% per year counted daily (actual/365) from the day after the due date capped at 6%`, "1",
			"Alpha pays Beta USD 100.00 on 2027-05-01. A payment paid late bears interest of 8% per year of delay, counted daily (actual/365), from the day after the due date, up to 6% of the amount."},
		{"late interest, whole months", `clause 1 "Whole" a pays b USD 100.00 on 2027-05-01 late interest 1% per whole month from the due date`, "1",
			"Alpha pays Beta USD 100.00 on 2027-05-01. A payment paid late bears interest of 1% per month of delay, counting whole months only, from the due date."},
		{"business days and adjustment", `clause 1 "Named" a pays b USD 100.00 on 2027-03-31 due within 10 business days in us adjusted to the modified following business day in us`, "1",
			"Alpha pays Beta USD 100.00 on 2027-03-31, due within 10 business days (us calendar) after its date; a due date that is not a business day moves to the modified following business day (us calendar)."},
		{"milestone, first", `clause 1 "M" b pays a USD 500.00 on first launch where platform == Azure due within 30 days`, "1",
			"Beta pays Alpha USD 500.00 on the first launch where the platform is Azure, due within 30 days after the event (calendar days; a due date on a weekend or holiday is not moved)."},
		{"milestone, each", `clause 1 "M" b pays a USD 5.00 on each launch`, "1",
			"Beta pays Alpha USD 5.00 on each launch."},
		{"share, one line", `clause 1 "S" a pays b 20% of net of each sell by a
    settled quarterly
    due 45 days after period end`, "1",
			"Alpha pays Beta 20% of the Net of each sell by Alpha, settled each calendar quarter, due 45 days after the quarter ends (calendar days; a due date on a weekend or holiday is not moved)."},
		{"share, default settlement", `clause 1 "S" a pays b 10% of gross of each sell`, "1",
			"Alpha pays Beta 10% of the gross of each sell, settled each calendar quarter."},
		{"share, lines with otherwise", `clause 1 "S" a pays b of each sell by a:
    25% of net where platform == AWS
    20% of net otherwise
    settled quarterly
    due 45 days after period end`, "1",
			"Alpha pays Beta, of each sell by Alpha, 25% of the Net where the platform is AWS, and 20% of the Net otherwise; settled each calendar quarter, due 45 days after the quarter ends (calendar days; a due date on a weekend or holiday is not moved)."},
		{"share counting permitted sales only", `clause 1 "S" a pays b 10% of gross of each permitted sell where region == "EU" settled monthly`, "1",
			"Alpha pays Beta 10% of the gross of each permitted sell where the region is “EU”, settled each calendar month."},
		{"share counting every sale", `clause 1 "S" a pays b 10% of gross of each sell whether permitted or not settled fiscal quarterly`, "1",
			"Alpha pays Beta 10% of the gross of each sell, whether permitted or not, settled each fiscal quarter."},
		{"marginal tiers, cap, guarantee, recoupment", `clause 1 "Royalty" a pays b marginal tiers reset yearly {
      20% up to USD 10,000,000.00
      15% up to USD 50,000,000.00
      10% above
    } of gross of each sell by a
      settled quarterly
      due 30 days after period end
      at most USD 20,000,000.00 per year
      minimum guarantee USD 1,000,000.00 per year
      recouping USD 2,000,000.00`, "1",
			"Alpha pays Beta marginal tiers of the gross (20% up to USD 10,000,000.00, 15% from USD 10,000,000.00 up to USD 50,000,000.00, and 10% above USD 50,000,000.00) of each sell by Alpha, settled each calendar quarter, due 30 days after the quarter ends (calendar days; a due date on a weekend or holiday is not moved). Each tier's rate applies only to the part of the amount within its band, as with tax brackets; thresholds count from the start of each calendar year. The share is at most USD 20,000,000.00 each calendar year. The payee is guaranteed at least USD 1,000,000.00 each calendar year: any shortfall is paid as a true-up at the end of the year. An advance already paid (USD 2,000,000.00) is recouped from the share before anything is paid."},
		// Rates by sale (SPEC 7.3.1) read each band first, as the
		// statement's rate column does, and their conditions in words as
		// share lines do; "N points less" is the same sale's rate in the
		// tier before, less N percentage points.
		{"marginal tiers with rates by sale", `clause 1 "Bysale" a pays b marginal tiers reset yearly {
      up to USD 100.00: 25% where platform == AWS, 20% otherwise
      up to USD 500.00: 1 points more where region == "EU", 5 points less otherwise
      above: 10%
    } of net of each sell by a`, "1",
			"Alpha pays Beta marginal tiers of the Net (up to USD 100.00: 25% where the platform is AWS, and 20% otherwise; from USD 100.00 up to USD 500.00: 1 percentage point more than the sale's rate in the tier before where the region is “EU”, and 5 percentage points less than the sale's rate in the tier before otherwise; above USD 500.00: 10%) of each sell by Alpha, settled each calendar quarter. Each tier's rate applies only to the part of the amount within its band, as with tax brackets; thresholds count from the start of each calendar year."},
		// A one-rate tier whose rate uses the sale's fields is rated by
		// sale too, and reads band first the same way.
		{"marginal tiers, a rate that uses the sale", `clause 1 "Ifrate" a pays b marginal tiers {
      if platform == AWS then 25% else 20% up to USD 100.00
      15% above
    } of net of each sell by a`, "1",
			"Alpha pays Beta marginal tiers of the Net (up to USD 100.00: if the platform is AWS, 25%, and otherwise 20%; above USD 100.00: 15%) of each sell by Alpha, settled each calendar quarter. Each tier's rate applies only to the part of the amount within its band, as with tax brackets; thresholds count within each settlement period."},
		{"whole tiers, cumulative, floor over the term", `clause 1 "W" a pays b whole tiers cumulative {
      5% up to USD 1,000.00
      8% above
    } of gross of each sell
      at least USD 10.00 over the term`, "1",
			"Alpha pays Beta a rate of the gross set by whole-amount tiers (5% up to USD 1,000.00, and 8% above USD 1,000.00) of each sell, settled each calendar quarter. The rate of the highest tier reached applies to the whole amount; thresholds count over the life of the agreement and never reset. The share is at least USD 10.00 over the term of the agreement."},
		{"contract years", `clause 1 "C" a pays b 10% of gross of each sell settled per contract year at least USD 1.00 per contract year`, "1",
			"Alpha pays Beta 10% of the gross of each sell, settled each contract year. The share is at least USD 1.00 each contract year."},
		{"split in percent, rounded down", `clause 1 "Sp" a pays split {
      b 60%
      c 30%
      rounded down, remainder to d
    } 20% of gross of each sell`, "1",
			"Alpha pays 20% of the gross of each sell, settled each calendar quarter. The amount is split among Beta (60%) and Gamma (30%), each share rounded down, the remainder to Dana Doe."},
		{"split equally", `clause 1 "Eq" a pays split equally among b, c, d USD 90.00 on 2027-06-30`, "1",
			"Alpha pays USD 90.00 on 2027-06-30. The amount is split equally among Beta, Gamma and Dana Doe, any cent left over by rounding going to the largest remainders."},
		{"split pro rata", `clause 1 "PR" a pays split pro rata {
      b 20 shares
      c 10 shares
      remainder to c
    } USD 90.00 on 2027-06-30`, "1",
			"Alpha pays USD 90.00 on 2027-06-30. The amount is split pro rata among Beta (20 shares) and Gamma (10 shares), any cent left over by rounding to Gamma."},
		{"named split and its use", `clause 6.2 "Shares" split writers equally among c, d
  clause 6.1 "Pay" a pays writers USD 10.00 on 2027-06-30`, "6.1",
			"Alpha pays the writers (split as clause 6.2 says) USD 10.00 on 2027-06-30."},
		{"named split clause", `clause 6.2 "Shares" split writers { c 40% d 60% }`, "6.2",
			"Every amount paid to “writers” is split among Gamma (40%) and Dana Doe (60%), any cent left over by rounding going to the largest remainders."},
		{"waterfall", `clause 8.1 "Fee" a pays waterfall {
      c up to USD 5,000,000.00
      b rest
    } 5% of gross of each sell by a
      settled yearly`, "8.1",
			"Alpha pays 5% of the gross of each sell by Alpha, settled each calendar year. The amount flows through a waterfall: first Gamma up to USD 5,000,000.00, then Beta the rest."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := reading(t, tc.body, tc.num); got != tc.want {
				t.Errorf("reading:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestTermReading(t *testing.T) {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(readingHeader + "}\n")}})
	if err != nil {
		t.Fatal(err)
	}
	info := prog.Info()
	ai := info.Agreements[0]
	r := newReader(info, ai)
	if got, want := r.term(ai.Terms["net"]).Reading.String(), "Net (of a sell) means the gross less the refunds."; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, want := r.term(ai.Terms["bounded"]).Reading.String(), "Bounded (of a sell, given limit (an amount) and active (true or false)) means if active is true, the lesser of the gross and limit, and otherwise floor(the gross, USD 1.00)."; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, want := r.term(ai.Terms["fee"]).Reading.String(), "Fee means USD 300.00."; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestGeneralReading(t *testing.T) {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(readingHeader + "}\n")}})
	if err != nil {
		t.Fatal(err)
	}
	info := prog.Info()
	r := newReader(info, info.Agreements[0])
	var got []string
	for _, g := range r.general(info.Agreements[0]) {
		got = append(got, g.Reading.String())
	}
	want := []string{
		"The agreement is in force from 2027-01-01 to 2031-12-31, both days included.",
		"Amounts are in USD.",
		"Arithmetic is exact; an amount is rounded to the nearest (a half to the even digit) to 0.01 when it becomes a statement line.",
		"An action no clause covers is permitted.",
		"The fiscal year starts in July and is named by the calendar year it ends in.",
		"Contract years run for twelve months from 2027-03-15 and each of its anniversaries.",
		"The us calendar: Saturdays and Sundays are not business days, nor are 2027-05-31 and 2027-07-05.",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

func TestShortName(t *testing.T) {
	for in, want := range map[string]string{
		"OpenAI Group PBC":      "OpenAI",
		"Microsoft Corporation": "Microsoft",
		"Frontier Lab Inc.":     "Frontier Lab",
		"Ada Okafor":            "Ada Okafor",
		"Seed Fund LP":          "Seed Fund",
		"Group":                 "Group",
		"Orbital Systems Corp. (the Acquirer), acting through its Paying Agent": "the Acquirer",
		"Northern Lights Esports Ltd, a company":                                "Northern Lights Esports",
	} {
		if got := shortName(in); got != want {
			t.Errorf("shortName(%q) = %q, want %q", in, got, want)
		}
	}
}

var _ = lang.May

// A header rule's prose goes with its reading.
func TestGeneralProse(t *testing.T) {
	src := `agreement t "T" {
  effective 2027-01-01
    "This Agreement takes effect on 1 January 2027."
  currency USD
    "All amounts are in US dollars."
  default prohibited
    "Anything this Agreement does not permit is prohibited."
  party p "P"
}
`
	prog, err := interp.Compile([]interp.Source{{Name: "t.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	info := prog.Info()
	got := newReader(info, info.Agreements[0]).general(info.Agreements[0])
	want := []generalRow{
		{"This Agreement takes effect on 1 January 2027.", Text{{Text: "The agreement is in force from 2027-01-01."}}},
		{"All amounts are in US dollars.", Text{{Text: "Amounts are in USD."}}},
		{"", Text{{Text: "Arithmetic is exact; an amount is rounded to the nearest (a half to the even digit) to 0.01 when it becomes a statement line."}}},
		{"Anything this Agreement does not permit is prohibited.", Text{{Text: "An action no clause covers is prohibited."}}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows: %+v", len(got), got)
	}
	for i := range want {
		if got[i].Prose != want[i].Prose || got[i].Reading.String() != want[i].Reading.String() {
			t.Errorf("row %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

// Amounts owed in earlier periods (SPEC 7.8) read as what one party owes
// another.
func TestOwedReading(t *testing.T) {
	src := readingHeader + `  term big(d date) = owed by a to b for year_of(d) under 1 > USD 100.00
  clause 1 "S" a pays b 10% of gross of each sell
}
`
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	info := prog.Info()
	ai := info.Agreements[0]
	r := newReader(info, ai)
	r.clauses["1"] = true
	if got, want := r.term(ai.Terms["big"]).Reading.String(), "Big (given d (a date)) means what Alpha owes Beta for year_of(d) under clause 1 is more than USD 100.00."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// Preconditions (SPEC 4.7) and exceptions (SPEC 4.8) are read with what
// they guard: leaving them out would say a term or clause means less than
// it does.
func TestPreconditionAndExceptionReadings(t *testing.T) {
	src := readingHeader + `
  term rate(s sell) = 20%
    requires s.gross > USD 0.00 else "a sale has a gross"
  exception 6.3 rate = 12% where s.region == "EU"
  exception 6.4 notwithstanding 6.3 rate = 15% where s.region == "EU" and s.consent
  clause 9 "Sales"
    requires platform != AWS else "not on AWS"
    a may sell
}
`
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	info := prog.Info()
	ai := info.Agreements[0]
	r := newReader(info, ai)
	r.exceptions = map[string][]*lang.ExceptionDecl{}
	for _, it := range allItems(ai, "") {
		if x, ok := it.(*lang.ExceptionDecl); ok {
			r.exceptions[x.Term.Name] = append(r.exceptions[x.Term.Name], x)
		}
	}
	want := "Rate (of a sell) means 20%. Exception 6.3: where the region is “EU”, it means 12% instead. " +
		"Exception 6.4, notwithstanding 6.3: where the region is “EU” and the consent is true, it means 15% instead. " +
		"It requires that the gross is more than USD 0.00; otherwise it cannot be worked out, and the question fails with “a sale has a gross”."
	if got := r.term(ai.Terms["rate"]).Reading.String(); got != want {
		t.Errorf("term:\n got %s\nwant %s", got, want)
	}
	for _, it := range ai.Decl.Items {
		if c, ok := it.(*lang.ClauseDecl); ok && c.Num.Num == "9" {
			want := "Alpha may sell. It requires that the platform is not AWS; otherwise any question this clause answers fails with “not on AWS”."
			if got := r.clause(c).String(); got != want {
				t.Errorf("clause:\n got %s\nwant %s", got, want)
			}
		}
	}
}
