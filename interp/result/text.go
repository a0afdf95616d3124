package result

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// WriteJSON writes the statement as one JSON document indented by two
// spaces, followed by a newline, in the shape package interp/schema
// documents (and SPEC.md, "Statement JSON"), listing the breaches the statement kept. The document is
// written as it is made, never held whole in memory.
func (st *Statement) WriteJSON(w io.Writer) error { return st.WriteJSONAll(w, nil) }

// WriteJSONAll is WriteJSON listing the breaches in all (every breach of
// the settlement, gathered with interp.SettleOptions.OnBreach = all.Add) instead
// of those the statement kept; nil lists the kept ones.
func (st *Statement) WriteJSONAll(w io.Writer, all *BreachSpool) error {
	j := newJSONStream(w)
	j.member("agreement", st.Agreement)
	j.member("currency", st.Currency)
	j.member("from", dateJSON(st.From))
	j.member("to", dateJSON(st.To))
	j.member("as_of", dateJSON(st.AsOf))
	j.member("events", st.Events)
	if st.Terminated != nil {
		j.member("terminated", terminationJSON(st.Terminated))
	}
	if st.RowsBeforeTerm+st.RowsAfterTerm > 0 {
		j.member("outside_term", jsonOutsideTerm{Start: dateJSON(st.TermStart), End: dateJSON(st.TermEnd),
			Before: st.RowsBeforeTerm, After: st.RowsAfterTerm, Rule: st.outsideTermText()})
	}
	j.beginArray("periods")
	for _, g := range st.periods() {
		jp := jsonPeriod{Period: g.period.String(), Start: dateJSON(g.period.Start()), End: dateJSON(g.period.End()),
			Lines: []jsonLine{}, Totals: []jsonTotal{}}
		for _, l := range g.lines {
			jl := jsonLine{
				Payer: l.Payer, Payee: l.Payee, Clause: clauseJSON(l.Clause), Kind: l.Kind,
				Date: dateJSON(l.Date), Due: dateJSON(l.Due), Rate: l.Rate,
				Amount: l.Amount.Num().String(), Currency: l.Amount.Currency(), Notes: append([]string{}, l.Notes...),
				DueRule: l.dueRule(),
			}
			if l.Base != nil {
				b := l.Base.Num().String()
				jl.Base = &b
			}
			jp.Lines = append(jp.Lines, jl)
		}
		for _, t := range g.totals {
			jp.Totals = append(jp.Totals, jsonTotal{Payer: t.Payer, Payee: t.Payee, Amount: t.Amount.Num().String(), Currency: t.Amount.Currency()})
		}
		j.elem(jp)
	}
	j.endArray()
	j.beginArray("breaches")
	listed := int64(len(st.Breaches))
	if all != nil {
		listed = all.Len()
		if err := all.each(func(_, breach []byte) error { j.elemRaw(breach); return j.err }); err != nil {
			return err
		}
	} else {
		for _, b := range st.Breaches {
			j.elem(breachJSON(b))
		}
	}
	j.endArray()
	total := max(st.BreachCount, listed)
	j.member("breach_count", total)
	j.member("breaches_omitted", total-listed)
	j.beginArray("breach_tally")
	for _, t := range st.BreachTally {
		jt := jsonTally{Verdict: t.Verdict.String(), Clause: clauseJSON(t.Clause), Conflict: []*jsonClause{}, Count: t.Count}
		if t.Verdict == lang.Conflict {
			jt.Conflict = []*jsonClause{clauseJSON(t.Conflict[0]), clauseJSON(t.Conflict[1])}
		}
		j.elem(jt)
	}
	j.endArray()
	j.beginArray("overdue")
	for _, o := range st.Overdue {
		l := o.Line
		j.elem(jsonOverdue{
			Payer: l.Payer, Payee: l.Payee, Clause: clauseJSON(l.Clause), Kind: l.Kind,
			Date: dateJSON(l.Date), Due: dateJSON(l.Due), Amount: l.Amount.Num().String(),
			Outstanding: o.Outstanding.Num().String(), Currency: l.Amount.Currency(),
			DaysLate: o.DaysLate, LateCharge: o.LateCharge.Num().String(), DaysLateRule: o.daysLateRule(st.AsOf),
		})
	}
	j.endArray()
	j.beginArray("unmet")
	for _, u := range st.Unmet {
		j.elem(jsonUnmet{Clause: *clauseJSON(u.Clause), Party: u.Party, Action: u.Action, Deadline: dateJSON(u.Deadline)})
	}
	j.endArray()
	return j.end()
}

