package repl

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// commandInfo describes one command for :help and completion.
type commandInfo struct {
	name  string // with the colon
	args  string
	about string
}

// commandList is every command, in the order :help lists them.
var commandList = []commandInfo{
	{":help", "[TOPIC]", "how to use the REPL; topics: commands, syntax, decide, money, shares, dates, define, amendments, builtins, or a builtin's name"},
	{":load", "FILE...", "load agreement files or directories instead of the current ones (keeps what you typed)"},
	{":reload", "", "read the loaded files again from disk"},
	{":agreement", "[NAME]", "with several agreements loaded, choose the one questions go to; alone, list them"},
	{":clauses", "", "list the clauses in force: number, title, kind, and who made them"},
	{":show", "NAME", "print a clause (by number), term, action, event, kind or party, with its prose"},
	{":why", "[N]", "explain the last answer in full, in the agreement's words (after :settle, each line of the statement, or line N)"},
	{":asof", "[DATE|none]", "ask every question as the agreement stood on DATE; none to clear; alone, show it"},
	{":ledger", "FILE", "use a ledger (.csv or .jsonl) for :settle"},
	{":settle", "PERIOD", "the statement for a period (2027-Q1, 2027-03, 2027) from the ledger, or from your given instances"},
	{":diff", "", "every answer shown so far, before (the files as loaded) → after (with this session's changes)"},
	{":status", "", "list this session's changes, the as-of date, the ledger and the givens"},
	{":undo", "", "take back the last change (a declaration, or :reset)"},
	{":save", "FILE [DATE]", "write this session's changes as an amendment effective on DATE, for pacta check"},
	{":trace", "N", "the ledger rows that make up line N of the last statement (:why after :settle numbers the lines)"},
	{":test", "", "run every test: the files' and those typed here"},
	{":vet", "", "find conflicts, dead clauses and money that does not add up, as pacta vet does"},
	{":reset", "", "drop everything declared and given in this session"},
	{":quit", "", "leave (so does Ctrl-D)"},
}

// commandAliases maps other spellings to commands.
var commandAliases = map[string]string{
	":h": ":help", ":?": ":help", ":q": ":quit", ":exit": ":quit", ":clause": ":clauses", ":as-of": ":asof",
}

// command runs a `:` command line.
func (s *Session) command(ctx context.Context, line string) bool {
	fields := strings.Fields(line)
	name, args := fields[0], fields[1:]
	if a, ok := commandAliases[name]; ok {
		name = a
	}
	switch name {
	case ":help":
		return s.help(strings.Join(args, " "))
	case ":quit":
		s.quit = true
		return true
	case ":load":
		if len(args) == 0 {
			s.println(":load needs a file or directory: :load FILE...")
			return false
		}
		if !s.load(ctx, args) {
			return false
		}
		s.println(s.loadedWords())
		return true
	case ":reload":
		if len(s.paths) == 0 {
			s.println("no files are loaded; use :load FILE")
			return false
		}
		if !s.load(ctx, s.paths) {
			return false
		}
		s.println("re" + s.loadedWords())
		return true
	case ":agreement":
		return s.chooseAgreement(ctx, args)
	case ":clauses":
		return s.listClauses()
	case ":show":
		if len(args) == 0 {
			s.println(":show needs a clause number or a name: :show 3.2")
			return false
		}
		if len(args) > 2 || len(args) == 2 && args[1] != "all" {
			s.println(":show takes one name, and optionally all: :show 5.1 all")
			return false
		}
		return s.show(args[0], len(args) == 2)
	case ":why":
		if len(args) > 0 {
			if s.last != nil || s.statement == nil {
				s.println(":why N explains line N of a statement; run :settle PERIOD first (:why alone explains the last answer)")
				return false
			}
			return s.whyLine(ctx, args)
		}
		return s.why(ctx)
	case ":asof":
		return s.setAsOf(args)
	case ":ledger":
		if len(args) != 1 {
			s.println(":ledger needs one file: :ledger FILE.csv or :ledger FILE.jsonl")
			return false
		}
		return s.useLedger(ctx, args[0])
	case ":settle":
		if len(args) != 1 {
			s.println(":settle needs a period: :settle 2027-Q1")
			return false
		}
		ok := s.settle(ctx, args[0])
		if ok {
			s.record(":settle " + args[0])
		}
		return ok
	case ":diff":
		return s.diff(ctx)
	case ":trace":
		return s.trace(ctx, args)
	case ":status":
		return s.status()
	case ":undo":
		return s.undo(ctx)
	case ":save":
		return s.save(ctx, args)
	case ":test":
		return s.runTests(ctx, "", "")
	case ":vet":
		return s.vet(ctx)
	case ":reset":
		return s.reset(ctx)
	}
	var names []string
	for _, c := range commandList {
		names = append(names, c.name)
	}
	msg := fmt.Sprintf("unknown command %s", fields[0])
	if near := nearest(fields[0], names); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	s.printf("%s; the commands are %s\n", msg, strings.Join(names, " "))
	return false
}

