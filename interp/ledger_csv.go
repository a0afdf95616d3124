package interp

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file reads CSV ledgers (the format is described in ledger.go).
//
// A line without a quote is split at its commas in place, in the reader's
// buffer, and its cells are typed straight from the bytes: dates, money,
// parties, kinds and the action's name build their values without an
// intermediate string (csvRowBytes). A line holding a quote starts a
// record that may span lines; it is read by encoding/csv, which is fed the
// ledger's lines one at a time from here (csvFeeder), so that its errors
// name the same line and character as if it read the whole ledger. The
// result is the one encoding/csv gives for the whole ledger, event for
// event and error for error (FuzzReadCSVFast compares the two on arbitrary
// input): the same cells, blank lines skipped, "\r\n" read as "\n", a
// "\r" before the end of the input dropped, and the same limit on a row.

// ReadCSV streams the rows of a CSV ledger of the agreement agreementID
// ("" for the only one) as events. source names the ledger in errors
// (usually its file name). SPEC.md section 7.6.1 defines the format.
//
// An unknown agreement is an error unwrapping to ErrUnknownAgreement;
// every problem with the ledger is a *LedgerError, which unwraps to
// ErrUnknownAction for a row naming no action or event of the agreement
// and to ErrTooLarge for a row over the limit.
func (p *Program) ReadCSV(agreementID, source string, r io.Reader) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		ag, err := p.agreementFor(agreementID)
		if err != nil {
			yield(Event{}, &LedgerError{Source: source, Msg: err.Error(), Err: err})
			return
		}
		maxRow := p.rowLimit()
		sc := newCSVScanner(r, maxRow)
		lr := newLedgerReader(ag, source)
		fail := func(line int, field, msg string) {
			yield(Event{}, lr.rowError(line, field, msg))
		}
		tooLong := func(line int) {
			yield(Event{}, &LedgerError{Source: source, Line: line, Err: ErrTooLarge,
				Msg: fmt.Sprintf("the row is longer than %s, the most a ledger row may be", sizeText(int64(maxRow)))})
		}
		err = sc.read()
		if err == io.EOF {
			fail(1, "", "the ledger is empty: the first row must name the columns (action, actor, date and the fields)")
			return
		}
		if errors.Is(err, errRowTooLong) {
			tooLong(1)
			return
		}
		if err != nil {
			yield(Event{}, csvError(source, err))
			return
		}
		next := 2 // the line the next row starts on, unless blank lines come first
		var cols []string
		if sc.row != nil {
			cols = make([]string, len(sc.row))
			copy(cols, sc.row) // the reader reuses row's storage
		} else {
			cols = make([]string, len(sc.cells))
			for i, c := range sc.cells {
				cols[i] = string(c)
			}
		}
		if len(cols) > 0 {
			cols[0] = strings.TrimPrefix(cols[0], "\uFEFF")
		}
		if line, field, msg := lr.setHeader(cols); msg != "" {
			fail(line, field, msg)
			return
		}
		for {
			err := sc.read()
			if err == io.EOF {
				return
			}
			if errors.Is(err, errRowTooLong) {
				tooLong(next)
				return
			}
			if err != nil {
				yield(Event{}, csvError(source, err))
				return
			}
			line := sc.recLine
			next = sc.lastLine + 1
			n := len(sc.cells)
			if sc.row != nil {
				n = len(sc.row)
			}
			if n != len(cols) {
				fail(line, "", fmt.Sprintf("the row has %s, but the header names %d", columns(n), len(cols)))
				return
			}
			var rec *types.Record
			var field, msg string
			if sc.row != nil {
				rec, field, msg = lr.csvRow(sc.row)
			} else {
				rec, field, msg = lr.csvRowBytes(sc.cells)
			}
			if msg != "" {
				fail(line, field, msg)
				return
			}
			if !yield(Event{Record: rec, Source: source, Line: line}, nil) {
				return
			}
		}
	}
}

