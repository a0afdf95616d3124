package repl

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
	"github.com/pacta-lang/pacta/stdlib"
)

// helpTopics are the topics of :help besides commands and builtins.
var helpTopics = []string{"commands", "syntax", "decide", "money", "shares", "dates", "define", "amendments", "builtins"}

// help runs :help [TOPIC].
func (s *Session) help(topic string) bool {
	topic = strings.TrimSpace(topic)
	if s.width == 0 || s.width > helpWidth {
		s.textWidth = helpWidth
		defer func() { s.flush(); s.textWidth = 0 }()
	}
	switch topic {
	case "":
		s.helpMain()
	case "commands":
		s.helpCommands()
	case "syntax":
		s.helpSyntax()
	case "decide", "decision", "decisions", "permitted", "prohibited":
		s.helpDecide()
	case "money", "amounts", "settle":
		s.helpMoney()
	case "define", "declare", "definitions", "what-if", "whatif":
		s.helpDefine()
	case "shares", "share", "tiers", "splits":
		s.helpShares()
	case "amendments", "amendment", "amend":
		s.helpAmendments()
	case "dates", "date", "durations", "periods":
		s.helpDates()
	case "builtins", "functions":
		s.helpBuiltins()
	default:
		name := topic
		if !strings.HasPrefix(name, ":") {
			name = ":" + name
		}
		if a, ok := commandAliases[name]; ok {
			name = a
		}
		for _, c := range commandList {
			if c.name == name {
				s.printf("%s %s\n  %s\n", c.name, c.args, c.about)
				return true
			}
		}
		for _, f := range s.builtins() {
			if f.Name == topic {
				s.helpBuiltin(f)
				return true
			}
		}
		var names []string
		names = append(names, helpTopics...)
		for _, f := range s.builtins() {
			names = append(names, f.Name)
		}
		msg := fmt.Sprintf("no help on %q", topic)
		if near := nearest(topic, names); near != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", near)
		}
		s.printf("%s; the topics are %s, a command, or a builtin's name (:help builtins lists them)\n", msg, strings.Join(helpTopics, ", "))
		return false
	}
	return true
}

// builtins returns the standard library's functions, by name.
func (s *Session) builtins() []*interp.Func {
	fns := stdlib.Funcs()
	sort.Slice(fns, func(i, j int) bool { return fns[i].Name < fns[j].Name })
	return fns
}

// signatures reads each builtin's signature from the standard library's
// documentation table.
func signatures() map[string]string {
	out := map[string]string{}
	for _, row := range strings.Split(stdlib.MarkdownTable(), "\n") {
		cells := strings.Split(row, " | ")
		if len(cells) < 2 || !strings.HasPrefix(cells[0], "| `") {
			continue
		}
		name := strings.Trim(strings.TrimPrefix(cells[0], "| "), "`")
		out[name] = strings.ReplaceAll(cells[1], `\|`, "|")
	}
	return out
}

// helpBuiltin prints one builtin's documentation.
func (s *Session) helpBuiltin(f *interp.Func) {
	if sig := signatures()[f.Name]; sig != "" {
		s.println(sig)
	} else {
		s.println(f.Name)
	}
	s.printf("  %s\n", f.Doc)
	if f.Example != "" {
		s.printf("  example: %s\n", f.Example)
		if f.Result != "" {
			s.printf("  result:  %s\n", f.Result)
		}
	}
}

func (s *Session) helpBuiltins() {
	s.println("builtin functions (:help NAME for one, with an example):")
	var rows [][]string
	for _, f := range s.builtins() {
		doc := f.Doc
		if i := strings.Index(doc, ". "); i > 0 {
			doc = doc[:i+1]
		}
		rows = append(rows, []string{f.Name, doc})
	}
	s.table(rows, "  ", false)
}