// nearest returns the candidate closest to word, if close enough.
func nearest(word string, candidates []string) string { return lang.Closest(word, candidates) }

// loadedWords says what is loaded: `loaded openai_microsoft (amended by
// aws_concessions) from 2 files`.
func (s *Session) loadedWords() string {
	if s.base == nil {
		return "loaded nothing: declarations go into a blank session agreement"
	}
	var parts []string
	for _, ai := range s.base.Info().Agreements {
		p := ai.Decl.ID.Name
		var ams []string
		for _, am := range ai.Amendments {
			ams = append(ams, am.ID.Name)
		}
		if len(ams) > 0 {
			p += " (amended by " + strings.Join(ams, ", ") + ")"
		}
		parts = append(parts, p)
	}
	return fmt.Sprintf("loaded %s from %s", strings.Join(parts, ", "), plural(len(s.srcs), "file"))
}

// setAsOf runs :asof.
func (s *Session) setAsOf(args []string) bool {
	switch {
	case len(args) == 0:
		if s.asOf.IsZero() {
			s.println("no as-of date: every loaded amendment counts, and each question is judged by the versions in force on its own date")
		} else {
			s.printf("as of %s: amendments that take effect after it are left out\n", s.asOf)
		}
		return true
	case len(args) > 1:
		s.println(":asof takes one date: :asof 2026-06-30 (or :asof none)")
		return false
	case args[0] == "none" || args[0] == "off" || args[0] == "clear":
		s.asOf = types.Date{}
		s.println("as-of date cleared: every loaded amendment counts again")
		return true
	}
	d, err := types.ParseDate(args[0])
	if err != nil {
		s.printf("%s; write a date like 2026-06-30\n", plainError(err))
		return false
	}
	s.asOf = d
	s.printf("as of %s: amendments that take effect after it are left out\n", d)
	return true
}

// version is one version of a clause or term in the loaded program.
type version struct {
	item    lang.Item // nil: deleted
	madeBy  string    // agreement or amendment id
	replace bool      // made by `replace`
	typed   bool      // typed in this session
	key     string
	from    string
	until   string // "" for open-ended
}

// histories returns, for the session agreement of prog, the versions of
// every clause ("clause N") and term ("term X"), oldest first, each with
// its life.
func (s *Session) histories() (map[string][]*version, *lang.AgreementInfo) {
	return s.historiesOf(s.prog, s.ss)
}

// historiesOf is histories for another program of the session (the files
// alone, say); ss is what prog was compiled from (nil: the files as read).
func (s *Session) historiesOf(prog *interp.Program, ss *sessionSource) (map[string][]*version, *lang.AgreementInfo) {
	if prog == nil {
		return nil, nil
	}
	info := prog.Info()
	var ai *lang.AgreementInfo
	for _, a := range info.Agreements {
		if a.Decl.ID.Name == s.agreement() {
			ai = a
		}
	}
	if ai == nil {
		return nil, nil
	}
	h := map[string][]*version{}
	add := func(date, by string, items []lang.Item) {
		for _, it := range items {
			var v *version
			switch it := it.(type) {
			case *lang.ClauseDecl:
				v = &version{item: it, replace: it.Replace}
			case *lang.TermDecl:
				v = &version{item: it, replace: it.Replace}
			case *lang.DeleteClause:
				v = &version{}
			default:
				continue
			}
			k := itemKey(it)
			v.madeBy, v.from, v.key, v.typed = by, date, k, ss.typed(it.Pos())
			h[k] = append(h[k], v)
		}
	}
	add(ai.Effective, ai.Decl.ID.Name, ai.Decl.Items)
	for _, am := range ai.Amendments {
		add(amendmentDate(am), am.ID.Name, am.Items)
	}
	for _, vs := range h {
		for i := range vs {
			if i+1 < len(vs) {
				if d, err := types.ParseDate(vs[i+1].from); err == nil {
					if prev, err := d.AddDays(-1); err == nil {
						vs[i].until = prev.String()
					}
				}
			}
		}
	}
	return h, ai
}

