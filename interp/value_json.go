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
// and U+2029 escaped, invalid UTF-8 replaced by U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\n':
				dst = append(dst, `\n`...)
			case c == '\r':
				dst = append(dst, `\r`...)
			case c == '\t':
				dst = append(dst, `\t`...)
			case c < 0x20:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}
