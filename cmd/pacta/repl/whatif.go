package repl

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file is what a what-if session is for: :diff recomputes every
// answer shown so far without and with the session's changes, :undo takes
// back the last change, :status lists the changes, and :save writes them
// as an amendment. Before and after are both compiled by Session.build,
// the one path every command compiles through, from the loaded files with
// no declarations and with the session's; the answers are printed by the
// same functions as at the prompt (ask and settle).

// shownAnswer is an answer the session printed: an expression (a value or
// a decision) or a statement (:settle).
type shownAnswer struct {
	entry  string // as typed; ":settle PERIOD" for a statement
	asOf   types.Date
	ledger string
}

// change is one step :undo can take back: the declarations before it and
// what it did.
type change struct {
	decls  []*decl
	what   string
	givens []*given // for :reset, the givens it dropped (nil otherwise)
}

// record notes an answer shown, for :diff.
func (s *Session) record(entry string) {
	if s.replaying {
		return
	}
	a := shownAnswer{entry: entry, asOf: s.asOf, ledger: s.ledger}
	for _, b := range s.shown {
		if b == a {
			return // asked again: one answer to compare
		}
	}
	s.shown = append(s.shown, a)
}

// built is a program the session compiled from some declarations.
type built struct {
	decls []*decl
	prog  *interp.Program
	ss    *sessionSource
	err   error
}

// buildFor compiles the loaded files with decls, as every command does.
func (s *Session) buildFor(ctx context.Context, decls []*decl) *built {
	prog, ss, err := s.build(ctx, s.srcs, s.tgt, decls)
	return &built{decls: decls, prog: prog, ss: ss, err: err}
}

// replay prints, to a buffer, the answer of a shown entry as the program
// b gives it. It changes nothing in the session.
func (s *Session) replay(ctx context.Context, b *built, a shownAnswer) string {
	if b.err != nil {
		return "(does not compile: " + plainError(b.err) + ")\n"
	}
	prog, ss, decls := b.prog, b.ss, b.decls
	type gv struct {
		val types.Value
		typ lang.Type
	}
	saved := make([]gv, len(s.givens))
	for i, g := range s.givens {
		saved[i] = gv{g.val, g.typ}
	}
	out, oprog, oss, odecls, olast, oasOf, oledger := s.out, s.prog, s.ss, s.decls, s.last, s.asOf, s.ledger
	defer func() {
		s.out, s.prog, s.ss, s.decls, s.last, s.asOf, s.ledger = out, oprog, oss, odecls, olast, oasOf, oledger
		for i, g := range s.givens {
			g.val, g.typ = saved[i].val, saved[i].typ
		}
		s.replaying = false
	}()
	var buf bytes.Buffer
	s.out, s.prog, s.ss, s.decls, s.asOf, s.ledger, s.replaying = &buf, prog, ss, decls, a.asOf, a.ledger, true
	if err := s.refreshGivens(ctx, prog, s.tgt); err != nil {
		return "(cannot be asked: " + strings.ReplaceAll(err.Error(), "\n", " ") + ")\n"
	}
	if p, ok := strings.CutPrefix(a.entry, ":settle "); ok {
		s.settle(ctx, p)
		// the note naming the clauses typed says nothing of the figures
		text := buf.String()
		if i := strings.Index(text, "(as typed in this session: "); i >= 0 {
			text = text[:i]
		}
		return text
	}
	if m := mayRE.FindStringSubmatch(a.entry); m != nil {
		s.askMay(ctx, m)
		return buf.String()
	}
	in, errs := lang.ParseInput(replName, []byte(a.entry))
	if len(errs) > 0 || in.Expr == nil {
		return "(cannot be asked again)\n"
	}
	s.ask(ctx, a.entry, in.Expr)
	return buf.String()
}

