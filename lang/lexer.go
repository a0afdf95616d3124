package lang

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// keywordList are Pacta's reserved words, in the order GRAMMAR.draft.md lists
// them. They lex as Keyword tokens and can never be names.
var keywordList = []string{
	"agreement", "amendment", "amends", "effective", "ends", "currency",
	"rounding", "to", "default", "permitted", "prohibited", "fiscal", "starts",
	"party", "kind", "action", "event", "term", "clause", "replace", "delete",
	"notwithstanding", "subject", "may", "must", "not", "pays", "of", "each",
	"first", "by", "where", "otherwise", "from", "until", "on", "in", "equal",
	"installments", "due", "within", "after", "period", "end", "late",
	"interest", "penalty", "per", "capped", "at", "most", "least", "over", "the",
	"minimum", "guarantee", "recouping", "split", "remainder", "waterfall", "up", "above",
	"rest", "marginal", "whole", "tiers", "reset", "cumulative", "settled",
	"test", "given", "expect", "is", "covered", "for", "under", "as", "if",
	"then", "else", "and", "or", "true", "false", "list", "monthly",
	"quarterly", "yearly", "annually", "owed",
	"equally", "among", "pro", "rata", "rounded", "requires", "exception",
}

// pactaLexer splits source text into tokens. The rules are those of
// GRAMMAR.draft.md ("Lexical"), with two changes that keep its meaning but
// make lexing several times faster (participle tries the rules one by one
// at every token, and the first match wins):
//
//   - Rules that can never match the same text are reordered so that the
//     commonest tokens (whitespace, words) are tried first. The order among
//     overlapping rules is the draft's: Money before Ident, Comment before
//     Punct, String before BadString, and Date, Quarter, Month, Percent,
//     Duration, ClauseNum, Decimal, Int in that order.
//   - A keyword lexes as an Ident and lexSource gives it type Keyword, which
//     is what a Keyword rule before Ident would do.
//
// Whitespace is dropped; comments are kept as tokens so Parse can collect
// them. Invalid matches any other character so that lexing never fails.
var pactaLexer = lexer.MustSimple([]lexer.SimpleRule{
	{Name: "whitespace", Pattern: `[ \t\r\n]+`},
	{Name: "Money", Pattern: `[A-Z]{3}[ \t]+\d+(?:,\d{3})*(?:\.\d+)?`},
	{Name: "Ident", Pattern: `[A-Za-z_][A-Za-z0-9_]*`},
	{Name: "Comment", Pattern: `//[^\n]*`},
	{Name: "Punct", Pattern: `!=|==?|<=?|>=?|[+\-*/()\[\]{},:.|]`},
	{Name: "String", Pattern: `"(?s:\\.|[^"\\])*"`},
	{Name: "Date", Pattern: `\d{4}-\d{2}-\d{2}`},
	{Name: "Quarter", Pattern: `\d{4}-Q[1-4]`},
	{Name: "Month", Pattern: `\d{4}-\d{2}`},
	{Name: "Percent", Pattern: `\d+(?:\.\d+)?%`},
	{Name: "Duration", Pattern: `\d+[ \t]+(?:days?|weeks?|months?|years?)\b`},
	{Name: "ClauseNum", Pattern: `\d+(?:\.\d+){2,}`},
	{Name: "Decimal", Pattern: `\d+\.\d+`},
	{Name: "Int", Pattern: `\d+`},
	{Name: "BadString", Pattern: `"(?s:\\.|[^"\\])*\\?`},
	{Name: "Invalid", Pattern: `(?s:.)`},
})

