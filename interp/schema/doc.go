// Package schema holds the JSON Schemas (draft 2020-12) that pin the JSON
// shapes of Pacta's answers, and documents those shapes: result.Decision,
// result.Statement, result.TestReport and types.Value, as their MarshalJSON
// methods encode them and as `pacta decide|settle|test --format json` print
// them.
//
// The schemas are files in this directory, embedded in the package so that
// a host can validate what it receives or generate types from them. Each
// has an $id under BaseURL and refers to the definitions in Common by
// relative reference, so a validator loads all of them and compiles the
// one it needs:
//
//	for _, name := range schema.Names() {
//		doc, _ := fs.ReadFile(schema.FS(), name)
//		// add doc to the validator under schema.BaseURL + name
//	}
//
// The shapes are part of Pacta's interface and stay stable: members may be
// added in later versions, never renamed or removed.
//
// # Conventions
//
// Every answer's JSON follows these rules:
//
//   - amounts are exact decimal strings without thousands separators, with
//     the currency in a separate member: "amount": "575002.50",
//     "currency": "USD"; a negative amount starts with "-"; no amount is
//     ever a JSON number;
//   - dates are "YYYY-MM-DD"; periods are written as in Pacta: "2026-Q4",
//     "2027-03", "2027-H1", "2027", "FY2027", "FY2027-Q1", "FY2027-H1",
//     "contract year from 2027-03-15" (the schema's period pattern);
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
// the agreement as first made.
//
// # Statement
//
// result.Statement.MarshalJSON (schema Statement) encodes a statement as
// one object, listing the breaches the statement kept:
//
//	{
//	  "agreement": "openai_microsoft",
//	  "currency": "USD",
//	  "from": "2026-07-01", "to": "2027-03-31", "as_of": "2027-03-31",
//	  "events": 20,                  // ledger rows counted
//	  "terminated": {                // only when the agreement ended early (SPEC 5.6)
//	    "clause": CLAUSE,            // the right or event clause used
//	    "by": "microsoft",           // who gave notice; "" for an event
//	    "notice": "2027-01-10",      // the day notice was given
//	    "period": "90 days",         // the notice period as written, or ""
//	    "effective": "2027-04-10",   // from this day only surviving clauses apply
//	    "last_day": "2027-04-09",    // the last day of the others
//	    "breach": "",                // the clause whose breach gave the right
//	    "event": "",                 // the event it terminated on
//	    "text": "terminated by microsoft under 12.1 ..."
//	  },
//	  "outside_term": {              // only when ledger rows fall outside the term (SPEC 4.2)
//	    "term_start": "2019-07-22", "term_end": "2030-12-31",
//	    "before": 0, "after": 2,     // rows before the first and after the last day
//	    "rule": "..."                // the rule in words: such rows count for nothing
//	  },
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
//	    "decision": DECISION         // a decision, as below
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
// MarshalJSON holds the whole document in memory; Statement.WriteJSON and
// Statement.WriteJSONAll write the same document, indented, as it is made.
//
// # Decision
//
// result.Decision.MarshalJSON (schema Decision) encodes a decision as one
// object:
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
//	    "reason": "applies and overrides 3.1",
//	    "dates": "from 2026-11-01 (included): ..." // how the clause's from, until and by
//	                                  // dates bear on the action's date; absent without dates
//	  }],
//	  "note": "",                     // why no clause could apply, if so
//	  "default_rule": ""              // for "not covered", the prose of the agreement's
//	                                  // default rule (SPEC 4.2); "" otherwise or without prose
//	}
//
// "as_of" is "" for a decision without a date. Text is not HTML-escaped
// ("<" stays "<"); json.Marshal escapes it as it does any string.
//
// # Test report
//
// result.TestReport.MarshalJSON (schema TestReport) encodes a test report as
// one object:
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
//
// # Value
//
// types.Value.MarshalJSON (schema Value) encodes any result of an
// expression. A value is an object naming its kind with the value in "value":
//
//	{"kind": "integer", "value": "42"}
//	{"kind": "decimal", "value": "0.125"}
//	{"kind": "percent", "value": "0.20"}                      // the fraction: 20% is 0.20
//	{"kind": "money", "value": "1250000.00", "currency": "USD"}
//	{"kind": "date", "value": "2026-11-01"}
//	{"kind": "duration", "value": "30 days"}
//	{"kind": "period", "value": "2026-Q4"}                    // fiscal: "FY2027 (July)"
//	{"kind": "timestamp", "value": "2027-03-04T17:45:00+01:00"}
//	{"kind": "text", "value": "Net revenue"}
//	{"kind": "bool", "value": true}
//	{"kind": "party", "value": "openai"}
//	{"kind": "enum", "value": "AWS"}
//	{"kind": "list", "value": [{"kind": "enum", "value": "Azure"}, ...]}
//	{"kind": "record", "name": "sell", "value": {"actor": {"kind": "party", "value": "openai"}, ...}}
//
// Numbers and amounts are exact decimal strings (never JSON numbers);
// dates, durations, periods and timestamps are the MarshalText of
// types.Date, types.Duration, types.Period and types.Timestamp; a record's
// fields come in the order of its schema; the zero Value is null.
// types.Value has no UnmarshalJSON: reading a value needs the agreement
// that declares its kinds and records (see interp.Program.NewAction).
package schema
