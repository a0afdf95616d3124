package lang

import (
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// scanTokens splits src into tokens by the rules of pactaLexer (see
// lexer.go), giving the same tokens, types and positions, but by hand:
// participle's rule-by-rule regular expressions take microseconds per
// token, this a few nanoseconds. Whitespace is dropped; comments are
// returned as tokens. The last token is EOF. It stops after max+1
// tokens, so that the caller can report the one past its limit.
//
// lexer_test.go checks that both give the same tokens on every test file,
// and FuzzScanSameAsRules on any input.
func scanTokens(filename, src string, max int) []lexer.Token {
	s := scanner{src: src, pos: lexer.Position{Filename: filename, Line: 1, Column: 1}}
	toks := make([]lexer.Token, 0, len(src)/5+1)
	for s.i < len(src) {
		start := s.i
		typ := s.next()
		if typ == tokWhitespace {
			s.advance(start)
			continue
		}
		t := lexer.Token{Type: typ, Value: src[start:s.i], Pos: s.pos}
		s.advance(start)
		toks = append(toks, t)
		if len(toks) > max {
			break
		}
	}
	return append(toks, lexer.EOFToken(s.pos))
}

// tokWhitespace marks a run of whitespace inside scanTokens.
const tokWhitespace lexer.TokenType = -1 << 30

type scanner struct {
	src string
	i   int            // the next byte to read
	pos lexer.Position // the position of the token being read
}

// advance moves pos over src[start:s.i], as lexer.Position.Advance does:
// columns count runes, and an invalid byte counts as one.
func (s *scanner) advance(start int) {
	span := s.src[start:s.i]
	s.pos.Offset = s.i
	ascii := true
	last := -1
	for j := 0; j < len(span); j++ {
		c := span[j]
		if c == '\n' {
			s.pos.Line++
			last = j
		} else if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	tail := span
	if last >= 0 {
		tail = span[last:] // the line feed counts, as in Advance
		s.pos.Column = 0
	}
	if ascii {
		s.pos.Column += len(tail)
	} else {
		s.pos.Column += utf8.RuneCountInString(tail)
	}
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }
func isWord(c byte) bool   { return isLetter(c) || isDigit(c) }

// at returns the byte at i, or 0 past the end.
func (s *scanner) at(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

// digits returns the end of the run of digits starting at i.
func (s *scanner) digits(i int) int {
	for i < len(s.src) && isDigit(s.src[i]) {
		i++
	}
	return i
}

// blanks returns the end of the run of spaces and tabs starting at i.
func (s *scanner) blanks(i int) int {
	for i < len(s.src) && (s.src[i] == ' ' || s.src[i] == '\t') {
		i++
	}
	return i
}

// next reads one token from s.i, moves s.i past it and returns its type.
// The rules are tried in pactaLexer's order; the first that matches wins.
func (s *scanner) next() lexer.TokenType {
	src, i := s.src, s.i
	c := src[i]
	switch {
	case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || src[i] == '\n') {
			i++
		}
		s.i = i
		return tokWhitespace
	case isLetter(c):
		if end, ok := s.money(i); ok {
			s.i = end
			return tokMoney
		}
		i++
		for i < len(src) && isWord(src[i]) {
			i++
		}
		s.i = i
		return tokIdent
	case c == '/' && s.at(i+1) == '/':
		for i < len(src) && src[i] != '\n' {
			i++
		}
		s.i = i
		return tokComment
	case c == '"':
		if end, ok := s.str(i); ok {
			s.i = end
			return tokString
		}
		s.i = len(src) // BadString: the rest of the input
		return tokBadString
	case isDigit(c):
		s.i = s.number(i)
		return s.numberType(i)
	}
	switch c {
	case '!':
		if s.at(i+1) == '=' {
			s.i = i + 2
			return tokPunct
		}
	case '=', '<', '>':
		s.i = i + 1
		if s.at(i+1) == '=' {
			s.i = i + 2
		}
		return tokPunct
	case '+', '-', '*', '/', '(', ')', '[', ']', '{', '}', ',', ':', '.', '|':
		s.i = i + 1
		return tokPunct
	}
	// Invalid: one character, or one byte that is not UTF-8.
	_, n := utf8.DecodeRuneInString(src[i:])
	s.i = i + n
	return tokInvalid
}

// money matches [A-Z]{3}[ \t]+\d+(?:,\d{3})*(?:\.\d+)? at i.
func (s *scanner) money(i int) (int, bool) {
	if !isUpper(s.at(i)) || !isUpper(s.at(i+1)) || !isUpper(s.at(i+2)) {
		return 0, false
	}
	j := s.blanks(i + 3)
	if j == i+3 || !isDigit(s.at(j)) {
		return 0, false
	}
	j = s.digits(j)
	for s.at(j) == ',' && isDigit(s.at(j+1)) && isDigit(s.at(j+2)) && isDigit(s.at(j+3)) {
		j += 4
	}
	if s.at(j) == '.' && isDigit(s.at(j+1)) {
		j = s.digits(j + 1)
	}
	return j, true
}

// str matches "(?s:\\.|[^"\\])*" at i.
func (s *scanner) str(i int) (int, bool) {
	src := s.src
	for j := i + 1; j < len(src); {
		switch src[j] {
		case '"':
			return j + 1, true
		case '\\':
			if j+1 >= len(src) {
				return 0, false
			}
			_, n := utf8.DecodeRuneInString(src[j+1:])
			j += 1 + n
		default:
			j++ // a byte of any character
		}
	}
	return 0, false
}

// number returns the end of the numeric token at i (which is a digit):
// the first of Date, Quarter, Month, Percent, Duration, ClauseNum,
// Decimal and Int that matches.
func (s *scanner) number(i int) int {
	d := s.digits(i)
	if d-i >= 4 && s.at(i+4) == '-' {
		j := i + 5
		switch {
		case isDigit(s.at(j)) && isDigit(s.at(j+1)) && s.at(j+2) == '-' && isDigit(s.at(j+3)) && isDigit(s.at(j+4)):
			if end := s.timestamp(j + 5); end > 0 {
				return end // Timestamp
			}
			return j + 5 // Date
		case s.at(j) == 'Q' && '1' <= s.at(j+1) && s.at(j+1) <= '4':
			return j + 2 // Quarter
		case isDigit(s.at(j)) && isDigit(s.at(j+1)):
			return j + 2 // Month
		}
	}
	// Percent: \d+(?:\.\d+)?%
	p := d
	if s.at(p) == '.' && isDigit(s.at(p+1)) {
		p = s.digits(p + 1)
	}
	if s.at(p) == '%' {
		return p + 1
	}
	// Duration: \d+[ \t]+(?:days?|weeks?|months?|years?)\b
	if b := s.blanks(d); b > d {
		for _, u := range [...]string{"day", "week", "month", "year"} {
			if len(s.src)-b >= len(u) && s.src[b:b+len(u)] == u {
				e := b + len(u)
				if s.at(e) == 's' {
					e++
				}
				if !isWord(s.at(e)) {
					return e
				}
			}
		}
	}
	// ClauseNum: \d+(?:\.\d+){2,}; Decimal: \d+\.\d+; Int: \d+.
	e, groups := d, 0
	for s.at(e) == '.' && isDigit(s.at(e+1)) {
		e = s.digits(e + 1)
		groups++
		if groups == 1 {
			p = e // the Decimal's end
		}
	}
	switch {
	case groups >= 2:
		return e
	case groups == 1:
		return p
	}
	return d
}

// timestamp matches, at i just after a date, the rest of a Timestamp:
// T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?. It
// returns the token's end, or 0 when there is no time.
func (s *scanner) timestamp(i int) int {
	two := func(j int) bool { return isDigit(s.at(j)) && isDigit(s.at(j+1)) }
	if s.at(i) != 'T' || !two(i+1) || s.at(i+3) != ':' || !two(i+4) {
		return 0
	}
	j := i + 6
	if s.at(j) == ':' && two(j+1) {
		j += 3
		if s.at(j) == '.' && isDigit(s.at(j+1)) {
			j = s.digits(j + 1)
		}
	}
	switch c := s.at(j); {
	case c == 'Z':
		j++
	case (c == '+' || c == '-') && two(j+1):
		j += 3
		switch {
		case s.at(j) == ':' && two(j+1):
			j += 3
		case two(j):
			j += 2
		}
	}
	return j
}

// numberType names the numeric token src[i:s.i], which number found.
func (s *scanner) numberType(i int) lexer.TokenType {
	v := s.src[i:s.i]
	last := v[len(v)-1]
	switch {
	case len(v) > 4 && v[4] == '-':
		switch {
		case len(v) > 10:
			return tokTimestamp
		case len(v) == 10:
			return tokDate
		case v[5] == 'Q':
			return tokQuarter
		}
		return tokMonth
	case last == '%':
		return tokPercent
	case !isDigit(last):
		return tokDuration
	}
	dots := 0
	for j := 0; j < len(v); j++ {
		if v[j] == '.' {
			dots++
		}
	}
	switch dots {
	case 0:
		return tokInt
	case 1:
		return tokDecimal
	}
	return tokClauseNum
}
