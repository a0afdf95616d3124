package render

import "github.com/pacta-lang/pacta/lang"

// joint reads a cap across share clauses (SPEC 7.4.1): "The amounts of
// clauses 5.1 and 5.2 together are at most USD 100.00 per year; the line
// that reaches a cap is cut to what remains, and later lines pay
// nothing."
func (r *reader) joint(b *lang.JointLimit) Text {
	var t Text
	t.add("The amounts of ")
	for i, c := range b.Clauses {
		if c == nil {
			continue
		}
		switch {
		case i == 0:
		case i == len(b.Clauses)-1:
			t.add(" and ")
		default:
			t.add(", ")
		}
		r.clauseRef(&t, c.Num)
	}
	t.add(" together are ")
	for i, l := range b.Limits {
		if l == nil {
			continue
		}
		if i > 0 {
			t.add(" and ")
		}
		if l.Floor {
			t.add("at least ")
		} else {
			t.add("at most ")
		}
		t.addText(r.exprText(l.Amount))
		if l.Per != nil {
			t.add(" per " + unitWords(l.Per))
		} else {
			t.add(" over the term of the agreement")
		}
	}
	t.add("; the line that reaches a cap is cut to what remains, and later lines pay nothing.")
	if b.Due != nil {
		// SPEC 7.4.1: when a floor's true-up is due.
		period := "term"
		for _, l := range b.Limits {
			if l != nil && l.Floor && l.Per != nil {
				period = unitWords(l.Per)
				break
			}
		}
		t.add(" A shortfall below a floor is paid by a true-up")
		r.due(&t, b.Due, dueContext{kind: duePeriodEnd, period: period})
		t.add(".")
	}
	r.late(&t, b.Late, "A true-up")
	return t
}

// unitWords is a limit's period as written: "year", "fiscal quarter",
// "half-year", "contract year".
func unitWords(u *lang.PeriodUnit) string {
	w := u.Unit
	switch {
	case u.Contract:
		w = "contract year"
	case w == "half":
		w = "half-year"
	}
	if u.Fiscal {
		w = "fiscal " + w
	}
	return w
}
