package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
	"github.com/pacta-lang/pacta/stdlib"
)

// replName is the file name of the entry being handled, in positions.
const replName = "<repl>"

// Session is the state of one REPL session: the loaded files, what was
// declared and bound at the prompt, the as-of date and the last answer. It
// does no terminal input of its own: Handle takes one complete entry at a
// time and writes the answer to the session's output. An entry that fails
// changes nothing.
type Session struct {
	out   io.Writer
	wrap  *wrapWriter // out, when it wraps lines (nil: it does not)
	width int         // of the output in columns (0: unlimited)
	// textWidth, if not 0, is the width prose is wrapped at instead
	// (help text, at most helpWidth wide).
	textWidth int
	options   []interp.Option

	paths  []string        // files and directories as given to :load
	chosen string          // the agreement chosen with :agreement ("" for the first)
	srcs   []interp.Source // their contents, as read
	base   *interp.Program // the files alone (nil with no files)
	tgt    *target         // where declarations go

	prog   *interp.Program // files and session declarations
	ss     *sessionSource  // the generated session source of prog
	decls  []*decl
	givens []*given

	asOf   types.Date
	last   *answer
	ledger string // the ledger file of :ledger, "" for none
	// terminated is the termination that the last :ledger or :settle
	// found (SPEC 5.6), which decisions take; nil for none.
	terminated *result.Termination

	// shown are the answers printed so far, for :diff; changes are the
	// steps :undo takes back, the last last; replaying is set while :diff
	// recomputes an answer.
	shown     []shownAnswer
	statement *statement // the last statement printed, if the last answer was one
	changes   []change
	replaying bool

	// lastDecl is the entry of the last declaration that succeeded, for
	// joining an indented line to it (see Handle).
	lastDecl string

	quit bool
}

// given is a name bound with `given NAME = EXPR`.
type given struct {
	g     *lang.Given
	entry string     // the entry as typed (the prefix blanked out)
	asOf  types.Date // the as-of date it was evaluated at
	val   types.Value
	typ   lang.Type
	live  bool // false once a later given takes the same name
}

// newSession makes a session with the given options; load must follow.
func newSession(out io.Writer, funcs []*interp.Func, budget int64) *Session {
	fns := append(stdlib.Funcs(), funcs...)
	// A calendar's holidays file is read beside the agreement's file.
	opts := []interp.Option{interp.WithFuncs(fns...), interp.WithLocalFiles()}
	if budget > 0 {
		opts = append(opts, interp.WithStepBudget(budget))
	}
	s := &Session{options: opts}
	s.wrap = &wrapWriter{w: out, width: func() int {
		if s.textWidth > 0 {
			return s.textWidth
		}
		return s.width
	}}
	s.out = s.wrap
	return s
}

// flush writes out what the output holds back (see wrapWriter).
func (s *Session) flush() {
	if s.wrap != nil {
		s.wrap.Flush()
	}
}

func (s *Session) printf(format string, args ...any) { fmt.Fprintf(s.out, format, args...) }
func (s *Session) println(args ...any)               { fmt.Fprintln(s.out, args...) }

// agreement returns the id of the session's agreement.
func (s *Session) agreement() string {
	if s.tgt == nil || s.tgt.synthetic {
		return "session"
	}
	return s.tgt.agreement
}

// readPaths reads files; a directory stands for every .pacta file below
// it, in lexical order.
func readPaths(paths []string) ([]interp.Source, error) { return interp.ReadPaths(paths) }

// fileError turns an os error into one line naming the file.
func fileError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", path)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", path, pe.Err)
	}
	return fmt.Errorf("%s: %v", path, err)
}

