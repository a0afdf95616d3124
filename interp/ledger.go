package interp

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file reads ledgers: the rows of actions and events that a
// settlement counts, as CSV or as JSON Lines. Both readers stream: they
// hold one row at a time, so a ledger of millions of rows is read in
// constant memory. Every value is typed by the schema of its row's action
// or event, exactly as Schema.ParseField reads it; nothing passes through
// binary floating point.
//
// # CSV
//
// The first row is a header naming the columns. It must name `action`
// (which action or event the row records) and `date`, and names `actor`
// (the party that took an action) when the ledger holds actions; every
// other column is a field of some action or event of the agreement, in any
// order:
//
//	action,actor,date,product,platform,region,gross,refunds,model
//	sell,openai,2026-10-15,ChatGPT Enterprise,Azure,US,"USD 1,000,000.00",USD 50000.00,
//	model_release,,2026-11-03,,Azure,,,,GPT-6
//
// Each row fills the fields of its own action or event; the cells of the
// columns its schema does not have must be empty (so an event leaves
// `actor` empty). An empty cell is a missing value, and a missing value is
// an error: every field of the schema must be given. Money is written as
// ParseField reads it (`USD 1,250.00`, `1250.00`), quoted when it contains
// a comma. Blank lines are skipped; a UTF-8 byte-order mark before the
// header is ignored.
//
// # JSON Lines
//
// Each non-blank line is one JSON object: `action` names the action or
// event, `agreement` may name the agreement (it must then be the one being
// settled), and every other member is a field, given as a string, a
// number (read exactly, as written: 1250.00 is money in the agreement's
// currency), true or false, or an array of those for a list field:
//
//	{"action":"sell","actor":"openai","date":"2026-10-15","product":"ChatGPT Enterprise","platform":"Azure","region":"US","gross":"USD 1,000,000.00","refunds":"USD 50,000.00"}
//
// Every field of the schema must be present, and no other; a member may
// appear only once. Unlike a CSV cell, an empty string "" is a value, so
// a text field may be empty. A list of items (SPEC 4.5.1) is an array of
// objects, each with every field of the item (ledger_items.go); a CSV
// ledger cannot hold one, and refuses the rows of an action or event that
// has one.
//
// # Limits
//
// A row (a CSV record with all its cells, or a line of JSON Lines) may be
// at most DefaultMaxRowBytes long unless the program was compiled with
// WithMaxRowBytes; a longer one is an error wrapping ErrTooLarge, found
// without reading more than about the limit. An error quotes an offending
// value by its first 40 characters only.
//
// # Errors and reuse
//
// Every problem is yielded as a *LedgerError naming the source, the line
// (1-based; for CSV the line on which the row starts) and, where there is
// one, the field, and the sequence then ends. The dates of the rows are
// not checked for order here: Settle reports a row dated before the one
// above it.
//
// To stay in constant memory the readers reuse one Record per schema: the
// Record of a yielded Event is overwritten by the next row of the same
// action or event. Settle never keeps a Record; a caller that does must
// copy its Fields.

// rowLimit is the longest ledger row accepted.
func (p *Program) rowLimit() int {
	if p.maxRow <= 0 {
		return DefaultMaxRowBytes
	}
	return p.maxRow
}

// errRowTooLong ends a row longer than the limit.
var errRowTooLong = errors.New("the row is too long")

func columns(n int) string {
	if n == 1 {
		return "1 column"
	}
	return fmt.Sprintf("%d columns", n)
}

// csvError turns an error of encoding/csv into a LedgerError.
func csvError(source string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			msg = `a quote (") inside a cell that is not quoted; quote the whole cell and write the quote twice ("")`
		case errors.Is(pe.Err, csv.ErrQuote):
			msg = `a quoted cell is not closed, or a quote (") inside it is not written twice ("")`
		}
		return &LedgerError{Source: source, Line: pe.Line, Msg: fmt.Sprintf("at character %d: %s", pe.Column, msg), Err: err}
	}
	var pe2 *fs.PathError
	if errors.As(err, &pe2) {
		return &LedgerError{Source: source, Msg: "cannot read the ledger: " + pe2.Err.Error(), Err: err}
	}
	return &LedgerError{Source: source, Msg: "cannot read the ledger: " + err.Error(), Err: err}
}

