package repl

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/lang"
)

// This file applies the declarations typed at the prompt to the loaded
// sources. A session changes the agreement exactly as editing its files
// would: the program is always compiled by interp.Compile from the text of
// the loaded files with the session's declarations written into them, so a
// what-if typed at the prompt gives the figures of the same edit made in
// the files, by construction. With files loaded (see edits.go):
//
//   - a clause or term the files define takes the place of the text of its
//     first version, in the agreement or amendment that made it; the later
//     versions that amendments make of it with `replace` are left out, so
//     that it holds at every date as one rule (one cap, one floor, one tier
//     ladder per period), as if the files had been written so. A `delete`
//     in an amendment still ends it; a version that makes it again after
//     a `delete` takes the typed text too;
//   - `delete clause N` leaves every version of clause N out of the files;
//   - a party, kind, action, event or test the files declare takes the
//     place of that declaration's text;
//   - anything new goes at the end of the first loaded agreement, before
//     its closing brace (a test at the end of its latest amendment, so that
//     it sees the agreement as it stands now).
//
// With no files, the declarations go straight into a generated agreement:
// `agreement session "REPL session" { effective 2000-01-01 currency USD
// ... }`, whose header items may themselves be retyped.

// sessionFile is the name of the generated source in positions.
const sessionFile = "<session>"

// decl is one item typed at the prompt and kept in the session.
type decl struct {
	key   string    // what a later item must match to replace it: "clause 5.1", "term rate", "name openai", "test NAME", "header currency"
	item  lang.Item // the parsed item
	entry string    // the whole entry it was typed in
	off   int       // where the item's text starts in entry
	text  string    // the item's text, from entry
	body  int       // bytes of text before the item proper (a leading `replace `)
}

// isDelete reports whether d is a `delete clause`.
func (d *decl) isDelete() bool {
	_, ok := d.item.(*lang.DeleteClause)
	return ok
}

// versioned reports whether d names something the files may have
// versions of: a clause (including a deletion) or a term.
func (d *decl) versioned() bool {
	switch d.item.(type) {
	case *lang.ClauseDecl, *lang.TermDecl, *lang.DeleteClause:
		return true
	}
	return false
}

// what names d in messages: `clause 5.1 "Revenue share"`, `term rate`.
func (d *decl) what() string {
	switch it := d.item.(type) {
	case *lang.ClauseDecl:
		if it.Title != nil {
			return fmt.Sprintf("clause %s %q", it.Num.Num, it.Title.Value)
		}
		return "clause " + it.Num.Num
	case *lang.DeleteClause:
		return "clause " + it.Num.Num
	case *lang.TermDecl:
		return "term " + it.Name.Name
	case *lang.PartyDecl:
		return "party " + it.ID.Name
	case *lang.KindDecl:
		return "kind " + it.Name.Name
	case *lang.SchemaDecl:
		if it.Event {
			return "event " + it.Name.Name
		}
		return "action " + it.Name.Name
	case *lang.TestDecl:
		return fmt.Sprintf("test %q", it.Name.Value)
	case *lang.ExceptionDecl:
		return "exception " + it.Num.Num + " to term " + it.Term.Name
	}
	return strings.TrimPrefix(d.key, "header ")
}

// itemKey returns the key of an item (see decl.key).
func itemKey(it lang.Item) string {
	switch it := it.(type) {
	case *lang.ClauseDecl:
		return "clause " + it.Num.Num
	case *lang.DeleteClause:
		return "clause " + it.Num.Num
	case *lang.TermDecl:
		return "term " + it.Name.Name
	case *lang.PartyDecl:
		return "name " + it.ID.Name
	case *lang.KindDecl:
		return "name " + it.Name.Name
	case *lang.SchemaDecl:
		return "name " + it.Name.Name
	case *lang.TestDecl:
		return "test " + it.Name.Value
	case *lang.ExceptionDecl:
		return "exception " + it.Num.Num
	case *lang.Effective:
		return "header effective"
	case *lang.Ends:
		return "header ends"
	case *lang.CurrencyDecl:
		return "header currency"
	case *lang.RoundingDecl:
		return "header rounding"
	case *lang.DefaultDecl:
		return "header default"
	case *lang.FiscalYearDecl:
		return "header fiscal year"
	case *lang.TimeZoneDecl:
		return "header time zone"
	case *lang.ContractYearDecl:
		return "header contract year"
	case *lang.CalendarDecl:
		// Only an agreement declares calendars (an amendment cannot), so
		// they are header items here: typed into the session's own
		// agreement, each name replacing its earlier calendar.
		if it.Name != nil {
			return "header calendar " + it.Name.Name
		}
		return "header calendar"
	}
	return fmt.Sprintf("item %T", it)
}

// splitItems cuts an entry into one decl per item.
func splitItems(entry string, items []lang.Item) []*decl {
	out := make([]*decl, 0, len(items))
	for i, it := range items {
		start := it.Pos().Offset
		end := len(entry)
		if i+1 < len(items) {
			end = items[i+1].Pos().Offset
		}
		if start < 0 || start > end || end > len(entry) {
			start, end = 0, len(entry)
		}
		text := strings.TrimRight(entry[start:end], " \t\r\n")
		d := &decl{key: itemKey(it), item: it, entry: entry, off: start, text: text}
		if rest, ok := strings.CutPrefix(text, "replace"); ok && len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r') {
			d.body = len(text) - len(strings.TrimLeft(rest, " \t\r\n"))
		}
		out = append(out, d)
	}
	return out
}

// segment is where one decl landed in the generated agreement.
type segment struct {
	start, end int // byte range of the emitted text
	skip       int // bytes of the typed text left out at its start
	d          *decl
}

// generated is the agreement generated with no files loaded, and its map.
type generated struct {
	text []byte
	segs []segment
}

// generate writes the session's own agreement for decls (no files
// loaded).
func generate(decls []*decl) *generated {
	g := &generated{}
	var b strings.Builder
	b.WriteString("agreement session \"REPL session\" {\n")
	have := map[string]bool{}
	for _, d := range decls {
		have[d.key] = true
	}
	if !have["header effective"] {
		b.WriteString("  effective 2000-01-01\n")
	}
	if !have["header currency"] {
		b.WriteString("  currency USD\n")
	}
	for _, d := range decls {
		b.WriteString("  ")
		seg := segment{start: b.Len(), skip: d.body, d: d}
		b.WriteString(d.text[d.body:])
		seg.end = b.Len()
		b.WriteString("\n")
		g.segs = append(g.segs, seg)
	}
	b.WriteString("}\n")
	g.text = []byte(b.String())
	return g
}

// locate maps a byte offset in the generated agreement to the decl it
// falls in and the matching byte offset in that decl's entry.
func (g *generated) locate(off int) (*decl, int, bool) {
	if g == nil {
		return nil, 0, false
	}
	for _, s := range g.segs {
		if off < s.start || off > s.end {
			continue
		}
		return s.d, s.d.off + s.skip + off - s.start, true
	}
	return nil, 0, false
}

// posIn returns the position of byte offset off in text, named file.
func posIn(file, text string, off int) lang.Pos {
	if off > len(text) {
		off = len(text)
	}
	line, col := 1, 1
	for _, r := range text[:off] {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return lang.Pos{File: file, Offset: off, Line: line, Col: col}
}

// runeLen counts the characters of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
