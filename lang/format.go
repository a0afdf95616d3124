package lang

// This file prints a syntax tree in Pacta's one canonical layout (pacta fmt).
//
// Canonical layout (copied into SPEC.md; lang/FORMAT.draft.md says the same):
//
//   - Indentation is two spaces per level; no tabs, no trailing spaces; the
//     file ends with exactly one newline. Lines are never wrapped: a long
//     condition stays on its line.
//   - One blank line between top-level declarations.
//   - Inside an agreement or amendment the header items (effective, ends,
//     currency, rounding, default, fiscal year) come first, in source order,
//     then one blank line, then every other item in SOURCE ORDER: clauses,
//     parties and terms are never reordered. A blank line comes before each
//     schema, clause, test and term with prose, and between neighbouring
//     items of different kinds; consecutive parties, consecutive kinds,
//     consecutive one-line terms and consecutive `delete clause` lines stay
//     together. The legal names of consecutive parties are aligned in a
//     column.
//   - A clause is a header line (number, title, notwithstanding, subject to),
//     then its prose and its body on their own lines, one level deeper:
//
//       clause 3.2 "AWS distribution" notwithstanding 3.1
//         "Notwithstanding Section 3.1, OpenAI may sell Products on AWS."
//         openai may sell where platform == AWS
//
//     A permission, prohibition or obligation is one line, with from,
//     until and by after the condition, in source order.
//   - Payment modifiers (due, late) and share modifiers (settled, due, at
//     most, at least, minimum guarantee, recouping, late) go one per line,
//     one level under the body, in source order. The lines of a
//     multi-line share (`of each sell:`) also go one level under the body,
//     one per line, before the modifiers.
//   - Tiers, splits and waterfalls are braces with one entry per line, one
//     level deeper; the text that follows the closing brace stays on its
//     line (`} of net_revenue of each sell`). Split shares are aligned in a
//     column and written without commas; `remainder to` is the last line.
//   - A schema is `action sell {`, one `name type` per line with the types
//     aligned in a column, then `}`. Test blocks have one statement per
//     line. Blocks are always written over several lines, even when empty.
//   - A term is one line; its prose goes on the next line, one level deeper.
//   - Expressions: one space around binary operators and after commas; no
//     space inside parentheses and brackets; records are `{ a: 1, b: 2 }`
//     (`{}` when empty); no trailing commas. Parentheses the author wrote
//     are kept; none are added unless the tree needs them to mean what it
//     says.
//   - Literals are printed as written (money amounts with or without
//     thousands separators, `30 days` or `1 day`, decimals with their
//     zeros); a run of spaces inside a money or duration literal becomes
//     one space. Strings are re-escaped: `\"`, `\\`, `\n` and `\t`, so every
//     string is on one line. `annually` is written `yearly`.
//   - Where two tokens would be read as one across a space (a name of three
//     capitals before a number reads as money, `ABC 100`; a whole number
//     before `days` reads as a duration), the second goes on the next line,
//     one level deeper.
//   - Comments are kept, each once, and move with the line they belong to
//     (so a header item's comments move up with it); trailing spaces are
//     removed. A comment after code on the same line stays at the end of
//     the line that code is printed on. A comment on its own line goes just
//     above the line that follows it, with that line's indentation; one
//     inside an expression printed on a single line goes just above that
//     line. When a line gathers several comments, the last one stays at its
//     end if it was after code, and the others go above it. A comment after
//     the last entry of a block stays inside the block, above the closing
//     brace (after a blank line in an agreement or amendment). Comments
//     after the last declaration end the file, after a blank line. A blank
//     line the author left between comments on their own lines, or between
//     such a comment and the line below it, is kept.

import (
	"bytes"
	"sort"
	"strings"
)

// Format returns the canonical text of f, comments included. f should come
// from Parse without errors; Format never fails.
func Format(f *File) []byte {
	if f == nil {
		return nil
	}
	p := &fmtPrinter{}
	for i, d := range f.Decls {
		start := len(p.lines)
		p.decl(d)
		if i > 0 && start < len(p.lines) {
			p.lines[start].blank = true
		}
	}
	trail := p.attach(f.Comments)
	return []byte(p.render(trail))
}