// load reads and compiles paths (replacing the loaded files) and rebuilds
// the session on them. On failure it prints the problems and changes
// nothing.
func (s *Session) load(ctx context.Context, paths []string) bool {
	srcs, err := readPaths(paths)
	if err != nil {
		s.println(err)
		return false
	}
	var base *interp.Program
	if len(srcs) > 0 {
		base, err = interp.Compile(srcs, s.options...)
		if err != nil {
			s.printErr(err, srcs, nil, "")
			return false
		}
		if len(base.Agreements()) == 0 {
			s.printf("%s: no agreement is declared in these files\n", strings.Join(paths, ", "))
			return false
		}
	}
	if s.chosen != "" && base != nil && !slicesContains(base.Agreements(), s.chosen) {
		s.printf("no agreement called %q is loaded; the agreements are %s\n", s.chosen, strings.Join(base.Agreements(), ", "))
		return false
	}
	tgt := makeTarget(base, srcs, s.chosen)
	prog, ss, err := s.build(ctx, srcs, tgt, s.decls)
	if err != nil {
		if len(s.decls) > 0 {
			s.println("the declarations typed in this session do not fit these files:")
		}
		s.printErr(err, srcs, ss, "")
		if len(s.decls) > 0 {
			s.println("type :reset to drop them, then load again")
		}
		return false
	}
	if err := s.refreshGivens(ctx, prog, tgt); err != nil {
		s.println(err)
		return false
	}
	s.reportDropped(nil, ss)
	s.paths, s.srcs, s.base, s.tgt = paths, srcs, base, tgt
	s.prog, s.ss = prog, ss
	s.last = nil
	return true
}

// amendmentDate returns an amendment's effective date as written.
func amendmentDate(am *lang.Amendment) string {
	for _, it := range am.Items {
		if e, ok := it.(*lang.Effective); ok && e.Date != nil {
			return e.Date.Text
		}
	}
	return ""
}

// build compiles the files with the declarations written into them,
// through interp.Compile as every command does. Tests of the files that
// the declarations break (a test that names a deleted clause, say) are
// left out, as tests do not change any answer; anything else that no
// longer checks is an error.
func (s *Session) build(ctx context.Context, srcs []interp.Source, tgt *target, decls []*decl) (*interp.Program, *sessionSource, error) {
	var drop []*fileItem
	for {
		ss := applyDecls(tgt, srcs, decls, drop)
		if err := ctx.Err(); err != nil {
			return nil, ss, err
		}
		prog, err := interp.Compile(ss.srcs, s.options...)
		if err == nil || len(decls) == 0 {
			return prog, ss, err
		}
		more := brokenTests(err, ss, tgt)
		if len(more) == 0 {
			return nil, ss, err
		}
		drop = append(drop, more...)
	}
}

// reportDropped says which tests of the files the session now leaves
// out, or brings back.
func (s *Session) reportDropped(before, after *sessionSource) {
	was := map[*fileItem]bool{}
	if before != nil {
		for _, fi := range before.dropped {
			was[fi] = true
		}
	}
	now := map[*fileItem]bool{}
	var out, in []*fileItem
	for _, fi := range after.dropped {
		now[fi] = true
		if !was[fi] {
			out = append(out, fi)
		}
	}
	if before != nil {
		for _, fi := range before.dropped {
			if !now[fi] {
				in = append(in, fi)
			}
		}
	}
	// A few are named one a line; more, in one line (:status names them).
	const named = 3
	if len(out) > named {
		s.printf("left out for this session, as they no longer check: %d of the files' tests (:status names them)\n", len(out))
	} else {
		for _, fi := range out {
			s.printf("left out for this session, as it no longer checks: %s (%s)\n", fi.what(), fi.by)
		}
	}
	if len(in) > named {
		s.printf("back in: %d of the files' tests\n", len(in))
	} else {
		for _, fi := range in {
			s.printf("back in: %s (%s)\n", fi.what(), fi.by)
		}
	}
}

// refreshGivens evaluates every given again against prog, in the order
// they were made, at the as-of date each was made at: their values (an
// action instance belongs to one program) must be of prog. It changes the
// givens only if every live one still evaluates.
func (s *Session) refreshGivens(ctx context.Context, prog *interp.Program, tgt *target) error {
	_, err := s.refreshGivensDropping(ctx, prog, tgt, false)
	return err
}

