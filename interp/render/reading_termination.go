package render

import "github.com/pacta-lang/pacta/lang"

// This file reads out the end of an agreement (SPEC 5.6): rights to
// terminate, automatic termination, and `survives termination`.

// terminationRight: "Microsoft may terminate this agreement if 3.1 is
// breached and the breach is not cured within 30 days, on 90 days'
// notice."
func (r *reader) terminationRight(b *lang.TerminationRight) Text {
	var t Text
	t.add(r.party(b.Party) + " may terminate this agreement")
	if b.Breach != nil {
		t.add(" if ")
		r.clauseRef(&t, b.Breach.Num)
		t.add(" is breached")
		if b.Cure != nil {
			t.add(" and the breach is not cured within " + b.Cure.Raw + " of it (a cure on the last of those days is in time)")
		}
	}
	if b.Notice != nil {
		t.add(", on " + b.Notice.Raw + "' notice: the termination takes effect " + b.Notice.Raw + " after the day notice is given")
	} else {
		t.add(", with effect on the day notice is given")
	}
	t.add(". From that day only the clauses that survive termination are in force.")
	return t
}

// autoTermination: "This agreement terminates on the first insolvency
// where the debtor is OpenAI, that day."
func (r *reader) autoTermination(b *lang.AutoTermination) Text {
	var t Text
	t.add("This agreement terminates on the first " + words(b.Event.Name))
	if b.Where != nil {
		t.add(" where ")
		t.addText(r.condition(b.Where))
	}
	t.add(", with effect that day. From then only the clauses that survive termination are in force.")
	return t
}

// breachEvent says what a remedy pays on: "on the first breach of 3.1".
func (r *reader) breachEvent(t *Text, b *lang.Milestone) {
	if b.First {
		t.add(" on the first breach of ")
	} else {
		t.add(" on each breach of ")
	}
	r.clauseRef(t, b.Breach.Num)
}