func (s *Session) helpCommands() {
	s.println("commands:")
	var rows [][]string
	for _, c := range commandList {
		rows = append(rows, []string{strings.TrimSpace(c.name + " " + c.args), c.about})
	}
	s.table(rows, "  ", false)
	s.println("keys: Tab completes names; up and down arrows recall earlier entries; Ctrl-C abandons the entry being typed, or stops a long evaluation; Ctrl-D on an empty line leaves. An entry left open (a bracket, a brace, a quote, or a clause without its body) continues on the next line, after a \"...\" prompt.")
}

// example gathers names from the loaded agreement for copy-pasteable
// examples.
type example struct {
	agreement  string
	amendments []string
	action     string // an action with clauses over it
	party      string
	instance   string // an instance of action by party on date
	before     string // the same instance the day before date
	date       string
	why        string // why date is interesting: "aws_concessions takes effect on 2026-11-01"
	given      string // a free name for a given
	baseTerm   string // a one-parameter term over the action
	baseRated  bool   // baseTerm is the share's base or money, so `RATE of baseTerm(x)` reads right
	rate       string // the rate of a share over the action
	shareNum   string // that share clause's number
	redefine   string // the share clause, one line, with a new flat rate
	newRate    string
	money      string // an amount in the agreement's currency
}

