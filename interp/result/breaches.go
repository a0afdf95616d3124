package result

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/pacta-lang/pacta/lang"
)

// BreachSpool keeps breaches in a file, one a line: the cells of its row
// in a text statement as a JSON array, a tab, then the breach as compact
// JSON in the shape of the "breaches" of a statement's JSON.
type BreachSpool struct {
	f      io.ReadWriteSeeker
	w      *bufio.Writer
	buf    bytes.Buffer
	enc    *json.Encoder
	n      int64
	widths [4]int // of the text columns: ledger row, date, action, decision
}

// Add writes one breach to the spool; it is meant as
// interp.SettleOptions.OnBreach.
func (s *BreachSpool) Add(b *Breach) error {
	s.buf.Reset()
	jb := breachJSON(b)
	cells := breachCells(jb.Source, jb.Line, jb.Date, jb.Actor, jb.Action, jb.Decision.Summary)
	for i, c := range cells {
		s.widths[i] = max(s.widths[i], width(c))
	}
	// JSON writes a tab inside a string as \t: the first tab ends the cells.
	if err := s.enc.Encode(cells); err != nil {
		return err
	}
	s.buf.Truncate(s.buf.Len() - 1)
	s.buf.WriteByte('\t')
	if err := s.enc.Encode(jb); err != nil {
		return err
	}
	if _, err := s.w.Write(s.buf.Bytes()); err != nil {
		return fmt.Errorf("keeping the breaches in a temporary file: %w", err)
	}
	s.n++
	return nil
}

// Len is the number of breaches in the spool.
func (s *BreachSpool) Len() int64 { return s.n }

// each calls fn with every breach in the spool: its text cells (a JSON
// array) and its compact JSON, valid only during the call.
func (s *BreachSpool) each(fn func(cells, breach []byte) error) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("keeping the breaches in a temporary file: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r := bufio.NewReaderSize(s.f, 64<<10)
	var long []byte
	for {
		line, err := r.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long[:0], line...)
			for err == bufio.ErrBufferFull {
				line, err = r.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if len(line) > 0 {
			cells, breach, ok := bytes.Cut(line, []byte{'\t'})
			if !ok {
				return fmt.Errorf("the temporary file of breaches was changed")
			}
			if ferr := fn(cells, breach); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			_, err = s.f.Seek(0, io.SeekEnd) // ready for more
			return err
		}
		if err != nil {
			return err
		}
	}
}

// writeBreachesText writes the Breaches section of a text statement: every
// breach in all when it is given, else those the statement kept, then how
// many more there are per deciding clause.
func (st *Statement) writeBreachesText(b *bufio.Writer, all *BreachSpool) error {
	listed := int64(len(st.Breaches))
	if all != nil {
		listed = all.Len()
	}
	total := max(st.BreachCount, listed)
	b.WriteString("\nBreaches")
	switch {
	case total == 0:
		b.WriteString(": none\n")
		return nil
	case listed == total:
		b.WriteString("\n\n")
	case listed == 0:
		fmt.Fprintf(b, ": %s found, none listed\n", groupInt(total))
	default:
		fmt.Fprintf(b, ": %s found, the first %s listed\n\n", groupInt(total), groupInt(listed))
	}
	if listed > 0 {
		widths := make([]int, len(breachHeader))
		if all != nil {
			copy(widths, all.widths[:])
		} else {
			for i, h := range breachHeader {
				widths[i] = width(h)
			}
			for _, br := range st.Breaches {
				for i, c := range breachCells(br.Source, br.Line, br.Date.String(), br.Actor, br.Action, describeDecision(br.Decision)) {
					widths[i] = max(widths[i], width(c))
				}
			}
		}
		writeCells(b, "  ", breachHeader, widths)
		if all != nil {
			var c [4]string
			err := all.each(func(cells, _ []byte) error {
				if err := json.Unmarshal(cells, &c); err != nil {
					return err
				}
				writeCells(b, "  ", c[:], widths)
				return nil
			})
			if err != nil {
				return err
			}
		} else {
			for _, br := range st.Breaches {
				c := breachCells(br.Source, br.Line, br.Date.String(), br.Actor, br.Action, describeDecision(br.Decision))
				writeCells(b, "  ", c[:], widths)
			}
		}
	}
	if listed == total {
		return nil
	}
	// How many are not listed, per deciding clause.
	if listed > 0 {
		b.WriteByte('\n')
	}
	omitted := st.untallied(all != nil)
	for _, t := range st.BreachTally {
		n := t.Count - omitted[t.key()]
		if n <= 0 {
			continue
		}
		more := "more "
		if listed == 0 {
			more = ""
		}
		fmt.Fprintf(b, "  … and %s %s%s\n", groupInt(n), more, describeTally(t))
	}
	if len(st.BreachTally) == 0 {
		fmt.Fprintf(b, "  … and %s more\n", groupInt(total-listed))
	}
	return nil
}

