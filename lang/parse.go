package lang

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// Parse parses one source file. It returns the tree (partial if there are
// errors: the declarations and items before the first syntax error) and
// every problem found, sorted. File.Comments holds every `//` comment.
func Parse(filename string, src []byte) (f *File, errs ErrorList) {
	defer func() {
		if r := recover(); r != nil {
			if f == nil {
				f = &File{Name: filename}
			}
			errs = append(errs, parserPanicError(filename, r))
		}
	}()
	return parseFile(filename, src)
}

// ParseExpr parses a single expression.
func ParseExpr(filename string, src []byte) (x Expr, errs ErrorList) {
	defer func() {
		if r := recover(); r != nil {
			x = nil
			errs = append(errs, parserPanicError(filename, r))
		}
	}()
	return parseExprSrc(filename, src)
}

// Input is one REPL entry: either items (Items set) or one expression (Expr
// set), plus its comments.
type Input struct {
	Items    []Item
	Expr     Expr
	Comments []Comment
}

// ParseInput parses one REPL entry: either one or more items (term, clause,
// party, kind, action or event schema, test, replace, delete, ...) or a
// single expression. An entry whose first word starts an item is parsed as
// items; anything else as an expression.
func ParseInput(filename string, src []byte) (in *Input, errs ErrorList) {
	defer func() {
		if r := recover(); r != nil {
			if in == nil {
				in = &Input{}
			}
			errs = append(errs, parserPanicError(filename, r))
		}
	}()
	return parseInput(filename, src)
}

// IsIncomplete reports whether errs mean that src ended too early: an open
// block, bracket or text, or an operator with nothing after it. It looks
// for an error positioned at the end of src, so more input could fix it.
func IsIncomplete(errs ErrorList, src []byte) bool {
	for _, e := range errs {
		if e != nil && e.Pos.IsValid() && e.Pos.Offset == len(src) {
			return true
		}
	}
	return false
}

// parserPanicError is the error for a panic while parsing. The panic's
// text names the parser's internals, so it is not shown.
func parserPanicError(filename string, r any) *Error {
	_ = r
	return &Error{
		Pos: Pos{File: filename, Line: 1, Col: 1},
		Msg: "internal error in the parser (please report it, with the file)",
	}
}

// parseFile is Parse without the last line of defence (the fuzz tests call
// it so that a panic surfaces).
func parseFile(filename string, src []byte) (*File, ErrorList) {
	var errs ErrorList
	sc := lexSource(filename, src, &errs)
	f := &File{Name: filename, Comments: sc.comments}
	if tooBig(filename, sc, 1, &errs) {
		return f, errs
	}
	ps := getParsers()
	conv := &treeBuilder{errs: &errs}
	limit := math.MaxInt // byte offset of the syntax error
	// The peeking lexer holds its own copy of the tokens: use it for the
	// error messages too, so that only one copy stays in memory, and
	// rewind it for the partial parse after an error.
	lex := peeking(sc.tokens)
	sc.tokens = lex.Range(0, lexer.RawCursor(len(sc.tokens)))
	start := lex.MakeCheckpoint()
	if !sc.fatal {
		g, err := ps.file.ParseFromLexer(lex)
		if err == nil {
			for _, d := range g.Decls {
				if x := conv.decl(d); x != nil {
					f.Decls = append(f.Decls, x)
				}
			}
			errs.Sort()
			return f, errs
		}
		e := ps.toError(err, filename, sc.tokens, rootFile)
		errs = append(errs, e)
		limit = e.Pos.Offset
	}
	lex.LoadCheckpoint(start)
	f.Decls = ps.partialDecls(lex, conv, limit)
	errs.Sort()
	return f, errs
}

func parseInput(filename string, src []byte) (*Input, ErrorList) {
	var errs ErrorList
	sc := lexSource(filename, src, &errs)
	in := &Input{Comments: sc.comments}
	if tooBig(filename, sc, 0, &errs) {
		return in, errs
	}
	first := &sc.tokens[0]
	if first.EOF() {
		return in, errs
	}
	if !startsItem(first) && !startsWordItem(sc.tokens) {
		if !sc.fatal {
			in.Expr = parseExprTokens(sc.tokens, &errs)
		}
		errs.Sort()
		return in, errs
	}
	ps := getParsers()
	conv := &treeBuilder{errs: &errs}
	limit := math.MaxInt
	if !sc.fatal {
		g, err := ps.input.ParseFromLexer(peeking(sc.tokens))
		if err == nil {
			in.Items = conv.items(g.Items)
			errs.Sort()
			return in, errs
		}
		e := ps.toError(err, filename, sc.tokens, rootInput)
		errs = append(errs, e)
		limit = e.Pos.Offset
	}
	in.Items = ps.partialItems(peeking(sc.tokens), conv, limit)
	errs.Sort()
	return in, errs
}

