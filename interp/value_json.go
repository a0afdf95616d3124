package interp

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// This file gives Value its JSON encoding.

// MarshalJSON implements json.Marshaler, so that any result of an
// expression can be written as JSON: an object naming the value's kind,
// with the value in "value" (numbers and amounts as exact decimal
// strings), in the shape that package interp/schema documents and its
// schema Value pins. The zero Value is null.
func (v Value) MarshalJSON() ([]byte, error) { return v.appendJSON(nil, 0) }

// maxValueJSONDepth bounds the nesting of lists and records written, as
// the language's own limits bound the values it makes.
const maxValueJSONDepth = 1000

func (v Value) appendJSON(dst []byte, depth int) ([]byte, error) {
	if depth > maxValueJSONDepth {
		return nil, errors.New("interp: value nested more than 1000 deep")
	}
	if v.kind == KindInvalid || v.kind == KindRecord && (v.rec == nil || v.rec.Schema == nil) {
		return append(dst, "null"...), nil
	}
	dst = append(dst, `{"kind":`...)
	dst = appendJSONString(dst, v.kind.String())
	if v.kind == KindRecord {
		dst = append(dst, `,"name":`...)
		dst = appendJSONString(dst, v.rec.Schema.Name)
	}
	dst = append(dst, `,"value":`...)
	var err error
	switch v.kind {
	case KindInteger, KindDecimal, KindPercent, KindMoney:
		dst = append(dst, '"')
		dst, _ = v.num.AppendText(dst) // never fails
		dst = append(dst, '"')
		if v.kind == KindMoney {
			dst = append(dst, `,"currency":`...)
			dst = appendJSONString(dst, v.str)
		}
	case KindDate, KindDuration, KindPeriod, KindTimestamp:
		var text []byte
		switch v.kind {
		case KindDate:
			text, err = v.dateOf().MarshalText()
		case KindTimestamp:
			text, err = v.tsOf().MarshalText()
		case KindDuration:
			text, err = v.durOf().MarshalText()
		default:
			text, err = v.perOf().MarshalText()
		}
		if err != nil {
			return nil, err
		}
		dst = appendJSONString(dst, string(text))
	case KindText, KindParty, KindEnum:
		dst = appendJSONString(dst, v.str)
	case KindBool:
		dst = strconv.AppendBool(dst, v.Truth())
	case KindList:
		dst = append(dst, '[')
		for i, e := range v.elems() {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = e.appendJSON(dst, depth+1); err != nil {
				return nil, err
			}
		}
		dst = append(dst, ']')
	case KindRecord:
		dst = append(dst, '{')
		for i, name := range v.rec.Schema.Fields {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, name)
			dst = append(dst, ':')
			if dst, err = v.rec.field(i).appendJSON(dst, depth+1); err != nil {
				return nil, err
			}
		}
		dst = append(dst, '}')
	}
	return append(dst, '}'), nil
}

// appendJSONString appends s as a JSON string as encoding/json writes it
// without HTML escaping: '"', '\\' and control characters escaped, U+2028
// and U+2029 escaped, invalid UTF-8 replaced by U+FFFD; except that
// backspace and form feed are written \u0008 and \u000c (encoding/json
// writes \b and \f since Go 1.22), as Value's JSON always has been.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONBody(dst, s, false)
	return append(dst, '"')
}

// appendStdJSONString appends s as a JSON string exactly as encoding/json
// writes it with HTML escaping off (backspace and form feed as \b, \f).
func appendStdJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONBody(dst, s, true)
	return append(dst, '"')
}

// appendStdJSONBody is appendStdJSONString without the quotes.
func appendStdJSONBody(dst []byte, s string) []byte { return appendJSONBody(dst, s, true) }

// appendJSONBody appends the escaped characters of s; shortBF writes
// backspace and form feed as \b and \f.
func appendJSONBody(dst []byte, s string, shortBF bool) []byte {
	const hex = "0123456789abcdef"
	start := 0 // s[start:i] is still to be copied
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\n':
				dst = append(dst, `\n`...)
			case c == '\r':
				dst = append(dst, `\r`...)
			case c == '\t':
				dst = append(dst, `\t`...)
			case c == '\b' && shortBF:
				dst = append(dst, `\b`...)
			case c == '\f' && shortBF:
				dst = append(dst, `\f`...)
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
			start = i + size
		}
		i += size
	}
	return append(dst, s[start:]...)
}