// FormatItem returns the canonical text of one agreement item, without
// comments and without a final newline (for the REPL's :show).
func FormatItem(it Item) string {
	p := &fmtPrinter{}
	p.item(it, 0, 0)
	return strings.TrimSuffix(p.render(nil), "\n")
}

// A fmtPrinter builds the output as a list of lines, each remembering the
// source positions of the nodes printed on it, so that comments can then be
// attached by position.
type fmtPrinter struct {
	lines  []*fmtLine
	blocks []*fmtBlock
	cur    *fmtLine
}

type fmtLine struct {
	indent int
	buf    []byte
	poss   []Pos     // positions of the nodes printed on this line
	blank  bool      // a blank line precedes this line (and its comments)
	close  *fmtBlock // non-nil when the line starts with this block's "}"
	first  Pos       // the first of poss (set by attach)
	last   Pos       // the last of poss (set by attach)

	// comments placed at this line: above it, or the last one at its end
	comments []fmtComment
}

type fmtComment struct {
	at    Pos
	text  string
	after bool // written after code on its source line
}

// fmtBlock is a braced block: comments positioned after its last entry are
// printed above its closing brace.
type fmtBlock struct {
	at, end   Pos
	inner     int      // indentation of the block's entries
	blankEnd  bool     // a blank line separates end comments from the entries
	closeLine *fmtLine // the line starting with the closing brace
}

func (p *fmtPrinter) line(indent int) {
	p.cur = &fmtLine{indent: indent}
	p.lines = append(p.lines, p.cur)
}

func (p *fmtPrinter) str(s string) {
	if p.cur == nil {
		p.line(0)
	}
	if fmtWouldMerge(p.cur.buf, s) {
		// The lexer would read the two tokens as one; the author had a line
		// break between them, and so does the output.
		p.cur.buf = bytes.TrimRight(p.cur.buf, " ")
		p.line(p.cur.indent + 1)
		s = strings.TrimLeft(s, " ")
	}
	p.cur.buf = append(p.cur.buf, s...)
}

