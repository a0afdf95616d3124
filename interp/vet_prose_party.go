package interp

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/lang"
)

// This file finds the parties a clause's prose names (SPEC 14.7): by
// their id as a capitalised word (`seller` as "Seller", `series_c` as
// "Series C", `writers` as "Writer" or "Writers"), by their legal name
// ("Microsoft Corporation"), by that name without its company form
// ("Microsoft"), and by a defined term written in it in parentheses or
// quotes ("Orbital Systems Corp. (the Acquirer)" as "Acquirer").

// proseParty is a party as prose can name it.
type proseParty struct {
	id    string
	name  string // the legal name, as declared
	names []partyPattern
}

// partyPattern is one name of a party as a pattern: anchored, to try
// where the prose (in lower case) holds its first word, needle; and
// unanchored, for prose whose lower case is not as long.
type partyPattern struct {
	anchored, re *regexp.Regexp
	needle       string
}

// partyMention is where prose names a party.
type partyMention struct {
	party      *proseParty
	start, end int
}

// companyForms are the words that end a company's legal name and that
// prose leaves out when it names the company.
var companyForms = map[string]bool{
	"inc": true, "inc.": true, "incorporated": true, "corp": true, "corp.": true, "corporation": true,
	"co": true, "co.": true, "company": true, "ltd": true, "ltd.": true, "limited": true, "llc": true,
	"l.l.c.": true, "llp": true, "lp": true, "l.p.": true, "plc": true, "pbc": true, "b.v.": true, "bv": true,
	"n.v.": true, "nv": true, "gmbh": true, "ag": true, "s.a.": true, "sa": true, "sas": true, "s.a.s.": true,
	"s.p.a.": true, "spa": true, "pty": true, "pty.": true, "group": true, "holdings": true, "kk": true, "k.k.": true,
}

var (
	// `(the "Acquirer")`, `(“Microsoft”)`
	definedInName = regexp.MustCompile(`\((?:the |The )?["“']?([^()"“”']+?)["”']?\)`)
	quotedInName  = regexp.MustCompile(`["“]([^"“”]+)["”]`)
	articles      = map[string]bool{"the": true, "a": true, "an": true}
)