func parseExprSrc(filename string, src []byte) (Expr, ErrorList) {
	var errs ErrorList
	sc := lexSource(filename, src, &errs)
	if sc.fatal {
		errs.Sort()
		return nil, errs
	}
	x := parseExprTokens(sc.tokens, &errs)
	errs.Sort()
	return x, errs
}

// parseExprTokens parses tokens as one expression running to the end.
func parseExprTokens(tokens []lexer.Token, errs *ErrorList) Expr {
	lex := peeking(tokens)
	if t := lex.Peek(); !canStartExpr(t) {
		*errs = append(*errs, syntaxErrorOf(unexpectedTok(t, "an expression")))
		return nil
	}
	p := exprParser{lex: lex}
	x, _, err := p.binary(1)
	if err != nil {
		*errs = append(*errs, syntaxErrorOf(err))
		return nil
	}
	if t := lex.Peek(); !t.EOF() {
		*errs = append(*errs, syntaxErrorOf(unexpectedTok(t, "an operator or the end of the expression")))
	}
	return x
}

// tooBig reports whether the tokens pass a limit of SPEC 13 (the error,
// if it is not the lexer's, is added to errs). Nothing of such a file is
// parsed, so that it is refused at once.
func tooBig(filename string, sc *scanned, itemDepth int, errs *ErrorList) bool {
	if sc.limited {
		errs.Sort()
		return true
	}
	if e := countLimits(sc.tokens, itemDepth); e != nil {
		e.Pos.File = filename
		*errs = append(*errs, e)
		errs.Sort()
		return true
	}
	return false
}

// startsItem reports whether t is the first word of an item.
func startsItem(t *lexer.Token) bool {
	if t.Type != tokKeyword {
		return false
	}
	switch t.Value {
	case "effective", "ends", "currency", "rounding", "default", "fiscal", "party",
		"kind", "action", "event", "term", "clause", "replace", "delete", "test",
		"exception":
		return true
	}
	return false
}

// startsWordItem reports whether tokens begin one of the items whose
// first words have a fixed spelling but are not reserved (2.7): `time
// zone`, `contract year`, `calendar NAME {` or `calendar NAME from`. Two
// names in a row never begin an expression, so the REPL can take these
// items typed at the prompt.
func startsWordItem(tokens []lexer.Token) bool {
	word := func(i int, v string) bool {
		return i < len(tokens) && tokens[i].Type == tokIdent && tokens[i].Value == v
	}
	switch {
	case word(0, "time"):
		return word(1, "zone")
	case word(0, "contract"):
		return word(1, "year")
	case word(0, "calendar"):
		return len(tokens) > 2 && tokens[1].Type == tokIdent &&
			(tokens[2].Value == "{" || tokens[2].Value == "from")
	}
	return false
}

// tokenList feeds already-lexed tokens to participle.
type tokenList struct {
	tokens []lexer.Token
	i      int
}

func (l *tokenList) Next() (lexer.Token, error) {
	t := l.tokens[l.i]
	if l.i < len(l.tokens)-1 {
		l.i++
	}
	return t, nil
}

func peeking(tokens []lexer.Token) *lexer.PeekingLexer {
	lex, _ := lexer.Upgrade(&tokenList{tokens: tokens}) // tokenList never fails
	return lex
}

// partialDecls rebuilds as much of the tree as parses: each declaration's
// head, then its items one at a time until one fails.
func (ps *parserSet) partialDecls(lex *lexer.PeekingLexer, conv *treeBuilder, limit int) []Decl {
	var decls []Decl
	for !lex.Peek().EOF() {
		h, err := ps.head.ParseFromLexer(lex, participle.AllowTrailing(true))
		if err != nil || h == nil {
			return decls
		}
		var items *[]Item
		var end *Pos
		switch {
		case h.Agreement != nil:
			a := conv.agreementHead(h.Pos, h.Agreement)
			decls, items, end = append(decls, a), &a.Items, &a.End
		case h.Amendment != nil:
			a := conv.amendmentHead(h.Pos, h.Amendment)
			decls, items, end = append(decls, a), &a.Items, &a.End
		default:
			return decls
		}
		*items = append(*items, ps.partialItems(lex, conv, limit)...)
		t := lex.Peek()
		if !tokIsPunct(t, "}") {
			return decls
		}
		*end = tokPos(t.Pos)
		lex.Next()
	}
	return decls
}

