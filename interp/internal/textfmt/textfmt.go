// Package textfmt writes the numbers, amounts and strings that Pacta's
// values and answers print, one way for every package: amounts with
// thousands separators, percents from fractions, source-style quoted
// text and JSON strings.
package textfmt

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// Amount writes an amount, given as Decimal.Format(true) writes it (with
// thousands separators), with at least minScale digits after the point;
// digits beyond it are kept only when they are not zero, so exact, not
// yet rounded amounts show in full.
func Amount(formatted string, minScale int) string {
	return PadScale(TrimZeros(formatted, minScale), minScale)
}

// Percent writes a percent given as its number of hundredths' text (20
// for 0.2): trailing fractional zeros dropped, then "%".
func Percent(hundredfold string) string { return TrimZeros(hundredfold, 0) + "%" }

// TrimZeros drops trailing fractional zeros down to minScale digits.
func TrimZeros(s string, minScale int) string {
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		return s
	}
	end := len(s)
	for end > dot+1+minScale && s[end-1] == '0' {
		end--
	}
	if end == dot+1 {
		end = dot
	}
	return s[:end]
}

// PadScale pads s with zeros to at least minScale fractional digits.
func PadScale(s string, minScale int) string {
	if minScale == 0 {
		return s
	}
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		return s + "." + strings.Repeat("0", minScale)
	}
	if have := len(s) - dot - 1; have < minScale {
		return s + strings.Repeat("0", minScale-have)
	}
	return s
}

func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// AppendJSONString appends s as a JSON string as encoding/json writes it
// without HTML escaping: '"', '\\' and control characters escaped, U+2028
// and U+2029 escaped, invalid UTF-8 replaced by U+FFFD; except that
// backspace and form feed are written \u0008 and \u000c (encoding/json
// writes \b and \f since Go 1.22), as Value's JSON always has been.
func AppendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONBody(dst, s, false)
	return append(dst, '"')
}

// AppendStdJSONString appends s as a JSON string exactly as encoding/json
// writes it with HTML escaping off (backspace and form feed as \b, \f).
func AppendStdJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONBody(dst, s, true)
	return append(dst, '"')
}

// AppendStdJSONBody is AppendStdJSONString without the quotes.
func AppendStdJSONBody(dst []byte, s string) []byte { return appendJSONBody(dst, s, true) }

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

// MarshalCompact encodes v on one line without HTML escaping and without
// the newline json.Encoder adds.
func MarshalCompact(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