// ReadJSONL streams the rows of a JSON Lines ledger of the agreement
// agreementID ("" for the only one) as events. source names the ledger in
// errors. SPEC.md section 7.6.1 defines the format.
//
// Errors are as for ReadCSV.
func (p *Program) ReadJSONL(agreementID, source string, r io.Reader) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		ag, err := p.agreementFor(agreementID)
		if err != nil {
			yield(Event{}, &LedgerError{Source: source, Msg: err.Error(), Err: err})
			return
		}
		sc := bufio.NewScanner(r)
		maxRow := p.rowLimit()
		sc.Buffer(make([]byte, 0, min(64<<10, maxRow+1)), maxRow+1) // +1: the newline
		lr := newLedgerReader(ag, source)
		line := 0
		for sc.Scan() {
			line++
			text := bytes.TrimSpace(sc.Bytes())
			if line == 1 {
				text = bytes.TrimPrefix(text, []byte("\uFEFF"))
			}
			if len(text) == 0 {
				continue
			}
			rec, field, msg := lr.jsonRow(text)
			if msg != "" {
				yield(Event{}, lr.rowError(line, field, msg))
				return
			}
			if !yield(Event{Record: rec, Source: source, Line: line}, nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			msg := "cannot read the ledger: " + err.Error()
			var pe *fs.PathError
			if errors.As(err, &pe) {
				msg = "cannot read the ledger: " + pe.Err.Error()
			}
			if errors.Is(err, bufio.ErrTooLong) {
				msg = fmt.Sprintf("the line is longer than %s, the most a ledger row may be; give one row per line", sizeText(int64(maxRow)))
				err = ErrTooLarge
			}
			yield(Event{}, &LedgerError{Source: source, Line: line + 1, Msg: msg, Err: err})
		}
	}
}

// ledgerReader is the state shared by both formats: the agreement, its
// schemas, and one reusable record per schema.
type ledgerReader struct {
	ag      *agreement
	source  string
	names   []string // schema names, sorted, for hints
	records map[*schema]*types.Record
	// CSV only.
	cols       []string
	actionCol  int
	plans      map[*schema]*csvPlan
	names1     map[string]string // one copy of each party and kind member read (ledger_csv.go)
	lastSchema *schema           // the schema of the last CSV row read fast
	// JSON only: the members of the current line, reused.
	members []jsonMember
	// unknown is set when the last row named no action or event of the
	// agreement, so that its error unwraps to ErrUnknownAction.
	unknown bool
}

// rowError is the error of a row that csvRow or jsonRow refused.
func (lr *ledgerReader) rowError(line int, field, msg string) *LedgerError {
	e := &LedgerError{Source: lr.source, Line: line, Field: field, Msg: msg}
	if lr.unknown {
		e.Err = ErrUnknownAction
		lr.unknown = false
	}
	return e
}

type csvPlan struct {
	fieldCol []int // for each field of the schema, its column (-1: none)
	extra    []int // columns the schema does not have, which must be empty
	// last holds, for each party or kind field, the value last read
	// (ledger_csv.go): a cell naming the same reuses it.
	last []types.Value
}

type jsonMember struct {
	key  string
	text string
	list []string
	kind byte // 's' string, '#' number, 'b' bool, 'l' list, 'n' null
	// items is set for a list that holds objects or arrays: a list of
	// items (SPEC 4.5.1, ledger_items.go).
	items *jsonVal
}

func newLedgerReader(ag *agreement, source string) *ledgerReader {
	lr := &ledgerReader{ag: ag, source: source, records: map[*schema]*types.Record{}, plans: map[*schema]*csvPlan{}}
	for n := range ag.schemas {
		lr.names = append(lr.names, n)
	}
	sort.Strings(lr.names)
	return lr
}

// schema finds the schema a row names.
func (lr *ledgerReader) schema(name string) (*schema, string) {
	if name == "" {
		return nil, "missing: say which action or event the row records"
	}
	s, ok := lr.ag.schemas[name]
	lr.unknown = !ok
	if !ok {
		return nil, fmt.Sprintf("unknown action or event %s in %s%s", shown(name), lr.ag.id, suggest(name, lr.names))
	}
	return s, ""
}

// record returns the reusable record of s.
func (lr *ledgerReader) record(s *schema) *types.Record {
	r, ok := lr.records[s]
	if !ok {
		r = &types.Record{Schema: s, Fields: make([]types.Value, len(s.Fields()))}
		lr.records[s] = r
	}
	return r
}