// WriteJSON writes the decision as one line of JSON followed by a
// newline (so that many decisions make JSON Lines): the bytes of
// MarshalJSON (package interp/schema documents the shape).
func (d *Decision) WriteJSON(w io.Writer) error {
	bp := decisionBufs.Get().(*[]byte)
	b := append(d.AppendJSON((*bp)[:0]), '\n')
	_, err := w.Write(b)
	if cap(b) <= 64<<10 { // a rare huge one is not kept
		*bp = b
		decisionBufs.Put(bp)
	}
	return err
}

// WriteJSON writes the test report as one JSON document indented by two
// spaces, followed by a newline: MarshalJSON indented (package
// interp/schema documents the shape).
func (r *TestReport) WriteJSON(w io.Writer) error {
	b, err := r.MarshalJSON()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, b, "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}

// periods groups the statement's lines by period, keeping their order
// within each period. Periods come in order of their last day, and of
// two that end on the same day the shorter first: 2027-Q4, then 2027.
func (st *Statement) periods() []periodGroup { return st.groupPeriods(nil) }

// groupPeriods is periods, adding to looks (when not nil) one for each
// line or total looked at.
func (st *Statement) groupPeriods(looks *int) []periodGroup {
	look := func() {
		if looks != nil {
			*looks++
		}
	}
	var out []periodGroup
	index := map[types.Period]int{}
	for _, l := range st.Lines {
		look()
		i, ok := index[l.Period]
		if !ok {
			i = len(out)
			index[l.Period] = i
			out = append(out, periodGroup{period: l.Period})
		}
		out[i].lines = append(out[i].lines, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].period, out[j].period
		if c := a.End().Cmp(b.End()); c != 0 {
			return c < 0
		}
		return b.Start().Before(a.Start())
	})
	// Each total goes to its period's group in one pass, keeping the
	// totals' order (a scan of every total per period would be quadratic
	// in the number of periods).
	for i := range out {
		index[out[i].period] = i
	}
	for _, t := range st.Totals {
		look()
		if i, ok := index[t.Period]; ok {
			out[i].totals = append(out[i].totals, t)
		}
	}
	return out
}

// WriteText writes the statement as text tables: a header, then for each
// period its lines (notes indented under each) and its totals per pair of
// parties, then the breaches and the amounts overdue. It lists the
// breaches the statement kept, with counts of the others per clause.
func (st *Statement) WriteText(w io.Writer) error { return st.WriteTextAll(w, nil) }

// WriteTextAll is WriteText listing the breaches in all (every breach of
// the settlement, gathered with interp.SettleOptions.OnBreach = all.Add) instead
// of those the statement kept; nil lists the kept ones. The text is
// written as it is made: the breaches are never all in memory.
func (st *Statement) WriteTextAll(w io.Writer, all *BreachSpool) error {
	b := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(b, "Statement for %s\n", st.Agreement)
	fmt.Fprintf(b, "  from %s to %s, as of %s\n", st.From, st.To, st.AsOf)
	fmt.Fprintf(b, "  amounts in %s; %d ledger %s counted\n", st.currencies(), st.Events, pluralWord(st.Events, "event", "events"))
	if t := st.Terminated; t != nil {
		fmt.Fprintf(b, "  %s; the clauses that do not survive termination were last in force on %s\n", t, t.LastDay())
	}
	if st.RowsBeforeTerm+st.RowsAfterTerm > 0 {
		fmt.Fprintf(b, "  %s\n", st.outsideTermText())
	}
	groups := st.periods()
	if len(groups) == 0 {
		b.WriteString("\nNo amounts arise in this range.\n")
	}
	for _, g := range groups {
		fmt.Fprintf(b, "\n%s (%s to %s)\n\n", g.period, g.period.Start(), g.period.End())
		t := &table{right: []bool{false, false, false, true, false, true, false}}
		t.add("Payer → Payee", "Clause", "Kind", "Base", "Rate", "Amount", "Due")
		for _, l := range g.lines {
			base := ""
			if l.Base != nil {
				base = l.Base.String()
			}
			rates := rateRows(l.Rate)
			t.add(pair(l.Payer, l.Payee), clauseLabel(l.Clause), l.Kind, base, rates[0], l.Amount.String(), l.Due.String())
			for _, r := range rates[1:] {
				t.add("", "", "", "", r, "", "")
			}
			for _, n := range l.Notes {
				t.addNote(n)
			}
			if r := l.DueRule; r != "" && !slices.Contains(l.Notes, r) {
				t.addNote(r)
			}
		}
		t.write(b, "  ")
		b.WriteString("\n  Totals\n")
		tt := &table{right: []bool{false, true}}
		for _, tot := range g.totals {
			tt.add(pair(tot.Payer, tot.Payee), tot.Amount.String())
		}
		tt.write(b, "    ")
	}
	if err := st.writeBreachesText(b, all); err != nil {
		return err
	}
	b.WriteString("\nOverdue")
	if len(st.Overdue) == 0 {
		b.WriteString(": none\n")
	} else {
		fmt.Fprintf(b, " as of %s\n\n", st.AsOf)
		t := &table{right: []bool{false, false, false, false, true, true, true, true}}
		t.add("Payer → Payee", "Clause", "Kind", "Due", "Amount", "Outstanding", "Days late", "Late charge")
		for _, o := range st.Overdue {
			l := o.Line
			t.add(pair(l.Payer, l.Payee), clauseLabel(l.Clause), l.Kind, l.Due.String(),
				l.Amount.String(), o.Outstanding.String(), fmt.Sprint(o.DaysLate), o.LateCharge.String())
			t.addNote(o.daysLateRule(st.AsOf))
		}
		t.write(b, "  ")
	}
	if len(st.Unmet) > 0 {
		b.WriteString("\nObligations not met\n\n")
		t := &table{right: []bool{false, false, false}}
		t.add("Clause", "Obligation", "Deadline")
		for _, u := range st.Unmet {
			t.add(clauseLabel(u.Clause), u.Party+" must "+u.Action, u.Deadline.String())
		}
		t.write(b, "  ")
	}
	return b.Flush()
}

