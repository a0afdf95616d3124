package lang

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
)

// This file fuzzes the parser and checker with inputs Go's fuzzer cannot
// make by itself: it caps inputs at a few kilobytes, so FuzzParse and
// FuzzCheck never see a file over 64 KB, a chain of thousands of operators
// or an agreement with thousands of clauses. Here the fuzzer chooses a small
// seed (a fragment, a shape, some counts) and the target builds the big
// input from it.
//
// Sizes are capped so that every run is short (well under a second) and so
// that today's parser, which recurses once per operator of a left-nested
// chain, stays far from a stack overflow (it survives 60,000 operands;
// 300,000 crash it: see TestHostileChains).

const (
	bigMin     = 64 << 10 // every FuzzCheckBig input is at least this long
	bigSlack   = 8 << 10  // and at most this much longer (plus a fragment)
	bigFragMax = 4 << 10  // fragments are cut to this length
)

// bigHeader opens an agreement that the generated items can refer to.
const bigHeader = `agreement a "A" {
  effective 2026-01-01
  currency USD
  party p "P"
  party q "Q"
  kind K = One | Two
  action sell { gross money platform K }
  term base = USD 1.00
`

// bigInput builds an input of at least bigMin bytes from frag. shape
// chooses how the fragment is repeated; extra adds up to bigSlack bytes and
// chooses an operator.
func bigInput(frag []byte, shape uint8, extra uint16) []byte {
	if len(frag) > bigFragMax {
		frag = frag[:bigFragMax]
	}
	if len(frag) == 0 {
		frag = []byte("1")
	}
	target := bigMin + int(extra)%bigSlack
	var b bytes.Buffer
	b.Grow(target + len(frag) + 256)
	fill := func(each func(i int)) {
		for i := 1; b.Len() < target; i++ {
			each(i)
		}
	}
	switch shape % 6 {
	case 0: // the fragment alone, over and over
		fill(func(int) { b.Write(frag) })
	case 1: // the fragment as items of an agreement
		b.WriteString(bigHeader)
		fill(func(int) { b.Write(frag); b.WriteByte('\n') })
		b.WriteString("}\n")
	case 2: // the fragment as the operands of one long expression
		ops := []string{" + ", " - ", " * ", " / ", " and ", " or ", "% of ", " < ", " == ", " of "}
		op := ops[int(extra)%len(ops)]
		b.WriteString(bigHeader)
		b.WriteString("  term t = ")
		fill(func(i int) {
			if i > 1 {
				b.WriteString(op)
			}
			b.Write(frag)
		})
		b.WriteString("\n}\n")
	case 3: // the fragment as the body of many numbered clauses
		b.WriteString(bigHeader)
		fill(func(i int) {
			b.WriteString("  clause " + strconv.Itoa(i) + " \"C" + strconv.Itoa(i) + "\" ")
			b.Write(frag)
			b.WriteByte('\n')
		})
		b.WriteString("}\n")
	case 4: // the fragment as the body of many tests
		b.WriteString(bigHeader)
		b.WriteString("  clause 1 \"One\" p may sell\n")
		fill(func(i int) {
			b.WriteString("  test \"t" + strconv.Itoa(i) + "\" {\n    ")
			b.Write(frag)
			b.WriteString("\n  }\n")
		})
		b.WriteString("}\n")
	case 5: // the fragment as many amendments of one agreement
		b.WriteString(bigHeader)
		b.WriteString("}\n")
		fill(func(i int) {
			b.WriteString("amendment m" + strconv.Itoa(i) + " \"M\" amends a {\n  effective 2027-01-01\n  ")
			b.Write(frag)
			b.WriteString("\n}\n")
		})
	}
	return b.Bytes()
}

