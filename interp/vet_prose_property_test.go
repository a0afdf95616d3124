package interp

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp/result"
)

// inWords writes n (0 to 999,999) in English words, written here
// independently of the reader in vet_prose_words.go: "forty-five", "one
// hundred and twenty", "two thousand and five".
func inWords(n int) string {
	ones := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	var under100 func(n int) string
	under100 = func(n int) string {
		if n < 20 {
			return ones[n]
		}
		if n%10 == 0 {
			return tens[n/10]
		}
		return tens[n/10] + "-" + ones[n%10]
	}
	under1000 := func(n int) string {
		switch {
		case n < 100:
			return under100(n)
		case n%100 == 0:
			return ones[n/100] + " hundred"
		}
		return ones[n/100] + " hundred and " + under100(n%100)
	}
	if n < 1000 {
		return under1000(n)
	}
	s := under1000(n/1000) + " thousand"
	switch r := n % 1000; {
	case r == 0:
	case r < 100:
		s += " and " + under100(r)
	default:
		s += " " + under1000(r)
	}
	return s
}

func TestInWords(t *testing.T) {
	for n, want := range map[int]string{7: "seven", 45: "forty-five", 120: "one hundred and twenty", 300: "three hundred", 2005: "two thousand and five", 12345: "twelve thousand three hundred and forty-five"} {
		if got := inWords(n); got != want {
			t.Errorf("inWords(%d) = %q, want %q", n, got, want)
		}
	}
}

// proseCase is one generated clause: its figures, and the prose and
// logic written from them.
type proseCase struct {
	percent, delay, count int
	unit                  string // day, week, month or year
	year, month, day      int
	payer, payee          string
}

var proseMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// prose writes c's prose, each figure in one of the usual forms, chosen
// by r.
func (c proseCase) prose(r *rand.Rand) string {
	names := map[string][]string{
		"seller": {"the Seller", "Seller Inc.", "the Seller"},
		"buyer":  {"the Buyer", "Buyer Ltd.", "the Buyer"},
	}
	num := func(n int, unit string) string {
		switch r.Intn(3) {
		case 0:
			return fmt.Sprintf("%d%s", n, unit)
		case 1:
			return inWords(n) + strings.TrimPrefix(unit, "%")
		}
		return fmt.Sprintf("%s (%d)%s", inWords(n), n, unit)
	}
	percent := num(c.percent, " percent")
	if r.Intn(2) == 0 {
		percent = fmt.Sprintf("%s percent (%d%%)", inWords(c.percent), c.percent)
	}
	unit := " " + c.unit
	if c.delay != 1 {
		unit += "s"
	}
	var date string
	switch r.Intn(4) {
	case 0:
		date = fmt.Sprintf("%s %d, %d", proseMonths[c.month-1], c.day, c.year)
	case 1:
		date = fmt.Sprintf("%d %s %d", c.day, proseMonths[c.month-1], c.year)
	case 2:
		date = fmt.Sprintf("%04d-%02d-%02d", c.year, c.month, c.day)
	default:
		date = fmt.Sprintf("the %d%s day of %s, %d", c.day, ordinal(c.day), proseMonths[c.month-1], c.year)
	}
	payer := names[c.payer][r.Intn(3)]
	payee := names[c.payee][r.Intn(3)]
	return fmt.Sprintf("%s shall pay %s USD 1,000.00 in %s equal quarterly installments beginning on %s, each due within %s, with interest at %s per month on late payment.",
		strings.ToUpper(payer[:1])+payer[1:], payee, num(c.count, ""), date, num(c.delay, unit), percent)
}

func ordinal(d int) string {
	switch {
	case d%100 >= 11 && d%100 <= 13:
		return "th"
	case d%10 == 1:
		return "st"
	case d%10 == 2:
		return "nd"
	case d%10 == 3:
		return "rd"
	}
	return "th"
}

// logic writes c's logic.
func (c proseCase) logic() string {
	unit := c.unit
	if c.delay != 1 {
		unit += "s"
	}
	return fmt.Sprintf("%s pays %s USD 1,000.00 in %d equal quarterly installments from %04d-%02d-%02d\n      due within %d %s\n      late interest %d%% per month",
		c.payer, c.payee, c.count, c.year, c.month, c.day, c.delay, unit, c.percent)
}

// TestVetProseProperty: prose written from a clause's own figures, in
// any of the usual forms, vets clean; change one figure of the logic (the
// rate, the delay, the number of installments, the first date, or the
// payer and payee) and vet reports exactly that.
func TestVetProseProperty(t *testing.T) {
	r := rand.New(rand.NewSource(14))
	clean, changed := 0, 0
	for i := 0; i < 300; i++ {
		c := proseCase{
			percent: 1 + r.Intn(99), delay: 1 + r.Intn(120), count: 2 + r.Intn(23),
			unit: []string{"day", "week", "month", "year"}[r.Intn(4)],
			year: 2026 + r.Intn(2), month: 1 + r.Intn(12), day: 1 + r.Intn(28),
			payer: "buyer", payee: "seller",
		}
		if r.Intn(2) == 0 {
			c.payer, c.payee = c.payee, c.payer
		}
		prose := c.prose(r)
		vet := func(logic string) []string {
			p, err := Compile([]Source{{Name: "deal.pacta", Text: []byte(strings.Replace(vetHeader, "ends 2027-12-31", "ends 2040-12-31", 1) +
				"\n  clause 4.1 \"Fee\"\n    \"" + prose + "\"\n    " + logic + "\n}\n")}})
			if err != nil {
				t.Fatalf("%v\n%s\n%s", err, prose, logic)
			}
			rep, err := p.Vet(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, f := range findings(rep, result.VetProse) {
				out = append(out, f.Message)
			}
			return out
		}
		if got := vet(c.logic()); len(got) != 0 {
			t.Errorf("prose %q\nlogic %s\nfindings: %q", prose, c.logic(), got)
			continue
		}
		clean++
		// One figure changed: the finding names it.
		d := c
		var want string
		switch k := r.Intn(5); k {
		case 0:
			d.percent = c.percent%99 + 1
			want = fmt.Sprintf("logic says %d%%, but its prose never states", d.percent)
		case 1:
			d.delay = c.delay%120 + 1
			want = fmt.Sprintf("logic says %d %s", d.delay, d.unit)
		case 2:
			d.count = c.count%24 + 2
			if d.count == c.count {
				d.count++
			}
			want = fmt.Sprintf("logic makes %d installments", d.count)
		case 3:
			d.day = c.day%28 + 1
			want = fmt.Sprintf("logic says %04d-%02d-%02d, but its prose never states that date", d.year, d.month, d.day)
		default:
			d.payer, d.payee = c.payee, c.payer
			want = fmt.Sprintf("but in its logic %s pays", d.payer)
		}
		got := vet(d.logic())
		ok := false
		for _, m := range got {
			ok = ok || strings.Contains(m, want)
		}
		// A swapped payer and payee is reported for each: the payer and
		// the payee; any other change once.
		if !ok || len(got) != 1 && !strings.HasSuffix(want, "pays") || len(got) != 2 && strings.HasSuffix(want, "pays") {
			t.Errorf("prose %q\nlogic %s\nfindings %q, want one saying %q", prose, d.logic(), got, want)
			continue
		}
		changed++
	}
	t.Logf("%d generated clauses vet clean; %d with one figure changed are reported", clean, changed)
}
