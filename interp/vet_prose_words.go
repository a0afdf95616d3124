package interp

import (
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file reads numbers as legal prose writes them (SPEC 14.7): in
// digits (`30`, `1,250`, `12.5`) or in English words (`thirty`,
// `forty-five`, `one hundred and twenty`, `one million two hundred
// thousand`, `twelve and a half`).

var (
	numberWordValues = map[string]int64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
		"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
		"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
		"seventy": 70, "eighty": 80, "ninety": 90,
	}
	numberScales = map[string]int64{"thousand": 1000, "million": 1000000, "billion": 1000000000}
)

// isNumberWord reports whether w (lower case) can be part of a number in
// words.
func isNumberWord(w string) bool {
	_, ok := numberWordValues[w]
	return ok || w == "hundred" || w == "and" || numberScales[w] != 0
}

// parseNumberWords reads a number written in English words: "forty-five"
// (as "forty", "five"), "one hundred and twenty", "two thousand". The
// words must make a number in the usual order: a unit may follow a tens
// word ("forty five") but not another unit, "hundred" follows a unit,
// scales decrease ("one million two hundred thousand") and "and" comes
// only after "hundred" or a scale, before more of the number. It returns
// false for anything else.
func parseNumberWords(words []string) (int64, bool) {
	const (
		none = iota
		unit
		teen
		tens
		hundred
		scale
		and
		zero
	)
	var total, cur int64
	last := none
	lastScale := int64(0)
	for _, w := range words {
		w = strings.ToLower(w)
		n, isNum := numberWordValues[w]
		switch {
		case w == "zero":
			if last != none {
				return 0, false
			}
			last = zero
		case isNum && n < 10:
			if last != none && last != tens && last != hundred && last != scale && last != and {
				return 0, false
			}
			cur += n
			last = unit
		case isNum && n < 20:
			if last != none && last != hundred && last != scale && last != and {
				return 0, false
			}
			cur += n
			last = teen
		case isNum:
			if last != none && last != hundred && last != scale && last != and {
				return 0, false
			}
			cur += n
			last = tens
		case w == "hundred":
			if last != unit || cur >= 10 || cur == 0 {
				return 0, false
			}
			cur *= 100
			last = hundred
		case numberScales[w] != 0:
			s := numberScales[w]
			if (last != unit && last != teen && last != tens && last != hundred) || (lastScale != 0 && s >= lastScale) {
				return 0, false
			}
			total += cur * s
			cur, last, lastScale = 0, scale, s
		case w == "and":
			if last != hundred && last != scale {
				return 0, false
			}
			last = and
		default:
			return 0, false
		}
	}
	if last == none || last == and {
		return 0, false
	}
	return total + cur, true
}

// numberBefore reads the longest number in words that ends text.
func numberBefore(text string) (int64, bool) {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' })
	for i := 0; i < len(words); i++ {
		if n, ok := parseNumberWords(words[i:]); ok {
			return n, true
		}
	}
	return 0, false
}

// proseNum is a number in prose: its value and where it is written.
type proseNum struct {
	val        types.Decimal
	start, end int // bytes of the prose
	words      bool
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }

// scanNumbers finds every number of prose, in digits or in words, in
// order.
func scanNumbers(prose string) []proseNum {
	var out []proseNum
	for i := 0; i < len(prose); {
		c := prose[i]
		prev := byte(' ')
		if i > 0 {
			prev = prose[i-1]
		}
		switch {
		case isASCIIDigit(c) && !isASCIILetter(prev) && !isASCIIDigit(prev) && prev != '.' && prev != ',':
			j := digitsEnd(prose, i)
			if d, err := types.ParseDecimal(strings.ReplaceAll(prose[i:j], ",", "")); err == nil {
				out = append(out, proseNum{val: d, start: i, end: j})
			}
			i = j
		case isASCIILetter(c) && !isASCIILetter(prev):
			if d, j, ok := wordsNumberAt(prose, i); ok {
				out = append(out, proseNum{val: d, start: i, end: j, words: true})
				i = j
				continue
			}
			for i < len(prose) && isASCIILetter(prose[i]) {
				i++
			}
		default:
			i++
		}
	}
	return out
}

// digitsEnd returns the end of the digits starting at i: `1,250.50`
// (commas only between groups of three digits).
func digitsEnd(s string, i int) int {
	j := i
	for j < len(s) && isASCIIDigit(s[j]) {
		j++
	}
	for j+3 < len(s) && s[j] == ',' && isASCIIDigit(s[j+1]) && isASCIIDigit(s[j+2]) && isASCIIDigit(s[j+3]) && (j+4 >= len(s) || !isASCIIDigit(s[j+4])) {
		j += 4
	}
	if j+1 < len(s) && s[j] == '.' && isASCIIDigit(s[j+1]) {
		j++
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
	}
	return j
}

// halves are the ways of adding one half to a number in words.
var halves = []string{" and a half", " and one-half", " and one half"}

// wordsNumberAt reads the longest number in words starting at byte i of
// s: words joined by one space or hyphen, optionally followed by "and a
// half".
func wordsNumberAt(s string, i int) (types.Decimal, int, bool) {
	var words []string
	end := -1
	var val int64
	for j := i; ; {
		k := j
		for k < len(s) && isASCIILetter(s[k]) {
			k++
		}
		w := strings.ToLower(s[j:k])
		if k == j || !isNumberWord(w) {
			break
		}
		words = append(words, w)
		if w != "and" {
			n, ok := parseNumberWords(words)
			if !ok {
				break
			}
			val, end = n, k
		}
		if k+1 >= len(s) || (s[k] != ' ' && s[k] != '-') || !isASCIILetter(s[k+1]) {
			break
		}
		j = k + 1
	}
	if end < 0 {
		return types.Decimal{}, 0, false
	}
	d := types.DecimalFromInt(val)
	rest := strings.ToLower(s[end:])
	for _, h := range halves {
		if strings.HasPrefix(rest, h) && (len(rest) == len(h) || !isASCIILetter(rest[len(h)])) {
			half, _ := types.ParseDecimal("0.5")
			if d2, err := d.Add(half); err == nil {
				d, end = d2, end+len(h)
			}
			break
		}
	}
	return d, end, true
}