// setHeader reads the CSV header.
func (lr *ledgerReader) setHeader(cols []string) (line int, field, msg string) {
	lr.actionCol = -1
	known := map[string]bool{"action": true, "actor": true, "date": true}
	var fields []string
	for _, s := range lr.ag.schemas {
		for _, f := range s.Fields() {
			if !known[f] {
				known[f] = true
				fields = append(fields, f)
			}
		}
	}
	fields = append(fields, "action", "actor", "date")
	sort.Strings(fields)
	seen := map[string]int{}
	for i, c := range cols {
		c = strings.TrimSpace(c)
		cols[i] = c
		if c == "" {
			return 1, "", fmt.Sprintf("column %d of the header has no name", i+1)
		}
		if j, dup := seen[c]; dup {
			return 1, c, fmt.Sprintf("the header names this column twice (columns %d and %d)", j+1, i+1)
		}
		seen[c] = i
		if !known[c] {
			return 1, c, fmt.Sprintf("no action or event of %s has this field%s", lr.ag.id, suggest(c, fields))
		}
		if c == "action" {
			lr.actionCol = i
		}
	}
	if lr.actionCol < 0 {
		return 1, "", "the header has no column \"action\": the first row must name the columns (action, actor, date and the fields)"
	}
	if _, ok := seen["date"]; !ok {
		return 1, "", "the header has no column \"date\": every row needs its date"
	}
	lr.cols = cols
	return 0, "", ""
}

func (lr *ledgerReader) plan(s *schema) *csvPlan {
	if pl, ok := lr.plans[s]; ok {
		return pl
	}
	pl := &csvPlan{fieldCol: make([]int, len(s.Fields())), last: make([]types.Value, len(s.Fields()))}
	for i := range pl.fieldCol {
		pl.fieldCol[i] = -1
	}
	for c, name := range lr.cols {
		if c == lr.actionCol {
			continue
		}
		if i := s.FieldIndex(name); i >= 0 {
			pl.fieldCol[i] = c
		} else {
			pl.extra = append(pl.extra, c)
		}
	}
	lr.plans[s] = pl
	return pl
}

// csvRow types one CSV row.
func (lr *ledgerReader) csvRow(row []string) (*types.Record, string, string) {
	name := strings.TrimSpace(row[lr.actionCol])
	s, msg := lr.schema(name)
	if msg != "" {
		return nil, "action", msg
	}
	pl := lr.plan(s)
	for _, c := range pl.extra {
		if strings.TrimSpace(row[c]) != "" {
			col := lr.cols[c]
			if col == "actor" {
				return nil, col, fmt.Sprintf("%s is an event, which has no actor: leave this cell empty", s.Name())
			}
			return nil, col, fmt.Sprintf("%s has no field %q: leave this cell empty", s.Name(), col)
		}
	}
	rec := lr.record(s)
	for i, f := range s.Fields() {
		c := pl.fieldCol[i]
		if c < 0 && s.types[i].holdsItems() {
			return nil, f, csvItemsError(s, i)
		}
		if c < 0 {
			return nil, f, fmt.Sprintf("missing: the ledger has no column %q, which %s needs", f, s.Name())
		}
		text := row[c]
		if s.types[i].holdsItems() {
			return nil, f, csvItemsError(s, i)
		}
		if strings.TrimSpace(text) == "" {
			return nil, f, fmt.Sprintf("missing: every %s row needs %s", s.Name(), describeField(s, i))
		}
		v, err := s.ParseField(i, text)
		if err != nil {
			return nil, f, err.Error()
		}
		rec.Fields[i] = v
	}
	return rec, "", ""
}

// describeField names field i of s for "missing" messages: `a date`,
// `its actor (a party)`, `region (text)`.
func describeField(s *schema, i int) string {
	switch s.Fields()[i] {
	case "date":
		return "a date"
	case "actor":
		return "an actor (the party that takes it)"
	}
	return fmt.Sprintf("%s (%s)", s.Fields()[i], s.FieldType(i))
}

// jsonRow types one JSON Lines row.
func (lr *ledgerReader) jsonRow(text []byte) (*types.Record, string, string) {
	if !utf8.Valid(text) {
		return nil, "", "the line is not valid UTF-8 text"
	}
	// One string per line: keys and values are substrings of it.
	if line := string(text); !lr.scanFlat(line) {
		if field, msg := lr.decodeJSON(text); msg != "" {
			return nil, field, msg
		}
	}
	ms := lr.members
	for i := 1; i < len(ms); i++ {
		for j := 0; j < i; j++ {
			if ms[i].key == ms[j].key {
				return nil, ms[i].key, "appears twice in the row"
			}
		}
	}
	return lr.jsonRecord(ms)
}

