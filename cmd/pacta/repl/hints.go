package repl

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// This file answers the mistakes lawyers make at the prompt with one line
// saying what to write instead, and reads a word processor's curly quotes
// as straight ones.

// straightenQuotes replaces the curly double quotes “ and ” that open and
// close text outside straight-quoted text (and outside comments) with
// straight quotes; curly quotes inside straight-quoted text are its
// content and stay. It reports whether it changed anything.
func straightenQuotes(entry string) (string, bool) {
	if !strings.ContainsAny(entry, "“”") {
		return entry, false
	}
	var b strings.Builder
	const (
		outside = iota
		straight
		curly
		comment
	)
	state, changed := outside, false
	rs := []rune(entry)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch state {
		case comment:
			if r == '\n' {
				state = outside
			}
		case straight:
			switch r {
			case '\\':
				b.WriteRune(r)
				if i+1 < len(rs) {
					i++
					r = rs[i]
				}
			case '"', '\n':
				state = outside
			}
		case curly:
			switch r {
			case '“', '”':
				r, changed, state = '"', true, outside
			case '"', '\n':
				state = outside
			}
		default:
			switch {
			case r == '"':
				state = straight
			case r == '“' || r == '”':
				r, changed, state = '"', true, curly
			case r == '/' && i+1 < len(rs) && rs[i+1] == '/':
				state = comment
			}
		}
		b.WriteRune(r)
	}
	return b.String(), changed
}