// Token types of pactaLexer.
var (
	tokEOF       = lexer.EOF
	tokComment   = pactaLexer.Symbols()["Comment"]
	tokString    = pactaLexer.Symbols()["String"]
	tokBadString = pactaLexer.Symbols()["BadString"]
	tokMoney     = pactaLexer.Symbols()["Money"]
	tokDate      = pactaLexer.Symbols()["Date"]
	tokQuarter   = pactaLexer.Symbols()["Quarter"]
	tokMonth     = pactaLexer.Symbols()["Month"]
	tokPercent   = pactaLexer.Symbols()["Percent"]
	tokDuration  = pactaLexer.Symbols()["Duration"]
	tokClauseNum = pactaLexer.Symbols()["ClauseNum"]
	tokDecimal   = pactaLexer.Symbols()["Decimal"]
	tokInt       = pactaLexer.Symbols()["Int"]
	tokIdent     = pactaLexer.Symbols()["Ident"]
	tokPunct     = pactaLexer.Symbols()["Punct"]
	tokInvalid   = pactaLexer.Symbols()["Invalid"]
	// tokKeyword is given to Ident tokens that are reserved words. It is
	// below every type the lexer defines.
	tokKeyword = func() lexer.TokenType {
		low := lexer.EOF
		for _, t := range pactaLexer.Symbols() {
			low = min(low, t)
		}
		return low - 1
	}()
)

// keywordSet holds keywordList for lookups.
var keywordSet = func() map[string]bool {
	m := make(map[string]bool, len(keywordList))
	for _, k := range keywordList {
		m[k] = true
	}
	return m
}()

// scanned is the result of lexing one source text.
type scanned struct {
	tokens   []lexer.Token // without comments, ending in EOF
	comments []Comment
	fatal    bool // a lexical error cut the token stream short
	limited  bool // a limit of SPEC 13 was passed: do not parse at all
}

// maxLexErrors bounds the non-fatal lexical errors (unknown escapes,
// misplaced thousands separators) reported for one file.
const maxLexErrors = 10

// lexSource lexes src. Comments are collected separately, keywords get type
// Keyword and every string's escapes are checked. A character that starts
// no token, or a string without its closing quote, is a fatal error: the
// token stream ends there (with an EOF token at that position) so that the
// parser can still build the part of the tree before it.
func lexSource(filename string, src []byte, errs *ErrorList) *scanned {
	out := &scanned{}
	toks := scanTokens(filename, string(src), MaxTokens)
	out.tokens = toks[:0] // filtered in place: comments go to out.comments
	nLexErrs := 0
	for n, t := range toks {
		if n == MaxTokens && t.Type != tokEOF {
			*errs = append(*errs, tooManyTokens(&t))
			out.fatal, out.limited = true, true
			out.tokens = append(out.tokens, lexer.EOFToken(t.Pos))
			return out
		}
		switch t.Type {
		case tokEOF:
			out.tokens = append(out.tokens, t)
			return out
		case tokComment:
			if nLexErrs < maxLexErrors && badText(&t, "a comment", errs) {
				nLexErrs++
			}
			out.comments = append(out.comments, Comment{At: tokPos(t.Pos), Text: strings.TrimRight(t.Value, "\r")})
			continue
		case tokIdent:
			if keywordSet[t.Value] {
				t.Type = tokKeyword
			}
		case tokMoney:
			if bad := badThousands(t.Value); bad != "" && nLexErrs < maxLexErrors {
				nLexErrs++
				errs.Add(tokPos(t.Pos), "the amount %s has its thousands separators in the wrong places; write it like 1,250,000.00", bad)
			}
		case tokString:
			if nLexErrs < maxLexErrors && badText(&t, "text", errs) {
				nLexErrs++
			}
			if nLexErrs < maxLexErrors {
				if _, bad, ok := unquoteText(t.Value); !ok {
					nLexErrs++
					errs.Add(advancePos(t.Pos, t.Value[:bad]), "unknown escape %s in text; the escapes are \\\" \\\\ \\n and \\t", showEscape(escapeAt(t.Value, bad)))
				}
			}
		case tokBadString:
			end := t.Pos
			end.Advance(t.Value)
			errs.Add(tokPos(end), "text is never closed: the quote at %d:%d has no closing \"", t.Pos.Line, t.Pos.Column)
			out.fatal = true
			out.tokens = append(out.tokens, lexer.EOFToken(end))
			return out
		case tokInvalid:
			if t.Pos.Offset == 0 && t.Value == "\uFEFF" { // byte order mark
				continue
			}
			if !utf8.ValidString(t.Value) {
				errs.Add(tokPos(t.Pos), "invalid UTF-8 byte 0x%02x; the file must be UTF-8 text", t.Value[0])
			} else {
				errs.Add(tokPos(t.Pos), "unexpected character %q", t.Value)
			}
			out.fatal = true
			out.tokens = append(out.tokens, lexer.EOFToken(t.Pos))
			return out
		}
		out.tokens = append(out.tokens, t)
	}
	return out // not reached: scanTokens ends with EOF
}