// refreshGivensDropping is refreshGivens that, with drop, unbinds the live
// givens that no longer evaluate (an instance without a field just added
// to its action, say) instead of failing; it returns what each dropped
// one said.
func (s *Session) refreshGivensDropping(ctx context.Context, prog *interp.Program, tgt *target, drop bool) ([]string, error) {
	if len(s.givens) == 0 {
		return nil, nil
	}
	var dropped []string
	unbind := map[int]bool{}
	type result struct {
		val types.Value
		typ lang.Type
		ok  bool
	}
	res := make([]result, len(s.givens))
	bound := map[string]int{} // name → index in s.givens of its latest evaluated binding
	for i, g := range s.givens {
		var bs []interp.GivenValue
		for _, j := range bound {
			bs = append(bs, interp.GivenValue{Given: s.givens[j].g, Value: res[j].val, Type: res[j].typ})
		}
		x, err := prog.CompileParsedExpr(agreementOf(prog, tgt), g.g.Value, bs...)
		var v types.Value
		if err == nil {
			v, err = x.Eval(ctx, interp.EvalOptions{AsOf: g.asOf})
		}
		if err != nil {
			if g.live && drop && !errors.Is(err, context.Canceled) {
				unbind[i] = true
				dropped = append(dropped, fmt.Sprintf("given %s no longer fits (%s): it is dropped; bind it again", g.g.Name.Name, plainError(err)))
				continue
			}
			if g.live {
				return nil, fmt.Errorf("this change would break given %s: %s\n(bind it again with given, or type :reset)", g.g.Name.Name, plainError(err))
			}
			continue
		}
		res[i] = result{v, x.Type(), true}
		bound[g.g.Name.Name] = i
	}
	for i, g := range s.givens {
		if res[i].ok {
			g.val, g.typ = res[i].val, res[i].typ
		}
		if unbind[i] {
			g.live = false
		}
	}
	return dropped, nil
}

// agreementOf returns the id of the session's agreement in prog, built
// for tgt.
func agreementOf(prog *interp.Program, tgt *target) string {
	if tgt != nil && !tgt.synthetic {
		return tgt.agreement
	}
	if ids := prog.Agreements(); len(ids) > 0 {
		return ids[0]
	}
	return ""
}

// bindings returns the live givens for compiling an expression.
func (s *Session) bindings() []interp.GivenValue {
	var out []interp.GivenValue
	for _, g := range s.givens {
		if g.live {
			out = append(out, interp.GivenValue{Given: g.g, Value: g.val, Type: g.typ})
		}
	}
	return out
}

// plainError returns an error's message without a position prefix.
func plainError(err error) string {
	var le *interp.LedgerError
	if errors.As(err, &le) {
		return le.Error()
	}
	var ie *interp.EvalError
	if errors.As(err, &ie) {
		return ie.Msg
	}
	var el lang.ErrorList
	if errors.As(err, &el) && len(el) > 0 {
		return el[0].Msg
	}
	if errors.Is(err, context.Canceled) {
		return "interrupted"
	}
	return err.Error()
}

// maxProblems is how many problems of one entry are shown.
const maxProblems = 8

// printErr prints err. Positioned problems are rendered with their line
// and a caret: in a file, in the entry being handled (entry, named
// <repl>), or in an earlier declaration (named <session>).
func (s *Session) printErr(err error, srcs []interp.Source, ss *sessionSource, entry string) {
	if errors.Is(err, context.Canceled) {
		s.println("interrupted")
		return
	}
	var list lang.ErrorList
	var ie *interp.EvalError
	switch {
	case errors.As(err, &list):
	case errors.As(err, &ie) && ie.Pos.IsValid():
		list = lang.ErrorList{{Pos: ie.Pos, Msg: ie.Msg}}
	default:
		s.println(plainError(err))
		return
	}
	byName := map[string][]byte{}
	for _, src := range srcs {
		byName[src.Name] = src.Text
	}
	seen := map[string]bool{}
	shown := 0
	hint := ""
	if entry != "" {
		hint = s.hintFor(entry, err)
	}
	for i, e := range list {
		if i == 0 && hint != "" && e.Hint != "" {
			// The prompt's own hint says more than lang's (USD -5.00):
			// it takes its place rather than follow it.
			ce := *e
			ce.Hint, hint = hint, ""
			e = &ce
		}
		if shown == maxProblems {
			s.printf("(and %s more)\n", plural(list.Total()-shown, "problem"))
			break
		}
		if ss != nil && len(ss.files) > 0 {
			ce := *e
			where := func(p lang.Pos) string { return s.posIn(ss, p, entry) }
			ce.Msg = ss.fixLines(ss.fixPositions(e.Msg, where), e.Pos, where)
			ce.Hint = ss.fixLines(ss.fixPositions(e.Hint, where), e.Pos, where)
			e = &ce
		}
		var text string
		d, off, typed := ss.locate(e.Pos)
		switch {
		case typed:
			ne := *e
			name := "<session>"
			if d.entry == entry {
				name = replName
			}
			ne.Pos = posIn(name, d.entry, off)
			text = ne.Render([]byte(d.entry))
			if name != replName {
				text = "in " + d.what() + ", typed earlier:\n" + text
			}
		case e.Pos.File == sessionFile && ss != nil && ss.gen != nil:
			text = e.Render(ss.gen.text)
		case e.Pos.File == replName:
			text = e.Render([]byte(entry))
		default:
			ne := *e
			ne.Pos = ss.original(e.Pos)
			text = ne.Render(byName[e.Pos.File])
		}
		if !seen[text] {
			seen[text] = true
			shown++
			io.WriteString(s.out, text)
		}
	}
	if hint != "" {
		s.printf("    %s\n", hint)
	}
}