// partialItems parses items until one fails, a "}" or the end. Items that
// reach past byte offset limit (the syntax error) are left out.
func (ps *parserSet) partialItems(lex *lexer.PeekingLexer, conv *treeBuilder, limit int) []Item {
	var items []Item
	for {
		t := lex.Peek()
		if t.EOF() || tokIsPunct(t, "}") {
			return items
		}
		g, err := ps.item.ParseFromLexer(lex, participle.AllowTrailing(true))
		if err != nil || g == nil {
			return items
		}
		// participle drops an optional part that fails (`where x <`) and
		// ends the item before it. Keep an item only if what follows it
		// can follow an item, and it ends before the syntax error.
		next := lex.Peek()
		follows := next.EOF() || tokIsPunct(next, "}") || startsItem(next)
		if next == t || next.Pos.Offset > limit || next.Pos.Offset < limit && !follows {
			return items
		}
		if it := conv.item(g); it != nil {
			items = append(items, it)
		}
	}
}

// What a parse was reading when participle reports a bare "unexpected".
const (
	rootFile  = "file"
	rootInput = "input"
)

// syntaxErrorOf converts an error from the hand-written parser.
func syntaxErrorOf(err error) *Error {
	var se *syntaxError
	if errors.As(err, &se) {
		return &Error{Pos: tokPos(se.pos), Msg: se.msg, Hint: se.hint}
	}
	return &Error{Msg: err.Error()}
}

// toError turns a participle error into a positioned error in plain words.
func (ps *parserSet) toError(err error, filename string, tokens []lexer.Token, root string) *Error {
	var out *Error
	var se *syntaxError
	var ute *participle.UnexpectedTokenError
	var pe participle.Error
	switch {
	case errors.As(err, &se):
		out = &Error{Pos: tokPos(se.pos), Msg: se.msg, Hint: se.hint}
	case errors.As(err, &ute):
		tok := ute.Unexpected
		var names []string
		if exp := participleExpected(ute); exp != "" {
			names = ps.first.of(exp)
			if len(names) == 1 && names[0] == `"}"` {
				names = closingContext(tokens, tok.Pos.Offset)
			}
		} else if root == rootFile {
			names = []string{`"agreement"`, `"amendment"`}
		} else {
			names = []string{expectProdNames["GItem"]}
		}
		out = &Error{Pos: tokPos(tok.Pos), Msg: "unexpected " + describeToken(&tok)}
		if prev := tokenBefore(tokens, tok.Pos.Offset); len(names) == 1 && names[0] == `"business"` && prev != nil && prev.Type == tokInt {
			// `due within 30 dayz`: the number began a duration or a
			// count of business days (SPEC 11.6), and the unit is wrong.
			out.Pos = tokPos(prev.Pos)
			out.Msg = "unexpected " + describeToken(prev)
			names = []string{expectTokenNames["duration"], "business days like 10 business days"}
		}
		if len(names) > 0 {
			out.Msg += "; expected " + orList(names)
		}
		if tok.Type == tokKeyword {
			for _, n := range names {
				if n == expectTokenNames["ident"] || strings.HasPrefix(n, "a name") || n == expectProdNames["Expr"] {
					out.Hint = reservedHint(tok.Value)
					break
				}
			}
		}
	case errors.As(err, &pe):
		// Only the parser library's own messages get here ("too many
		// iterations of ...", "sub-expression ... must match"): they name
		// its internals, so say in Pacta's words what stands there.
		at := pe.Position()
		out = &Error{Pos: tokPos(at), Msg: "unexpected " + describeToken(tokenAt(tokens, at.Offset))}
	default:
		out = &Error{Msg: "unexpected " + describeToken(&tokens[0])}
	}
	if !out.Pos.IsValid() {
		out.Pos = tokPos(tokens[0].Pos)
		if !out.Pos.IsValid() {
			out.Pos = Pos{Line: 1, Col: 1}
		}
	}
	out.Pos.File = filename
	return out
}

// tokenBefore returns the token just before byte offset, or nil.
func tokenBefore(tokens []lexer.Token, offset int) *lexer.Token {
	i := sort.Search(len(tokens), func(i int) bool { return tokens[i].Pos.Offset >= offset })
	if i == 0 {
		return nil
	}
	return &tokens[i-1]
}

// tokenAt returns the token at byte offset, or the first after it (EOF at
// the end).
func tokenAt(tokens []lexer.Token, offset int) *lexer.Token {
	i := sort.Search(len(tokens)-1, func(i int) bool { return tokens[i].Pos.Offset >= offset })
	return &tokens[i]
}