// proseParties returns the parties of an agreement and its amendments,
// sorted by id.
func proseParties(ai *lang.AgreementInfo) []*proseParty {
	decls := map[string]*lang.PartyDecl{}
	for id, d := range ai.Parties {
		decls[id] = d
	}
	for _, am := range ai.Amendments {
		for _, it := range am.Items {
			if d, ok := it.(*lang.PartyDecl); ok {
				if _, dup := decls[d.ID.Name]; !dup {
					decls[d.ID.Name] = d
				}
			}
		}
	}
	var out []*proseParty
	for id, d := range decls {
		name := ""
		if d.Name != nil {
			name = d.Name.Value
		}
		out = append(out, &proseParty{id: id, name: name, names: partyPatterns(id, name)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// partyPatterns returns the patterns that find a party in prose.
func partyPatterns(id, name string) []partyPattern {
	seen := map[string]bool{}
	var out []partyPattern
	// add compiles words as a pattern: words apart by spaces, maybe with an
	// article between them; the first letter upper case when capital is
	// set, the rest in any case.
	add := func(words []string, capital bool) {
		for len(words) > 0 && articles[strings.ToLower(words[0])] {
			words = words[1:]
		}
		if len(words) == 0 {
			return
		}
		key := strings.ToLower(strings.Join(words, " "))
		if seen[key] {
			return
		}
		seen[key] = true
		var b strings.Builder
		b.WriteString(`(`)
		for i, w := range words {
			if i > 0 {
				b.WriteString(`\s+(?:(?i:the|a|an)\s+)?`)
			}
			if i == 0 && capital {
				_, size := utf8.DecodeRuneInString(w)
				first, rest := w[:size], w[size:]
				b.WriteString(regexp.QuoteMeta(strings.ToUpper(first)))
				if rest != "" {
					b.WriteString(`(?i:` + regexp.QuoteMeta(rest) + `)`)
				}
				continue
			}
			b.WriteString(`(?i:` + regexp.QuoteMeta(w) + `)`)
		}
		b.WriteString(`)`)
		anchored, err1 := regexp.Compile(`^` + b.String())
		re, err2 := regexp.Compile(`(?:^|[^\pL\pN])` + b.String())
		if err1 == nil && err2 == nil {
			out = append(out, partyPattern{anchored, re, strings.ToLower(words[0])})
		}
	}
	// The id: a capitalised word, singular or plural.
	idWords := strings.FieldsFunc(id, func(r rune) bool { return r == '_' })
	if len(idWords) > 0 {
		add(idWords, true)
		last := idWords[len(idWords)-1]
		other := append([]string(nil), idWords...)
		if strings.HasSuffix(last, "s") && len(last) > 3 {
			other[len(other)-1] = strings.TrimSuffix(last, "s")
		} else {
			other[len(other)-1] = last + "s"
		}
		add(other, true)
	}
	// The legal name, in full, cut at a parenthesis or comma, and without
	// its company form; one word only with a capital.
	addName := func(s string) {
		words := strings.Fields(s)
		add(words, len(words) == 1)
		for len(words) > 1 && companyForms[strings.ToLower(strings.TrimRight(words[len(words)-1], ","))] {
			words = words[:len(words)-1]
			words[len(words)-1] = strings.TrimRight(words[len(words)-1], ",")
		}
		add(words, len(words) == 1)
	}
	if name != "" {
		addName(name)
		if i := strings.IndexAny(name, "(,"); i > 0 {
			addName(name[:i])
		}
		for _, re := range []*regexp.Regexp{definedInName, quotedInName} {
			for _, m := range re.FindAllStringSubmatch(name, -1) {
				words := strings.Fields(m[1])
				add(words, len(words) == 1)
			}
		}
	}
	return out
}

// mentions returns where prose names each party, in order of position;
// where names overlap, the longest is kept.
func partyMentions(prose string, parties []*proseParty) []partyMention {
	var all []partyMention
	lower := strings.ToLower(prose)
	// add keeps a match at start:end that ends a word.
	add := func(p *proseParty, start, end int) {
		if r, _ := utf8.DecodeRuneInString(prose[end:]); end < len(prose) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return
		}
		all = append(all, partyMention{p, start, end})
	}
	for _, p := range parties {
		for _, pat := range p.names {
			if len(lower) != len(prose) {
				for _, m := range pat.re.FindAllStringSubmatchIndex(prose, -1) {
					add(p, m[2], m[3])
				}
				continue
			}
			for from := 0; from < len(lower); {
				i := strings.Index(lower[from:], pat.needle)
				if i < 0 {
					break
				}
				i += from
				from = i + 1
				// The name must start a word.
				if r, _ := utf8.DecodeLastRuneInString(prose[:i]); i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
					continue
				}
				if loc := pat.anchored.FindStringIndex(prose[i:]); loc != nil {
					add(p, i, i+loc[1])
				}
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end > all[j].end
	})
	var out []partyMention
	for _, m := range all {
		if len(out) > 0 && m.start < out[len(out)-1].end {
			continue
		}
		out = append(out, m)
	}
	return out
}

var (
	// A party that acts: `OpenAI shall`, `the Partner shall not`, `the
	// Acquirer shall pay`, `Microsoft may`; the verb after the modal, if
	// any, is the first group.
	actsAfter = regexp.MustCompile(`^(?:,|\s)\s*(?:shall|may|must|will|is to|agrees to|undertakes to)\b(?:\s+not\b)?(?:\s+([A-Za-z]+))?`)
	// A party that is paid: `pay OpenAI`, `pay to the Writers`, `remit to
	// the Developer`.
	paidBefore = regexp.MustCompile(`(?i)\b(?:pay|pays|remit|remits)(?:\s+to)?(?:\s+the)?\s+$`)
	// Verbs after a modal that do not make the party act: "Microsoft shall
	// not be liable", "OpenAI will have no claim".
	notActing = map[string]bool{"be": true, "have": true}
)

// role says how prose names a party at m: "acts" (the subject of shall,
// may, must, will..., but not shall be or will have), "paid" (the object of pay or remit to) or "".
func (m partyMention) role(prose string) string {
	if g := actsAfter.FindStringSubmatch(prose[m.end:]); g != nil && !notActing[strings.ToLower(g[1])] {
		return "acts"
	}
	// "remits to the " is the longest that paidBefore reads: look at the
	// last 40 bytes only (an extra space or two, a rune cut in half at the
	// window's start does not matter).
	if paidBefore.MatchString(prose[max(0, m.start-40):m.start]) {
		return "paid"
	}
	return ""
}