// inForce returns the version in force under the session's as-of date:
// the last one known on it (every one without an as-of date).
func (s *Session) inForce(vs []*version) *version {
	var out *version
	for _, v := range vs {
		if s.asOf.IsZero() || v.from <= s.asOf.String() {
			out = v
		}
	}
	return out
}

// madeByWords names who made a version: `aws_concessions (replaced), from
// 2026-11-01`; `this session` for a version typed at the prompt.
func (s *Session) madeByWords(v *version, ai *lang.AgreementInfo) string {
	by := v.madeBy
	session := v.typed || s.tgt.synthetic
	if session {
		by = "this session"
	}
	switch {
	case v.item == nil:
		by += " (deleted)"
	case session && !s.tgt.synthetic && len(s.tgt.items[v.key]) > 0:
		by += ", replacing the loaded version"
	case v.replace:
		by += " (replaced)"
	}
	if session {
		return by
	}
	if v.from != "" {
		by += ", from " + v.from
	}
	if v.until != "" {
		by += " to " + v.until
	}
	return by
}

// listClauses runs :clauses.
func (s *Session) listClauses() bool {
	h, ai := s.histories()
	if ai == nil {
		s.println("no agreement is loaded")
		return false
	}
	var nums []string
	for k := range h {
		if strings.HasPrefix(k, "clause ") {
			nums = append(nums, strings.TrimPrefix(k, "clause "))
		}
	}
	sort.Slice(nums, func(i, j int) bool { return clauseLess(nums[i], nums[j]) })
	rows := [][]string{{"clause", "title", "kind", "made by"}}
	for _, n := range nums {
		v := s.inForce(h["clause "+n])
		if v == nil || v.item == nil {
			continue
		}
		c := v.item.(*lang.ClauseDecl)
		title := ""
		if c.Title != nil {
			title = c.Title.Value
		}
		life := *v
		life.until = ""
		rows = append(rows, []string{n, title, clauseKind(c), s.madeByWords(&life, ai)})
	}
	if len(rows) == 1 {
		s.println("no clauses are in force")
		return true
	}
	head := fmt.Sprintf("clauses of %s", ai.Decl.ID.Name)
	if !s.asOf.IsZero() {
		head += fmt.Sprintf(" as known on %s", s.asOf)
	}
	s.println(head + ":")
	s.table(rows, "  ", true)
	return true
}

// clauseLess orders clause numbers as everywhere else (lang.CompareClauseNums).
func clauseLess(a, b string) bool { return lang.CompareClauseNums(a, b) < 0 }

// clauseKind says what kind of clause c is: `permission: openai may sell`.
func clauseKind(c *lang.ClauseDecl) string {
	switch b := c.Body.(type) {
	case *lang.Deontic:
		kind := "permission"
		switch b.Modality {
		case lang.MustNot:
			kind = "prohibition"
		case lang.Must:
			kind = "obligation"
		}
		return fmt.Sprintf("%s: %s %s %s", kind, identName(b.Party), b.Modality, identName(b.Action))
	case *lang.Payment:
		return fmt.Sprintf("payment: %s pays %s", identName(b.Payer), payeeWords(b.Payee))
	case *lang.Installments:
		return fmt.Sprintf("installments: %s pays %s", identName(b.Payer), payeeWords(b.Payee))
	case *lang.Milestone:
		return fmt.Sprintf("milestone: %s pays %s", identName(b.Payer), payeeWords(b.Payee))
	case *lang.Share:
		return fmt.Sprintf("share of %s: %s pays %s", identName(b.Action), identName(b.Payer), payeeWords(b.Payee))
	case *lang.SplitDecl:
		return "split: " + identName(b.Name)
	case *lang.JointLimit:
		nums := make([]string, 0, len(b.Clauses))
		for _, r := range b.Clauses {
			if r != nil {
				nums = append(nums, r.Num)
			}
		}
		return "cap across clauses " + strings.Join(nums, ", ")
	case *lang.TerminationRight:
		return "right to terminate: " + identName(b.Party)
	case *lang.AutoTermination:
		return "terminates on " + identName(b.Event)
	}
	return "clause"
}