// diff runs :diff.
func (s *Session) diff(ctx context.Context) bool {
	if len(s.shown) == 0 {
		s.println("no answers shown yet: ask something (an amount, an action), change a clause or term, then :diff shows each answer before → after")
		return true
	}
	if len(s.decls) == 0 {
		s.println("no changes in this session: every answer is as the files give it (type a clause or term to change it)")
		return true
	}
	s.printf("each answer shown, before (the files as loaded) → after (with %s: %s):\n",
		plural(len(s.decls), "change"), s.changeNames())
	changed := 0
	files, edited := s.buildFor(ctx, nil), s.buildFor(ctx, s.decls)
	for i, a := range s.shown {
		before := s.replay(ctx, files, a)
		after := s.replay(ctx, edited, a)
		if ctx.Err() != nil {
			s.println("interrupted")
			return false
		}
		head := fmt.Sprintf("%d. %s", i+1, oneLine(a.entry))
		if !a.asOf.IsZero() {
			head += fmt.Sprintf(" (as of %s)", a.asOf)
		}
		if before == after {
			s.printf("%s: unchanged\n", head)
			continue
		}
		changed++
		s.println(head)
		s.writeDiff(before, after)
	}
	s.printf("%d of %s changed\n", changed, plural(len(s.shown), "answer"))
	return true
}

// writeDiff writes the lines of two answers that differ, before → after:
// a one-line answer as `old → new`. Otherwise each run of changed lines
// is one change: a line that became one other line is written with what
// it became under it, after an arrow; a run of several lines that became
// a different number of lines (a statement line split in two, a note
// gone) is written whole, before and then after, so that no line is
// paired with one it has nothing to do with. Lines that differ only in
// spacing (a table's columns realigned) count as the same.
func (s *Session) writeDiff(before, after string) {
	b := strings.Split(strings.TrimSuffix(before, "\n"), "\n")
	a := strings.Split(strings.TrimSuffix(after, "\n"), "\n")
	if len(b) == 1 && len(a) == 1 {
		s.printf("   %s → %s\n", b[0], a[0])
		return
	}
	for _, h := range diffLines(b, a) {
		switch {
		case len(h.old) == 1 && len(h.new) == 1:
			s.printf("   %s\n   → %s\n", h.old[0], h.new[0])
		case len(h.new) == 0:
			s.println("   before:")
			writeLines(s, h.old)
			s.println("   after: (gone)")
		case len(h.old) == 0:
			s.println("   before: (none)")
			s.println("   after:")
			writeLines(s, h.new)
		default:
			s.println("   before:")
			writeLines(s, h.old)
			s.println("   after:")
			writeLines(s, h.new)
		}
	}
}

func writeLines(s *Session, lines []string) {
	for _, l := range lines {
		s.printf("     %s\n", l)
	}
}

// lineChange is one run of changed lines: old became new (either may be
// empty).
type lineChange struct{ old, new []string }

