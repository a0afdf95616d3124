package lang

// ContractYearDecl is `contract year starts DATE`: contract years run for
// twelve months from DATE and from each of its anniversaries (SPEC 11.5).
// Without it, contract years start on the agreement's effective date.
type ContractYearDecl struct {
	At    Pos
	Start *DateLit
}

func (i *ContractYearDecl) Pos() Pos { return i.At }
func (*ContractYearDecl) itemNode()  {}