func identName(id *lang.Ident) string {
	if id == nil {
		return "?"
	}
	return id.Name
}

func payeeWords(p lang.Payee) string {
	switch p := p.(type) {
	case *lang.PartyPayee:
		return identName(p.Party)
	case *lang.Split:
		return "a split"
	case *lang.Waterfall:
		return "a waterfall"
	}
	return "?"
}

// show runs :show NAME [all].
func (s *Session) show(name string, all bool) bool {
	h, ai := s.histories()
	if ai == nil {
		s.println("no agreement is loaded")
		return false
	}
	key := "term " + name
	if name != "" && name[0] >= '0' && name[0] <= '9' {
		key = "clause " + name
	}
	if vs := h[key]; len(vs) > 0 {
		if !s.showVersions(key, name, vs, ai, all) {
			return false
		}
		if !s.tgt.synthetic && s.hasDecl(key) {
			bh, bai := s.historiesOf(s.base, nil)
			if bvs := bh[key]; len(bvs) > 0 {
				s.println()
				s.println("// as loaded from the files, before this session changed it:")
				s.showVersions(key, name, bvs, bai, all)
			}
		}
		return true
	}
	if it, by := s.findNamed(ai, name); it != nil {
		if s.ss.typed(it.Pos()) || s.tgt.synthetic && by == "session" {
			by = "this session"
		}
		s.printf("// declared by %s\n", by)
		io.WriteString(s.out, withNewline(lang.FormatItem(it)))
		return true
	}
	var names []string
	for k := range h {
		names = append(names, strings.SplitN(k, " ", 2)[1])
	}
	for _, m := range []map[string]*lang.PartyDecl{ai.Parties} {
		for k := range m {
			names = append(names, k)
		}
	}
	for k := range ai.Schemas {
		names = append(names, k)
	}
	for k := range ai.Kinds {
		names = append(names, k)
	}
	msg := fmt.Sprintf("there is no clause, term, action, event, kind or party called %q", name)
	if near := nearest(name, names); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	s.println(msg + "; :clauses lists the clauses")
	return false
}

// hasDecl reports whether the session declares key.
func (s *Session) hasDecl(key string) bool {
	for _, d := range s.decls {
		if d.key == key {
			return true
		}
	}
	return false
}

// showVersions prints the version of key in force (every version with
// all) and lists the others.
func (s *Session) showVersions(key, name string, vs []*version, ai *lang.AgreementInfo, all bool) bool {
	cur := s.inForce(vs)
	if cur == nil {
		s.printf("%s does not exist yet as known on %s\n", key, s.asOf)
		return false
	}
	never := func(v *version) bool { return v.until != "" && v.until < v.from }
	printed := map[string]bool{}
	for _, v := range vs {
		label := s.madeByWords(v, ai)
		if v != cur && (!all || never(v)) || printed[label] {
			continue
		}
		if len(printed) > 0 {
			s.println()
		}
		printed[label] = true
		s.printf("// %s, %s\n", key, label)
		if v.item == nil {
			s.printf("delete %s\n", key)
			continue
		}
		io.WriteString(s.out, withNewline(lang.FormatItem(unreplaced(v.item))))
	}
	if !all {
		var others []string
		for _, v := range vs {
			label := s.madeByWords(v, ai)
			if v != cur && !never(v) && !printed[label] {
				printed[label] = true
				others = append(others, label)
			}
		}
		if len(others) > 0 {
			s.printf("// other versions: %s (:show %s all prints them)\n", strings.Join(others, "; "), name)
		}
	}
	return true
}