// WriteText writes the decision for people: a one-line answer, then the
// deciding clause (with the amendment that made it), the as-of date, the
// version of the agreement used, and every clause that applied, with what
// it says, its part in the outcome and why.
func (d *Decision) WriteText(w io.Writer) error {
	var b strings.Builder
	b.WriteString(describeDecision(d))
	b.WriteByte('\n')
	switch {
	case d.Verdict == lang.Conflict:
		fmt.Fprintf(&b, "  verdict:  conflict, so %s until the parties resolve it\n", d.Effect)
		fmt.Fprintf(&b, "  clauses:  %s\n", clauseSource(d.Conflict[0]))
		fmt.Fprintf(&b, "            %s\n", clauseSource(d.Conflict[1]))
	case d.Clause != nil:
		fmt.Fprintf(&b, "  verdict:  %s\n", d.Verdict)
		fmt.Fprintf(&b, "  clause:   %s\n", clauseSource(d.Clause))
	default:
		fmt.Fprintf(&b, "  verdict:  not covered, so %s by default\n", d.Effect)
		if d.DefaultRule != "" {
			fmt.Fprintf(&b, "  default:  %q\n", d.DefaultRule)
		}
		b.WriteString("  clause:   none applies\n")
	}
	if !d.AsOf.IsZero() {
		fmt.Fprintf(&b, "  as of:    %s\n", d.AsOf)
	}
	version := d.Agreement + " as first made"
	if d.Version != "" {
		version = d.Agreement + " as amended by " + d.Version
	}
	fmt.Fprintf(&b, "  version:  %s\n", version)
	if d.Note != "" {
		fmt.Fprintf(&b, "  note:     %s\n", d.Note)
	}
	if len(d.Applied) == 0 {
		b.WriteString("  applied:  no clause\n")
	} else {
		b.WriteString("  applied:\n")
		for i := range d.Applied {
			a := &d.Applied[i]
			fmt.Fprintf(&b, "    %s\n", clauseSource(a.Clause))
			says := "permits"
			if a.Says == lang.Prohibited {
				says = "prohibits"
			}
			outcome := a.Outcome
			if a.Outcome == "overridden" && a.By != nil {
				outcome = "overridden by " + a.By.Num
			}
			fmt.Fprintf(&b, "      %s; %s: %s\n", says, outcome, a.Reason())
			if dr := a.DateRule(d.Date); dr != "" {
				fmt.Fprintf(&b, "      dates: %s\n", dr)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteText writes the test report for people: each test as PASS or FAIL
// with its failures as `file:line:col: message`, a summary line `N passed,
// M failed`, and the clauses no test exercises.
func (r *TestReport) WriteText(w io.Writer) error {
	var b strings.Builder
	passed, failed := 0, 0
	for _, t := range r.Results {
		if t.Passed() {
			passed++
			fmt.Fprintf(&b, "PASS  %s\n", t.Name)
			continue
		}
		failed++
		fmt.Fprintf(&b, "FAIL  %s\n", t.Name)
		for _, f := range t.Failures {
			fmt.Fprintf(&b, "      %s: %s\n", f.Pos, f.Msg)
		}
	}
	fmt.Fprintf(&b, "%d passed, %d failed\n", passed, failed)
	if len(r.Unexercised) == 0 {
		b.WriteString("clauses no test exercises: none\n")
	} else {
		b.WriteString("clauses no test exercises:\n")
		t := &table{}
		for _, c := range r.Unexercised {
			t.add(clauseSource(c), c.Pos.String())
		}
		t.write(&b, "  ")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// currencies names the currencies of the statement's amounts for its
// header: the agreement's, then any other a line is in ("USD and EUR"),
// so the header never claims one currency for lines in another.
func (st *Statement) currencies() string {
	out := []string{st.Currency}
	for _, l := range st.Lines {
		if c := l.Amount.Currency(); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) == 1 {
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

// This file renders answers for people (text tables) and for programs
// (JSON), as methods of the answers: Decision.WriteText and WriteJSON,
// Statement.WriteText and WriteJSON, TestReport.WriteText and WriteJSON.
// Both renderings are deterministic: the same answer always gives the same
// bytes. The JSON shapes, and the conventions they share, are documented
// on the MarshalJSON methods (marshal_json.go), which give the same JSON
// as WriteJSON: there is one encoding of each answer.

// ---- JSON ----

type jsonClause struct {
	Number    string `json:"number"`
	Title     string `json:"title"`
	Agreement string `json:"agreement"`
	Amendment string `json:"amendment"`
	Position  string `json:"position"`
}

func clauseJSON(c *ClauseInfo) *jsonClause {
	if c == nil {
		return nil
	}
	return &jsonClause{Number: c.Num, Title: c.Title, Agreement: c.Agreement, Amendment: c.Amendment, Position: c.Pos.String()}
}

type jsonUnmet struct {
	Clause   jsonClause `json:"clause"`
	Party    string     `json:"party"`
	Action   string     `json:"action"`
	Deadline string     `json:"deadline"`
}

type jsonPeriod struct {
	Period string      `json:"period"`
	Start  string      `json:"start"`
	End    string      `json:"end"`
	Lines  []jsonLine  `json:"lines"`
	Totals []jsonTotal `json:"totals"`
}

type jsonLine struct {
	Payer    string      `json:"payer"`
	Payee    string      `json:"payee"`
	Clause   *jsonClause `json:"clause"`
	Kind     string      `json:"kind"`
	Date     string      `json:"date"`
	Due      string      `json:"due"`
	Base     *string     `json:"base"`
	Rate     string      `json:"rate"`
	Amount   string      `json:"amount"`
	Currency string      `json:"currency"`
	Notes    []string    `json:"notes"`
	// DueRule says which rule made the due date (SPEC 6.1).
	DueRule string `json:"due_rule"`
}

// jsonOutsideTerm counts the ledger rows outside the agreement's term,
// which count for nothing (SPEC 4.2).
type jsonOutsideTerm struct {
	Start  string `json:"term_start"`
	End    string `json:"term_end"`
	Before int64  `json:"before"`
	After  int64  `json:"after"`
	Rule   string `json:"rule"`
}

type jsonTotal struct {
	Payer    string `json:"payer"`
	Payee    string `json:"payee"`
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

type jsonBreach struct {
	Source   string        `json:"source"`
	Line     int           `json:"line"`
	Date     string        `json:"date"`
	Actor    string        `json:"actor"`
	Action   string        `json:"action"`
	Decision *jsonDecision `json:"decision"`
}

type jsonOverdue struct {
	Payer       string      `json:"payer"`
	Payee       string      `json:"payee"`
	Clause      *jsonClause `json:"clause"`
	Kind        string      `json:"kind"`
	Date        string      `json:"date"`
	Due         string      `json:"due"`
	Amount      string      `json:"amount"`
	Outstanding string      `json:"outstanding"`
	Currency    string      `json:"currency"`
	DaysLate    int         `json:"days_late"`
	LateCharge  string      `json:"late_charge"`
	// DaysLateRule says how days_late was counted (SPEC 6.5).
	DaysLateRule string `json:"days_late_rule"`
}

type jsonDecision struct {
	Agreement string        `json:"agreement"`
	AsOf      string        `json:"as_of"`
	Version   string        `json:"version"`
	Verdict   string        `json:"verdict"`
	Effect    string        `json:"effect"`
	Summary   string        `json:"summary"`
	Clause    *jsonClause   `json:"clause"`
	Conflict  []*jsonClause `json:"conflict"`
	Applied   []jsonApplied `json:"applied"`
	Note      string        `json:"note"`
	Default   string        `json:"default_rule"`
}

type jsonApplied struct {
	Clause  *jsonClause `json:"clause"`
	Says    string      `json:"says"`
	Outcome string      `json:"outcome"`
	By      *jsonClause `json:"by"`
	Reason  string      `json:"reason"`
	Dates   string      `json:"dates,omitempty"`
}

type jsonTestReport struct {
	Passed      int           `json:"passed"`
	Failed      int           `json:"failed"`
	Tests       []jsonTest    `json:"tests"`
	Unexercised []*jsonClause `json:"unexercised"`
}

type jsonTest struct {
	Name      string            `json:"name"`
	Agreement string            `json:"agreement"`
	Amendment string            `json:"amendment"`
	Position  string            `json:"position"`
	Passed    bool              `json:"passed"`
	Failures  []jsonTestFailure `json:"failures"`
}

type jsonTestFailure struct {
	Position string `json:"position"`
	Message  string `json:"message"`
}

func dateJSON(d types.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func decisionJSON(d *Decision) *jsonDecision {
	out := &jsonDecision{
		Agreement: d.Agreement, AsOf: dateJSON(d.AsOf), Version: d.Version,
		Verdict: d.Verdict.String(), Effect: d.Effect.String(), Summary: describeDecision(d),
		Clause: clauseJSON(d.Clause), Conflict: []*jsonClause{}, Applied: []jsonApplied{}, Note: d.Note,
	}
	if d.Verdict == lang.NotCovered {
		out.Default = d.DefaultRule
	}
	if d.Verdict == lang.Conflict {
		out.Conflict = []*jsonClause{clauseJSON(d.Conflict[0]), clauseJSON(d.Conflict[1])}
	}
	for i := range d.Applied {
		a := &d.Applied[i]
		ja := jsonApplied{Clause: clauseJSON(a.Clause), Says: a.Says.String(), Outcome: a.Outcome, Reason: a.Reason(), Dates: a.DateRule(d.Date)}
		if a.Outcome == "overridden" {
			ja.By = clauseJSON(a.By)
		}
		out.Applied = append(out.Applied, ja)
	}
	return out
}

func breachJSON(b *Breach) jsonBreach {
	return jsonBreach{Source: b.Source, Line: b.Line, Date: dateJSON(b.Date), Actor: b.Actor, Action: b.Action, Decision: decisionJSON(b.Decision)}
}

type jsonTally struct {
	Verdict  string        `json:"verdict"`
	Clause   *jsonClause   `json:"clause"`
	Conflict []*jsonClause `json:"conflict"`
	Count    int64         `json:"count"`
}

// jsonStream writes one JSON object member by member, laid out exactly as
// encoding/json indents a whole document by two spaces, so that only one
// member (or one element of an array) is in memory at a time.
type jsonStream struct {
	w       *bufio.Writer
	buf     bytes.Buffer
	enc     *json.Encoder
	members int // members written
	elems   int // elements of the open array
	err     error
}

func newJSONStream(w io.Writer) *jsonStream {
	j := &jsonStream{w: bufio.NewWriterSize(w, 64<<10)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	return j
}

func (j *jsonStream) key(name string) {
	if j.members == 0 {
		j.w.WriteString("{\n")
	} else {
		j.w.WriteString(",\n")
	}
	j.members++
	j.w.WriteString(`  "`)
	j.w.WriteString(name)
	j.w.WriteString(`": `)
}

// value writes v as encoding/json would at this depth (prefix).
func (j *jsonStream) value(v any, prefix string) {
	j.buf.Reset()
	j.enc.SetIndent(prefix, "  ")
	if err := j.enc.Encode(v); err != nil && j.err == nil {
		j.err = err
	}
	j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
}

func (j *jsonStream) member(name string, v any) {
	j.key(name)
	j.value(v, "  ")
}

func (j *jsonStream) beginArray(name string) {
	j.key(name)
	j.w.WriteByte('[')
	j.elems = 0
}

func (j *jsonStream) nextElem() {
	if j.elems > 0 {
		j.w.WriteByte(',')
	}
	j.elems++
	j.w.WriteString("\n    ")
}

func (j *jsonStream) elem(v any) {
	j.nextElem()
	j.value(v, "    ")
}

// elemRaw writes an element given as compact JSON.
func (j *jsonStream) elemRaw(compact []byte) {
	j.nextElem()
	j.buf.Reset()
	if err := json.Indent(&j.buf, bytes.TrimSpace(compact), "    ", "  "); err != nil && j.err == nil {
		j.err = err
	}
	j.w.Write(j.buf.Bytes())
}

func (j *jsonStream) endArray() {
	if j.elems > 0 {
		j.w.WriteString("\n  ")
	}
	j.w.WriteByte(']')
}

func (j *jsonStream) end() error {
	j.w.WriteString("\n}\n")
	if err := j.w.Flush(); err != nil {
		return err
	}
	return j.err
}

// decisionBufs holds the buffers WriteJSON writes decisions in.
var decisionBufs = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

// ---- text ----

// periodGroup is the lines and totals of one period of a statement.
type periodGroup struct {
	period types.Period
	lines  []*Line
	totals []*PairTotal
}

// stringWriter is where text is written: a strings.Builder or a
// bufio.Writer (whose error is checked when it is flushed).
type stringWriter interface {
	WriteString(string) (int, error)
	WriteByte(byte) error
}

// table lays out rows of cells in aligned columns. A row may instead be a
// note, printed indented under the row before it, which does not count
// towards the columns' widths.
type table struct {
	right []bool // right-align column i
	rows  []tableRow
}

type tableRow struct {
	cells []string
	note  string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, tableRow{cells: cells}) }

func (t *table) addNote(s string) { t.rows = append(t.rows, tableRow{note: s}) }

func width(s string) int { return utf8.RuneCountInString(s) }

// write prints the table with indent before every row and two spaces
// between columns, with no trailing spaces.
func (t *table) write(b stringWriter, indent string) {
	var ws []int
	for _, r := range t.rows {
		for i, c := range r.cells {
			if i >= len(ws) {
				ws = append(ws, 0)
			}
			ws[i] = max(ws[i], width(c))
		}
	}
	for _, r := range t.rows {
		if r.cells == nil {
			b.WriteString(indent)
			b.WriteString("    ")
			b.WriteString(r.note)
			b.WriteByte('\n')
			continue
		}
		var line strings.Builder
		line.WriteString(indent)
		for i, c := range r.cells {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", ws[i]-width(c))
			if i < len(t.right) && t.right[i] {
				line.WriteString(pad)
				line.WriteString(c)
			} else {
				line.WriteString(c)
				line.WriteString(pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

// rateRows lays out a line's rate column one entry per row, so that the
// column is as wide as its widest entry: each part of a rate joined by
// "; " (a share's lines, SPEC 7.6) on a row of its own, and a tier of
// rates by sale (SPEC 7.3.1), "up to USD 100.00: 25% of USD 60.00, 20%
// of USD 40.00", as its band, "up to USD 100.00:", with each rate
// charged in it on a row indented under it.
func rateRows(rate string) []string {
	var rows []string
	for _, part := range strings.Split(rate, "; ") {
		band, charged, ok := strings.Cut(part, ": ")
		if !ok || !(band == "all" || strings.HasPrefix(band, "up to ") || strings.HasPrefix(band, "above ")) {
			rows = append(rows, part)
			continue
		}
		rows = append(rows, band+":")
		for _, c := range strings.Split(charged, ", ") {
			rows = append(rows, "  "+c)
		}
	}
	return rows
}

// clauseLabel names a clause in a table: `5.1 "Revenue share"`, with
// `(aws_concessions)` when an amendment made the version.
func clauseLabel(c *ClauseInfo) string {
	if c == nil {
		return ""
	}
	return c.String()
}

// clauseSource names a clause with where its version comes from:
// `3.2 "AWS distribution" (added by aws_concessions)`,
// `5.1 "Revenue share" (as replaced by aws_concessions)`,
// `3.1 "Azure exclusivity" (openai_microsoft)`.
func clauseSource(c *ClauseInfo) string {
	s := fmt.Sprintf("%s %q", c.Num, c.Title)
	switch {
	case c.Amendment == "":
		return s + " (" + c.Agreement + ")"
	case c.Decl != nil && c.Decl.Replace:
		return s + " (as replaced by " + c.Amendment + ")"
	}
	return s + " (added by " + c.Amendment + ")"
}

func pair(payer, payee string) string { return payer + " → " + payee }

func pluralWord(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