// bigCheckErrors fails t unless every error of errs is a plain-words
// message positioned inside src (file name, line, column and offset, the
// line agreeing with the offset), and the list is sorted. Only the first
// errors get the line check, which costs a scan of src each.
func bigCheckErrors(t *testing.T, name string, src []byte, errs ErrorList) {
	t.Helper()
	for i, e := range errs {
		if e == nil {
			t.Fatalf("nil error at %d of %d", i, len(errs))
		}
		p := e.Pos
		if p.File != name || p.Line < 1 || p.Col < 1 || p.Offset < 0 || p.Offset > len(src) {
			t.Fatalf("badly positioned error %q at %+v (input of %d bytes)", e.Msg, p, len(src))
		}
		if e.Msg == "" {
			t.Fatalf("empty message at %v", p)
		}
		if strings.Contains(e.Msg, "internal error") || strings.Contains(e.Msg, "participle") {
			t.Fatalf("%v: message in Go's words, not Pacta's: %q", p, e.Msg)
		}
		if i < 20 {
			if line := 1 + bytes.Count(src[:p.Offset], []byte("\n")); line != p.Line {
				t.Fatalf("error %q at %+v: offset %d is on line %d", e.Msg, p, p.Offset, line)
			}
		}
		if i > 0 && p.Before(errs[i-1].Pos) {
			t.Fatalf("errors not sorted: %v before %v", errs[i-1], e)
		}
	}
}

// bigParseCheck parses and checks src through parseFile, which has no
// recover, so a panic fails the test; it expects a tree, and errors that
// bigCheckErrors accepts.
func bigParseCheck(t *testing.T, src []byte) (*File, ErrorList) {
	t.Helper()
	const name = "big.pacta"
	file, errs := parseFile(name, src)
	if file == nil {
		t.Fatal("no tree")
	}
	bigCheckErrors(t, name, src, errs)
	if len(errs) > 0 {
		return file, errs
	}
	info, cerrs := Check([]*File{file}, &Config{})
	if info == nil {
		t.Fatal("Check returned no Info")
	}
	bigCheckErrors(t, name, src, cerrs)
	return file, cerrs
}

// FuzzCheckBig parses and checks inputs over 64 KB built from a fuzzed
// fragment (see bigInput) and expects no panic: a tree, and every problem
// in plain words at a position inside the input.
func FuzzCheckBig(f *testing.F) {
	for _, s := range []struct {
		frag  string
		shape uint8
		extra uint16
	}{
		{"agreement b \"B\" { effective 2026-01-01 currency USD party p \"P\" action sell { gross money } clause 1 \"C\" p may sell }\n", 0, 0},
		{"term x = 1 + 2 * 3", 1, 7},
		{"base", 2, 0}, // base + base + ...
		{"10", 2, 6},   // 10% of 10% of ...
		{"true", 2, 4}, // true and true and ...
		{"(1", 2, 0},   // (1 + (1 + ... never closed
		{"p may sell where gross > USD 1 and platform in [One, Two]", 3, 1},
		{"p pays q 10% of gross of each sell settled quarterly, due 30 days after period end", 3, 2},
		{"p must not sell where platform == Two", 3, 3},
		{"given s = sell by p { gross: USD 1.00, platform: One, date: 2026-02-01 } expect s is permitted by 1", 4, 0},
		{"clause 9 \"N\" q may sell", 5, 0},
		{"\"unterminated", 1, 0},
		{"// a comment\n", 0, 0},
		{"\x00\xff", 0, 9},
	} {
		f.Add([]byte(s.frag), s.shape, s.extra)
	}
	f.Fuzz(func(t *testing.T, frag []byte, shape uint8, extra uint16) {
		src := bigInput(frag, shape, extra)
		if len(src) < bigMin {
			t.Fatalf("built only %d bytes", len(src))
		}
		bigParseCheck(t, src)
	})
}

// Caps of FuzzLongChains, so that each run stays near 100 ms or less.
const (
	chainMaxOperands = 5000
	chainMaxClauses  = 1500
	chainMaxTerms    = 1500
	chainMaxList     = 5000
)

// chainOps are binary operators, written with their spaces. "% of "
// makes the operand before it a percentage, so it follows a number.
var chainOps = []string{" + ", " - ", " * ", " / ", " and ", " or ", "% of ", " < ", " <= ", " == ", " != ", " > ", " of "}