// findNamed finds a party, kind, action or event declaration by name.
func (s *Session) findNamed(ai *lang.AgreementInfo, name string) (lang.Item, string) {
	look := func(items []lang.Item) lang.Item {
		for _, it := range items {
			if itemKey(it) == "name "+name {
				return it
			}
		}
		return nil
	}
	if it := look(ai.Decl.Items); it != nil {
		return it, ai.Decl.ID.Name
	}
	for _, am := range ai.Amendments {
		if it := look(am.Items); it != nil {
			return it, am.ID.Name
		}
	}
	return nil, ""
}

// unreplaced returns a clause or term without its `replace`, as it reads
// in force.
func unreplaced(it lang.Item) lang.Item {
	switch it := it.(type) {
	case *lang.ClauseDecl:
		cp := *it
		cp.Replace = false
		return &cp
	case *lang.TermDecl:
		cp := *it
		cp.Replace = false
		return &cp
	}
	return it
}

func withNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

// runTests runs the tests; with only set, it prints only the session test
// of that name, just typed in entry.
func (s *Session) runTests(ctx context.Context, only, entry string) bool {
	rep, err := s.prog.RunTests(ctx)
	if err != nil {
		s.printErr(err, s.srcs, s.ss, "")
		return false
	}
	passed, failed := 0, 0
	for _, r := range rep.Results {
		session := s.ss.typed(r.Pos) || s.tgt.synthetic
		if only != "" && (!session || r.Name != only) {
			continue
		}
		where := r.Agreement
		if r.Amendment != "" {
			where = r.Amendment
		}
		if session {
			where = "this session"
		}
		if r.Passed() {
			passed++
			s.printf("PASS  %s (%s)\n", r.Name, where)
			continue
		}
		failed++
		s.printf("FAIL  %s (%s)\n", r.Name, where)
		for _, f := range r.Failures {
			s.printf("      %s: %s\n", s.posWords(f.Pos, entry), f.Msg)
		}
	}
	if only == "" {
		s.printf("%s: %d passed, %d failed\n", plural(passed+failed, "test"), passed, failed)
	}
	return failed == 0
}

// posWords writes a position, mapping one in the session source back to
// what was typed.
func (s *Session) posWords(p lang.Pos, entry string) string { return s.posIn(s.ss, p, entry) }

// posIn writes a position in what ss compiles as a position in what was
// typed (entry being the one handled) or in the files as read.
func (s *Session) posIn(ss *sessionSource, p lang.Pos, entry string) string {
	if d, off, ok := ss.locate(p); ok {
		if d.entry == entry {
			return posIn(replName, d.entry, off).String()
		}
		return posIn("<session>", d.entry, off).String() + " (" + d.what() + ")"
	}
	return ss.original(p).String()
}

