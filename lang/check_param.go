package lang

import (
	"errors"
	"fmt"
	"strings"
)

// ResolveType returns the type that text names in the scope, written as a
// term parameter's type is written: a basic type (`money`, `date`, …), a
// kind of the agreement, one of its actions or events, or `list of T`.
// Hosts use it to declare the parameters of an expression they compile.
func (s *Scope) ResolveType(text string) (Type, error) {
	te := &TypeExpr{}
	cur := te
	rest := strings.TrimSpace(text)
	for {
		r, ok := strings.CutPrefix(rest, "list of ")
		if !ok {
			break
		}
		cur.ListOf = &TypeExpr{}
		cur = cur.ListOf
		rest = strings.TrimSpace(r)
	}
	if !isName(rest) {
		return nil, fmt.Errorf("%q is not a type; write a type as a term parameter's is written, like money, sell or list of text", text)
	}
	cur.Name = &Ident{Name: rest}
	if rest == "money" && s.v.currency == "" {
		// Reported here rather than by resolveType, which marks the view.
		return nil, errors.New("type money needs a currency, and the agreement declares none")
	}
	c := *s.c
	c.errs = nil
	c.reported = make(map[string]bool)
	c.hints = 0
	t := c.resolveType(s.v, te, true)
	if len(c.errs) > 0 {
		e := c.errs[0]
		if e.Hint != "" {
			return nil, fmt.Errorf("%s (%s)", e.Msg, e.Hint)
		}
		return nil, errors.New(e.Msg)
	}
	if t == nil {
		return nil, fmt.Errorf("%q is not a type", text)
	}
	return t, nil
}

// isName reports whether s has the form of a name (a reserved word such
// as party included): an ASCII letter or `_`, then ASCII letters, digits
// and `_`.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9' {
			continue
		}
		return false
	}
	return true
}
