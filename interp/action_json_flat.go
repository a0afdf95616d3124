package interp

import (
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file reads the common shape of an action given as JSON quickly:
// one object whose members are strings without escapes, numbers and
// booleans, every field of the action present once and readable. Anything
// else (an escape, null, a list, an error of any kind) is left to the
// general reader of action.go, which gives the answer or the error, so
// that the two never disagree (FuzzParseActionJSONFlat compares them).

// flatMember is one member of a flat object: its name and its value's
// text (a string's characters, a number's or a boolean's literal).
type flatMember struct {
	key, text string
	kind      byte // '"' string, '0' number, 'b' boolean
}

// maxFlatMembers bounds the members the flat reader takes (it compares
// every name with every other to find one named twice).
const maxFlatMembers = 64

// parseFlatAction is ParseActionJSON for a flat object; ok is false when
// the general reader must read data.
func (p *Program) parseFlatAction(data []byte) (rec *types.Record, ok bool) {
	var arr [16]flatMember
	ms, ok := scanFlatObject(string(data), arr[:0])
	if !ok {
		return nil, false
	}
	action, agreementID := "", ""
	for i, m := range ms {
		for _, o := range ms[:i] {
			if o.key == m.key {
				return nil, false // named twice
			}
		}
		switch m.key {
		case "action":
			if m.kind != '"' || m.text == "" {
				return nil, false
			}
			action = m.text
		case "agreement":
			if m.kind != '"' {
				return nil, false
			}
			agreementID = m.text
		}
	}
	if action == "" {
		return nil, false
	}
	s, err := p.schemaNamed(agreementID, action)
	if err != nil {
		return nil, false
	}
	r := &types.Record{Schema: s, Fields: make([]types.Value, len(s.Fields()))}
	set := 0
	for _, m := range ms {
		if m.key == "action" || m.key == "agreement" {
			continue
		}
		i := s.FieldIndex(m.key)
		if i < 0 || s.types[i].holdsItems() {
			return nil, false
		}
		if m.kind == '0' {
			for j := 0; j < len(m.text); j++ {
				if m.text[j] == 'e' || m.text[j] == 'E' {
					return nil, false // an exponent: an error
				}
			}
		}
		v, err := s.ParseField(i, m.text)
		if err != nil {
			return nil, false
		}
		r.Fields[i] = v
		set++
	}
	if set != len(s.Fields()) {
		return nil, false // a field is missing
	}
	return r, true
}

// scanFlatObject reads data as one JSON object of flat members (see
// flatMember), appending them to ms; ok is false for anything else. The
// members' texts are substrings of data.
func scanFlatObject(data string, ms []flatMember) (_ []flatMember, ok bool) {
	i := flatSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, false
	}
	i = flatSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		i++
	} else {
		for {
			if len(ms) == maxFlatMembers {
				return nil, false
			}
			var m flatMember
			if m.key, i, ok = scanFlatString(data, i); !ok {
				return nil, false
			}
			i = flatSpace(data, i)
			if i >= len(data) || data[i] != ':' {
				return nil, false
			}
			i = flatSpace(data, i+1)
			if i >= len(data) {
				return nil, false
			}
			switch c := data[i]; {
			case c == '"':
				m.kind = '"'
				if m.text, i, ok = scanFlatString(data, i); !ok {
					return nil, false
				}
			case c == '-' || c >= '0' && c <= '9':
				m.kind = '0'
				j, ok := scanFlatNumber(data, i)
				if !ok {
					return nil, false
				}
				m.text, i = data[i:j], j
			case len(data)-i >= 4 && data[i:i+4] == "true":
				m.kind, m.text, i = 'b', "true", i+4
			case len(data)-i >= 5 && data[i:i+5] == "false":
				m.kind, m.text, i = 'b', "false", i+5
			default:
				return nil, false
			}
			ms = append(ms, m)
			i = flatSpace(data, i)
			if i >= len(data) {
				return nil, false
			}
			if data[i] == '}' {
				i++
				break
			}
			if data[i] != ',' {
				return nil, false
			}
			i = flatSpace(data, i+1)
		}
	}
	if flatSpace(data, i) != len(data) {
		return nil, false
	}
	return ms, true
}

func flatSpace(data string, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// scanFlatString reads the string that starts at data[i] (a '"'): its
// characters and the index after its closing quote. ok is false for an
// escape, a control character, invalid UTF-8 or no closing quote.
func scanFlatString(data string, i int) (s string, next int, ok bool) {
	if i >= len(data) || data[i] != '"' {
		return "", 0, false
	}
	start, ascii := i+1, true
	for j := start; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			s = data[start:j]
			if !ascii && !utf8.ValidString(s) {
				return "", 0, false
			}
			return s, j + 1, true
		case c == '\\' || c < 0x20:
			return "", 0, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", 0, false
}

// scanFlatNumber reads the JSON number that starts at data[i]:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, and returns the index
// after it.
func scanFlatNumber(data string, i int) (int, bool) {
	digits := func(i int) (int, bool) {
		j := i
		for j < len(data) && data[j] >= '0' && data[j] <= '9' {
			j++
		}
		return j, j > i
	}
	if i < len(data) && data[i] == '-' {
		i++
	}
	if i < len(data) && data[i] == '0' {
		i++
	} else {
		var ok bool
		if i, ok = digits(i); !ok {
			return 0, false
		}
	}
	if i < len(data) && data[i] == '.' {
		var ok bool
		if i, ok = digits(i + 1); !ok {
			return 0, false
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		var ok bool
		if i, ok = digits(i); !ok {
			return 0, false
		}
	}
	// A number ends at a delimiter, never at a letter or another digit.
	if i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r', ',', '}':
		default:
			return 0, false
		}
	}
	return i, true
}