// decodeJSON reads the members of a line with encoding/json, for the lines
// scanFlat leaves (escapes, lists, errors), into lr.members. It returns
// the field and message of a problem, if any.
func (lr *ledgerReader) decodeJSON(text []byte) (string, string) {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	notObject := "not a JSON object: each line must be one object like {\"action\": \"sell\", ...}"
	tok, err := dec.Token()
	if err != nil {
		return "", "not valid JSON: " + jsonMsg(text, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return "", notObject
	}
	ms := lr.members[:0]
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", "not valid JSON: " + jsonMsg(text, err)
		}
		key := tok.(string) // object keys are always strings
		m := jsonMember{key: key}
		tok, err = dec.Token()
		if err != nil {
			return "", "not valid JSON: " + jsonMsg(text, err)
		}
		switch v := tok.(type) {
		case string:
			m.kind, m.text = 's', v
		case json.Number:
			m.kind, m.text = '#', v.String()
		case bool:
			m.kind, m.text = 'b', fmt.Sprint(v)
		case nil:
			m.kind = 'n'
		case json.Delim:
			if v != '[' {
				return key, "must be a string, a number, true or false, not an object"
			}
			m.kind = 'l'
			lv, err := readJSONValue(dec, tok, 0)
			if err == errItemDepth {
				return key, err.Error()
			}
			if err != nil {
				return "", "not valid JSON: " + jsonMsg(text, err)
			}
			m.items = &lv
			if lv.hasObjects() {
				break
			}
			for _, e := range lv.elems {
				if e.kind == 'n' {
					return key, "a list may hold only strings, numbers, true or false, or objects (items)"
				}
				m.list = append(m.list, e.text)
			}
		}
		ms = append(ms, m)
	}
	lr.members = ms
	if _, err := dec.Token(); err != nil { // '}'
		return "", "not valid JSON: " + jsonMsg(text, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return "", "more than one JSON value on the line; give one row per line"
	}
	return "", ""
}

// jsonRecord types the members of one JSON Lines row.
func (lr *ledgerReader) jsonRecord(ms []jsonMember) (*types.Record, string, string) {
	var action *jsonMember
	for i := range ms {
		switch ms[i].key {
		case "action":
			action = &ms[i]
		case "agreement":
			if ms[i].kind != 's' || ms[i].text != lr.ag.id {
				return nil, "agreement", fmt.Sprintf("the row is for %s, but the ledger is being read for %s", shown(ms[i].text), lr.ag.id)
			}
		}
	}
	if action == nil {
		return nil, "action", "missing: say which action or event the row records, like \"action\": \"sell\""
	}
	if action.kind != 's' {
		return nil, "action", "must be the name of an action or event, like \"sell\""
	}
	s, msg := lr.schema(action.text)
	if msg != "" {
		return nil, "action", msg
	}
	// Members the schema does not have, in the order written.
	for _, m := range ms {
		if m.key == "action" || m.key == "agreement" || s.FieldIndex(m.key) >= 0 {
			continue
		}
		if m.key == "actor" {
			return nil, m.key, fmt.Sprintf("%s is an event, which has no actor", s.Name())
		}
		return nil, m.key, fmt.Sprintf("%s has no such field%s", s.Name(), suggest(m.key, s.Fields()))
	}
	rec := lr.record(s)
	for i, f := range s.Fields() {
		var m *jsonMember
		for j := range ms {
			if ms[j].key == f {
				m = &ms[j]
				break
			}
		}
		if m == nil || m.kind == 'n' {
			return nil, f, fmt.Sprintf("missing: every %s row needs %s", s.Name(), describeField(s, i))
		}
		var v types.Value
		var err error
		t := s.types[i]
		switch {
		case m.kind == 'l' && t.kind != types.KindList:
			return nil, f, fmt.Sprintf("must be %s, not a list", t)
		case t.holdsItems() || m.items != nil && m.items.hasObjects():
			jv := jsonVal{kind: m.kind, text: m.text}
			if m.items != nil {
				jv = *m.items
			}
			if v, err = s.jsonFieldValue(t, jv); err != nil {
				return nil, f, err.Error()
			}
		case m.kind == 'l':
			elems := make([]types.Value, len(m.list))
			for k, e := range m.list {
				if elems[k], err = s.parseText(t.elem, strings.TrimSpace(e)); err != nil {
					return nil, f, fmt.Sprintf("element %d: %v", k+1, err)
				}
			}
			v = types.ListValue(elems)
		case t.kind == types.KindText:
			v = types.TextValue(m.text) // a JSON string is the text as it is
		case m.kind == '#' && strings.ContainsAny(m.text, "eE"):
			// A ledger number is written out in digits (SPEC 7.6).
			return nil, f, fmt.Sprintf("%s has an exponent: write the number without an exponent", shown(m.text))
		default:
			if v, err = s.ParseField(i, m.text); err != nil {
				return nil, f, err.Error()
			}
		}
		rec.Fields[i] = v
	}
	return rec, "", ""
}