// participleExpected returns the grammar participle expected, in its EBNF.
func participleExpected(e *participle.UnexpectedTokenError) string {
	rest := strings.TrimPrefix(e.Message(), fmt.Sprintf("unexpected token %q", e.Unexpected))
	if strings.HasPrefix(rest, " (expected ") && strings.HasSuffix(rest, ")") {
		return rest[len(" (expected ") : len(rest)-1]
	}
	return ""
}

// closingContext says what may come instead of the "}" participle expected
// at offset: it finds the "{" left open there and names what its block
// holds.
func closingContext(tokens []lexer.Token, offset int) []string {
	depth := 0
	for i := len(tokens) - 1; i >= 0; i-- {
		t := &tokens[i]
		if t.Pos.Offset >= offset || t.Type != tokPunct {
			continue
		}
		switch t.Value {
		case "}":
			depth++
		case "{":
			if depth > 0 {
				depth--
				continue
			}
			return blockContents(tokens[:i])
		}
	}
	return []string{`"}"`}
}

// blockContents names what goes in a block, from the tokens before its "{".
func blockContents(before []lexer.Token) []string {
	closing := `"}"`
	for j := len(before) - 1; j >= 0 && j >= len(before)-6; j-- {
		t := &before[j]
		if t.Type != tokKeyword {
			continue
		}
		switch t.Value {
		case "agreement", "amendment", "amends":
			return []string{expectProdNames["GItem"], closing}
		case "test":
			return []string{`"as of", "given", "expect"`, closing}
		case "tiers", "reset", "cumulative":
			return []string{"another tier", closing}
		case "action", "event":
			return []string{"a field name", closing}
		case "waterfall":
			return []string{"another step", closing}
		case "split":
			return []string{"another share", `"remainder"`, closing}
		}
	}
	return []string{closing}
}

// orList lists alternatives in words: a, b or c.
func orList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// Readable names for lexer tokens and for productions in "expected" lists.
var expectTokenNames = map[string]string{
	"ident":     "a name",
	"string":    "text in double quotes",
	"date":      "a date like 2026-11-01",
	"timestamp": "a timestamp like 2027-03-04T17:45:00+01:00",
	"int":       "a whole number",
	"decimal":   "a decimal number like 0.01",
	"clausenum": "a clause number",
	"duration":  "a duration like 30 days",
	"money":     "an amount like USD 1,000.00",
	"percent":   "a percentage like 20%",
	"quarter":   "a quarter like 2027-Q1",
	"month":     "a month like 2027-03",
	"keyword":   "a keyword",
	"punct":     "punctuation",
	"eof":       "end of file",
}

var expectProdNames = map[string]string{
	"Expr":         "an expression",
	"RateExpr":     "a rate such as 20%",
	"LineExpr":     "an expression",
	"AmountSyntax": "an amount",
	"TypeSyntax":   "a type",
	"GClauseNo":    "a clause number like 3.1",
	"GItem":        "a declaration (clause, term, party, ...)",
}

// firstSets answers "which tokens can begin this part of the grammar?" from
// participle's own EBNF of the grammar, so that an error can list what was
// expected in words.
type firstSets struct {
	prods map[string]*ebnfNode
	memo  map[string]firstResult
}

type firstResult struct {
	names    []string
	nullable bool
}

type ebnfNode struct {
	kind byte // '|' alternatives, ' ' sequence, '"' literal, '<' token, 'N' production, '~' ignored
	text string
	kids []*ebnfNode
	rep  byte // 0, '?', '*', '+', '!'
}

func newFirstSets(grammar string) *firstSets {
	fs := &firstSets{prods: map[string]*ebnfNode{}, memo: map[string]firstResult{}}
	for _, line := range strings.Split(grammar, "\n") {
		name, body, ok := strings.Cut(line, " = ")
		if !ok {
			continue
		}
		body = strings.TrimSuffix(strings.TrimSpace(body), " .")
		if _, dup := fs.prods[name]; dup {
			continue
		}
		if n := parseEBNF(body); n != nil {
			fs.prods[name] = n
		}
	}
	// Resolve every production now: after this the sets are read-only and
	// safe to share between goroutines.
	for name := range fs.prods {
		fs.prod(name, map[string]bool{})
	}
	return fs
}

// of lists, in words, the tokens that can begin the EBNF text e.
func (fs *firstSets) of(e string) []string {
	n := parseEBNF(e)
	if n == nil {
		return nil
	}
	r := fs.first(n, nil)
	return r.names
}

func (fs *firstSets) prod(name string, busy map[string]bool) firstResult {
	if r, ok := fs.memo[name]; ok {
		return r
	}
	n, ok := fs.prods[name]
	if !ok || busy[name] {
		return firstResult{}
	}
	busy[name] = true
	r := fs.first(n, busy)
	delete(busy, name)
	fs.memo[name] = r
	return r
}

