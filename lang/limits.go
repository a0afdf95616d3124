package lang

import (
	"fmt"

	"github.com/alecthomas/participle/v2/lexer"
)

// Limits on how much one file may hold (SPEC 13). They are checked on the
// tokens, before the grammar is tried, so that an enormous file is refused
// at once in Pacta's words rather than after seconds of parsing (or with a
// message from the parser library, which gives up after 1,000,000
// repetitions of anything).
const (
	// MaxTokens is how many tokens (words, numbers, symbols, texts and
	// comments) one file may hold. Each repetition in the grammar takes at
	// least one token, so this also keeps every repetition below the
	// parser library's own limit of 1,000,000.
	MaxTokens = 900_000
	// MaxDecls is how many declarations one file may hold: agreements and
	// amendments, and the items in them (clauses, terms, parties, kinds,
	// schemas, tests, header items, replace and delete).
	MaxDecls = 100_000
	// MaxKindMembers is how many members one kind may have.
	MaxKindMembers = 10_000
)

// tooManyTokens is the error for the token after the last one allowed.
func tooManyTokens(t *lexer.Token) *Error {
	return &Error{Pos: tokPos(t.Pos),
		Msg: fmt.Sprintf("the file is too long: more than %s words, numbers and symbols", thousands(MaxTokens))}
}

// countLimits checks the declarations per file and members per kind of a
// token stream (without comments, ending in EOF) whose items stand at
// bracket depth itemDepth (1 in a file, inside its agreements; 0 in a REPL
// entry). It returns the first limit passed, or nil.
func countLimits(tokens []lexer.Token, itemDepth int) *Error {
	depth, decls := 0, 0
	for i := 0; i < len(tokens); i++ {
		t := &tokens[i]
		switch t.Type {
		case tokPunct:
			switch t.Value {
			case "{", "(", "[":
				depth++
			case "}", ")", "]":
				depth--
			}
		case tokKeyword:
			if !startsDecl(tokens, i, depth-itemDepth+1) {
				continue
			}
			decls++
			if decls > MaxDecls {
				return &Error{Pos: tokPos(t.Pos),
					Msg: fmt.Sprintf("too many declarations in one file: more than %s", thousands(MaxDecls))}
			}
			if t.Value == "kind" {
				if e := countKind(tokens, i); e != nil {
					return e
				}
			}
		}
	}
	return nil
}

// startsDecl reports whether keyword tokens[i], at bracket depth depth,
// begins a declaration: an agreement or amendment outside any bracket, or
// an item directly inside one.
func startsDecl(tokens []lexer.Token, i, depth int) bool {
	t := &tokens[i]
	switch depth {
	case 0:
		return t.Value == "agreement" || t.Value == "amendment"
	case 1:
	default:
		return false
	}
	if !startsItem(t) {
		return false
	}
	var prev *lexer.Token
	if i > 0 {
		prev = &tokens[i-1]
	}
	switch t.Value {
	case "clause", "term":
		// `replace clause`, `delete clause` and `replace term` are one
		// item, counted at their first word; `over the term` is none.
		return prev == nil || !(tokIsKeyword(prev, "replace") || tokIsKeyword(prev, "delete") || tokIsKeyword(prev, "the"))
	case "fiscal":
		// `fiscal year starts`, not `settled fiscal quarterly`.
		return i+2 < len(tokens) && tokIsKeyword(&tokens[i+2], "starts")
	}
	return true
}

// countKind checks the number of members of the kind declared at
// tokens[i]: kind NAME = M1 | M2 | ...
func countKind(tokens []lexer.Token, i int) *Error {
	if i+2 >= len(tokens) || !tokIsPunct(&tokens[i+2], "=") {
		return nil
	}
	name := tokens[i+1].Value
	members := 0
	for j := i + 3; j < len(tokens) && tokens[j].Type == tokIdent; j += 2 {
		members++
		if members > MaxKindMembers {
			return &Error{Pos: tokPos(tokens[j].Pos),
				Msg: fmt.Sprintf("kind %s has too many members: more than %s", name, thousands(MaxKindMembers))}
		}
		if j+1 >= len(tokens) || !tokIsPunct(&tokens[j+1], "|") {
			break
		}
	}
	return nil
}

// thousands writes n with commas: 100,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
