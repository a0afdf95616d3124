package lang

// ContractYearDecl is `contract year starts DATE`: contract years run for
// twelve months from DATE and from each of its anniversaries (SPEC 11.5).
// Without it, contract years start on the agreement's effective date.
type ContractYearDecl struct {
	At    Pos
	Start *DateLit
	Prose *StringLit // optional: the rule in words (SPEC 4.2)
}

func (i *ContractYearDecl) Pos() Pos { return i.At }
func (*ContractYearDecl) itemNode()  {}

// DelayCount is `started` or `whole` before the unit of a late charge:
// whether a period of delay that has started counts in full (the
// default), or only whole periods count (SPEC 6.6).
type DelayCount struct {
	At    Pos
	Whole bool
}

// DayBasis is `counted daily (BASIS)`: interest per year counted by the
// day with a day-count convention (SPEC 6.6): "actual/365",
// "actual/360", "30/360" or "actual/actual".
type DayBasis struct {
	At    Pos
	Basis string
}

// DelayFrom is `from the due date` or `from the day after the due date`:
// the first day of delay (SPEC 6.6).
type DelayFrom struct {
	At       Pos
	DayAfter bool
}

// DayBases are the day-count conventions, as written.
var DayBases = []string{"actual/365", "actual/360", "30/360", "actual/actual"}

func (n *DelayCount) Pos() Pos { return n.At }
func (n *DayBasis) Pos() Pos   { return n.At }
func (n *DelayFrom) Pos() Pos  { return n.At }

// CalendarDecl is a business-day calendar (SPEC 11.6):
//
//	calendar NAME { weekends DAY, DAY  holidays DATE, DATE ... }
//
// Without `weekends`, Saturday and Sunday are the weekend.
type CalendarDecl struct {
	At         Pos
	Name       *Ident
	Weekends   []*Ident // nil: Saturday and Sunday
	NoWeekends bool     // written `weekends none`
	Holidays   []*DateLit
	// From is the file of holidays the calendar loads (`calendar uk
	// from "holidays/uk.txt"`), relative to the agreement's file; nil
	// for none. Its dates add to Holidays (SPEC 11.6).
	From *StringLit
	// Block is set when the calendar has a `{ … }` block (it may be
	// empty); a calendar has a block, a file, or both.
	Block bool
	End   Pos
}

// BusinessDays is `N business days [in CALENDAR]` in a `due`.
type BusinessDays struct {
	At       Pos
	Count    *IntLit
	Calendar *Ident // nil: the agreement's only calendar
}

// DueAdjust is `adjusted to the [modified] following|preceding business
// day [in CALENDAR]`: a due date that is not a business day is moved.
type DueAdjust struct {
	At       Pos
	Rule     string // "following", "modified following", "preceding", "modified preceding"
	Calendar *Ident // nil: the agreement's only calendar
}

func (i *CalendarDecl) Pos() Pos { return i.At }
func (*CalendarDecl) itemNode()  {}
func (n *BusinessDays) Pos() Pos { return n.At }
func (n *DueAdjust) Pos() Pos    { return n.At }