// csvSlack is how far past the row limit a record may reach before it is
// refused: encoding/csv, which read every ledger before the in-place
// scanner, read that far ahead (its buffer), so that is the limit a
// ledger has always had.
const csvSlack = 4096

// csvLines reads the lines of a ledger, counting them, and refuses a
// record that needs a byte at or past limit (the end of the record before
// it plus the row limit plus csvSlack).
type csvLines struct {
	br     *bufio.Reader
	long   []byte // a line longer than br's buffer
	line   int    // lines read
	offset int64  // bytes read
	limit  int64
}

// next returns the next line with its "\n" (none on the last line of the
// input), or io.EOF, or errRowTooLong or the reader's error with the
// part of the line read before it (up to the limit), which encoding/csv
// parses before it reports the error: a quote in it is reported first.
func (l *csvLines) next() ([]byte, error) {
	line, err := l.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		l.long = append(l.long[:0], line...)
		for err == bufio.ErrBufferFull {
			if l.offset+int64(len(l.long)) >= l.limit {
				// Its newline, if any, is past the limit.
				return l.cut(l.long), errRowTooLong
			}
			line, err = l.br.ReadSlice('\n')
			l.long = append(l.long, line...)
		}
		line = l.long
	}
	end := l.offset + int64(len(line))
	switch {
	case err == nil && end > l.limit, err != nil && end >= l.limit:
		return l.cut(line), errRowTooLong
	case err == io.EOF && len(line) == 0:
		return nil, io.EOF
	case err != nil && err != io.EOF:
		return l.cut(line), err
	}
	l.offset = end
	l.line++
	return line, nil
}

// cut returns the part of a line cut short by an error that lies before
// the limit (what encoding/csv behind its limiter would have seen),
// counting it as a line if it is not empty.
func (l *csvLines) cut(line []byte) []byte {
	line = line[:min(int64(len(line)), l.limit-l.offset)]
	if len(line) > 0 {
		l.line++
	}
	return line
}

// csvScanner reads the records of a CSV ledger: a line without a quote
// into cells (slices of the line, valid until the next read), a record
// starting with a line that holds one into row, through encoding/csv.
type csvScanner struct {
	lines    csvLines
	maxRow   int
	cells    [][]byte
	row      []string // set instead of cells for a record read by encoding/csv
	recLine  int      // the line the record starts on
	lastLine int      // the line its last cell starts on
	feed     *csvFeeder
	cr       *csv.Reader
}

func newCSVScanner(r io.Reader, maxRow int) *csvScanner {
	sc := &csvScanner{maxRow: maxRow}
	sc.lines = csvLines{br: bufio.NewReaderSize(r, 64<<10), limit: int64(maxRow) + csvSlack}
	return sc
}

// read reads the next record, skipping blank lines. It returns io.EOF at
// the end of the input.
func (sc *csvScanner) read() error {
	for {
		line, err := sc.lines.next()
		if err != nil {
			if bytes.IndexByte(line, '"') >= 0 {
				return sc.readQuoted(line, err) // encoding/csv reports a bad quote first
			}
			return err
		}
		text := line
		if n := len(text); n > 0 && text[n-1] == '\n' {
			text = text[:n-1]
		}
		if n := len(text); n > 0 && text[n-1] == '\r' {
			text = text[:n-1]
		}
		if len(text) == 0 {
			continue // a blank line
		}
		if bytes.IndexByte(line, '"') >= 0 {
			err := sc.readQuoted(line, nil)
			sc.done()
			return err
		}
		sc.row = nil
		cells := sc.cells[:0]
		for {
			i := bytes.IndexByte(text, ',')
			if i < 0 {
				cells = append(cells, text)
				break
			}
			cells = append(cells, text[:i])
			text = text[i+1:]
		}
		sc.cells = cells
		sc.recLine, sc.lastLine = sc.lines.line, sc.lines.line
		sc.done()
		return nil
	}
}