// chainOperands are operands of every type the operators take.
var chainOperands = []string{"1", "2.5", "USD 1.00", "true", "false", "10", "base", "gross", "(1 + 2)", "2026-01-01", "30 days", "\"s\"", "One", "not true", "-1", "[1, 2]", "(1 < 2)", "(base == USD 1.00)", "(One in [Two])"}

// chainInput builds an agreement around a generated long construct. pick
// yields the fuzzed choices (operators and operands) in turn; n is the
// size, capped per shape.
func chainInput(shape uint8, n int, pick func() int) []byte {
	var b bytes.Buffer
	b.WriteString(bigHeader)
	expr := func(n int) {
		b.WriteString("1")
		for i := 0; i < n; i++ {
			op := chainOps[pick()%len(chainOps)]
			if strings.ContainsAny(op, "<=>!") {
				op = " and " // comparisons cannot be chained
			}
			if op == "% of " {
				op = " + 10% of "
			}
			b.WriteString(op)
			b.WriteString(chainOperands[pick()%len(chainOperands)])
		}
	}
	// flaw says whether to plant mistakes (a cycle, a stray type, a
	// threshold out of order) in the shapes that are otherwise valid.
	flaw := pick()%4 == 0
	switch shape % 7 {
	case 0: // one long expression, operators and operands fuzzed
		b.WriteString("  term t = ")
		expr(n % chainMaxOperands)
		b.WriteByte('\n')
	case 1: // one operator, the same operand: 1 + 1 + ..., 10% of 10% of ...
		op := chainOps[pick()%len(chainOps)]
		x := chainOperands[pick()%len(chainOperands)]
		if op == "% of " {
			x = "10" // 10% of 10% of ... of 10
		}
		b.WriteString("  term t = " + x)
		for i := 0; i < n%chainMaxOperands; i++ {
			b.WriteString(op + x)
		}
		b.WriteByte('\n')
	case 2: // a long condition of a clause
		b.WriteString("  clause 1 \"C\" p may sell where ")
		expr(n % chainMaxOperands)
		b.WriteByte('\n')
	case 3: // many clauses, of every modality, referring to each other
		forms := []string{
			"p may sell", "p must not sell where gross > USD 5.00", "q may sell where platform == One",
			"p pays q 1% of gross of each sell", "p pays q USD 1.00 on 2026-06-01",
			"p may sell where gross > base", "p must sell",
		}
		m := n % chainMaxClauses
		for i := 1; i <= m; i++ {
			b.WriteString("  clause " + strconv.Itoa(i) + " \"C\" ")
			if i > 1 && pick()%3 == 0 {
				b.WriteString("notwithstanding " + strconv.Itoa(1+pick()%(i-1)) + " ")
			}
			if i > 1 && pick()%5 == 0 {
				b.WriteString("subject to " + strconv.Itoa(1+pick()%(i-1)) + " ")
			}
			b.WriteString(forms[pick()%len(forms)])
			b.WriteByte('\n')
		}
	case 4: // a long chain of terms, each defined by the one before
		m := n % chainMaxTerms
		b.WriteString("  term t0 = 1\n")
		for i := 1; i <= m; i++ {
			prev := "t" + strconv.Itoa(i-1)
			if flaw && pick()%7 == 0 { // a later term: a cycle, or unknown
				prev = "t" + strconv.Itoa(i+pick()%3)
			}
			b.WriteString("  term t" + strconv.Itoa(i) + " = " + prev + chainOps[pick()%4] + "1\n")
		}
	case 5: // a long list and a long kind
		m := n % chainMaxList
		b.WriteString("  kind Big = V0")
		for i := 1; i < m; i++ {
			b.WriteString(" | V" + strconv.Itoa(i))
		}
		b.WriteString("\n  term l = [")
		for i := 0; i < m; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			if flaw && pick()%11 == 0 {
				b.WriteString(chainOperands[pick()%len(chainOperands)]) // a stray type
			} else {
				b.WriteString("V" + strconv.Itoa(pick()%(m+1)))
			}
		}
		b.WriteString("]\n  term in_l = V0 in l\n")
	case 6: // a share with many tiers
		m := n % chainMaxClauses
		b.WriteString("  clause 1 \"Tiers\" p pays q marginal tiers {\n")
		amount := 0
		for i := 1; i <= m; i++ {
			amount += 1 + pick()%3
			if flaw && pick()%13 == 0 {
				amount -= 2
			}
			b.WriteString("    " + strconv.Itoa(1+pick()%30) + "% up to USD " + strconv.Itoa(amount) + ".00\n")
		}
		b.WriteString("    1% above\n  } of gross of each sell settled quarterly\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// FuzzLongChains parses, checks and formats generated agreements with long
// operator chains, many clauses, long term chains, long lists and many
// tiers, their sizes and every choice in them fuzzed, and expects no
// panic, positioned errors in plain words, and for an agreement without
// errors a layout that formats to itself and checks again.
func FuzzLongChains(f *testing.F) {
	for shape := uint8(0); shape < 7; shape++ {
		f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7}, shape, uint16(50))
		f.Add([]byte{6, 0}, shape, uint16(4999)) // 1500 or 5000 of one kind
	}
	f.Fuzz(func(t *testing.T, choices []byte, shape uint8, n uint16) {
		i := 0
		pick := func() int {
			if len(choices) == 0 {
				return 0
			}
			c := int(choices[i%len(choices)]) + i/len(choices) // varies past the end
			i++
			return c
		}
		src := chainInput(shape, int(n), pick)
		file, errs := bigParseCheck(t, src)
		if len(errs) > 0 {
			return
		}
		// The canonical layout parses to the same layout and checks.
		out := Format(file)
		again, errs := bigParseCheck(t, out)
		if len(errs) > 0 {
			t.Fatalf("formatted text has problems: %v\n(first 300 bytes: %q)", errs[0], bigHead(out, 300))
		}
		if out2 := Format(again); !bytes.Equal(out, out2) {
			t.Fatalf("formatting is not stable (first 300 bytes: %q)", bigHead(out2, 300))
		}
	})
}