// Patterns of the mistakes hintFor knows.
var (
	slashDateRE  = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	bareAmountRE = regexp.MustCompile(`(^|[^A-Za-z0-9_.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\b`)
	negMoneyRE   = regexp.MustCompile(`^([A-Z]{3}) +- *(\d[\d,]*(?:\.\d+)?)`)
	moneySignRE  = regexp.MustCompile(`([$€£¥])\s?(\d[\d,]*(?:\.\d+)?)`)
	spacePctRE   = regexp.MustCompile(`(\d(?:[\d,]*\d)?(?:\.\d+)?)\s+%`)
	numberAtRE   = regexp.MustCompile(`^\d[\d,]*(?:\.\d+)?`)
	bareNumberRE = regexp.MustCompile(`(?:^|[^A-Za-z0-9_.,])(\d[\d,]*(?:\.\d+)?)\s*[-+<>=!]`)
	fieldBeforeR = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*\s*:\s*$`)
	codeAfterRE  = regexp.MustCompile(`(\d[\d,]*(?:\.\d+)?)\s+([A-Z]{3})\b`)
	lowerCodeRE  = regexp.MustCompile(`(?:^|[^A-Za-z0-9_.])([a-z]{3})\s+\d`)
	mixedMoneyRE = regexp.MustCompile(`^cannot (?:add|subtract|compare) money\(([A-Z]{3})\) and (?:integer|decimal)|^cannot (?:add|subtract|compare) (?:integer|decimal) and money\(([A-Z]{3})\)`)
)

// signCurrency maps a currency sign to its code.
var signCurrency = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}

// wordCommands are bare words typed for a command.
var wordCommands = map[string]string{"help": ":help", "exit": ":quit", "quit": ":quit", "bye": ":quit", "q": ":quit", "?": ":help"}

// preflight catches, before an entry is read, what would be read wrongly
// rather than fail: a date written with slashes is a division. It returns
// the message to print instead of running the entry ("" for none).
func preflight(entry string) string {
	if strings.HasPrefix(strings.TrimSpace(entry), "//") {
		return ""
	}
	if m := slashDateRE.FindStringSubmatch(stripText(entry)); m != nil {
		a, b, y := pad2(m[1]), pad2(m[2]), m[3]
		if a == b || atoi(a) > 12 || atoi(b) > 12 {
			if atoi(a) > 12 {
				a, b = b, a
			}
			return fmt.Sprintf("%s would be read as a division; dates are written year-month-day: write %s-%s-%s instead", m[0], y, a, b)
		}
		return fmt.Sprintf("%s would be read as a division; dates are written year-month-day: write %s-%s-%s (if %s is the month) or %s-%s-%s (if %s is the day) instead",
			m[0], y, a, b, a, y, b, a, a)
	}
	return ""
}

// stripText blanks out text in quotes and comments, keeping offsets.
func stripText(entry string) string {
	b := []byte(entry)
	in, comment := false, false
	for i := 0; i < len(b); i++ {
		switch {
		case comment:
			if b[i] == '\n' {
				comment = false
			} else {
				b[i] = ' '
			}
		case in:
			switch b[i] {
			case '\\':
				b[i] = ' '
				if i+1 < len(b) {
					i++
					b[i] = ' '
				}
			case '"', '\n':
				in = false
			default:
				b[i] = ' '
			}
		case b[i] == '"':
			in = true
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '/':
			comment = true
			b[i] = ' '
		}
	}
	return string(b)
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// currency returns the session agreement's currency (USD if it has none).
func (s *Session) currency() string {
	if s.prog != nil {
		for _, ai := range s.prog.Info().Agreements {
			if ai.Decl.ID.Name == s.agreement() && ai.Currency != "" {
				return ai.Currency
			}
		}
	}
	return "USD"
}

// hintFor returns one line saying what to write instead of entry, which
// failed with err, for the mistakes it knows ("" for none).
func (s *Session) hintFor(entry string, err error) string {
	var msg string
	langHint := false // lang gave a hint: only the one for USD -5.00 says more
	off := -1
	var list lang.ErrorList
	var ie *interp.EvalError
	switch {
	case errors.As(err, &list) && len(list) > 0:
		msg = list[0].Msg
		if list[0].Pos.File == replName {
			off = list[0].Pos.Offset
		}
		langHint = list[0].Hint != ""
	case errors.As(err, &ie):
		msg = ie.Msg
		if ie.Pos.File == replName {
			off = ie.Pos.Offset
		}
	default:
		return ""
	}
	if off < 0 || off > len(entry) {
		return "" // not in what was typed
	}
	if langHint && !strings.HasPrefix(msg, "unknown name ") {
		return "" // lang says it already
	}
	plain := stripText(entry)
	cur := s.currency()
	switch {
	case strings.HasPrefix(msg, "unknown name "):
		name := strings.Trim(strings.TrimPrefix(msg, "unknown name "), `"`)
		if m := negMoneyRE.FindStringSubmatch(plain[off:]); m != nil {
			// USD -5.00, as amounts print: the literal has its sign first
			return fmt.Sprintf("a negative amount has its minus sign before the currency: write %s instead",
				replaceAt(entry, off, entry[off:off+len(m[0])], "-"+m[1]+" "+withCents(m[2])))
		}
		if langHint {
			return ""
		}
		if c, ok := wordCommands[strings.ToLower(name)]; ok && strings.TrimSpace(entry) == name {
			return fmt.Sprintf("commands start with a colon: write %s instead", c)
		}
		if m := fieldBeforeR.FindString(plain[:off]); m != "" {
			field := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m), ":"))
			switch typ, kind := s.fieldType(field); {
			case typ == "text":
				return fmt.Sprintf("text is written in quotes: write %s instead", replaceAt(entry, off, name, `"`+name+`"`))
			case kind != nil && len(kind.Members) > 0:
				var ms []string
				for _, m := range kind.Members {
					ms = append(ms, m.Name)
				}
				return fmt.Sprintf("%s is a %s: write one of %s instead of %s", field, kind.Name.Name, strings.Join(ms, ", "), name)
			}
		}
	case strings.Contains(msg, `unexpected character "$"`), strings.Contains(msg, `unexpected character "€"`),
		strings.Contains(msg, `unexpected character "£"`), strings.Contains(msg, `unexpected character "¥"`):
		fixed := moneySignRE.ReplaceAllStringFunc(entry, func(m string) string {
			sm := moneySignRE.FindStringSubmatch(m)
			return signCurrency[sm[1]] + " " + withCents(sm[2])
		})
		if fixed != entry {
			return fmt.Sprintf("amounts are written with the currency's code: write %s instead", fixed)
		}
	case strings.Contains(msg, `unexpected character "%"`):
		if fixed := spacePctRE.ReplaceAllString(entry, "$1%"); fixed != entry {
			return fmt.Sprintf("a percentage has no space before %%: write %s instead", fixed)
		}
	case mixedMoneyRE.MatchString(msg) && off >= 0:
		m := mixedMoneyRE.FindStringSubmatch(msg)
		c := m[1] + m[2]
		if n := numberAtRE.FindString(entry[off:]); n != "" {
			return fmt.Sprintf("both sides need a currency: write %s instead", replaceAt(entry, off, n, c+" "+withCents(n)))
		}
		// the number is on the left: the last one before off without a currency
		for _, m := range bareNumberRE.FindAllStringSubmatchIndex(plain[:off], -1) {
			if start := m[2]; !precededByCurrency(plain[:start]) {
				n := entry[start:m[3]]
				return fmt.Sprintf("both sides need a currency: write %s instead", replaceAt(entry, start, n, c+" "+withCents(n)))
			}
		}
	case strings.HasPrefix(msg, "unexpected ") && codeAfterRE.MatchString(plain):
		// 100 USD: the code after the amount
		m := codeAfterRE.FindStringSubmatchIndex(plain)
		n, code := entry[m[2]:m[3]], entry[m[4]:m[5]]
		return fmt.Sprintf("the currency comes first: write %s instead", replaceAt(entry, m[2], entry[m[2]:m[5]], code+" "+withCents(n)))
	case strings.HasPrefix(msg, "unexpected ") && s.lowerCode(plain) != nil:
		// usd 100.00: the code in small letters
		m := s.lowerCode(plain)
		code := entry[m[2]:m[3]]
		return fmt.Sprintf("currency codes are written in capitals: write %s instead", replaceAt(entry, m[2], code, strings.ToUpper(code)))
	case strings.HasPrefix(msg, "unexpected "):
		// a bare amount with thousands separators or cents: no currency
		for _, m := range bareAmountRE.FindAllStringSubmatchIndex(plain, -1) {
			start, end := m[4], m[5]
			if precededByCurrency(plain[:start]) || off < start || off > end {
				continue // not the number the error is about
			}
			n := entry[start:end]
			return fmt.Sprintf("amounts need their currency: write %s instead", replaceAt(entry, start, n, cur+" "+withCents(n)))
		}
	}
	return ""
}

