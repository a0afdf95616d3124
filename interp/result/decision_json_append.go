package result

import (
	"strconv"

	"github.com/pacta-lang/pacta/interp/internal/textfmt"
	"github.com/pacta-lang/pacta/lang"
)

// AppendJSON appends the decision's JSON, the bytes of MarshalJSON, to
// dst and returns the extended slice.
func (d *Decision) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"agreement":`...)
	dst = textfmt.AppendStdJSONString(dst, d.Agreement)
	dst = append(dst, `,"as_of":`...)
	dst = textfmt.AppendStdJSONString(dst, dateJSON(d.AsOf))
	dst = append(dst, `,"version":`...)
	dst = textfmt.AppendStdJSONString(dst, d.Version)
	dst = append(dst, `,"verdict":`...)
	dst = textfmt.AppendStdJSONString(dst, d.Verdict.String())
	dst = append(dst, `,"effect":`...)
	dst = textfmt.AppendStdJSONString(dst, d.Effect.String())
	dst = append(dst, `,"summary":`...)
	dst = appendSummaryJSON(dst, d)
	dst = append(dst, `,"clause":`...)
	dst = appendClauseJSON(dst, d.Clause)
	dst = append(dst, `,"conflict":[`...)
	if d.Verdict == lang.Conflict {
		dst = appendClauseJSON(dst, d.Conflict[0])
		dst = append(dst, ',')
		dst = appendClauseJSON(dst, d.Conflict[1])
	}
	dst = append(dst, `],"applied":[`...)
	for i := range d.Applied {
		a := &d.Applied[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"clause":`...)
		dst = appendClauseJSON(dst, a.Clause)
		dst = append(dst, `,"says":`...)
		dst = textfmt.AppendStdJSONString(dst, a.Says.String())
		dst = append(dst, `,"outcome":`...)
		dst = textfmt.AppendStdJSONString(dst, a.Outcome)
		dst = append(dst, `,"by":`...)
		if a.Outcome == "overridden" {
			dst = appendClauseJSON(dst, a.By)
		} else {
			dst = append(dst, "null"...)
		}
		dst = append(dst, `,"reason":`...)
		dst = appendReasonJSON(dst, a)
		if dates := a.DateRule(d.Date); dates != "" { // omitempty
			dst = append(dst, `,"dates":`...)
			dst = textfmt.AppendStdJSONString(dst, dates)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `],"note":`...)
	dst = textfmt.AppendStdJSONString(dst, d.Note)
	dst = append(dst, `,"default_rule":`...)
	if d.Verdict == lang.NotCovered {
		dst = textfmt.AppendStdJSONString(dst, d.DefaultRule)
	} else {
		dst = append(dst, `""`...)
	}
	return append(dst, '}')
}

// This file writes a Decision's JSON by hand, appending to a byte slice:
// the bytes encoding/json wrote for the structs of render.go (jsonDecision,
// jsonClause, jsonApplied) with HTML escaping off, member for member, so
// that answering a decision over HTTP costs no reflection.
// TestDecisionJSONIsEncodingJSON holds the two to the same bytes.

// appendClauseJSON appends c as jsonClause encodes: null for nil.
func appendClauseJSON(dst []byte, c *ClauseInfo) []byte {
	if c == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, `{"number":`...)
	dst = textfmt.AppendStdJSONString(dst, c.Num)
	dst = append(dst, `,"title":`...)
	dst = textfmt.AppendStdJSONString(dst, c.Title)
	dst = append(dst, `,"agreement":`...)
	dst = textfmt.AppendStdJSONString(dst, c.Agreement)
	dst = append(dst, `,"amendment":`...)
	dst = textfmt.AppendStdJSONString(dst, c.Amendment)
	dst = append(dst, `,"position":`...)
	if p := c.Pos; p.IsValid() && p.File != "" {
		// p.String() without fmt: FILE:LINE:COL.
		dst = append(dst, '"')
		dst = textfmt.AppendStdJSONBody(dst, p.File)
		dst = append(dst, ':')
		dst = strconv.AppendInt(dst, int64(p.Line), 10)
		dst = append(dst, ':')
		dst = strconv.AppendInt(dst, int64(p.Col), 10)
		dst = append(dst, '"')
	} else {
		dst = textfmt.AppendStdJSONString(dst, p.String())
	}
	return append(dst, '}')
}