// diffLines compares two answers line by line (a longest common
// subsequence of the lines, spacing ignored) and returns the runs of
// changed lines, their gaps narrowed; a run of k removed lines followed by
// k added ones is returned as k one-line changes.
func diffLines(b, a []string) []lineChange {
	norm := func(l string) string { return strings.Join(strings.Fields(l), " ") }
	n, m := len(b), len(a)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if norm(b[i]) == norm(a[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []lineChange
	var gone, added []string
	flush := func() {
		switch {
		case len(gone) == 0 && len(added) == 0:
		case len(gone) == len(added):
			for k := range gone {
				out = append(out, lineChange{old: []string{narrowGaps(gone[k])}, new: []string{narrowGaps(added[k])}})
			}
		default:
			var c lineChange
			for _, l := range gone {
				c.old = append(c.old, narrowGaps(l))
			}
			for _, l := range added {
				c.new = append(c.new, narrowGaps(l))
			}
			out = append(out, c)
		}
		gone, added = nil, nil
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && norm(b[i]) == norm(a[j]):
			flush()
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			added = append(added, a[j])
			j++
		default:
			gone = append(gone, b[i])
			i++
		}
	}
	flush()
	return out
}

// changeNames names the session's declarations: `clause 5.1 "Revenue
// share" replaced, term cap added`.
func (s *Session) changeNames() string {
	var parts []string
	for _, d := range s.decls {
		parts = append(parts, d.what()+" "+s.verbOf(d))
	}
	return strings.Join(parts, ", ")
}

// verbOf says what a declaration does to the files: replaced, deleted or
// added.
func (s *Session) verbOf(d *decl) string {
	switch {
	case d.isDelete():
		return "deleted"
	case !s.tgt.synthetic && len(s.tgt.items[d.key]) > 0:
		return "replaced"
	}
	return "added"
}

// pushChange notes the declarations before a change, for :undo.
func (s *Session) pushChange(before []*decl, what string) {
	s.changes = append(s.changes, change{decls: before, what: what})
}

// undo runs :undo.
func (s *Session) undo(ctx context.Context) bool {
	if len(s.changes) == 0 {
		s.println("nothing to undo: no declaration has been made in this session")
		return false
	}
	last := s.changes[len(s.changes)-1]
	prog, ss, err := s.build(ctx, s.srcs, s.tgt, last.decls)
	if err != nil {
		s.printErr(err, s.srcs, ss, "")
		return false
	}
	if last.givens != nil {
		s.givens = last.givens // :reset taken back: its givens come back too
	}
	if err := s.refreshGivens(ctx, prog, s.tgt); err != nil {
		s.println(err)
		return false
	}
	s.reportDropped(s.ss, ss)
	s.decls, s.prog, s.ss, s.last, s.lastDecl = last.decls, prog, ss, nil, ""
	s.changes = s.changes[:len(s.changes)-1]
	s.printf("took back: %s (%s left)\n", last.what, plural(len(s.decls), "change"))
	return true
}

// status runs :status.
func (s *Session) status() bool {
	if len(s.decls) == 0 {
		s.printf("no changes: %s as loaded\n", s.agreement())
	} else {
		s.printf("this session's %s to %s:\n", plural(len(s.decls), "change"), s.agreement())
		for i, d := range s.decls {
			s.printf("  %d. %s %s: %s\n", i+1, d.what(), s.verbOf(d), oneLine(d.text[d.body:]))
		}
	}
	var live []string
	for _, g := range s.givens {
		if g.live {
			live = append(live, g.g.Name.Name)
		}
	}
	asOf, ledger := "none", "none"
	if !s.asOf.IsZero() {
		asOf = s.asOf.String()
	}
	if s.ledger != "" {
		ledger = s.ledger
	}
	given := "none"
	if len(live) > 0 {
		given = strings.Join(live, ", ")
	}
	s.printf("as of: %s; ledger: %s; given: %s; answers shown: %d (:diff compares them before → after)\n", asOf, ledger, given, len(s.shown))
	if s.ss != nil && len(s.ss.dropped) > 0 {
		s.printf("the files' tests left out while the changes stand (they no longer check): %d\n", len(s.ss.dropped))
		for _, fi := range s.ss.dropped {
			s.printf("  %s (%s)\n", fi.what(), fi.by)
		}
	}
	if len(s.decls) > 0 {
		s.println(":undo takes back the last change; :save FILE writes the changes as an amendment")
	}
	return true
}

// prosePlaceholder stands for the prose of a clause or term typed
// without any, in a saved amendment.
const prosePlaceholder = "TODO: the prose of this provision as amended"

// save runs :save FILE [DATE].
func (s *Session) save(ctx context.Context, args []string) bool {
	if len(args) == 0 || len(args) > 2 {
		s.println(":save needs a file, and optionally the amendment's effective date: :save changes.pacta 2027-01-01")
		return false
	}
	path := args[0]
	if len(s.decls) == 0 {
		s.println("no changes to save: type a clause or term first (:status lists the changes)")
		return false
	}
	if s.tgt.synthetic {
		s.println("no agreement is loaded, so there is nothing to amend; :show prints what you declared")
		return false
	}
	if _, err := os.Stat(path); err == nil {
		s.printf("%s already exists; choose another name (nothing was written)\n", path)
		return false
	}
	text, eff, err := s.amendmentText(args[1:])
	if err != nil {
		s.println(err)
		return false
	}
	// The amendment must check with the files, as `pacta check` would.
	srcs := append(append([]interp.Source(nil), s.srcs...), interp.Source{Name: path, Text: []byte(text)})
	if _, err := interp.Compile(srcs, s.options...); err != nil {
		s.println("the amendment would not check with the loaded files, so it was not written:")
		s.printErr(err, srcs, nil, "")
		return false
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		s.println(fileError(path, err))
		return false
	}
	s.printf("wrote %s: amendment %s of %s, effective %s, with %s\n", path, savedName, s.tgt.agreement, eff, plural(len(s.decls), "change"))
	s.printf("it applies from %s, the session's changes at every date: answers about earlier dates may differ\n", eff)
	s.println("fill in its title and the TODO prose, then: pacta check " + strings.Join(append(append([]string(nil), s.paths...), path), " "))
	return true
}

// savedName is the id of a saved amendment.
const savedName = "session_changes"

// amendmentText writes the session's declarations as an amendment of the
// loaded agreement, effective on the date in args or, with none, the
// latest effective date among the agreement and its amendments (so that
// it comes after them; on the same date, files given later come later).
func (s *Session) amendmentText(args []string) (string, string, error) {
	h, ai := s.historiesOf(s.base, nil)
	_ = h
	if ai == nil {
		return "", "", fmt.Errorf("no agreement is loaded")
	}
	eff := ai.Effective
	for _, am := range ai.Amendments {
		if d := amendmentDate(am); d > eff {
			eff = d
		}
	}
	if len(args) == 1 {
		d, err := types.ParseDate(args[0])
		if err != nil {
			return "", "", fmt.Errorf("%s; write a date like 2027-01-01", plainError(err))
		}
		eff = d.String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "// Changes to %s typed in a pacta repl session, as an amendment.\n", ai.Decl.ID.Name)
	b.WriteString("// Fill in the title and the TODO prose before use.\n\n")
	fmt.Fprintf(&b, "amendment %s %q amends %s {\n", savedName, "TODO: title of the amendment", ai.Decl.ID.Name)
	fmt.Fprintf(&b, "  effective %s\n", eff)
	var tests []lang.Item
	for _, d := range s.decls {
		it := d.item
		replaces := s.verbOf(d) == "replaced"
		switch x := it.(type) {
		case *lang.ClauseDecl:
			cp := *x
			cp.Replace = replaces
			if cp.Prose == nil {
				cp.Prose = &lang.StringLit{Value: prosePlaceholder}
			}
			it = &cp
		case *lang.TermDecl:
			cp := *x
			cp.Replace = replaces
			if cp.Prose == nil {
				cp.Prose = &lang.StringLit{Value: prosePlaceholder}
			}
			it = &cp
		case *lang.TestDecl:
			tests = append(tests, it)
			continue
		}
		b.WriteString("\n")
		b.WriteString(indentText(lang.FormatItem(it), "  "))
	}
	for _, it := range tests {
		b.WriteString("\n")
		b.WriteString(indentText(lang.FormatItem(it), "  "))
	}
	b.WriteString("}\n")
	return b.String(), eff, nil
}

// indentText indents every non-empty line of text, ending it with a
// newline.
func indentText(text, indent string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if l != "" {
			b.WriteString(indent)
		}
		b.WriteString(l)
		b.WriteString("\n")
	}
	return b.String()
}

// wideGapRE matches the spaces that align a table's columns.
var wideGapRE = regexp.MustCompile(`   +`)

// narrowGaps trims a line and narrows the gaps between its columns to two
// spaces, so that a changed row reads the same before and after.
func narrowGaps(l string) string {
	return wideGapRE.ReplaceAllString(strings.TrimSpace(l), "  ")
}
