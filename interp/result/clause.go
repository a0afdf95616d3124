package result

import (
	"fmt"

	"github.com/pacta-lang/pacta/lang"
)

// ClauseInfo identifies a clause in answers: its number and title, the
// agreement, and the amendment that made it ("" for the base agreement).
type ClauseInfo struct {
	Num       string
	Title     string
	Agreement string
	Amendment string
	Pos       lang.Pos
	Decl      *lang.ClauseDecl
	// Index numbers the clause's versions within its agreement from 0:
	// distinct per version, a key for tables.
	Index int
}

// String names the clause as answers print it: `3.2 "AWS distribution"`
// and, when an amendment made it, `(aws_concessions)`.
func (c *ClauseInfo) String() string {
	s := fmt.Sprintf("%s %q", c.Num, c.Title)
	if c.Amendment != "" {
		s += " (" + c.Amendment + ")"
	}
	return s
}
