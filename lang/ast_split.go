package lang

// This file holds the syntax of the split forms added to percentage
// splits (SPEC 8.4): equal splits, pro rata splits by share counts, and
// named splits declared once as a clause (SPEC 8.4.1).

// SplitKind says how a split divides an amount.
type SplitKind uint8

const (
	SplitPercent SplitKind = iota // `split { a 60%, b 40% }`
	SplitEqual                    // `split equally among a, b, c`
	SplitProRata                  // `split pro rata { a 20 shares, b 10 shares }`
)

// SplitDecl is the body of a clause that declares a named split:
// `split NAME { ... }`, `split NAME equally among ...` or
// `split NAME pro rata { ... }`. Payments name it as their payee.
type SplitDecl struct {
	At    Pos
	Name  *Ident
	Split *Split
}

func (b *SplitDecl) Pos() Pos { return b.At }
func (*SplitDecl) bodyNode()  {}

// SplitObj is what a payee's name resolves to when it names a split
// declared by a clause (Info.Uses).
type SplitObj struct {
	Clause *ClauseDecl
}

func (*SplitObj) objectNode() {}