// Handle runs one complete entry: a command, a declaration, a given or an
// expression. It reports whether the entry succeeded.
func (s *Session) Handle(ctx context.Context, entry string) (ok bool) {
	defer s.flush()
	defer func() {
		if r := recover(); r != nil {
			s.printf("internal error (please report it): %v\n", r)
			ok = false
		}
	}()
	trimmed := strings.TrimSpace(entry)
	if trimmed == "" {
		return true
	}
	if !strings.HasPrefix(trimmed, ":") {
		if msg := preflight(entry); msg != "" {
			s.println(msg)
			return false
		}
		if e, changed := straightenQuotes(entry); changed {
			entry = e
			trimmed = strings.TrimSpace(entry)
			s.println("(read the curly quotes “ ” as straight quotes \")")
		}
	}
	// Only the entry right after a declaration may continue it.
	lastDecl := s.lastDecl
	s.lastDecl = ""
	switch {
	case strings.HasPrefix(trimmed, ":"):
		return s.command(ctx, trimmed)
	}
	if name, blanked, ok := splitGiven(entry); ok {
		return s.bind(ctx, entry, name, blanked)
	}
	if m := mayRE.FindStringSubmatch(entry); m != nil {
		ok := s.askMay(ctx, m)
		if ok {
			s.record(entry)
		}
		return ok
	}
	in, errs := lang.ParseInput(replName, []byte(entry))
	if len(errs) > 0 {
		if handled, ok := s.joinIndented(ctx, lastDecl, entry); handled {
			return ok
		}
		s.printErr(errs, nil, nil, entry)
		return false
	}
	switch {
	case len(in.Items) > 0:
		return s.declare(ctx, entry, in.Items, false)
	case in.Expr != nil:
		ok := s.ask(ctx, entry, in.Expr)
		if ok {
			s.record(entry)
		}
		return ok
	}
	return true // only comments
}

// joinIndented handles an indented line that does not stand on its own
// after a declaration, such as `settled quarterly` pasted under a clause:
// it is the rest of that declaration, so the two are declared again as
// one. It reports whether the line was taken that way, and if so whether
// the declaration succeeded.
func (s *Session) joinIndented(ctx context.Context, lastDecl, entry string) (handled, ok bool) {
	if lastDecl == "" || entry == "" || (entry[0] != ' ' && entry[0] != '\t') {
		return false, false
	}
	joined := lastDecl + "\n" + entry
	in, errs := lang.ParseInput(replName, []byte(joined))
	if len(errs) > 0 || len(in.Items) == 0 {
		return false, false
	}
	return true, s.declare(ctx, joined, in.Items, true)
}

// givenRE matches the start of `given NAME = EXPR`.
var givenRE = regexp.MustCompile(`^\s*given\s+([A-Za-z_][A-Za-z0-9_]*)\s*=`)

// splitGiven recognises `given NAME = EXPR`. It returns the name and the
// entry with everything before the expression blanked out with spaces, so
// that positions in the expression are those of the entry.
func splitGiven(entry string) (string, string, bool) {
	m := givenRE.FindStringSubmatchIndex(entry)
	if m == nil {
		return "", "", false
	}
	b := []byte(entry)
	for i := 0; i < m[1]; i++ {
		if b[i] != '\n' && b[i] != '\r' {
			b[i] = ' '
		}
	}
	return entry[m[2]:m[3]], string(b), true
}

