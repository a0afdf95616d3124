package interp

import (
	"strconv"

	"github.com/pacta-lang/pacta/lang"
)

// This file writes a Decision's JSON by hand, appending to a byte slice:
// the bytes encoding/json wrote for the structs of render.go (jsonDecision,
// jsonClause, jsonApplied) with HTML escaping off, member for member, so
// that answering a decision over HTTP costs no reflection.
// TestDecisionJSONIsEncodingJSON holds the two to the same bytes.

// AppendJSON appends the decision's JSON, the bytes of MarshalJSON, to
// dst and returns the extended slice.
func (d *Decision) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"agreement":`...)
	dst = appendStdJSONString(dst, d.Agreement)
	dst = append(dst, `,"as_of":`...)
	dst = appendStdJSONString(dst, dateJSON(d.AsOf))
	dst = append(dst, `,"version":`...)
	dst = appendStdJSONString(dst, d.Version)
	dst = append(dst, `,"verdict":`...)
	dst = appendStdJSONString(dst, d.Verdict.String())
	dst = append(dst, `,"effect":`...)
	dst = appendStdJSONString(dst, d.Effect.String())
	dst = append(dst, `,"summary":`...)
	dst = appendStdJSONString(dst, describeDecision(d))
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
		dst = appendStdJSONString(dst, a.Says.String())
		dst = append(dst, `,"outcome":`...)
		dst = appendStdJSONString(dst, a.Outcome)
		dst = append(dst, `,"by":`...)
		if a.Outcome == "overridden" {
			dst = appendClauseJSON(dst, a.By)
		} else {
			dst = append(dst, "null"...)
		}
		dst = append(dst, `,"reason":`...)
		dst = appendStdJSONString(dst, a.Reason())
		if dates := a.DateRule(d.Date); dates != "" { // omitempty
			dst = append(dst, `,"dates":`...)
			dst = appendStdJSONString(dst, dates)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `],"note":`...)
	dst = appendStdJSONString(dst, d.Note)
	dst = append(dst, `,"default_rule":`...)
	if d.Verdict == lang.NotCovered {
		dst = appendStdJSONString(dst, d.DefaultRule)
	} else {
		dst = append(dst, `""`...)
	}
	return append(dst, '}')
}

// appendClauseJSON appends c as jsonClause encodes: null for nil.
func appendClauseJSON(dst []byte, c *ClauseInfo) []byte {
	if c == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, `{"number":`...)
	dst = appendStdJSONString(dst, c.Num)
	dst = append(dst, `,"title":`...)
	dst = appendStdJSONString(dst, c.Title)
	dst = append(dst, `,"agreement":`...)
	dst = appendStdJSONString(dst, c.Agreement)
	dst = append(dst, `,"amendment":`...)
	dst = appendStdJSONString(dst, c.Amendment)
	dst = append(dst, `,"position":`...)
	if p := c.Pos; p.IsValid() && p.File != "" {
		// p.String() without fmt: FILE:LINE:COL.
		dst = append(dst, '"')
		dst = appendStdJSONBody(dst, p.File)
		dst = append(dst, ':')
		dst = strconv.AppendInt(dst, int64(p.Line), 10)
		dst = append(dst, ':')
		dst = strconv.AppendInt(dst, int64(p.Col), 10)
		dst = append(dst, '"')
	} else {
		dst = appendStdJSONString(dst, p.String())
	}
	return append(dst, '}')
}
