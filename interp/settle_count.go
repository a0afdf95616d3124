package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/lang"
)

// This file says in a share's statement line whether the share counted
// the rows the agreement prohibited (SPEC 7.1.1): `of each permitted
// sell` leaves them out, `whether permitted or not` (the default) counts
// them.

// countNote is the note on a share's line for the period st closes, and
// whether it explains an amount of zero (every row the share would have
// counted was prohibited). It resets the period's count of prohibited
// rows. A rule written out is always stated; the default only when the
// period had prohibited rows.
func (s *settler) countNote(r *shareRule, st *shareState) (string, bool) {
	n := st.prohibited
	st.prohibited = 0
	action := r.action.Name()
	rows := fmt.Sprintf("%d prohibited %s", n, action)
	if n != 1 {
		rows += " rows"
	} else {
		rows += " row"
	}
	switch {
	case r.count == lang.CountPermitted && n > 0:
		return fmt.Sprintf("counts each permitted %s only: %s not counted", action, rows), true
	case r.count == lang.CountPermitted:
		return fmt.Sprintf("counts each permitted %s only", action), false
	case n > 0:
		return fmt.Sprintf("counts each %s whether permitted or not: %s counted", action, rows), false
	case r.count == lang.CountAll:
		return fmt.Sprintf("counts each %s whether permitted or not", action), false
	}
	return "", false
}

// permittedOnly reports whether r counts permitted rows only.
func (r *shareRule) permittedOnly() bool { return r.count == lang.CountPermitted }
