package interp

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file compares the figures of a clause's prose with its logic
// (SPEC 14.7): a percentage or a number of days written both in words and
// in digits must say the same thing twice ("twenty percent (25%)" does
// not), and every percentage, day count and amount of the logic must be
// stated in the prose when the prose states any figure of that sort. Lawyers read
// the prose; a mismatch is a drafting error one way or the other.

var (
	// `twenty-five percent (25%)`
	wordsPercentDigits = regexp.MustCompile(`(?i)((?:[a-z]+[- ]){0,8}[a-z]+) per ?cent \((\d+(?:\.\d+)?) ?%\)`)
	// `thirty (30) days`, `thirty days (30)`
	wordsDigitsDays = regexp.MustCompile(`(?i)((?:[a-z]+[- ]){0,8}[a-z]+) \((\d+)\) (?:business |calendar )?days?\b`)
	wordsDaysDigits = regexp.MustCompile(`(?i)((?:[a-z]+[- ]){0,8}[a-z]+) (?:business |calendar )?days? \((\d+)\)`)
	digitsPercent   = regexp.MustCompile(`(\d+(?:\.\d+)?) ?%`)
	wordsPercent    = regexp.MustCompile(`(?i)((?:[a-z]+[- ]){0,8}[a-z]+) per ?cent\b`)
	digitsDays      = regexp.MustCompile(`(?i)\b(\d+) (?:business |calendar )?days?\b`)
	wordsDays       = regexp.MustCompile(`(?i)((?:[a-z]+[- ]){0,8}[a-z]+) (?:business |calendar )?days?\b`)
	// `USD 1,250.00`, `EUR 10 million`, `$500`
	digitsAmount = regexp.MustCompile(`(?:\b[A-Z]{3} ?|[$€£])(\d[\d,]*(?:\.\d+)?)(?: (thousand|million|billion)\b)?`)
	// `fifty thousand pounds`, `one billion US dollars`
	wordsAmount      = regexp.MustCompile(`(?i)((?:[a-z]+[- ]){0,8}[a-z]+) (?:US |U\.S\. )?(?:dollars|euros|pounds|francs|yen)\b`)
	numberWordValues = map[string]int64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
		"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
		"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
		"seventy": 70, "eighty": 80, "ninety": 90,
	}
	numberScales = map[string]int64{"thousand": 1000, "million": 1000000, "billion": 1000000000}
)