// example builds the examples for the session's agreement.
func (s *Session) example() *example {
	ex := &example{agreement: s.agreement(), given: "example"}
	h, ai := s.histories()
	if ai == nil {
		return ex
	}
	cur := ai.Currency
	if cur == "" {
		cur = "USD"
	}
	ex.money = cur + " 1,000.00"
	for _, am := range ai.Amendments {
		ex.amendments = append(ex.amendments, am.ID.Name)
	}
	taken := func(n string) bool {
		_, t := h["term "+n]
		return t || ai.Parties[n] != nil || ai.Kinds[n] != nil || ai.Schemas[n] != nil || lang.IsKeyword(n)
	}
	if taken(ex.given) {
		ex.given = "example1"
	}
	// The clauses in force, with who made them.
	type inForce struct {
		c    *lang.ClauseDecl
		v    *version
		date string
	}
	var clauses []inForce
	var keys []string
	for k := range h {
		if strings.HasPrefix(k, "clause ") {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		return clauseLess(strings.TrimPrefix(keys[i], "clause "), strings.TrimPrefix(keys[j], "clause "))
	})
	for _, k := range keys {
		vs := h[k]
		v := vs[len(vs)-1]
		if v.item == nil {
			continue
		}
		clauses = append(clauses, inForce{v.item.(*lang.ClauseDecl), v, v.from})
	}
	// The action most clauses speak to.
	count := map[string]int{}
	for _, c := range clauses {
		switch b := c.c.Body.(type) {
		case *lang.Deontic:
			count[identName(b.Action)]++
		case *lang.Share:
			count[identName(b.Action)]++
		}
	}
	var schema *lang.SchemaDecl
	for _, name := range sortedKeys(ai.Schemas) {
		sd := ai.Schemas[name]
		if sd.Event {
			continue
		}
		if schema == nil || count[name] > count[schema.Name.Name] {
			schema = sd
		}
	}
	if schema == nil {
		return ex
	}
	ex.action = schema.Name.Name
	// The party and the interesting date: the newest permission or
	// prohibition over the action that an amendment made.
	var pick *lang.Deontic
	for _, c := range clauses {
		b, ok := c.c.Body.(*lang.Deontic)
		if !ok || identName(b.Action) != ex.action {
			continue
		}
		if pick == nil || c.v.madeBy != ai.Decl.ID.Name && c.date > ex.date {
			pick = b
			if c.v.madeBy != ai.Decl.ID.Name {
				ex.date = c.date
				ex.why = fmt.Sprintf("%s takes effect on %s", c.v.madeBy, c.date)
			}
		}
	}
	var share *lang.Share
	var shareClause *lang.ClauseDecl
	for _, c := range clauses {
		if b, ok := c.c.Body.(*lang.Share); ok && identName(b.Action) == ex.action && share == nil {
			share, shareClause = b, c.c
		}
	}
	switch {
	case pick != nil:
		ex.party = identName(pick.Party)
	case share != nil && share.By != nil:
		ex.party = share.By.Name
	default:
		ps := sortedKeys(ai.Parties)
		if len(ps) > 0 {
			ex.party = ps[0]
		}
	}
	if ex.date == "" {
		ex.date = ai.Effective
		for _, am := range ai.Amendments {
			if d := amendmentDate(am); d > ex.date {
				ex.date = d
				ex.why = fmt.Sprintf("%s takes effect on %s", am.ID.Name, d)
			}
		}
	}
	// Members named by the picked clause's condition, for kind fields.
	mentioned := map[string]bool{}
	if pick != nil && pick.Where != nil {
		for _, w := range strings.FieldsFunc(lang.FormatExpr(pick.Where), func(r rune) bool {
			return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		}) {
			mentioned[w] = true
		}
	}
	instance := func(date string) string {
		var fields []string
		moneySeen, hasDate := false, false
		for _, f := range schema.Fields {
			name := identName(f.Name)
			val := "\"example\""
			tn := ""
			if f.Type != nil && f.Type.Name != nil {
				tn = f.Type.Name.Name
			}
			switch {
			case f.Type != nil && f.Type.Name == nil:
				val = "[]"
			case tn == "date":
				val = date
				if name == "date" {
					hasDate = true
				}
			case tn == "money":
				val = cur + " 1,000,000.00"
				if moneySeen {
					val = cur + " 0.00"
				}
				moneySeen = true
			case tn == "integer":
				val = "1"
			case tn == "decimal":
				val = "1.5"
			case tn == "percent":
				val = "10%"
			case tn == "duration":
				val = "30 days"
			case tn == "timestamp":
				val = date + "T12:00:00Z"
			case tn == "bool":
				val = "true"
			case ai.Kinds[tn] != nil:
				k := ai.Kinds[tn]
				if len(k.Members) > 0 {
					val = identName(k.Members[0])
				}
				for _, m := range k.Members {
					if mentioned[m.Name] {
						val = m.Name
						break
					}
				}
			}
			fields = append(fields, name+": "+val)
		}
		if !hasDate {
			fields = append(fields, "date: "+date)
		}
		return fmt.Sprintf("%s by %s { %s }", ex.action, ex.party, strings.Join(fields, ", "))
	}
	ex.instance = instance(ex.date)
	if d, err := types.ParseDate(ex.date); err == nil {
		if prev, err := d.AddDays(-1); err == nil {
			ex.before = prev.String()
		}
	}
	// A term of one instance of the action: the base of a share. The
	// share's own base when it is such a term; else the first whose value
	// is money (`12% of units(x)` of a term giving a count would read as
	// a royalty on it).
	var shareBase string
	if share != nil && len(share.Lines) > 0 {
		if id, ok := share.Lines[0].Base.(*lang.Ident); ok {
			shareBase = id.Name
		}
	}
	var exprTypes map[lang.Expr]lang.Type
	if s.prog != nil {
		exprTypes = s.prog.Info().Types
	}
	firstTerm := func(want func(t *lang.TermDecl) bool) string {
		for _, k := range sortedKeys(h) {
			if !strings.HasPrefix(k, "term ") {
				continue
			}
			t, ok := h[k][len(h[k])-1].item.(*lang.TermDecl)
			if ok && len(t.Params) == 1 && t.Params[0].Type != nil && t.Params[0].Type.Name != nil && t.Params[0].Type.Name.Name == ex.action && want(t) {
				return t.Name.Name
			}
		}
		return ""
	}
	ex.baseTerm = firstTerm(func(t *lang.TermDecl) bool { return t.Name.Name == shareBase })
	if ex.baseTerm == "" {
		ex.baseTerm = firstTerm(func(t *lang.TermDecl) bool { _, ok := exprTypes[t.Body].(*lang.Money); return ok })
	}
	ex.baseRated = ex.baseTerm != ""
	if ex.baseTerm == "" {
		ex.baseTerm = firstTerm(func(*lang.TermDecl) bool { return true })
	}
	if share != nil && len(share.Lines) > 0 {
		ex.shareNum = shareClause.Num.Num
		old := 25
		if fr, ok := share.Lines[0].Rate.(*lang.FlatRate); ok {
			// Only a written rate is shown as `RATE of TERM(x)`: a rate
			// that is a term may need arguments, and the example must
			// work as copied.
			if p, ok := fr.Value.(*lang.PercentLit); ok {
				ex.rate = lang.FormatExpr(fr.Value)
				fmt.Sscanf(p.Text, "%d", &old)
			}
		}
		ex.newRate = fmt.Sprintf("%d%%", old+5)
		cp := *share
		cp.Inline = true
		cp.Lines = []*lang.ShareLine{{
			Rate: &lang.FlatRate{Value: &lang.PercentLit{Text: strings.TrimSuffix(ex.newRate, "%")}},
			Base: share.Lines[0].Base,
		}}
		cl := *shareClause
		cl.Replace, cl.Prose, cl.Body = false, nil, &cp
		text := oneLine(lang.FormatItem(&cl))
		if in, errs := lang.ParseInput("<help>", []byte(text)); len(errs) == 0 && len(in.Items) == 1 {
			ex.redefine = text
		}
	}
	return ex
}