// bind handles `given NAME = EXPR`; blanked is the entry with `given NAME
// =` blanked out.
func (s *Session) bind(ctx context.Context, entry, name, blanked string) bool {
	if lang.IsKeyword(name) {
		s.printf("%q is a reserved word; choose another name\n", name)
		return false
	}
	e, errs := lang.ParseExpr(replName, []byte(blanked))
	if len(errs) > 0 {
		s.printErr(errs, nil, nil, entry)
		return false
	}
	x, err := s.prog.CompileParsedExpr(s.agreement(), e, s.bindings()...)
	if err != nil {
		s.printErr(err, s.srcs, s.ss, entry)
		return false
	}
	v, err := x.Eval(ctx, interp.EvalOptions{AsOf: s.asOf})
	if err != nil {
		s.printErr(err, s.srcs, s.ss, entry)
		return false
	}
	g := &given{
		g:     &lang.Given{At: posIn(replName, blanked, 0), Name: &lang.Ident{Name: name}, Value: e},
		entry: blanked, asOf: s.asOf, val: v, typ: x.Type(), live: true,
	}
	for _, old := range s.givens {
		if old.g.Name.Name == name {
			old.live = false
		}
	}
	s.givens = append(s.givens, g)
	s.printf("%s = %s\n", name, formatValue(v))
	return true
}

// declare adds or replaces the items of entry in the session and rebuilds
// the program. joined says the entry is an earlier declaration with an
// indented line added (see joinIndented).
func (s *Session) declare(ctx context.Context, entry string, items []lang.Item, joined bool) bool {
	cand := append([]*decl(nil), s.decls...)
	find := func(key string) int {
		for i, d := range cand {
			if d.key == key {
				return i
			}
		}
		return -1
	}
	type change struct {
		d    *decl
		verb string
	}
	var changes []change
	for _, d := range splitItems(entry, items) {
		if !s.tgt.synthetic {
			if strings.HasPrefix(d.key, "header ") {
				e := &lang.Error{Pos: posIn(replName, entry, d.off),
					Msg: fmt.Sprintf("%s belongs to agreement %s as loaded from its file; it cannot be changed at the prompt", d.what(), s.tgt.agreement)}
				s.printErr(lang.ErrorList{e}, nil, nil, entry)
				return false
			}
		}
		i := find(d.key)
		inFiles := !s.tgt.synthetic && len(s.tgt.items[d.key]) > 0
		if d.isDelete() && !inFiles {
			if i < 0 || cand[i].isDelete() {
				e := &lang.Error{Pos: posIn(replName, entry, d.off), Msg: fmt.Sprintf("there is no %s to delete", d.what())}
				s.printErr(lang.ErrorList{e}, nil, nil, entry)
				return false
			}
			cand = append(cand[:i], cand[i+1:]...)
			changes = append(changes, change{d, "deleted"})
			continue
		}
		verb := "added"
		switch {
		case d.isDelete():
			verb = "deleted"
		case inFiles:
			verb = "replaced"
		case i >= 0:
			verb = "redefined"
		}
		if i >= 0 {
			cand[i] = d
		} else {
			cand = append(cand, d)
		}
		changes = append(changes, change{d, verb})
	}
	prog, ss, err := s.build(ctx, s.srcs, s.tgt, cand)
	if err != nil {
		if breaksFiles(err, ss) {
			s.println("with this change the loaded files no longer check, so it was not made:")
		}
		s.printErr(err, s.srcs, ss, entry)
		return false
	}
	unbound, err := s.refreshGivensDropping(ctx, prog, s.tgt, true)
	if err != nil {
		s.println(err)
		return false
	}
	for _, u := range unbound {
		s.println(u)
	}
	s.reportDropped(s.ss, ss)
	var what []string
	for _, c := range changes {
		what = append(what, c.verb+" "+c.d.what())
	}
	s.pushChange(s.decls, strings.Join(what, ", "))
	s.decls, s.prog, s.ss = cand, prog, ss
	s.lastDecl = entry
	ok := true
	for _, c := range changes {
		ok = s.reportChange(ctx, c.d, c.verb, joined) && ok
	}
	if len(s.shown) > 0 && s.changesAgreement() {
		s.printf("(%s given before; :diff shows each before → after)\n", plural(len(s.shown), "answer"))
	}
	return ok
}