// untallied counts the listed breaches per tally key, so that the counts
// printed after them are of those not listed. With a spool every breach is
// listed: nothing is left to count.
func (st *Statement) untallied(spooled bool) map[BreachTally]int64 {
	out := map[BreachTally]int64{}
	if spooled {
		return out
	}
	for _, br := range st.Breaches {
		d := br.Decision
		k := BreachTally{Verdict: d.Verdict, Clause: d.Clause}
		if d.Verdict == lang.Conflict {
			k.Conflict = d.Conflict
		}
		out[k]++
	}
	return out
}

func (t *BreachTally) key() BreachTally {
	return BreachTally{Verdict: t.Verdict, Clause: t.Clause, Conflict: t.Conflict}
}

// This file lists the breaches of a settlement. A statement keeps the
// first breaches it finds and counts the rest per deciding clause
// (SettleOptions.BreachSample); to list every one in constant memory, a
// BreachSpool takes them as they are found (interp.SettleOptions.OnBreach) and
// keeps them in a file, from which WriteTextAll and WriteJSONAll copy
// them into the statement at their place.

// NewBreachSpool makes a spool writing to f, usually a temporary file
// (os.CreateTemp) that the caller closes and removes when the statement is
// written.
func NewBreachSpool(f io.ReadWriteSeeker) *BreachSpool {
	s := &BreachSpool{f: f, w: bufio.NewWriterSize(f, 64<<10)}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	for i, h := range breachHeader {
		s.widths[i] = width(h)
	}
	return s
}

var breachHeader = []string{"Ledger row", "Date", "Action", "Decision"}

func breachCells(source string, line int, date, actor, action, decision string) [4]string {
	row := source
	if line > 0 {
		row = source + ":" + strconv.Itoa(line)
	}
	return [4]string{row, date, actor + " " + action, decision}
}

// describeTally says what decided a group of breaches, in the words of
// Decision.String: `prohibited by 3.1 "Azure exclusivity"`.
func describeTally(t *BreachTally) string {
	switch {
	case t.Verdict == lang.Conflict:
		return fmt.Sprintf("in a conflict between %s and %s", t.Conflict[0], t.Conflict[1])
	case t.Clause != nil:
		return fmt.Sprintf("%s by %s", t.Verdict, t.Clause)
	}
	return "not covered by any clause, so prohibited by default"
}

// writeCells writes one row of left-aligned cells as table.write does.
func writeCells(b *bufio.Writer, indent string, cells []string, widths []int) {
	var line []byte
	line = append(line, indent...)
	for i, c := range cells {
		if i > 0 {
			line = append(line, "  "...)
		}
		line = append(line, c...)
		for n := width(c); n < widths[i]; n++ {
			line = append(line, ' ')
		}
	}
	b.Write(bytes.TrimRight(line, " "))
	b.WriteByte('\n')
}

// groupInt writes n with thousands separators: 2,499,900.
func groupInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
