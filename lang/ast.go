package lang

// This file defines Pacta's syntax tree. Every node carries the position of
// its first character. The tree is produced by Parse and never contains
// participle types.

// Node is implemented by every syntax tree node.
type Node interface {
	Pos() Pos
}

// File is one parsed source file.
type File struct {
	Name     string
	Decls    []Decl    // *Agreement or *Amendment, in source order
	Comments []Comment // every comment, in source order
}

// Comment is a `//` comment; Text includes the slashes.
type Comment struct {
	At   Pos
	Text string
}

// Decl is a top-level declaration: *Agreement or *Amendment.
type Decl interface {
	Node
	declNode()
}

// Agreement is `agreement ID "Title" { items }`.
type Agreement struct {
	At    Pos
	ID    *Ident
	Title *StringLit
	Items []Item
	End   Pos // position of the closing brace
}

// Amendment is `amendment ID "Title" amends BASE { items }`.
type Amendment struct {
	At    Pos
	ID    *Ident
	Title *StringLit
	Base  *Ident
	Items []Item
	End   Pos
}

func (d *Agreement) Pos() Pos { return d.At }
func (d *Amendment) Pos() Pos { return d.At }
func (*Agreement) declNode()  {}
func (*Amendment) declNode()  {}

// Item is a declaration inside an agreement or amendment body.
type Item interface {
	Node
	itemNode()
}

// Effective is `effective DATE`.
type Effective struct {
	At    Pos
	Date  *DateLit
	Prose *StringLit // optional: the rule in words (SPEC 4.2)
}

// Ends is `ends DATE`.
type Ends struct {
	At    Pos
	Date  *DateLit
	Prose *StringLit // optional: the rule in words (SPEC 4.2)
}

// CurrencyDecl is `currency USD`.
type CurrencyDecl struct {
	At    Pos
	Code  *Ident
	Prose *StringLit // optional: the rule in words (SPEC 4.2)
}

// RoundingDecl is `rounding MODE to UNIT`.
type RoundingDecl struct {
	At    Pos
	Mode  *Ident // half_even, half_up, half_down, up, down, floor, ceiling
	Unit  *DecimalLit
	Prose *StringLit // optional: the rule in words (SPEC 4.2)
}

// DefaultDecl is `default permitted` or `default prohibited`.
type DefaultDecl struct {
	At        Pos
	Permitted bool
	Prose     *StringLit // optional: the rule in words (SPEC 4.2)
}

// FiscalYearDecl is `fiscal year starts MONTHNAME`.
type FiscalYearDecl struct {
	At    Pos
	Month *Ident     // January .. December
	Prose *StringLit // optional: the rule in words (SPEC 4.2)
}

// PartyDecl is `party ID "Legal name"`.
type PartyDecl struct {
	At   Pos
	ID   *Ident
	Name *StringLit
}

// KindDecl is `kind Name = A | B | C`.
type KindDecl struct {
	At      Pos
	Name    *Ident
	Members []*Ident
}

// SchemaDecl is `action NAME { fields }` or `event NAME { fields }`.
type SchemaDecl struct {
	At     Pos
	Event  bool // false: action, true: event
	Name   *Ident
	Fields []*FieldDecl
	// Requires are the action's or event's preconditions (SPEC 4.7),
	// over its fields.
	Requires []*Requires
	End      Pos
	// Item is set for the record type of the items of a list field,
	// declared in braces after the field's type (SPEC 4.5.1): it has
	// neither actor nor date, and is not an action or event.
	Item bool
}

// FieldDecl is `name Type` inside a schema, or `name list of ITEM { fields }`,
// which also declares the record type ITEM of the list's items (Item).
type FieldDecl struct {
	At   Pos
	Name *Ident
	Type *TypeExpr
	Item *SchemaDecl // the items' record type declared here, or nil (SPEC 4.5.1)
}

// TypeExpr names a type: `money`, `Platform`, `list of text`.
type TypeExpr struct {
	At     Pos
	Name   *Ident    // nil for a list type
	ListOf *TypeExpr // element type of `list of T`
}

// TermDecl is `term name = expr "prose"` or `term name(p T, ...) = expr "prose"`.
// In an amendment, `replace term ...` sets Replace.
type TermDecl struct {
	At      Pos
	Replace bool
	Name    *Ident
	Params  []*Param // nil for a value term; empty non-nil for `name()`
	Body    Expr
	// Requires are the term's preconditions (SPEC 4.7), over its
	// parameters.
	Requires []*Requires
	Prose    *StringLit // optional
}

// Param is one parameter of a term function.
type Param struct {
	At   Pos
	Name *Ident
	Type *TypeExpr
}

// ClauseRef is a clause number as written: `3.1`, `5.1.2`, `7`, `a1`.
type ClauseRef struct {
	At  Pos
	Num string
}

// ClauseDecl is one clause:
//
//	clause NUM "Title" [notwithstanding NUM, ...] [subject to NUM, ...]
//	  ["prose"]
//	  body
//
// In an amendment, `replace clause ...` sets Replace.
type ClauseDecl struct {
	At              Pos
	Replace         bool
	Num             *ClauseRef
	Title           *StringLit
	Notwithstanding []*ClauseRef
	SubjectTo       []*ClauseRef
	Prose           *StringLit // optional
	// Requires are the clause's preconditions (SPEC 4.7), over the fields
	// of the action or event it is about.
	Requires []*Requires
	// Survives is set by `survives termination` (SPEC 5.6): the clause
	// stays in force after the agreement is terminated.
	Survives *Pos
	Body     ClauseBody
}

// DeleteClause is `delete clause NUM` inside an amendment.
type DeleteClause struct {
	At  Pos
	Num *ClauseRef
}

// TestDecl is `test "name" { statements }`.
type TestDecl struct {
	At    Pos
	Name  *StringLit
	Stmts []TestStmt
	End   Pos
}

func (i *Effective) Pos() Pos      { return i.At }
func (i *Ends) Pos() Pos           { return i.At }
func (i *CurrencyDecl) Pos() Pos   { return i.At }
func (i *RoundingDecl) Pos() Pos   { return i.At }
func (i *DefaultDecl) Pos() Pos    { return i.At }
func (i *FiscalYearDecl) Pos() Pos { return i.At }
func (i *PartyDecl) Pos() Pos      { return i.At }
func (i *KindDecl) Pos() Pos       { return i.At }
func (i *SchemaDecl) Pos() Pos     { return i.At }
func (i *FieldDecl) Pos() Pos      { return i.At }
func (i *TypeExpr) Pos() Pos       { return i.At }
func (i *TermDecl) Pos() Pos       { return i.At }
func (i *Param) Pos() Pos          { return i.At }
func (i *ClauseRef) Pos() Pos      { return i.At }
func (i *ClauseDecl) Pos() Pos     { return i.At }
func (i *DeleteClause) Pos() Pos   { return i.At }
func (i *TestDecl) Pos() Pos       { return i.At }

func (*Effective) itemNode()      {}
func (*Ends) itemNode()           {}
func (*CurrencyDecl) itemNode()   {}
func (*RoundingDecl) itemNode()   {}
func (*DefaultDecl) itemNode()    {}
func (*FiscalYearDecl) itemNode() {}
func (*PartyDecl) itemNode()      {}
func (*KindDecl) itemNode()       {}
func (*SchemaDecl) itemNode()     {}
func (*TermDecl) itemNode()       {}
func (*ClauseDecl) itemNode()     {}
func (*DeleteClause) itemNode()   {}
func (*TestDecl) itemNode()       {}