// parseNumberWords reads a number written in English words: "forty-five",
// "one hundred and twenty", "two thousand". It returns false for anything
// else.
func parseNumberWords(words []string) (int64, bool) {
	if len(words) == 0 {
		return 0, false
	}
	var total, cur int64
	seen := false
	for i, w := range words {
		w = strings.ToLower(w)
		switch {
		case w == "and":
			if i == 0 || i == len(words)-1 || !seen {
				return 0, false
			}
		case w == "hundred":
			if cur == 0 {
				cur = 1
			}
			cur *= 100
		case numberScales[w] != 0:
			if cur == 0 {
				cur = 1
			}
			total += cur * numberScales[w]
			cur = 0
		default:
			n, ok := numberWordValues[w]
			if !ok {
				return 0, false
			}
			cur += n
			seen = true
		}
	}
	return total + cur, seen
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

// proseFigures are the percentages, day counts and amounts a text
// states.
type proseFigures struct {
	percents []types.Decimal
	days     []int64
	amounts  []types.Decimal
}

func (f *proseFigures) hasAmount(d types.Decimal) bool {
	for _, a := range f.amounts {
		if a.Cmp(d) == 0 {
			return true
		}
	}
	return false
}

func (f *proseFigures) hasPercent(d types.Decimal) bool {
	for _, p := range f.percents {
		if p.Cmp(d) == 0 {
			return true
		}
	}
	return false
}

func (f *proseFigures) hasDays(n int64) bool {
	for _, d := range f.days {
		if d == n {
			return true
		}
	}
	return false
}

// figuresOf reads the figures of prose.
func figuresOf(prose string) *proseFigures {
	f := &proseFigures{}
	for _, m := range digitsPercent.FindAllStringSubmatch(prose, -1) {
		if d, err := types.ParseDecimal(m[1]); err == nil {
			f.percents = append(f.percents, d)
		}
	}
	for _, m := range wordsPercent.FindAllStringSubmatch(prose, -1) {
		if n, ok := numberBefore(m[1]); ok {
			f.percents = append(f.percents, types.DecimalFromInt(n))
		}
	}
	for _, m := range digitsDays.FindAllStringSubmatch(prose, -1) {
		if n, err := strconv.ParseInt(m[1], 10, 64); err == nil {
			f.days = append(f.days, n)
		}
	}
	for _, m := range wordsDays.FindAllStringSubmatch(prose, -1) {
		if n, ok := numberBefore(m[1]); ok {
			f.days = append(f.days, n)
		}
	}
	for _, re := range []*regexp.Regexp{wordsDigitsDays, wordsDaysDigits} {
		for _, m := range re.FindAllStringSubmatch(prose, -1) {
			if n, err := strconv.ParseInt(m[2], 10, 64); err == nil {
				f.days = append(f.days, n)
			}
		}
	}
	for _, m := range digitsAmount.FindAllStringSubmatch(prose, -1) {
		d, err := types.ParseDecimal(strings.ReplaceAll(m[1], ",", ""))
		if err != nil {
			continue
		}
		if m[2] != "" {
			if d, err = d.Mul(types.DecimalFromInt(numberScales[m[2]])); err != nil {
				continue
			}
		}
		f.amounts = append(f.amounts, d)
	}
	for _, m := range wordsAmount.FindAllStringSubmatch(prose, -1) {
		if n, ok := numberBefore(m[1]); ok {
			f.amounts = append(f.amounts, types.DecimalFromInt(n))
		}
	}
	return f
}

// logicFigures are the percentages, day counts and amounts a clause's
// logic writes as literals.
type logicFigures struct {
	percents []*lang.PercentLit
	days     []dayFigure
	amounts  []*lang.MoneyLit
}

type dayFigure struct {
	n   int64
	pos lang.Pos
	raw string
}

// collectFigures walks a syntax tree for percent and day literals.
func collectFigures(n any, out *logicFigures) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			switch x := v.Interface().(type) {
			case *lang.PercentLit:
				out.percents = append(out.percents, x)
				return
			case *lang.MoneyLit:
				out.amounts = append(out.amounts, x)
				return
			case *lang.DurationLit:
				if strings.HasPrefix(x.Unit, "day") {
					if n, err := strconv.ParseInt(x.N, 10, 64); err == nil {
						out.days = append(out.days, dayFigure{n, x.At, x.Raw})
					}
				}
				return
			case *lang.BusinessDays:
				if x.Count != nil {
					if n, err := strconv.ParseInt(x.Count.Text, 10, 64); err == nil {
						out.days = append(out.days, dayFigure{n, x.At, x.Count.Text + " business days"})
					}
				}
				return
			case *lang.StringLit, *lang.ClauseRef, *lang.Ident:
				return
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(n))
}

// prose compares the prose and logic of every clause of the agreement,
// each clause version once.
func (v *vetter) prose() {
	seen := map[*ClauseInfo]bool{}
	for _, ver := range v.a.versions {
		for _, c := range ver.clauses {
			if seen[c] || c.Decl.Prose == nil {
				continue
			}
			seen[c] = true
			v.proseOf(c)
		}
	}
}