func (s *Session) helpMain() {
	ex := s.example()
	head := "Pacta REPL"
	if s.base != nil {
		head += " on " + ex.agreement
		if len(ex.amendments) > 0 {
			head += ", as amended by " + strings.Join(ex.amendments, ", ")
		}
	} else {
		head += " with no agreement loaded (:load FILE loads one; meanwhile declarations go into a blank session agreement)"
	}
	s.println(head + ".")
	s.println("Type a question, a declaration, or a command starting with \":\". The examples below can be copied exactly as they are, in order.")
	if ex.instance != "" {
		s.println()
		s.printf("1. May %s %s on a given date? Write the %s with its fields, name it with given, then type the name:\n", ex.party, ex.action, ex.action)
		s.printf("     given %s = %s\n", ex.given, ex.instance)
		s.printf("     %s\n", ex.given)
		s.printf("   The answer says permitted or prohibited, by which clause, and what the other clauses that applied say. :why explains it in full: every clause that applied, why it won or lost, the date and the version. To ask about another date, repeat the given line with another date")
		if ex.why != "" && ex.before != "" {
			s.printf(" (%s; try %s)", ex.why, ex.before)
		}
		s.printf(", then type %s again.\n", ex.given)
		s.printf("   :asof DATE asks as the agreement stood on DATE, before later amendments; :asof none undoes it.\n")
		s.println()
		s.printf("2. What is owed on it? The same answer lists what each money clause makes of it: who pays whom, how much, under which clause, with the rate and the base. Change the amounts in the %s to try others. Work out any amount yourself with an expression:\n", ex.action)
		if ex.baseTerm != "" {
			s.printf("     %s(%s)\n", ex.baseTerm, ex.given)
			if ex.rate != "" && ex.baseRated {
				s.printf("     %s of %s(%s)\n", ex.rate, ex.baseTerm, ex.given)
			}
		}
		s.printf("     20%% of %s\n", ex.money)
		s.println("   :settle PERIOD (such as :settle " + periodOf(ex.date) + ") gives the statement for a period, from the instances you named with given, or from a ledger file named with :ledger FILE.")
		s.println()
		if ex.redefine != "" {
			s.printf("3. What if the rate were %s? Type the clause again with the new rate. It replaces clause %s at every date, as if the files said so, for this session only; then ask again:\n", ex.newRate, ex.shareNum)
			s.printf("     %s\n", ex.redefine)
			s.printf("     %s\n", ex.given)
			s.printf("   :show %s prints the clause as loaded, :clauses lists them all, and :reset puts everything back.\n", ex.shareNum)
		} else {
			s.println("3. What if a term changed? Define it again and ask again; :reset puts everything back:")
			s.println("     term rate = 15%")
			s.printf("     rate of %s\n", ex.money)
		}
	} else {
		s.println()
		s.println("Load an agreement with :load FILE (or start with pacta repl FILE...); :help then shows examples made from it. Meanwhile, try an amount, a term, and a small agreement of your own:")
		s.printf("     20%% of %s\n", ex.money)
		s.println("     term rate = 15%")
		s.printf("     rate of %s\n", ex.money)
		s.println("     party seller \"Seller Inc\"")
		s.println("     action sell { gross money }")
		s.println("     clause 1.1 \"Small sales\" seller may sell where gross < USD 1,000,000.00")
		s.println("     sell by seller { gross: USD 500.00, date: 2026-01-15 }")
		s.println("     :why")
	}
	s.println()
	s.println("What-ifs: after changing a clause, :diff shows every answer before → after, :undo takes the change back, :status lists the changes and :save FILE writes them as an amendment. Explanations: :why after any answer, :trace N after :settle.")
	s.println("More: :help commands, :help decide, :help money, :help shares, :help dates, :help define, :help amendments, :help syntax, :help builtins, and :help NAME for a builtin (such as :help max).")
}