func bigHead(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// TestHostileChains parses and checks chains of 300,000 operands of each
// binary operator and expects a positioned error (the expression is too
// long), not a crash. A chain that long overflowed the stack of the
// recursive parser and checker; it is slow (seconds), so it runs only with
// PACTA_HOSTILE=1.
func TestHostileChains(t *testing.T) {
	if os.Getenv("PACTA_HOSTILE") == "" {
		t.Skip("set PACTA_HOSTILE=1 to run the 300,000-operand chains")
	}
	const n = 300000
	for _, c := range []struct{ name, first, op, x string }{
		{"plus", "1", " + ", "1"},
		{"minus", "1", " - ", "1"},
		{"times", "1", " * ", "1"},
		{"and", "true", " and ", "true"},
		{"or", "true", " or ", "true"},
		{"percent-of", "USD 1.00", " of ", "10%"}, // 10% of 10% of ... of USD 1.00
	} {
		chain := func(n int) []byte {
			var b strings.Builder
			b.WriteString(bigHeader + "  term t = ")
			if c.name == "percent-of" {
				b.WriteString(strings.Repeat(c.x+c.op, n-1) + c.first)
			} else {
				b.WriteString(c.first + strings.Repeat(c.op+c.x, n-1))
			}
			b.WriteString("\n}\n")
			return []byte(b.String())
		}
		t.Run(c.name, func(t *testing.T) {
			// A short chain is fine, so an error below is about length.
			if _, errs := bigParseCheck(t, chain(5)); len(errs) > 0 {
				t.Fatalf("a 5-operand chain has problems: %v", errs)
			}
			src := chain(n)
			_, errs := bigParseCheck(t, src)
			if len(errs) == 0 {
				t.Fatalf("a %d-operand chain was accepted; want an error saying it is too long", n)
			}
			t.Logf("%d bytes: %v (%d errors)", len(src), errs[0], len(errs))
		})
	}
}