// badText reports the first character of a string or comment token t
// that text may not hold (SPEC 1.1), and says whether there was one: a byte
// that is not UTF-8, a control character other than tab, line feed and
// carriage return (NUL among them), or a bidirectional control
// (U+202A-U+202E, U+2066-U+2069), which can make text display in an order
// other than the one it is read in. where names the token in the message.
func badText(t *lexer.Token, where string, errs *ErrorList) bool {
	v := t.Value
	for i := 0; i < len(v); {
		c := v[i]
		if c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(v[i:])
		var msg string
		switch {
		case r == utf8.RuneError && n == 1:
			msg = fmt.Sprintf("invalid UTF-8 byte 0x%02x in %s", c, where)
		case r == 0:
			msg = fmt.Sprintf("a NUL character (U+0000) is not allowed in %s", where)
		case r < 0x20 || 0x7f <= r && r < 0xa0:
			msg = fmt.Sprintf("control character U+%04X is not allowed in %s", r, where)
		case 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069:
			msg = fmt.Sprintf("bidirectional control character U+%04X is not allowed in %s (it can make the text display differently from what it says)", r, where)
		}
		if msg != "" {
			*errs = append(*errs, &Error{Pos: advancePos(t.Pos, v[:i]), Msg: msg})
			return true
		}
		i += n
	}
	return false
}

// badThousands returns the amount of a money token if its commas are not
// every three digits from the first (`1234,567`), else "".
func badThousands(money string) string {
	amt := strings.TrimLeft(money[3:], " \t")
	whole, _, _ := strings.Cut(amt, ".")
	first, _, found := strings.Cut(whole, ",")
	if found && len(first) > 3 {
		return amt
	}
	return ""
}

func tokPos(p lexer.Position) Pos {
	return Pos{File: p.Filename, Offset: p.Offset, Line: p.Line, Col: p.Column}
}

// advancePos returns the position just after span, which starts at p.
func advancePos(p lexer.Position, span string) Pos {
	p.Advance(span)
	return tokPos(p)
}

// escapeAt returns the escape sequence starting at byte i of a quoted string.
func escapeAt(s string, i int) string {
	if i+1 >= len(s) {
		return s[i:]
	}
	_, n := utf8.DecodeRuneInString(s[i+1:])
	return s[i : i+1+n]
}

// showEscape writes an escape for a message: as typed if printable.
func showEscape(esc string) string {
	for _, r := range esc {
		if !unicode.IsPrint(r) {
			return strconv.Quote(esc)
		}
	}
	return esc
}

// unquoteText returns the value of a quoted string token. If it holds an
// unknown escape, ok is false and bad is the byte offset of its backslash
// in quoted.
func unquoteText(quoted string) (value string, bad int, ok bool) {
	s, base := quoted, 0
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s, base = s[1:len(s)-1], 1
	}
	if strings.IndexByte(s, '\\') < 0 {
		return s, 0, true
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			return b.String(), base + i, false
		}
		switch s[i+1] {
		case '"':
			b.WriteByte('"')
		case '\\':
			b.WriteByte('\\')
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		default:
			return b.String(), base + i, false
		}
		i++
	}
	return b.String(), 0, true
}
