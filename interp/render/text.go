package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a run of text, linked to an anchor of the document when Ref is
// set ("term-net_revenue", "clause-3.1").
type Span struct {
	Text string
	Ref  string
}

// Text is a paragraph made of spans.
type Text []Span

// String returns the text without its links.
func (t Text) String() string {
	var b strings.Builder
	for _, s := range t {
		b.WriteString(s.Text)
	}
	return b.String()
}

// add appends plain text, merging it with plain text before it.
func (t *Text) add(s string) {
	if s == "" {
		return
	}
	if n := len(*t); n > 0 && (*t)[n-1].Ref == "" {
		(*t)[n-1].Text += s
		return
	}
	*t = append(*t, Span{Text: s})
}

// link appends linked text.
func (t *Text) link(s, ref string) {
	if ref == "" {
		t.add(s)
		return
	}
	*t = append(*t, Span{Text: s, Ref: ref})
}

// addText appends another paragraph.
func (t *Text) addText(u Text) {
	for _, s := range u {
		t.link(s.Text, s.Ref)
	}
}

// capitalize makes the first letter of t a capital.
func (t Text) capitalize() Text {
	if len(t) == 0 {
		return t
	}
	out := append(Text(nil), t...)
	r, n := utf8.DecodeRuneInString(out[0].Text)
	if r != utf8.RuneError {
		out[0].Text = string(unicode.ToUpper(r)) + out[0].Text[n:]
	}
	return out
}

// words turns an identifier into words: net_revenue is "net revenue".
func words(id string) string {
	return strings.ReplaceAll(id, "_", " ")
}

// titleWords turns an identifier into a defined term's name: net_revenue
// is "Net Revenue".
func titleWords(id string) string {
	parts := strings.Split(id, "_")
	for i, p := range parts {
		r, n := utf8.DecodeRuneInString(p)
		if n > 0 {
			parts[i] = string(unicode.ToUpper(r)) + p[n:]
		}
	}
	return strings.Join(parts, " ")
}

// corporateSuffixes are the words a party's legal name loses in readings.
var corporateSuffixes = map[string]bool{
	"inc": true, "inc.": true, "ltd": true, "ltd.": true, "limited": true,
	"corporation": true, "corp": true, "corp.": true, "pbc": true,
	"llc": true, "l.l.c.": true, "lp": true, "l.p.": true, "llp": true,
	"plc": true, "gmbh": true, "ag": true, "sa": true, "s.a.": true,
	"bv": true, "b.v.": true, "nv": true, "n.v.": true, "group": true,
	"co": true, "co.": true, "company": true, "holdings": true, "se": true,
	"sarl": true, "s.à r.l.": true, "pty": true,
}

// shortName is a party's legal name without its corporate suffix:
// "OpenAI Group PBC" is "OpenAI", "Microsoft Corporation" "Microsoft". A
// name made only of such words is kept whole.
func shortName(legal string) string {
	// A name that defines what the agreement calls the party, "Orbital
	// Systems Corp. (the Acquirer), acting through ...", is called that.
	if i := strings.Index(legal, "(the "); i >= 0 {
		if j := strings.Index(legal[i:], ")"); j > len("(the ") {
			inner := strings.Trim(legal[i+1:i+j], " “”\"")
			return strings.ReplaceAll(strings.ReplaceAll(inner, "“", ""), "”", "")
		}
	}
	if i := strings.Index(legal, ","); i > 0 {
		legal = legal[:i]
	}
	f := strings.Fields(legal)
	n := len(f)
	for n > 1 && corporateSuffixes[strings.ToLower(f[n-1])] {
		n--
	}
	if n == 0 {
		return legal
	}
	return strings.Join(f[:n], " ")
}

// list joins items as prose: "a", "a or b", "a, b or c".
func joinWords(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// joinTexts is joinWords for linked texts.
func joinTexts(items []Text, conj string) Text {
	var out Text
	for i, it := range items {
		if i > 0 {
			if i == len(items)-1 {
				out.add(" " + conj + " ")
			} else {
				out.add(", ")
			}
		}
		out.addText(it)
	}
	return out
}