// periodOf returns the quarter of a date: 2026-Q4.
func periodOf(date string) string {
	d, err := types.ParseDate(date)
	if err != nil {
		return "2027-Q1"
	}
	return fmt.Sprintf("%04d-Q%d", d.Year(), (d.Month()-1)/3+1)
}

func (s *Session) helpDecide() {
	ex := s.example()
	s.println("Deciding whether an action may be taken")
	s.println()
	if ex.instance == "" {
		s.println("The session's agreement declares no action; declare one first (:help define).")
		return
	}
	s.println("Type an instance of an action: its name, by whom, and its fields in braces. The answer is the decision:")
	s.printf("     %s\n", ex.instance)
	s.println("Every field of the action must be given (:show " + ex.action + " lists them). The clauses in force on the action's date decide, with these rules:")
	s.println("  - a clause applies when its party, action, condition (where ...) and dates match;")
	s.println("  - \"notwithstanding N\" lets a clause override clause N, \"subject to N\" lets N override it;")
	s.println("  - two clauses that disagree with nothing ordering them are a conflict, named as such;")
	s.println("  - when no clause applies, the agreement's default (permitted unless it says default prohibited).")
	s.println("The first line is the verdict and the deciding clause; the lines under it are the other clauses that applied and why they lost, then what the money clauses make of the action. :why gives all of it in full.")
	s.println()
	s.println("As of a date: by default each action is judged by the versions in force on its own date, knowing every loaded amendment. :asof DATE leaves out amendments that take effect after DATE (the agreement as it was known then); :asof none restores the default.")
	if ex.before != "" {
		s.println()
		s.printf("Try the day before (%s):\n", orElse(ex.why, "another date"))
		s.printf("     %s\n", strings.Replace(ex.instance, ex.date, ex.before, -1))
	}
}

func (s *Session) helpMoney() {
	ex := s.example()
	s.println("Amounts, shares and statements")
	s.println()
	s.println("Money is exact: amounts are written with their currency, percentages with %:")
	s.printf("     20%% of %s\n", ex.money)
	s.printf("     %s + %s\n", ex.money, ex.money)
	s.printf("     min(%s, 2 * %s)\n", ex.money, ex.money)
	if ex.instance != "" {
		s.println()
		s.printf("What a money clause makes of one %s: type the %s (an instance, as in :help decide); after the decision the answer lists each amount that arises from it, with its clause, period, rate and base:\n", ex.action, ex.action)
		s.printf("     %s\n", ex.instance)
		if ex.baseTerm != "" {
			s.printf("Terms compute parts of it, such as %s(%s by %s { ... }), or with a name from given, %s(%s).\n", ex.baseTerm, ex.action, ex.party, ex.baseTerm, ex.given)
		}
	}
	s.println()
	s.println("A statement for a period: :settle 2027-Q1 (a quarter), :settle 2027-03 (a month) or :settle 2027 (a year) settles every payment, installment and share of the period. The events come from the ledger named with :ledger FILE (CSV or JSON Lines), or, with no ledger, from the instances you named with given.")
}