// scanFlat reads a line holding one flat JSON object whose strings have no
// escapes, without allocating, into lr.members. It returns false for
// anything else (an escape, a list, an error), which decodeJSON then reads
// or reports.
func (lr *ledgerReader) scanFlat(line string) bool {
	ms := lr.members[:0]
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		lr.members = ms
		return skipSpace(line, i+1) == len(line)
	}
	for {
		key, j, ok := scanString(line, i)
		if !ok {
			return false
		}
		i = skipSpace(line, j)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipSpace(line, i+1)
		if i >= len(line) {
			return false
		}
		m := jsonMember{key: key}
		switch c := line[i]; {
		case c == '"':
			m.kind = 's'
			if m.text, i, ok = scanString(line, i); !ok {
				return false
			}
		case c == '-' || c >= '0' && c <= '9':
			m.kind = '#'
			if j = scanNumber(line, i); j < 0 {
				return false
			}
			m.text, i = line[i:j], j
		case strings.HasPrefix(line[i:], "true"):
			m.kind, m.text, i = 'b', "true", i+4
		case strings.HasPrefix(line[i:], "false"):
			m.kind, m.text, i = 'b', "false", i+5
		case strings.HasPrefix(line[i:], "null"):
			m.kind, i = 'n', i+4
		default:
			return false
		}
		ms = append(ms, m)
		i = skipSpace(line, i)
		if i >= len(line) {
			return false
		}
		if line[i] == '}' {
			break
		}
		if line[i] != ',' {
			return false
		}
		i = skipSpace(line, i+1)
	}
	lr.members = ms
	return skipSpace(line, i+1) == len(line)
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
		i++
	}
	return i
}

// scanString reads a JSON string at s[i] that has no escapes and no
// control characters, returning its content and the index after it.
func scanString(s string, i int) (string, int, bool) {
	if i >= len(s) || s[i] != '"' {
		return "", i, false
	}
	for j := i + 1; j < len(s); j++ {
		switch c := s[j]; {
		case c == '"':
			return s[i+1 : j], j + 1, true
		case c == '\\' || c < 0x20:
			return "", i, false
		}
	}
	return "", i, false
}

// scanNumber returns the index after the JSON number at s[i], or -1.
func scanNumber(s string, i int) int {
	digits := func(i int) int {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j
	}
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(i)
	default:
		return -1
	}
	if i < len(s) && s[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return -1
		}
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return -1
		}
		i = j
	}
	return i
}

// jsonMsg words a JSON syntax error in plain words, with the byte of the
// line where it is.
func jsonMsg(text []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// The offsets of a Decoder's tokens vary; Unmarshal's point at the
		// byte after the one it did not expect.
		var v any
		if e2 := json.Unmarshal(text, &v); errors.As(e2, &se) {
			err = e2
		}
		msg := se.Error()
		if rest, ok := strings.CutPrefix(msg, "invalid character "); ok {
			// `'}' looking for beginning of object key string`
			if i := strings.Index(rest, "' "); i > 0 && strings.HasPrefix(rest, "'") {
				char, where := rest[:i+1], rest[i+2:]
				for _, w := range jsonWhere {
					if strings.HasPrefix(where, w[0]) {
						where = w[1]
						break
					}
				}
				msg = fmt.Sprintf("unexpected %s %s", char, where)
			}
		}
		return fmt.Sprintf("%s (at byte %d)", msg, se.Offset)
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return "the line ends before the object is closed"
	}
	return err.Error()
}

// jsonWhere rewords where encoding/json found a character it did not
// expect, longest phrases first.
var jsonWhere = [][2]string{
	{"looking for beginning of object key string", "where a member name (a quoted string) should be"},
	{"looking for beginning of value", "where a value should be"},
	{"after object key:value pair", `after a member, where "," or "}" should be`},
	{"after object key", `after a member name, where ":" should be`},
	{"after array element", `after a list element, where "," or "]" should be`},
	{"after top-level value", "after the object"},
	{"in string literal", "inside a string (write control characters as escapes such as \\n)"},
	{"in string escape code", `in an escape; use \" \\ \/ \b \f \n \r \t or \uXXXX`},
	{"in \\u hexadecimal character escape", "in a \\u escape, which needs four hexadecimal digits"},
	{"in numeric literal", "inside a number"},
	{"in literal", "in true, false or null"},
}

// clip cuts an offending value to a short prefix for an error message (a
// huge cell is never echoed whole), by the one rule the checker uses.
func clip(s string) string { return lang.ClipText(s) }

// shown quotes a value for an error message, clipped.
func shown(s string) string { return lang.QuoteName(s) }