// reportChange says what a declaration did. A test is run at once; the
// result is false if it fails.
func (s *Session) reportChange(ctx context.Context, d *decl, verb string, joined bool) bool {
	if joined && verb == "added" {
		verb = "completed"
	}
	switch it := d.item.(type) {
	case *lang.TestDecl:
		return s.runTests(ctx, it.Name.Value, d.entry)
	case *lang.TermDecl:
		if it.Params == nil {
			if x, err := s.prog.CompileParsedExpr(s.agreement(), &lang.Ident{At: it.Name.At, Name: it.Name.Name}); err == nil {
				if v, err := x.Eval(ctx, interp.EvalOptions{AsOf: s.asOf}); err == nil {
					s.printf("%s %s = %s%s\n", verb, d.what(), formatValue(v), s.whereReplaced(d, verb))
					return true
				}
			}
		}
	}
	s.printf("%s %s%s\n", verb, d.what(), s.whereReplaced(d, verb))
	return true
}

// whereReplaced says what a replacement or deletion of something the
// files declare does to them: ` for this session, at every date, as if
// the files said so: in place of openai_microsoft's version from
// 2019-07-22, leaving out aws_concessions's version from 2026-11-01`.
func (s *Session) whereReplaced(d *decl, verb string) string {
	if verb != "replaced" && verb != "deleted" || s.tgt.synthetic {
		return ""
	}
	fis := s.tgt.items[d.key]
	if len(fis) == 0 {
		return " (for this session)"
	}
	version := func(fi *fileItem) string {
		if d.versioned() {
			return fi.by + "'s version from " + fi.date
		}
		return "the declaration in " + fi.by
	}
	var in, out []string
	if d.isDelete() {
		for _, fi := range fis {
			if _, ok := fi.item.(*lang.DeleteClause); !ok {
				out = append(out, version(fi))
			}
		}
		return " for this session, at every date, as if the files did not have it: leaving out " + strings.Join(out, " and ")
	}
	live := false
	for _, fi := range fis {
		switch {
		case !d.versioned():
			in = append(in, version(fi))
		case isDeleteItem(fi.item):
			live = false
			continue
		case live:
			out = append(out, version(fi))
		default:
			in = append(in, version(fi))
		}
		live = true
		if !d.versioned() {
			break
		}
	}
	w := " for this session, at every date, as if the files said so: in place of " + strings.Join(in, " and ")
	if len(out) > 0 {
		w += ", leaving out " + strings.Join(out, " and ")
	}
	return w
}

// isDeleteItem reports whether it is a `delete clause`.
func isDeleteItem(it lang.Item) bool {
	_, ok := it.(*lang.DeleteClause)
	return ok
}

// breaksFiles reports whether a problem of err is in the text of the
// loaded files rather than in what was typed.
func breaksFiles(err error, ss *sessionSource) bool {
	var list lang.ErrorList
	if !errors.As(err, &list) || ss == nil || ss.gen != nil {
		return false
	}
	for _, e := range list {
		if e.Pos.File != replName && !ss.typed(e.Pos) {
			return true
		}
	}
	return false
}

// changesAgreement reports whether the session declares anything but
// tests.
func (s *Session) changesAgreement() bool {
	for _, d := range s.decls {
		if _, ok := d.item.(*lang.TestDecl); !ok {
			return true
		}
	}
	return false
}

// reset drops every declaration and given.
func (s *Session) reset(ctx context.Context) bool {
	nd, ng := len(s.decls), 0
	for _, g := range s.givens {
		if g.live {
			ng++
		}
	}
	prog, ss, err := s.build(ctx, s.srcs, s.tgt, nil)
	if err != nil {
		s.printErr(err, s.srcs, ss, "")
		return false
	}
	s.reportDropped(s.ss, ss)
	if len(s.decls) > 0 || ng > 0 {
		s.changes = append(s.changes, change{decls: s.decls, what: ":reset", givens: append([]*given{}, s.givens...)})
	}
	s.prog, s.ss, s.decls, s.givens, s.last, s.lastDecl = prog, ss, nil, nil, nil, ""
	s.printf("session cleared: %s and %s dropped\n", plural(nd, "declaration"), plural(ng, "given"))
	return true
}

// plural writes "1 declaration", "2 declarations".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
