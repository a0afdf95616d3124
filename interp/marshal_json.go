package interp

import (
	"bytes"
	"encoding/json"
)

// This file gives each answer its JSON encoding: Decision, Statement and
// TestReport implement json.Marshaler, and their WriteJSON methods (in
// render.go) write the same bytes. The shapes are pinned by the JSON
// Schemas in package interp/schema, which the tests validate every bundled
// example's answers against.

// MarshalJSON encodes the statement as one JSON object, the document
// WriteJSON writes without its indentation, listing the breaches the
// statement kept. The shape is part of Pacta's interface and stays stable:
// members may be added, never renamed or removed; schema.Statement pins
// it. The conventions, shared by every answer's JSON:
//
//   - amounts are exact decimal strings without thousands separators, with
//     the currency in a separate member: "amount": "575002.50",
//     "currency": "USD"; a negative amount starts with "-"; no amount is
//     ever a JSON number;
//   - dates are "YYYY-MM-DD"; periods are written as in Pacta: "2026-Q4",
//     "2027-03", "2027", "FY2027", "FY2027-Q1";
//   - positions in source files are "file:line:col";
//   - lists are always arrays (empty, never null); a member that may have
//     no value is null.
//
// A clause (CLAUSE below) is the object
//
//	{"number": "5.1", "title": "Revenue share", "agreement": "openai_microsoft",
//	 "amendment": "aws_concessions", "position": "amendment.pacta:15:3"}
//
// where "amendment" is the amendment that made the version named, "" for
// the agreement as first made. A statement:
//
//	{
//	  "agreement": "openai_microsoft",
//	  "currency": "USD",
//	  "from": "2026-07-01", "to": "2027-03-31", "as_of": "2027-03-31",
//	  "events": 20,                  // ledger rows counted
//	  "periods": [{
//	    "period": "2026-Q4", "start": "2026-10-01", "end": "2026-12-31",
//	    "lines": [{
//	      "payer": "openai", "payee": "microsoft",
//	      "clause": CLAUSE,
//	      "kind": "share",            // share, true-up, payment, installment,
//	                                  // milestone, late interest, late penalty
//	      "date": "2026-12-31",       // accrual date (a share: its period's end)
//	      "due": "2027-02-14",
//	      "base": "2600010.02",       // null when the line has no base
//	      "rate": "20%",              // as written; "" when none
//	      "amount": "618752.50", "currency": "USD",
//	      "notes": ["exact amount 618,752.505, rounded half_even to 0.01"],
//	      "due_rule": "due 45 days after 2026-12-31 (the last day of 2026-Q4): 2027-02-14"
//	    }],
//	    "totals": [{"payer": "openai", "payee": "microsoft",
//	                "amount": "12500874252.40", "currency": "USD"}]
//	  }],
//	  "breaches": [{
//	    "source": "ledger.csv", "line": 9, "date": "2026-10-20",
//	    "actor": "openai", "action": "sell",
//	    "decision": DECISION         // as Decision.MarshalJSON encodes it
//	  }],                            // the first 100 (SettleOptions.BreachSample), or all
//	  "breach_count": 2,             // every breach, listed or not
//	  "breaches_omitted": 0,         // how many "breaches" leaves out
//	  "breach_tally": [{             // per deciding clause, by clause number
//	    "verdict": "prohibited",     // prohibited, conflict, not covered
//	    "clause": CLAUSE,            // null for a conflict or the default
//	    "conflict": [],              // a conflict's two clauses
//	    "count": 2
//	  }],
//	  "overdue": [{
//	    "payer": "openai", "payee": "microsoft", "clause": CLAUSE,
//	    "kind": "installment", "date": "2026-10-01", "due": "2026-10-31",
//	    "amount": "12500000000.00", "outstanding": "12500000000.00",
//	    "currency": "USD", "days_late": 151, "late_charge": "625000000.00",
//	    "days_late_rule": "151 days late, counted from 2026-11-01 (the day after the due date 2026-10-31) to 2027-03-31 (the as-of date), both included"
//	  }],
//	  "unmet": [{
//	    "clause": CLAUSE, "party": "talent", "action": "deliver",
//	    "deadline": "2027-07-31"
//	  }]
//	}
//
// Periods come in order of their last day, and of two periods that end on
// the same day the shorter first (2027-Q4, then 2027); lines within a
// period by payer, payee, clause and kind.
//
// MarshalJSON holds the whole document in memory; WriteJSON and
// WriteJSONAll write it as it is made.
func (st Statement) MarshalJSON() ([]byte, error) {
	var doc bytes.Buffer
	if err := st.WriteJSON(&doc); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Compact(&out, doc.Bytes()); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// MarshalJSON encodes the decision as one JSON object, in the conventions
// of Statement.MarshalJSON (CLAUSE is a clause object as described
// there); schema.Decision pins the shape:
//
//	{
//	  "agreement": "openai_microsoft",
//	  "as_of": "2026-12-01",
//	  "version": "aws_concessions",   // the amendment in force; "" for the agreement as first made
//	  "verdict": "permitted",         // permitted, prohibited, conflict, not covered
//	  "effect": "permitted",          // permitted or prohibited: what the answer means
//	  "summary": "permitted by 3.2 \"AWS distribution\" (aws_concessions)",
//	  "clause": CLAUSE,               // the deciding clause; null if none decides
//	  "conflict": [],                 // a conflict's two clauses; [] otherwise
//	  "applied": [{
//	    "clause": CLAUSE,
//	    "says": "permitted",          // what the clause says on its own
//	    "outcome": "decides",         // decides, agrees, overridden, conflicts
//	    "by": null,                   // for "overridden", the clause that overrides it; else null
//	    "reason": "applies and overrides 3.1"
//	  }],
//	  "note": "",                     // why no clause could apply, if so
//	  "default_rule": ""              // for "not covered", the prose of the agreement's
//	                                  // default rule (SPEC 4.2); "" otherwise or without prose
//	}
//
// "as_of" is "" for a decision without a date. Text is not HTML-escaped
// ("<" stays "<"); json.Marshal escapes it as it does any string.
func (d Decision) MarshalJSON() ([]byte, error) { return marshalCompact(decisionJSON(&d)) }

// MarshalJSON encodes the test report as one JSON object, in the
// conventions of Statement.MarshalJSON (CLAUSE is a clause object as
// described there); schema.TestReport pins the shape:
//
//	{
//	  "passed": 9, "failed": 1,
//	  "tests": [{
//	    "name": "Revenue share for 2026-Q4 spans the amendment",
//	    "agreement": "openai_microsoft", "amendment": "aws_concessions",
//	    "position": "amendment.pacta:41:3",
//	    "passed": false,
//	    "failures": [{"position": "amendment.pacta:58:5", "message": "expected ..."}]
//	  }],
//	  "unexercised": [CLAUSE]         // clauses no test exercises
//	}
//
// "amendment" is "" for a test written in the agreement itself.
func (r TestReport) MarshalJSON() ([]byte, error) {
	out := jsonTestReport{Tests: []jsonTest{}, Unexercised: []*jsonClause{}}
	for _, t := range r.Results {
		jt := jsonTest{Name: t.Name, Agreement: t.Agreement, Amendment: t.Amendment, Position: t.Pos.String(),
			Passed: t.Passed(), Failures: []jsonTestFailure{}}
		for _, f := range t.Failures {
			jt.Failures = append(jt.Failures, jsonTestFailure{Position: f.Pos.String(), Message: f.Msg})
		}
		if jt.Passed {
			out.Passed++
		} else {
			out.Failed++
		}
		out.Tests = append(out.Tests, jt)
	}
	for _, c := range r.Unexercised {
		out.Unexercised = append(out.Unexercised, clauseJSON(c))
	}
	return marshalCompact(out)
}

// marshalCompact encodes v on one line without HTML escaping and without
// the newline json.Encoder adds.
func marshalCompact(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