// done moves the limit past the record just read.
func (sc *csvScanner) done() {
	sc.lines.limit = sc.lines.offset + int64(sc.maxRow) + csvSlack
}

// readQuoted reads the record that starts with line (which holds a quote)
// with encoding/csv, numbering its lines as the ledger's. readErr is the
// error that cut line short, if any.
func (sc *csvScanner) readQuoted(line []byte, readErr error) error {
	if sc.cr == nil {
		sc.feed = &csvFeeder{lines: &sc.lines}
		sc.cr = csv.NewReader(sc.feed)
		sc.cr.ReuseRecord = true
		sc.cr.FieldsPerRecord = -1 // checked by the caller, with a clearer message
	}
	sc.feed.pending, sc.feed.err = line, readErr
	sc.feed.fed++
	shift := sc.lines.line - sc.feed.fed // ledger line = encoding/csv's line + shift
	row, err := sc.cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			moved := *pe
			moved.StartLine += shift
			moved.Line += shift
			return &moved
		}
		return err
	}
	sc.row = row
	first, _ := sc.cr.FieldPos(0)
	last, _ := sc.cr.FieldPos(len(row) - 1)
	sc.recLine, sc.lastLine = first+shift, last+shift
	return nil
}

// csvFeeder gives encoding/csv the ledger one line at a time, as it asks
// for them, so that it never reads past the record it is on.
type csvFeeder struct {
	lines   *csvLines
	pending []byte
	err     error // the error after pending
	fed     int   // lines given to encoding/csv
}

func (f *csvFeeder) Read(p []byte) (int, error) {
	if len(f.pending) == 0 {
		if f.err != nil {
			return 0, f.err
		}
		line, err := f.lines.next()
		if len(line) == 0 {
			return 0, err
		}
		f.fed++
		f.pending, f.err = line, err
	}
	n := copy(p, f.pending)
	f.pending = f.pending[n:]
	return n, nil
}