// useLedger runs :ledger FILE: it reads the ledger through once to check
// it.
func (s *Session) useLedger(ctx context.Context, path string) bool {
	n := 0
	counts := map[string]int{}
	for ev, err := range s.readLedger(path) {
		if err != nil {
			s.printErr(err, nil, nil, "")
			return false
		}
		n++
		counts[ev.Record.Schema.Name()]++
		if n&1023 == 0 && ctx.Err() != nil {
			s.println("interrupted")
			return false
		}
	}
	var parts []string
	for _, k := range sortedKeys(counts) {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	s.ledger = path
	s.terminated = nil
	if !s.terminable() {
		// nothing in the agreement ends it early: no need to settle
	} else if st, err := s.prog.Settle(ctx, s.readLedger(path), interp.SettleOptions{Agreement: s.agreement(), AsOf: s.asOf,
		OnBreach: func(*result.Breach) error { return nil }}); err == nil && st.Terminated != nil {
		// Decisions take the termination the ledger records (SPEC 5.6);
		// a ledger that does not settle is reported by :settle.
		s.terminated = st.Terminated
		defer s.printf("the ledger records that the agreement was %s; decisions from %s take it into account\n", st.Terminated, st.Terminated.Effective)
	}
	detail := ""
	if len(parts) > 0 {
		detail = ": " + strings.Join(parts, ", ")
	}
	s.printf("ledger %s: %s%s; :settle PERIOD settles it\n", path, plural(n, "row"), detail)
	return true
}

// readLedger streams a ledger file by its extension: .jsonl, .ndjson or
// .json for JSON Lines, anything else CSV.
func (s *Session) readLedger(path string) func(yield func(interp.Event, error) bool) {
	return func(yield func(interp.Event, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(interp.Event{}, fileError(path, err))
			return
		}
		defer f.Close()
		var seq func(yield func(interp.Event, error) bool)
		switch strings.ToLower(filepath.Ext(path)) {
		case ".jsonl", ".ndjson", ".json":
			seq = s.prog.ReadJSONL(s.agreement(), path, f)
		default:
			seq = s.prog.ReadCSV(s.agreement(), path, f)
		}
		for ev, err := range seq {
			if !yield(ev, err) {
				return
			}
		}
	}
}

// settle runs :settle PERIOD.
func (s *Session) settle(ctx context.Context, text string) bool {
	per, err := s.prog.ParsePeriod(s.agreement(), text)
	if err != nil {
		s.printf("%s; write a period like 2027-Q1, 2027-H1, 2027-03, 2027 or a fiscal period like FY2027-Q1\n", plainError(err))
		return false
	}
	var events func(yield func(interp.Event, error) bool)
	source := ""
	if s.ledger != "" {
		events = s.readLedger(s.ledger)
		source = "the ledger " + s.ledger
	} else {
		var recs []*types.Record
		for _, g := range s.givens {
			if g.live && g.val.Kind() == types.KindRecord && g.val.Record() != nil {
				recs = append(recs, g.val.Record())
			}
		}
		sort.SliceStable(recs, func(i, j int) bool {
			a, _ := recs[i].Field("date")
			b, _ := recs[j].Field("date")
			return a.Date().Before(b.Date())
		})
		events = func(yield func(interp.Event, error) bool) {
			for _, r := range recs {
				if !yield(interp.Event{Record: r, Source: "given"}, nil) {
					return
				}
			}
		}
		source = fmt.Sprintf("the %s given in this session (no :ledger)", plural(len(recs), "instance"))
	}
	st, err := s.prog.Settle(ctx, events, s.settleOptions(per.Start(), per.End()))
	if err != nil {
		s.printErr(err, s.srcs, s.ss, "")
		return false
	}
	s.terminated = st.Terminated // later decisions take it (SPEC 5.6)
	shown, err := s.statementText(st)
	if err != nil {
		s.println(err)
		return false
	}
	s.printf("events from %s\n", source)
	io.WriteString(s.out, shown)
	if !s.replaying {
		s.last, s.statement = nil, &statement{st: st, events: events, source: source, prog: s.prog, asOf: s.asOf, period: text}
	}
	// The statement is the one `pacta settle` prints for the files as
	// changed here; say which of its clauses were typed.
	var typed []string
	seen := map[string]bool{}
	for _, l := range st.Lines {
		if c := l.Clause; c != nil && !seen[c.Num] && s.ss.typed(c.Pos) && !s.tgt.synthetic {
			seen[c.Num] = true
			typed = append(typed, c.Num)
		}
	}
	if len(typed) > 0 {
		s.printf("(as typed in this session: clause %s)\n", strings.Join(typed, ", "))
	}
	return true
}

// terminable reports whether the session's agreement has a clause that
// can end it before its term (SPEC 5.6), so that :ledger looks for a
// termination only then.
func (s *Session) terminable() bool {
	for _, ai := range s.prog.Info().Agreements {
		if ai.Decl == nil || ai.Decl.ID == nil || ai.Decl.ID.Name != s.agreement() {
			continue
		}
		items := append([]lang.Item(nil), ai.Decl.Items...)
		for _, am := range ai.Amendments {
			items = append(items, am.Items...)
		}
		for _, it := range items {
			if c, ok := it.(*lang.ClauseDecl); ok {
				switch c.Body.(type) {
				case *lang.TerminationRight, *lang.AutoTermination:
					return true
				}
			}
		}
	}
	return false
}
