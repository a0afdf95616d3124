package lang

// This file holds the syntax of the end of an agreement (SPEC 5.6): rights
// to terminate it, automatic termination on an event, and remedies paid on
// the breach of a clause (a Milestone whose Breach is set).

// TerminationRight is a right of a party to end the agreement:
//
//	PARTY may terminate on DURATION notice
//	PARTY may terminate if CLAUSE is breached [and not cured within DURATION] [on DURATION notice]
//
// At least one of Breach and Notice is set.
type TerminationRight struct {
	At     Pos
	Party  *Ident
	Breach *ClauseRef   // optional: the clause whose breach gives the right
	Cure   *DurationLit // optional, with Breach: the cure period
	Notice *DurationLit // optional: the notice period; nil: effective on the day notice is given
}

// AutoTermination is `terminates on event EVENT [where COND]`: the
// agreement ends on the day of the first such event.
type AutoTermination struct {
	At    Pos
	Event *Ident
	Where Expr // optional condition over the event's fields
}

func (b *TerminationRight) Pos() Pos { return b.At }
func (b *AutoTermination) Pos() Pos  { return b.At }
func (*TerminationRight) bodyNode()  {}
func (*AutoTermination) bodyNode()   {}
