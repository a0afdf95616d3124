package repl

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/lang"
)

// This file turns the declarations typed at the prompt into Pacta source
// that is compiled together with the loaded files, and maps the positions
// of problems in that generated source back to what was typed.
//
// With files loaded, the declarations join the first loaded agreement
// through synthetic amendments named repl_session...:
//
//   - a new clause, term, party, kind, action, event or test goes into
//     `amendment repl_session "REPL session" amends AGREEMENT { effective
//     <the agreement's effective date> ... }`, so it holds at every date;
//   - a clause or term that the files already define (in the agreement or
//     in an amendment) is replaced wherever the files make a version of it:
//     `replace clause 5.1 ...` in a session amendment with the same
//     effective date as each such version, loaded after the files so that it
//     comes last among the amendments of that date. Redefining a rate thus
//     changes the answer at every date, not only before the first amendment
//     that touches the clause;
//   - `delete clause N` deletes each of those versions the same way.
//
// With no files, the declarations go straight into a synthetic agreement:
// `agreement session "REPL session" { effective 2000-01-01 currency USD
// ... }`, whose header items may themselves be retyped.

// sessionFile is the name of the generated source in positions.
const sessionFile = "<session>"

// sessionPrefix starts the names of the synthetic amendments.
const sessionPrefix = "repl_session"

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

// segment is where one decl landed in the generated source.
type segment struct {
	start, end int // byte range of the emitted text
	prefix     int // bytes emitted before the typed text ("replace ")
	skip       int // bytes of the typed text left out at its start
	d          *decl
}

// sessionSource is the generated source and its map.
type sessionSource struct {
	text []byte
	segs []segment
}

// target says where the session's declarations go.
type target struct {
	synthetic bool   // no files: a synthetic agreement
	agreement string // the agreement amended (files loaded)
	effective string // its effective date
	latest    string // the latest effective date among it and its amendments
	// versions lists, for "clause N" and "term X", the effective dates at
	// which the files make a version of it, sorted.
	versions map[string][]string
}

// generate writes the session source for decls. It returns nil when there
// is nothing to write.
func generate(t *target, decls []*decl) *sessionSource {
	if len(decls) == 0 && !t.synthetic {
		return nil
	}
	ss := &sessionSource{}
	var b strings.Builder
	emit := func(d *decl, prefix string, skip int) {
		b.WriteString("  ")
		seg := segment{start: b.Len(), prefix: len(prefix), skip: skip, d: d}
		b.WriteString(prefix)
		b.WriteString(d.text[skip:])
		seg.end = b.Len()
		b.WriteString("\n")
		ss.segs = append(ss.segs, seg)
	}
	if t.synthetic {
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
			emit(d, "", d.body)
		}
		b.WriteString("}\n")
		ss.text = []byte(b.String())
		return ss
	}
	// Files loaded: group the items by the date of the amendment they go in.
	type placed struct {
		d      *decl
		prefix string
		skip   int
	}
	byDate := map[string][]placed{}
	for _, d := range decls {
		dates := []string(nil)
		if d.versioned() {
			dates = t.versions[d.key]
		}
		switch {
		case d.isDelete():
			for _, date := range dates {
				byDate[date] = append(byDate[date], placed{d, "", 0})
			}
		case len(dates) > 0:
			for _, date := range dates {
				byDate[date] = append(byDate[date], placed{d, "replace ", d.body})
			}
		default:
			date := t.effective
			if _, ok := d.item.(*lang.TestDecl); ok {
				// A test sees the agreement as it stands now.
				date = t.latest
			}
			byDate[date] = append(byDate[date], placed{d, "", d.body})
		}
	}
	dates := make([]string, 0, len(byDate))
	for date := range byDate {
		dates = append(dates, date)
	}
	sort.Strings(dates)
	for _, date := range dates {
		name := sessionPrefix
		if date != t.effective {
			name += "_" + strings.ReplaceAll(date, "-", "_")
		}
		fmt.Fprintf(&b, "amendment %s \"REPL session\" amends %s {\n  effective %s\n", name, t.agreement, date)
		for _, p := range byDate[date] {
			emit(p.d, p.prefix, p.skip)
		}
		b.WriteString("}\n")
	}
	ss.text = []byte(b.String())
	return ss
}

// locate maps a byte offset in the generated source to the decl it falls
// in and the matching byte offset in that decl's entry.
func (ss *sessionSource) locate(off int) (*decl, int, bool) {
	if ss == nil {
		return nil, 0, false
	}
	for _, s := range ss.segs {
		if off < s.start || off > s.end {
			continue
		}
		rel := off - s.start - s.prefix
		if rel < 0 {
			rel = 0
		}
		return s.d, s.d.off + s.skip + rel, true
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

// isSessionName reports whether an amendment name is one of the REPL's.
func isSessionName(name string) bool { return strings.HasPrefix(name, sessionPrefix) }

// runeLen counts the characters of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