func (fs *firstSets) first(n *ebnfNode, busy map[string]bool) firstResult {
	var r firstResult
	switch n.kind {
	case '"':
		r.names = []string{n.text}
	case '<':
		if s, ok := expectTokenNames[n.text]; ok {
			r.names = []string{s}
		} else {
			r.names = []string{n.text}
		}
	case 'N':
		if s, ok := expectProdNames[n.text]; ok {
			r.names = []string{s}
		} else if _, ok := fs.prods[n.text]; ok {
			if busy == nil {
				r = fs.memo[n.text]
			} else {
				r = fs.prod(n.text, busy)
			}
		} else {
			r.names = []string{n.text}
		}
	case ' ':
		r.nullable = true
		for _, k := range n.kids {
			kr := fs.first(k, busy)
			r.names = appendNewNames(r.names, kr.names...)
			if !kr.nullable {
				r.nullable = false
				break
			}
		}
	case '|':
		for _, k := range n.kids {
			kr := fs.first(k, busy)
			r.names = appendNewNames(r.names, kr.names...)
			r.nullable = r.nullable || kr.nullable
		}
	default:
		r.nullable = true
	}
	if n.rep == '?' || n.rep == '*' {
		r.nullable = true
	}
	return r
}

func appendNewNames(xs []string, ys ...string) []string {
	for _, y := range ys {
		found := false
		for _, x := range xs {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			xs = append(xs, y)
		}
	}
	return xs
}

// parseEBNF reads participle's EBNF notation.
func parseEBNF(s string) *ebnfNode {
	p := &ebnfReader{s: s}
	n := p.alt()
	if n == nil || p.failed {
		return nil
	}
	return n
}

type ebnfReader struct {
	s      string
	i      int
	failed bool
}

func (p *ebnfReader) skip() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *ebnfReader) alt() *ebnfNode {
	var kids []*ebnfNode
	for {
		kids = append(kids, p.seq())
		p.skip()
		if p.i < len(p.s) && p.s[p.i] == '|' {
			p.i++
			continue
		}
		break
	}
	if len(kids) == 1 {
		return kids[0]
	}
	return &ebnfNode{kind: '|', kids: kids}
}

func (p *ebnfReader) seq() *ebnfNode {
	var kids []*ebnfNode
	for {
		p.skip()
		if p.i >= len(p.s) || p.s[p.i] == '|' || p.s[p.i] == ')' {
			break
		}
		n := p.term()
		if n == nil {
			p.failed = true
			break
		}
		kids = append(kids, n)
	}
	if len(kids) == 1 {
		return kids[0]
	}
	return &ebnfNode{kind: ' ', kids: kids}
}

func (p *ebnfReader) term() *ebnfNode {
	var n *ebnfNode
	c := p.s[p.i]
	switch {
	case c == '(':
		p.i++
		ignored := false
		if strings.HasPrefix(p.s[p.i:], "?=") || strings.HasPrefix(p.s[p.i:], "?!") {
			p.i += 2
			ignored = true
		}
		inner := p.alt()
		p.skip()
		if p.i >= len(p.s) || p.s[p.i] != ')' {
			return nil
		}
		p.i++
		n = inner
		if ignored {
			n = &ebnfNode{kind: '~'}
		} else if n.rep != 0 {
			n = &ebnfNode{kind: ' ', kids: []*ebnfNode{n}}
		}
	case c == '"':
		j := p.i + 1
		for j < len(p.s) && p.s[j] != '"' {
			if p.s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(p.s) {
			return nil
		}
		n = &ebnfNode{kind: '"', text: p.s[p.i : j+1]}
		p.i = j + 1
	case c == '<':
		j := strings.IndexByte(p.s[p.i:], '>')
		if j < 0 {
			return nil
		}
		n = &ebnfNode{kind: '<', text: p.s[p.i+1 : p.i+j]}
		p.i += j + 1
	case c == '~':
		p.i++
		if p.term() == nil {
			return nil
		}
		n = &ebnfNode{kind: '~'}
	case isEBNFNameByte(c):
		j := p.i
		for j < len(p.s) && isEBNFNameByte(p.s[j]) {
			j++
		}
		n = &ebnfNode{kind: 'N', text: p.s[p.i:j]}
		p.i = j
	default:
		return nil
	}
	if p.i < len(p.s) {
		switch p.s[p.i] {
		case '?', '*', '+', '!':
			n.rep = p.s[p.i]
			p.i++
		}
	}
	return n
}

func isEBNFNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