// fmtWouldMerge reports whether appending s to a line ending in buf would
// let the lexer join a token of buf with the start of s across the spaces:
// a three-capital name and a number read as money (`ABC 100`), or a whole
// number and a unit read as a duration (`5 days`).
func fmtWouldMerge(buf []byte, s string) bool {
	t := bytes.TrimRight(buf, " ")
	if len(t) == len(buf) {
		if !strings.HasPrefix(s, " ") {
			return false
		}
		s = strings.TrimLeft(s, " ")
	}
	if s == "" || len(t) == 0 {
		return false
	}
	word := func(c byte) bool {
		return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	i := len(t)
	for i > 0 && word(t[i-1]) {
		i--
	}
	last := t[i:]
	if s[0] >= '0' && s[0] <= '9' {
		if len(last) != 3 {
			return false
		}
		for _, c := range last {
			if c < 'A' || c > 'Z' {
				return false
			}
		}
		return true
	}
	for _, c := range last {
		if c < '0' || c > '9' {
			return false
		}
	}
	j := 0
	for j < len(s) && word(s[j]) {
		j++
	}
	switch s[:j] {
	case "day", "days", "week", "weeks", "month", "months", "year", "years":
		return len(last) > 0
	}
	return false
}

// at records that a node starting at pos is printed on the current line.
func (p *fmtPrinter) at(pos Pos) {
	if pos.IsValid() && p.cur != nil {
		p.cur.poss = append(p.cur.poss, pos)
	}
}

func (p *fmtPrinter) open(at Pos, inner int, blankEnd bool) *fmtBlock {
	p.str(" {")
	b := &fmtBlock{at: at, inner: inner, blankEnd: blankEnd}
	p.blocks = append(p.blocks, b)
	return b
}

func (p *fmtPrinter) close(b *fmtBlock, end Pos, indent int) {
	p.line(indent)
	p.cur.close = b
	b.closeLine = p.cur
	b.end = end
	p.str("}")
	p.at(end)
}

func (p *fmtPrinter) ident(id *Ident) {
	if id == nil {
		return
	}
	p.at(id.At)
	p.str(id.Name)
}

func (p *fmtPrinter) stringLit(s *StringLit) {
	if s == nil {
		p.str(`""`)
		return
	}
	p.at(s.At)
	p.str(fmtQuote(s.Value))
}

func (p *fmtPrinter) date(d *DateLit) {
	if d == nil {
		return
	}
	p.at(d.At)
	p.str(d.Text)
}

func (p *fmtPrinter) clauseRef(r *ClauseRef) {
	if r == nil {
		return
	}
	p.at(r.At)
	p.str(r.Num)
}

func (p *fmtPrinter) clauseRefs(rs []*ClauseRef) {
	for i, r := range rs {
		if i > 0 {
			p.str(", ")
		}
		p.clauseRef(r)
	}
}

// fmtQuote returns s as a canonical Pacta string literal. It works on
// bytes, so text that is not valid UTF-8 is kept as it is.
func fmtQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func (p *fmtPrinter) decl(d Decl) {
	switch d := d.(type) {
	case *Agreement:
		p.line(0)
		p.at(d.At)
		p.str("agreement ")
		p.ident(d.ID)
		p.str(" ")
		p.stringLit(d.Title)
		p.body(d.At, d.Items, d.End)
	case *Amendment:
		p.line(0)
		p.at(d.At)
		p.str("amendment ")
		p.ident(d.ID)
		p.str(" ")
		p.stringLit(d.Title)
		p.str(" amends ")
		p.ident(d.Base)
		p.body(d.At, d.Items, d.End)
	}
}

// body prints `{ items }` of an agreement or amendment.
func (p *fmtPrinter) body(at Pos, items []Item, end Pos) {
	b := p.open(at, 1, len(items) > 0)
	var head, rest []Item
	for _, it := range items {
		if fmtIsHeader(it) {
			head = append(head, it)
		} else {
			rest = append(rest, it)
		}
	}
	for _, it := range head {
		p.item(it, 1, 0)
	}
	for i := 0; i < len(rest); i++ {
		it := rest[i]
		if _, ok := it.(*PartyDecl); ok {
			// A run of parties: align the legal names.
			j, width := i, 0
			for ; j < len(rest); j++ {
				pd, ok := rest[j].(*PartyDecl)
				if !ok {
					break
				}
				width = max(width, len(fmtName(pd.ID)))
			}
			for k := i; k < j; k++ {
				p.itemSep(rest, k, len(head) > 0, width)
			}
			i = j - 1
			continue
		}
		p.itemSep(rest, i, len(head) > 0, 0)
	}
	p.close(b, end, 0)
}

// itemSep prints rest[i] with the blank line the layout puts before it.
func (p *fmtPrinter) itemSep(rest []Item, i int, afterHeader bool, width int) {
	start := len(p.lines)
	p.item(rest[i], 1, width)
	if start < len(p.lines) && ((i == 0 && afterHeader) || (i > 0 && fmtSeparated(rest[i-1], rest[i]))) {
		p.lines[start].blank = true
	}
}

func fmtName(id *Ident) string {
	if id == nil {
		return ""
	}
	return id.Name
}

func fmtIsHeader(it Item) bool {
	switch it.(type) {
	case *Effective, *Ends, *CurrencyDecl, *RoundingDecl, *DefaultDecl, *FiscalYearDecl, *ContractYearDecl, *TimeZoneDecl:
		return true
	}
	return false
}

// fmtGroup returns the group of an item that stays together with its
// neighbours of the same group, or -1 for items always set apart.
func fmtGroup(it Item) int {
	switch it := it.(type) {
	case *PartyDecl:
		return 1
	case *KindDecl:
		return 2
	case *TermDecl:
		if it.Prose == nil && len(it.Requires) == 0 {
			return 3
		}
	case *DeleteClause:
		return 4
	case *ExceptionDecl:
		if it.Prose == nil {
			return 5
		}
	}
	return -1
}

func fmtSeparated(prev, cur Item) bool {
	g := fmtGroup(prev)
	return g < 0 || g != fmtGroup(cur)
}

// item prints one agreement item at the given indentation. width, when
// positive, is the column width party names are padded to.
func (p *fmtPrinter) item(it Item, ind, width int) {
	p.line(ind)
	p.at(it.Pos())
	switch it := it.(type) {
	case *Effective:
		p.str("effective ")
		p.date(it.Date)
	case *Ends:
		p.str("ends ")
		p.date(it.Date)
	case *CurrencyDecl:
		p.str("currency ")
		p.ident(it.Code)
	case *RoundingDecl:
		p.str("rounding ")
		p.ident(it.Mode)
		p.str(" to ")
		if it.Unit != nil {
			p.expr(it.Unit, fmtCtx{open: true})
		}
	case *DefaultDecl:
		if it.Permitted {
			p.str("default permitted")
		} else {
			p.str("default prohibited")
		}
	case *FiscalYearDecl:
		p.str("fiscal year starts ")
		p.ident(it.Month)
	case *ContractYearDecl:
		p.str("contract year starts ")
		p.date(it.Start)
	case *TimeZoneDecl:
		p.str("time zone ")
		p.ident(it.Name)
	}
	if prose := HeaderProse(it); prose != nil {
		p.line(ind + 1)
		p.stringLit(prose)
	}
	switch it := it.(type) {
	case *PartyDecl:
		p.str("party ")
		p.ident(it.ID)
		p.str(strings.Repeat(" ", max(width-len(fmtName(it.ID)), 0)+1))
		p.stringLit(it.Name)
	case *KindDecl:
		p.str("kind ")
		p.ident(it.Name)
		p.str(" =")
		for i, m := range it.Members {
			if i > 0 {
				p.str(" |")
			}
			p.str(" ")
			p.ident(m)
		}
	case *SchemaDecl:
		p.schema(it, ind)
	case *CalendarDecl:
		p.calendarDecl(it, ind)
	case *TermDecl:
		p.term(it, ind)
	case *ClauseDecl:
		p.clause(it, ind)
	case *ExceptionDecl:
		p.exception(it, ind)
	case *DeleteClause:
		p.str("delete clause ")
		p.clauseRef(it.Num)
	case *TestDecl:
		p.test(it, ind)
	}
}

func (p *fmtPrinter) schema(s *SchemaDecl, ind int) {
	if s.Event {
		p.str("event ")
	} else {
		p.str("action ")
	}
	p.ident(s.Name)
	b := p.open(s.At, ind+1, false)
	p.fields(s.Fields, ind+1)
	p.requires(s.Requires, ind+1)
	p.close(b, s.End, ind)
}

// fields prints a schema's fields, one per line with their types aligned;
// a list field that declares its items' type prints its fields in braces
// one level deeper (SPEC 4.5.1).
func (p *fmtPrinter) fields(fs []*FieldDecl, ind int) {
	width := 0
	for _, f := range fs {
		if f != nil {
			width = max(width, len(fmtName(f.Name)))
		}
	}
	for _, f := range fs {
		if f == nil {
			continue
		}
		p.line(ind)
		p.at(f.At)
		p.ident(f.Name)
		p.str(strings.Repeat(" ", width-len(fmtName(f.Name))+1))
		p.typeExpr(f.Type)
		if f.Item != nil {
			b := p.open(f.Item.At, ind+1, false)
			p.fields(f.Item.Fields, ind+1)
			p.close(b, f.Item.End, ind)
		}
	}
}

func (p *fmtPrinter) typeExpr(t *TypeExpr) {
	for t != nil {
		p.at(t.At)
		if t.ListOf == nil {
			p.ident(t.Name)
			return
		}
		p.str("list of ")
		t = t.ListOf
	}
}

func (p *fmtPrinter) term(t *TermDecl, ind int) {
	if t.Replace {
		p.str("replace ")
	}
	p.str("term ")
	p.ident(t.Name)
	if t.Params != nil {
		p.str("(")
		for i, prm := range t.Params {
			if i > 0 {
				p.str(", ")
			}
			if prm == nil {
				continue
			}
			p.at(prm.At)
			p.ident(prm.Name)
			p.str(" ")
			p.typeExpr(prm.Type)
		}
		p.str(")")
	}
	p.str(" = ")
	p.expr(t.Body, fmtCtx{open: true})
	p.requires(t.Requires, ind+1)
	if t.Prose != nil {
		p.line(ind + 1)
		p.stringLit(t.Prose)
	}
}

func (p *fmtPrinter) clause(c *ClauseDecl, ind int) {
	if c.Replace {
		p.str("replace ")
	}
	p.str("clause ")
	p.clauseRef(c.Num)
	p.str(" ")
	p.stringLit(c.Title)
	if len(c.Notwithstanding) > 0 {
		p.str(" notwithstanding ")
		p.clauseRefs(c.Notwithstanding)
	}
	if len(c.SubjectTo) > 0 {
		p.str(" subject to ")
		p.clauseRefs(c.SubjectTo)
	}
	if c.Survives != nil {
		p.str(" survives termination")
	}
	if c.Prose != nil {
		p.line(ind + 1)
		p.stringLit(c.Prose)
	}
	p.requires(c.Requires, ind+1)
	if c.Body != nil {
		p.line(ind + 1)
		p.clauseBody(c.Body, ind+1)
	}
}

func (p *fmtPrinter) test(t *TestDecl, ind int) {
	p.str("test ")
	p.stringLit(t.Name)
	b := p.open(t.At, ind+1, false)
	for _, s := range t.Stmts {
		if s == nil {
			continue
		}
		p.line(ind + 1)
		p.at(s.Pos())
		p.testStmt(s)
	}
	p.close(b, t.End, ind)
}

func (p *fmtPrinter) testStmt(s TestStmt) {
	open := fmtCtx{open: true}
	switch s := s.(type) {
	case *AsOf:
		p.str("as of ")
		p.date(s.Date)
	case *Given:
		p.str("given ")
		p.ident(s.Name)
		p.str(" = ")
		p.expr(s.Value, open)
	case *Expect:
		p.str("expect ")
		p.expr(s.Cond, open)
	case *ExpectVerdict:
		p.str("expect ")
		p.expr(s.Subject, open)
		p.str(" is ")
		p.str(s.Verdict.String())
		if s.Clause != nil {
			p.str(" by ")
			p.clauseRef(s.Clause)
		}
	case *ExpectPays:
		p.str("expect ")
		p.ident(s.Payer)
		p.str(" pays ")
		p.ident(s.Payee)
		p.str(" ")
		p.expr(s.Amount, open)
		p.str(" for ")
		p.expr(s.Period, open)
		if s.Clause != nil {
			p.str(" under ")
			p.clauseRef(s.Clause)
		}
		if s.Due != nil {
			p.str(" due ")
			p.date(s.Due)
		}
	case *ExpectOverdue, *ExpectUnmet:
		p.expectObligation(s)
	case *ExpectFails:
		p.str("expect ")
		p.expr(s.Subject, open)
		p.str(" fails ")
		p.stringLit(s.Message)
	}
}

// attach gives every comment a place: the end of a line, above a line, or
// above a block's closing brace. It returns the comments that end the file.
func (p *fmtPrinter) attach(comments []Comment) []fmtComment {
	if len(comments) == 0 {
		return nil
	}
	cs := append([]Comment(nil), comments...)
	sort.SliceStable(cs, func(i, j int) bool { return fmtPosLess(cs[i].At, cs[j].At) })

	// Each line's first and last node position; the lines that have nodes,
	// by first position, with the running maximum of last positions; and
	// for each source line the output lines its nodes went to.
	type ref struct {
		col  int
		line *fmtLine
	}
	bySrcLine := map[int][]ref{}
	var lines []*fmtLine
	for _, l := range p.lines {
		for _, pos := range l.poss {
			if !l.first.IsValid() || fmtPosLess(pos, l.first) {
				l.first = pos
			}
			if !l.last.IsValid() || fmtPosLess(l.last, pos) {
				l.last = pos
			}
			bySrcLine[pos.Line] = append(bySrcLine[pos.Line], ref{pos.Col, l})
		}
		if l.first.IsValid() {
			lines = append(lines, l)
		}
	}
	sort.SliceStable(lines, func(i, j int) bool { return fmtPosLess(lines[i].first, lines[j].first) })
	maxLast := make([]Pos, len(lines))
	for i, l := range lines {
		maxLast[i] = l.last
		if i > 0 && fmtPosLess(l.last, maxLast[i-1]) {
			maxLast[i] = maxLast[i-1]
		}
	}

	// Blocks by opening position, each with the innermost block around it.
	var blocks []*fmtBlock
	for _, b := range p.blocks {
		if b.end.IsValid() && b.closeLine != nil {
			blocks = append(blocks, b)
		}
	}
	sort.SliceStable(blocks, func(i, j int) bool { return fmtPosLess(blocks[i].at, blocks[j].at) })
	parent := make([]int, len(blocks))
	var stack []int
	for i, b := range blocks {
		for len(stack) > 0 && !fmtPosLess(b.at, blocks[stack[len(stack)-1]].end) {
			stack = stack[:len(stack)-1]
		}
		parent[i] = -1
		if len(stack) > 0 {
			parent[i] = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}

	var fileTrail []fmtComment
	for _, c := range cs {
		fc := fmtComment{at: c.At, text: strings.TrimRight(c.Text, " \t\r\n")}
		if !c.At.IsValid() {
			fileTrail = append(fileTrail, fc)
			continue
		}
		// After code on the same line: the end of the line that code is on.
		var after *fmtLine
		best := 0
		for _, r := range bySrcLine[c.At.Line] {
			if r.col < c.At.Col && r.col >= best {
				after, best = r.line, r.col
			}
		}
		if after != nil {
			fc.after = true
			after.comments = append(after.comments, fc)
			continue
		}
		// Inside a line's nodes (an expression written over several
		// lines): above that line, the innermost if several.
		k := sort.Search(len(lines), func(i int) bool { return fmtPosLess(c.At, lines[i].first) })
		if k > 0 && fmtPosLess(c.At, maxLast[k-1]) {
			i := k - 1
			for i > 0 && !(fmtPosLess(lines[i].first, c.At) && fmtPosLess(c.At, lines[i].last)) {
				i--
			}
			lines[i].comments = append(lines[i].comments, fc)
			continue
		}
		// Otherwise above the next line, unless that line is outside the
		// innermost block holding the comment: then above its "}".
		var next *fmtLine
		if k < len(lines) {
			next = lines[k]
		}
		b := sort.Search(len(blocks), func(i int) bool { return !fmtPosLess(blocks[i].at, c.At) }) - 1
		for b >= 0 && !fmtPosLess(c.At, blocks[b].end) {
			b = parent[b]
		}
		if b >= 0 && (next == nil || !fmtPosLess(next.first, blocks[b].end)) {
			next = blocks[b].closeLine
		}
		if next == nil {
			fileTrail = append(fileTrail, fc)
			continue
		}
		next.comments = append(next.comments, fc)
	}
	return fileTrail
}

func fmtPosLess(a, b Pos) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// render joins the lines with their comments. A line's comments keep their
// source order: the last one stays at the end of the line if it was after
// code there; the others go above the line. A blank line the author left
// between comments on their own lines, or between such a comment and the
// line below it, is kept (one at most).
func (p *fmtPrinter) render(fileTrail []fmtComment) string {
	var b strings.Builder
	indent := func(n int) {
		for range n {
			b.WriteString("  ")
		}
	}
	comments := func(cs []fmtComment, ind int) {
		for i, c := range cs {
			if i > 0 && fmtGap(cs[i-1], c.at) {
				b.WriteByte('\n')
			}
			indent(ind)
			b.WriteString(c.text)
			b.WriteByte('\n')
		}
	}
	for i, l := range p.lines {
		if l.blank && i > 0 {
			b.WriteByte('\n')
		}
		lead := l.comments
		sort.SliceStable(lead, func(i, j int) bool { return fmtPosLess(lead[i].at, lead[j].at) })
		var trail *fmtComment
		if n := len(lead); n > 0 && lead[n-1].after {
			trail = &lead[n-1]
			lead = lead[:n-1]
		}
		if len(lead) > 0 {
			if l.close != nil {
				// Comments at the end of a block belong inside it.
				if l.close.blankEnd {
					b.WriteByte('\n')
				}
				comments(lead, l.close.inner)
			} else {
				comments(lead, l.indent)
				if fmtGap(lead[len(lead)-1], l.first) {
					b.WriteByte('\n')
				}
			}
		}
		indent(l.indent)
		b.Write(l.buf)
		if trail != nil {
			b.WriteByte(' ')
			b.WriteString(trail.text)
		}
		b.WriteByte('\n')
	}
	if len(fileTrail) > 0 {
		if len(p.lines) > 0 {
			b.WriteByte('\n')
		}
		comments(fileTrail, 0)
	}
	return b.String()
}

// fmtGap reports whether the source has a blank line between comment c,
// written on its own line, and what starts at next.
func fmtGap(c fmtComment, next Pos) bool {
	return !c.after && c.at.IsValid() && next.IsValid() && next.Line > c.at.Line+1
}
