package interp

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
)

// readCSVRef is ReadCSV as it was before the in-place scanner
// (ledger_csv.go): every row through encoding/csv, behind a rowLimiter.
// FuzzReadCSVFast compares the two.
func (p *Program) readCSVRef(agreementID, source string, r io.Reader) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		ag, err := p.agreementFor(agreementID)
		if err != nil {
			yield(Event{}, &LedgerError{Source: source, Msg: err.Error(), Err: err})
			return
		}
		maxRow := p.rowLimit()
		lim := &rowLimiter{r: r, limit: int64(maxRow) + csvSlack}
		cr := csv.NewReader(lim)
		cr.ReuseRecord = true
		cr.FieldsPerRecord = -1 // checked here, with a clearer message
		lr := newLedgerReader(ag, source)
		fail := func(line int, field, msg string) {
			yield(Event{}, lr.rowError(line, field, msg))
		}
		tooLong := func(line int) {
			yield(Event{}, &LedgerError{Source: source, Line: line, Err: ErrTooLarge,
				Msg: fmt.Sprintf("the row is longer than %s, the most a ledger row may be", sizeText(int64(maxRow)))})
		}
		header, err := cr.Read()
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
		lim.rowDone(cr.InputOffset(), maxRow)
		cols := make([]string, len(header))
		copy(cols, header) // the reader reuses header's storage
		if len(cols) > 0 {
			cols[0] = strings.TrimPrefix(cols[0], "\uFEFF")
		}
		if line, field, msg := lr.setHeader(cols); msg != "" {
			fail(line, field, msg)
			return
		}
		for {
			row, err := cr.Read()
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
			lim.rowDone(cr.InputOffset(), maxRow)
			line, _ := cr.FieldPos(0)
			last, _ := cr.FieldPos(len(row) - 1)
			next = last + 1
			if len(row) != len(cols) {
				fail(line, "", fmt.Sprintf("the row has %s, but the header names %d", columns(len(row)), len(cols)))
				return
			}
			rec, field, msg := lr.csvRow(row)
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

// rowLimiter passes on the bytes of a CSV ledger up to a limit past the
// start of the current row, so that encoding/csv never holds more than
// one row of at most the limit, whatever the input (one endless line, a
// quoted cell that never closes).
type rowLimiter struct {
	r     io.Reader
	read  int64 // bytes passed on
	limit int64 // pass on no more than this
}

func (l *rowLimiter) Read(p []byte) (int, error) {
	if l.read >= l.limit {
		return 0, errRowTooLong
	}
	if int64(len(p)) > l.limit-l.read {
		p = p[:l.limit-l.read]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// rowDone moves the limit past a row that ended at offset end.
func (l *rowLimiter) rowDone(end int64, maxRow int) {
	l.limit = end + int64(maxRow) + csvSlack
}