// The texts below are describeDecision, ClauseInfo.String and
// Applied.Reason written piece by piece as JSON string contents, without
// fmt. Escaping piece by piece gives the bytes of escaping the whole
// text: the pieces are joined by ASCII, which never completes a UTF-8
// sequence, and strconv.Quote writes valid UTF-8.

// appendSummaryJSON appends describeDecision(d) as a JSON string.
func appendSummaryJSON(dst []byte, d *Decision) []byte {
	switch {
	case d.Verdict == lang.Conflict:
		if d.Conflict[0] == nil || d.Conflict[1] == nil {
			return textfmt.AppendStdJSONString(dst, describeDecision(d))
		}
		dst = append(dst, `"a conflict between `...)
		dst = appendClauseText(dst, d.Conflict[0])
		dst = append(dst, " and "...)
		dst = appendClauseText(dst, d.Conflict[1])
	case d.Clause != nil:
		dst = append(dst, '"')
		dst = textfmt.AppendStdJSONBody(dst, d.Verdict.String())
		dst = append(dst, " by "...)
		dst = appendClauseText(dst, d.Clause)
	case d.Note != "":
		dst = append(dst, `"not covered, so `...)
		dst = textfmt.AppendStdJSONBody(dst, d.Effect.String())
		dst = append(dst, " by default ("...)
		dst = textfmt.AppendStdJSONBody(dst, d.Note)
		dst = append(dst, ')')
	default:
		dst = append(dst, `"not covered by any clause, so `...)
		dst = textfmt.AppendStdJSONBody(dst, d.Effect.String())
		dst = append(dst, " by default"...)
	}
	return append(dst, '"')
}

// appendClauseText appends c.String(), escaped.
func appendClauseText(dst []byte, c *ClauseInfo) []byte {
	dst = textfmt.AppendStdJSONBody(dst, c.Num)
	dst = append(dst, ' ')
	// strconv.Quote writes only printable characters and escapes the
	// rest (U+2028 and U+2029 included) in ASCII: in JSON only its '"'
	// and '\\' need escaping.
	var q [128]byte
	for _, b := range strconv.AppendQuote(q[:0], c.Title) {
		if b == '"' || b == '\\' {
			dst = append(dst, '\\')
		}
		dst = append(dst, b)
	}
	if c.Amendment != "" {
		dst = append(dst, " ("...)
		dst = textfmt.AppendStdJSONBody(dst, c.Amendment)
		dst = append(dst, ')')
	}
	return dst
}

// appendReasonJSON appends a.Reason() as a JSON string.
func appendReasonJSON(dst []byte, a *Applied) []byte {
	dst = append(dst, '"')
	switch a.Outcome {
	case "decides":
		dst = append(dst, "applies"...)
		if a.By != nil {
			dst = append(dst, " and overrides "...)
			dst = textfmt.AppendStdJSONBody(dst, a.By.Num)
		}
	case "overridden":
		winner, loser := a.By, a.Clause
		how := " takes precedence over "
		for _, n := range winner.Decl.Notwithstanding {
			if n.Num == loser.Num {
				how = " applies notwithstanding "
				break
			}
		}
		if how == " takes precedence over " {
			for _, n := range loser.Decl.SubjectTo {
				if n.Num == winner.Num {
					// "LOSER is subject to WINNER"
					dst = textfmt.AppendStdJSONBody(dst, loser.Num)
					dst = append(dst, " is subject to "...)
					dst = textfmt.AppendStdJSONBody(dst, winner.Num)
					return append(dst, '"')
				}
			}
		}
		dst = textfmt.AppendStdJSONBody(dst, winner.Num)
		dst = append(dst, how...)
		dst = textfmt.AppendStdJSONBody(dst, loser.Num)
		if how == " takes precedence over " {
			dst = append(dst, " through a chain of notwithstanding and subject to"...)
		}
	case "conflicts":
		dst = append(dst, "no notwithstanding or subject to orders it against the other clauses that apply"...)
	case "agrees":
		dst = append(dst, "says the same as "...)
		dst = textfmt.AppendStdJSONBody(dst, a.Against.Num)
	}
	return append(dst, '"')
}
