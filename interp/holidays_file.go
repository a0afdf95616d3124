package interp

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// holidaysFile reads the holidays of `calendar NAME from "FILE"` (SPEC
// 11.6): one ISO date a line; `#` begins a comment that runs to the end of
// the line; blank lines and spaces around a date are ignored. A bad line
// is an error positioned in the file (holidays/uk.txt:3:1). A date the
// file lists twice, or that the calendar's block lists too, is an error.
func (p *Program) holidaysFile(d *lang.CalendarDecl) ([]types.Date, error) {
	if p.readFile == nil {
		return nil, &EvalError{Pos: d.From.At, Msg: fmt.Sprintf(
			"calendar %s loads its holidays from %q, but this program reads no files: load the agreement with LoadFiles or LoadFS, or give WithFiles or WithLocalFiles",
			d.Name.Name, d.From.Value)}
	}
	name, text, err := p.readFile(d.From.At.File, d.From.Value, p.maxSource)
	if err != nil {
		return nil, &EvalError{Pos: d.From.At, Err: err, Msg: fmt.Sprintf("calendar %s: %v", d.Name.Name, err)}
	}
	block := map[types.Date]lang.Pos{}
	for _, h := range d.Holidays {
		if day, err := types.ParseDate(h.Text); err == nil {
			block[day] = h.At
		}
	}
	return parseHolidays(name, text, d.Name.Name, block)
}

// parseHolidays reads the text of a holidays file called name.
func parseHolidays(name string, text []byte, calendar string, block map[types.Date]lang.Pos) ([]types.Date, error) {
	text = bytes.TrimPrefix(text, []byte("\ufeff"))
	var out []types.Date
	seen := map[types.Date]int{}
	offset := 0
	for n, line := range strings.Split(string(text), "\n") {
		lineNo := n + 1
		start := offset
		offset += len(line) + 1
		line = strings.TrimSuffix(line, "\r")
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		at := func(byteCol int) lang.Pos {
			return lang.Pos{File: name, Offset: start + byteCol, Line: lineNo, Col: utf8.RuneCountInString(line[:byteCol]) + 1}
		}
		if !utf8.ValidString(line) {
			return nil, &EvalError{Pos: at(0), Msg: "the line is not UTF-8 text"}
		}
		trimmed := strings.TrimLeft(line, " \t")
		col := len(line) - len(trimmed)
		trimmed = strings.TrimRight(trimmed, " \t")
		if trimmed == "" {
			continue
		}
		if i := strings.IndexAny(trimmed, " \t,;"); i >= 0 {
			return nil, &EvalError{Pos: at(col + i), Msg: fmt.Sprintf("one date a line: %q has more after the date (write each holiday on its own line; `#` begins a comment)", trimmed)}
		}
		day, err := types.ParseDate(trimmed)
		if err != nil {
			return nil, &EvalError{Pos: at(col), Err: err, Msg: fmt.Sprintf("%s (a holidays file holds one date a line, as 2027-12-25)", err)}
		}
		if first, ok := seen[day]; ok {
			return nil, &EvalError{Pos: at(col), Msg: fmt.Sprintf("holiday %s is listed twice in this file (first at line %d)", day, first)}
		}
		if b, ok := block[day]; ok {
			return nil, &EvalError{Pos: at(col), Msg: fmt.Sprintf("holiday %s is listed in calendar %s's block too, at %s", day, calendar, b)}
		}
		seen[day] = lineNo
		out = append(out, day)
	}
	return out, nil
}