func (v *vetter) proseOf(c *ClauseInfo) {
	prose := c.Decl.Prose.Value
	// Words and digits that disagree.
	for _, m := range wordsPercentDigits.FindAllStringSubmatchIndex(prose, -1) {
		words, digits := prose[m[2]:m[3]], prose[m[4]:m[5]]
		n, ok := numberBefore(words)
		d, err := types.ParseDecimal(digits)
		if ok && err == nil && d.Cmp(types.DecimalFromInt(n)) != 0 {
			v.add(VetFinding{Kind: VetProse, Severity: VetWarning, Pos: v.prosePos(c, m[0]+len(words)-len(lastNumberWords(words))), Clauses: []*ClauseInfo{c},
				Message: fmt.Sprintf("clause %s's prose says %q (%d%%) in words but %s%% in digits", c.Num, lastNumberWords(words)+" percent", n, digits)})
		}
	}
	for _, re := range []*regexp.Regexp{wordsDigitsDays, wordsDaysDigits} {
		for _, m := range re.FindAllStringSubmatchIndex(prose, -1) {
			words, digits := prose[m[2]:m[3]], prose[m[4]:m[5]]
			n, ok := numberBefore(words)
			d, err := strconv.ParseInt(digits, 10, 64)
			if ok && err == nil && d != n {
				v.add(VetFinding{Kind: VetProse, Severity: VetWarning, Pos: v.prosePos(c, m[0]+len(words)-len(lastNumberWords(words))), Clauses: []*ClauseInfo{c},
					Message: fmt.Sprintf("clause %s's prose says %q (%d) days in words but %d in digits", c.Num, lastNumberWords(words), n, d)})
			}
		}
	}
	// Logic figures the prose does not state.
	var lf logicFigures
	collectFigures(c.Decl.Body, &lf)
	pf := figuresOf(prose)
	if len(pf.percents) > 0 {
		for _, p := range lf.percents {
			d, err := types.ParseDecimal(p.Text)
			if err != nil || pf.hasPercent(d) {
				continue
			}
			v.add(VetFinding{Kind: VetProse, Severity: VetWarning, Pos: p.At, Clauses: []*ClauseInfo{c},
				Message: fmt.Sprintf("clause %s's logic says %s%%, but its prose never states %s%% (it states %s)", c.Num, p.Text, p.Text, percentList(pf.percents))})
		}
	}
	if len(pf.amounts) > 0 {
		for _, m := range lf.amounts {
			d, err := types.ParseDecimal(m.Amount)
			if err != nil || pf.hasAmount(d) {
				continue
			}
			v.add(VetFinding{Kind: VetProse, Severity: VetWarning, Pos: m.At, Clauses: []*ClauseInfo{c},
				Message: fmt.Sprintf("clause %s's logic says %s, but its prose never states that amount", c.Num, MoneyValue(m.Currency, d))})
		}
	}
	if len(pf.days) > 0 {
		for _, d := range lf.days {
			if pf.hasDays(d.n) {
				continue
			}
			v.add(VetFinding{Kind: VetProse, Severity: VetWarning, Pos: d.pos, Clauses: []*ClauseInfo{c},
				Message: fmt.Sprintf("clause %s's logic says %s, but its prose never states %d days (it states %s)", c.Num, d.raw, d.n, dayList(pf.days))})
		}
	}
}

// lastNumberWords returns the words at the end of text that make the
// number numberBefore reads.
func lastNumberWords(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' })
	for i := 0; i < len(words); i++ {
		if _, ok := parseNumberWords(words[i:]); ok {
			// Find where words[i] starts, counting from the end.
			rest := words[i:]
			j := len(text)
			for k := len(rest) - 1; k >= 0; k-- {
				j = strings.LastIndex(text[:j], rest[k])
			}
			return text[j:]
		}
	}
	return ""
}

func percentList(ds []types.Decimal) string {
	var out []string
	seen := map[string]bool{}
	for _, d := range ds {
		s := d.String() + "%"
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return andList(out)
}

func dayList(ns []int64) string {
	var out []string
	seen := map[int64]bool{}
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			out = append(out, fmt.Sprintf("%d days", n))
		}
	}
	return andList(out)
}

// prosePos is the position of byte off of c's prose in its source, when
// the prose is written on one line without escapes; else the prose's
// own position.
func (v *vetter) prosePos(c *ClauseInfo, off int) lang.Pos {
	lit := c.Decl.Prose
	src := v.p.sources[lit.At.File]
	start := lit.At.Offset + 1
	if start+off > len(src) || string(src[start:start+off]) != lit.Value[:off] {
		return lit.At
	}
	p := lit.At
	p.Offset = start + off
	p.Col += 1 + utf8.RuneCountInString(lit.Value[:off])
	return p
}
