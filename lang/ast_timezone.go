package lang

// TimeZoneDecl is `time zone NAME`: the zone in which the agreement takes
// the date of a timestamp (SPEC 11.7). NAME is an IANA name
// (Europe/Paris), UTC, or a fixed offset (UTC+01:00).
type TimeZoneDecl struct {
	At    Pos
	Name  *Ident     // the zone's name as written, e.g. "Europe/Paris"
	Prose *StringLit // optional: the rule in words (SPEC 4.2)
}

func (i *TimeZoneDecl) Pos() Pos { return i.At }
func (*TimeZoneDecl) itemNode()  {}