// precededByCurrency reports whether before ends with a currency code and
// a space.
func precededByCurrency(before string) bool {
	t := strings.TrimRight(before, " ")
	if len(t) == len(before) || len(t) < 3 {
		return false
	}
	code := t[len(t)-3:]
	return strings.ToUpper(code) == code && strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// withCents writes an amount with two decimals if it has none: 100 →
// 100.00.
func withCents(n string) string {
	if strings.Contains(n, ".") {
		return n
	}
	return n + ".00"
}

// replaceAt replaces old at byte offset off of s with new, and returns
// the whole of s on one line.
func replaceAt(s string, off int, old, new string) string {
	if off < 0 || off+len(old) > len(s) || s[off:off+len(old)] != old {
		return oneLine(s)
	}
	return oneLine(s[:off] + new + s[off+len(old):])
}

// fieldType returns the type of the action or event field called name in
// the session's agreement (the first declared, "" if none) and, if it is
// a kind, the kind.
func (s *Session) fieldType(name string) (string, *lang.KindDecl) {
	if s.prog == nil {
		return "", nil
	}
	for _, ai := range s.prog.Info().Agreements {
		if ai.Decl.ID.Name != s.agreement() {
			continue
		}
		for _, sn := range sortedKeys(ai.Schemas) {
			for _, f := range ai.Schemas[sn].Fields {
				if f.Name.Name != name || f.Type == nil || f.Type.Name == nil {
					continue
				}
				t := f.Type.Name.Name
				return t, ai.Kinds[t]
			}
		}
	}
	return "", nil
}

// commonCurrencies are codes taken for a currency written in small
// letters, with the agreement's own.
var commonCurrencies = []string{"usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "cny", "inr"}

// lowerCode finds a currency code in small letters before a number in
// plain (the submatch indexes, nil if none).
func (s *Session) lowerCode(plain string) []int {
	for _, m := range lowerCodeRE.FindAllStringSubmatchIndex(plain, -1) {
		c := plain[m[2]:m[3]]
		if slicesContains(commonCurrencies, c) || strings.EqualFold(c, s.currency()) {
			return m
		}
	}
	return nil
}