// csvRowBytes types one CSV row given as cells, as csvRow does the cells
// of a row given as strings, with the same errors: a cell it cannot type
// straight from its bytes goes through ParseField.
func (lr *ledgerReader) csvRowBytes(row [][]byte) (*types.Record, string, string) {
	name := bytes.TrimSpace(row[lr.actionCol])
	s := lr.lastSchema
	if s == nil || string(name) != s.Name() {
		var ok bool
		if s, ok = lr.ag.schemas[string(name)]; ok {
			lr.unknown = false
		} else {
			var msg string
			if s, msg = lr.schema(string(name)); msg != "" {
				return nil, "action", msg
			}
		}
		lr.lastSchema = s
	}
	pl := lr.plan(s)
	for _, c := range pl.extra {
		if len(bytes.TrimSpace(row[c])) != 0 {
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
		t := s.types[i]
		if c < 0 && t.holdsItems() {
			return nil, f, csvItemsError(s, i)
		}
		if c < 0 {
			return nil, f, fmt.Sprintf("missing: the ledger has no column %q, which %s needs", f, s.Name())
		}
		if t.holdsItems() {
			return nil, f, csvItemsError(s, i)
		}
		text := bytes.TrimSpace(row[c])
		if len(text) == 0 {
			return nil, f, fmt.Sprintf("missing: every %s row needs %s", s.Name(), describeField(s, i))
		}
		if t.kind == types.KindParty || t.kind == types.KindEnum {
			// A name: the value of the cell above is likely the same.
			if last := pl.last[i]; last.Str() == string(text) && last.Kind() == t.kind {
				rec.Fields[i] = last
				continue
			}
		}
		if lr.cellValue(&rec.Fields[i], s, t, text) {
			if t.kind == types.KindParty || t.kind == types.KindEnum {
				pl.last[i] = rec.Fields[i]
			}
			continue
		}
		v, err := s.ParseField(i, string(row[c]))
		if err != nil {
			return nil, f, err.Error()
		}
		rec.Fields[i] = v
	}
	return rec, "", ""
}

// cellValue types a trimmed cell of the common kinds straight from its
// bytes into *dst. It returns false for anything it does not read exactly
// as ParseField would (which then reads it, or words the error).
func (lr *ledgerReader) cellValue(dst *types.Value, s *schema, t *fieldType, b []byte) bool {
	switch t.kind {
	case types.KindDate:
		if d, ok := dateBytes(b); ok {
			*dst = types.DateValue(d)
			return true
		}
	case types.KindMoney:
		if d, ok := moneyBytes(b, t.currency); ok {
			*dst = types.MoneyValue(t.currency, d)
			return true
		}
	case types.KindParty:
		if s.agreement.parties[string(b)] {
			name, ok := lr.names1[string(b)]
			if !ok {
				name = string(b)
				lr.intern(name)
			}
			*dst = types.PartyValue(name)
			return true
		}
	case types.KindEnum:
		if i, ok := t.members[string(b)]; ok {
			name, ok := lr.names1[string(b)]
			if !ok {
				name = string(b)
				lr.intern(name)
			}
			*dst = types.EnumValue(name, i)
			return true
		}
	}
	return false
}

// intern keeps one copy of a party's or kind member's name, so that a
// cell naming it builds its value without a string of its own.
func (lr *ledgerReader) intern(name string) {
	if lr.names1 == nil {
		lr.names1 = map[string]string{}
	}
	lr.names1[name] = name
}

// dateBytes reads YYYY-MM-DD, as types.ParseDate does; false for
// anything else, or a day that does not exist.
func dateBytes(b []byte) (types.Date, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return types.Date{}, false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if b[i] < '0' || b[i] > '9' {
			return types.Date{}, false
		}
	}
	num := func(b []byte) int {
		n := 0
		for _, c := range b {
			n = n*10 + int(c-'0')
		}
		return n
	}
	d, err := types.NewDate(num(b[0:4]), num(b[5:7]), num(b[8:10]))
	return d, err == nil
}

// moneyBytes reads an amount as parseMoneyText does, for the plain forms
// `USD 1,234.50`, `1,234.50`, `1234.5`: the currency and one space, then
// digits in groups of three separated by commas (or no commas), then
// optionally a point and digits, 18 digits at most. It returns false for
// anything else (another currency, a sign, more spaces, a misplaced
// comma), which parseMoneyText then reads or refuses.
func moneyBytes(b []byte, currency string) (types.Decimal, bool) {
	if len(b) > 3 && b[0] >= 'A' && b[0] <= 'Z' {
		n := len(currency)
		if len(b) <= n+1 || string(b[:n]) != currency || b[n] != ' ' {
			return types.Decimal{}, false
		}
		b = b[n+1:]
	}
	var coef int64
	digits, group, scale := 0, -1, 0 // group: digits since the last comma, -1 before any
	i := 0
	for ; i < len(b) && b[i] != '.'; i++ {
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			coef = coef*10 + int64(c-'0')
			digits++
			if group >= 0 {
				group++
			}
		case c == ',':
			if group < 0 && (digits < 1 || digits > 3) || group >= 0 && group != 3 {
				return types.Decimal{}, false
			}
			group = 0
		default:
			return types.Decimal{}, false
		}
		if digits > 18 {
			return types.Decimal{}, false
		}
	}
	if digits == 0 || group >= 0 && group != 3 {
		return types.Decimal{}, false
	}
	if i < len(b) { // the point
		i++
		if i == len(b) {
			return types.Decimal{}, false
		}
		for ; i < len(b); i++ {
			c := b[i]
			if c < '0' || c > '9' {
				return types.Decimal{}, false
			}
			coef = coef*10 + int64(c-'0')
			digits++
			scale++
			if digits > 18 {
				return types.Decimal{}, false
			}
		}
	}
	d, err := types.NewDecimal(coef, scale)
	return d, err == nil
}