func (s *Session) helpDefine() {
	ex := s.example()
	s.println("Declaring and redefining")
	s.println()
	s.println("Declarations typed here join the session's agreement and are checked like a file:")
	s.println("     term rate = 15%")
	s.printf("     rate of %s\n", ex.money)
	s.println("     term fee(amount money) = 2% of amount \"The Fee is two percent of the amount.\"")
	s.println("Clauses, parties, kinds, actions, events and tests may be declared the same way (see SPEC.md for the forms, or :show CLAUSE for one of the loaded clauses as an example). A declaration may span several lines: the REPL waits (\"...\") while the entry is incomplete.")
	s.println()
	s.println("Typing a clause or term that already exists replaces it for this session, at every date, exactly as if the files had been edited so: your text stands where the files first made it, and the versions later amendments make of it with replace are left out, so it is one rule throughout (one cap, floor or tier ladder per period). Typing it again replaces your version. So to ask \"what if the rate were different?\", type the clause with the new rate and ask the same question again.")
	if ex.redefine != "" {
		s.printf("     %s\n", ex.redefine)
	}
	s.println("\"delete clause N\" removes a clause for this session, at every date. A test of the files that a change breaks (one naming a deleted clause, say) is left out while the change stands, and said so.")
	s.helpDeclarations()
	s.println()
	s.println("given NAME = EXPR names a value (an amount, a date, an action instance) for later questions:")
	if ex.instance != "" {
		s.printf("     given %s = %s\n", ex.given, ex.instance)
	} else {
		s.printf("     given amount = %s\n", ex.money)
	}
	s.println()
	s.println("A declaration with an error changes nothing: the error is shown with a caret under what you typed, and everything defined before stays. :reset drops every declaration and given of the session.")
}

func (s *Session) helpSyntax() {
	s.println("Syntax in brief (SPEC.md has all of it)")
	s.println()
	rows := [][]string{
		{"money", "USD 1,250,000.00", "currency code, then the amount; commas allowed"},
		{"percent", "20%  12.5%", "20% of X takes a share of X"},
		{"date", "2026-11-01", ""},
		{"timestamp", "2027-03-04T17:45:00+01:00", "an instant with its offset; date_of(t) is its day (time zone NAME)"},
		{"duration", "30 days  3 months  1 year", "date + duration is a date"},
		{"period", "2027-Q1  2027-03", "a quarter, a month"},
		{"text", "\"ChatGPT\"", ""},
		{"list", "[Azure, Direct]", "x in [..], x not in [..]"},
		{"arithmetic", "+ - * /  of", "exact decimals, never rounded unless asked"},
		{"comparison", "== != < <= > >=", "and, or, not"},
		{"choice", "if X then A else B", ""},
		{"instance", "ACTION by PARTY { field: value, ... }", "an event: EVENT { field: value, ... }"},
		{"field", "x.gross", "a field of an instance"},
		{"call", "max(a, b)  net_revenue(s)", "builtins (:help builtins) and terms with parameters"},
		{"term", "term NAME = EXPR \"prose\"", "term NAME(p TYPE) = EXPR"},
		{"clause", "clause N \"Title\" PARTY may ACTION where COND", "also: must not, must; PARTY pays ..."},
		{"given", "given NAME = EXPR", "names a value for this session"},
		{"comment", "// to the end of the line", ""},
	}
	s.table(rows, "  ", false)
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
