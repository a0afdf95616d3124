package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Options say what to render.
type Options struct {
	// Agreement is the agreement to render; "" renders every agreement
	// of the program, in file order.
	Agreement string
	// AsOf is the date the agreement is consolidated at: the clauses
	// and terms in force on it, among the amendments known on it. The
	// zero Date means the latest version (every amendment counts).
	AsOf types.Date
	// Format is "html" (the default) or "md".
	Format string
	// Since, when set, shows as a redline what changed between the
	// agreement as in force on Since and as in force on AsOf (or with
	// every amendment), instead of each amendment against the version
	// before it.
	Since types.Date
	// Check runs the test blocks and marks each worked example (and each
	// expectation) as passed or failed.
	Check bool
	// Ledger, when set, adds the statement for Ledger.Period.
	Ledger *Ledger
}

// ErrFormat reports an unknown Options.Format.
var ErrFormat = errors.New("unknown format")

// Render writes the document for prog to w. The same program and options
// always give the same bytes.
//
// An error is ErrFormat (wrapped) for an unknown format,
// interp.ErrUnknownAgreement (wrapped) for an unknown agreement, an
// error reading or settling the ledger (a *interp.LedgerError names its
// row), or the writer's error.
func Render(ctx context.Context, w io.Writer, prog *interp.Program, opts Options) error {
	switch opts.Format {
	case "", "html", "md":
	default:
		return fmt.Errorf("%w %q: use html or md", ErrFormat, opts.Format)
	}
	doc, err := build(ctx, prog, opts)
	if err != nil {
		return err
	}
	if opts.Format == "md" {
		return writeMarkdown(w, doc)
	}
	return writeHTML(w, doc)
}

// document is what a rendering shows, ready to be written as HTML or
// Markdown.
type document struct {
	Title      string
	AsOf       string // "" for the latest version
	Agreements []*agreementDoc
}

type agreementDoc struct {
	ID, Title string
	Effective string
	Ends      string
	InForceOn string // the date the clauses are consolidated at
	Parties   [][3]string
	General   []generalRow
	Versions  []versionRow
	Clauses   []*clauseDoc
	Glossary  []*termDoc
	Graphs    []graphDoc
	Examples  []*exampleDoc
	Checked   bool
	Redlines  []*redlineDoc
	Statement *statementDoc
}

type versionRow struct {
	ID, Title, Kind, Effective string
	Changes                    Text
	Known                      bool // known on the as-of date
}

type clauseDoc struct {
	Num, Title string
	Banner     string
	Prose      Text
	Reading    Text
	Source     string
	Charts     []string // inline SVG
}

type termDoc struct {
	Name, Display string
	Banner        string
	Prose         Text
	Reading       Text
	UsedBy        []string // clause numbers
	UsedByTerms   []string // terms whose definitions use it
}

type graphDoc struct {
	Action string
	SVG    string
	Note   string
}

// build gathers the document.
func build(ctx context.Context, prog *interp.Program, opts Options) (*document, error) {
	info := prog.Info()
	doc := &document{}
	if !opts.AsOf.IsZero() {
		doc.AsOf = opts.AsOf.String()
	}
	found := false
	var report *result.TestReport
	if opts.Check {
		var err error
		report, err = prog.RunTests(ctx)
		if err != nil {
			return nil, err
		}
	}
	several := opts.Agreement == "" && len(info.Agreements) > 1
	for _, ai := range info.Agreements {
		if opts.Agreement != "" && ai.Decl.ID.Name != opts.Agreement {
			continue
		}
		found = true
		prefix := ""
		if several {
			prefix = ai.Decl.ID.Name + "-"
		}
		ad, err := buildAgreement(ctx, prog, info, ai, doc.AsOf, prefix, opts, report)
		if err != nil {
			return nil, err
		}
		doc.Agreements = append(doc.Agreements, ad)
	}
	if !found {
		if opts.Agreement == "" {
			return nil, fmt.Errorf("%w: no agreement is loaded", interp.ErrUnknownAgreement)
		}
		return nil, fmt.Errorf("%w %q; the agreements are %v", interp.ErrUnknownAgreement, opts.Agreement, prog.Agreements())
	}
	if len(doc.Agreements) == 1 {
		doc.Title = doc.Agreements[0].Title
	} else {
		doc.Title = "Agreements"
	}
	return doc, nil
}

func buildAgreement(ctx context.Context, prog *interp.Program, info *lang.Info, ai *lang.AgreementInfo, asOf, prefix string, opts Options, report *result.TestReport) (*agreementDoc, error) {
	ad := &agreementDoc{
		ID:        ai.Decl.ID.Name,
		Title:     title(ai.Decl.Title, ai.Decl.ID),
		Effective: ai.Effective,
		Ends:      ai.Ends,
	}
	h := histories(ai, asOf)
	on := asOf
	if on == "" {
		on = latestDate(ai)
	}
	if on < ai.Effective {
		// Asked before the agreement takes effect: the agreement as
		// signed.
		on = ai.Effective
	}
	ad.InForceOn = on
	r := newReader(info, ai)
	r.source = prog.Source
	r.anchorPrefix = prefix
	r.exceptions = map[string][]*lang.ExceptionDecl{}
	for _, it := range allItems(ai, on) {
		if x, ok := it.(*lang.ExceptionDecl); ok {
			r.exceptions[x.Term.Name] = append(r.exceptions[x.Term.Name], x)
		}
	}

	// Parties, sorted as declared.
	for _, it := range allItems(ai, asOf) {
		if p, ok := it.(*lang.PartyDecl); ok {
			ad.Parties = append(ad.Parties, [3]string{p.ID.Name, p.Name.Value, r.party(p.ID)})
		}
	}
	ad.General = r.general(ai)

	// Clauses in force.
	for _, num := range sortedKeys(h, "clause ") {
		if v := inForce(h["clause "+num], on); v != nil {
			r.clauses[num] = true
		}
	}
	terms := map[string]*version{}
	for _, name := range sortedKeys(h, "term ") {
		if v := inForce(h["term "+name], on); v != nil {
			terms[name] = v
		}
	}
	r.terms = map[string]bool{}
	for n := range terms {
		r.terms[n] = true
	}
	link := newProseLinker(terms, r.clauses)
	usedBy := map[string][]string{}
	for _, num := range sortedKeys(h, "clause ") {
		v := inForce(h["clause "+num], on)
		if v == nil {
			continue
		}
		c := v.item.(*lang.ClauseDecl)
		cd := &clauseDoc{Num: num, Title: title(c.Title, nil), Banner: banner(v, ai), Reading: r.clause(c), Source: string(lang.FormatItem(c))}
		if c.Prose != nil {
			cd.Prose = link.link(c.Prose.Value)
		}
		cd.Charts = tierCharts(ctx, prog, ai.Decl.ID.Name, c, opts.AsOf)
		if svg := waterfallChart(ctx, prog, ai.Decl.ID.Name, c, opts.AsOf, r); svg != "" {
			cd.Charts = append(cd.Charts, svg)
		}
		for _, s := range cd.Reading {
			if len(s.Ref) > 5 && s.Ref[:5] == "term-" {
				usedBy[s.Ref[5:]] = appendOnce(usedBy[s.Ref[5:]], num)
			}
		}
		for _, s := range cd.Prose {
			if len(s.Ref) > 5 && s.Ref[:5] == "term-" {
				usedBy[s.Ref[5:]] = appendOnce(usedBy[s.Ref[5:]], num)
			}
		}
		ad.Clauses = append(ad.Clauses, cd)
	}
	names := make([]string, 0, len(terms))
	for n := range terms {
		names = append(names, n)
	}
	sort.Strings(names)
	usedByTerms := map[string][]string{}
	for _, n := range names {
		for _, s := range r.term(terms[n].item.(*lang.TermDecl)).Reading {
			if u, ok := strings.CutPrefix(s.Ref, "term-"); ok && u != n {
				usedByTerms[u] = appendOnce(usedByTerms[u], n)
			}
		}
	}
	for _, n := range names {
		v := terms[n]
		td := r.term(v.item.(*lang.TermDecl))
		td.Banner = banner(v, ai)
		if d := v.item.(*lang.TermDecl); d.Prose != nil {
			td.Prose = link.link(d.Prose.Value)
		}
		td.UsedBy = usedBy[n]
		td.UsedByTerms = usedByTerms[n]
		ad.Glossary = append(ad.Glossary, td)
	}
	ad.Versions = versionRows(ai, asOf, r)
	ad.Graphs = precedenceGraphs(ai, h, on, r)
	if opts.Since.IsZero() {
		ad.Redlines = redlines(ai, asOf, r)
	} else {
		ad.Redlines = []*redlineDoc{redlineBetween(ai, h, opts.Since.String(), on, r)}
	}
	ad.Examples, ad.Checked = examples(ai, asOf, r, report)
	if opts.Ledger != nil {
		st, err := statement(ctx, prog, ai, opts, r)
		if err != nil {
			return nil, err
		}
		ad.Statement = st
	}
	return ad, nil
}

func appendOnce(s []string, x string) []string {
	for _, y := range s {
		if y == x {
			return s
		}
	}
	return append(s, x)
}

// allItems returns the items of the agreement and of its amendments known
// on asOf.
func allItems(ai *lang.AgreementInfo, asOf string) []lang.Item {
	items := append([]lang.Item(nil), ai.Decl.Items...)
	for _, am := range ai.Amendments {
		if asOf != "" && effectiveOf(am.Items) > asOf {
			continue
		}
		items = append(items, am.Items...)
	}
	return items
}

// latestDate is the date from which every amendment is in force.
func latestDate(ai *lang.AgreementInfo) string {
	d := ai.Effective
	for _, am := range ai.Amendments {
		if e := effectiveOf(am.Items); e > d {
			d = e
		}
	}
	return d
}

// banner says where a version comes from: "as replaced by AWS Concessions
// from 2026-11-01".
func banner(v *version, ai *lang.AgreementInfo) string {
	var s string
	switch {
	case v.amendment == nil:
		s = "as made by the agreement, in force from " + v.from
	case v.replace:
		s = "as replaced by " + v.madeBy() + " from " + v.from
	default:
		s = "as added by " + v.madeBy() + " from " + v.from
	}
	if v.until != "" {
		s += " to " + v.until
	}
	return s
}

// term reads a defined term for the glossary.
func (r *reader) term(d *lang.TermDecl) *termDoc {
	td := &termDoc{Name: d.Name.Name, Display: titleWords(d.Name.Name)}
	var t Text
	t.link(td.Display, termAnchor(d.Name.Name))
	if len(d.Params) > 0 {
		var of, given []string
		for _, p := range d.Params {
			tn := typeName(p.Type)
			if r.isSchema(tn) {
				of = append(of, article(words(tn)))
			} else {
				given = append(given, words(p.Name.Name)+" ("+typeWords(tn)+")")
			}
		}
		var parts []string
		if len(of) > 0 {
			parts = append(parts, "of "+joinWords(of, "and"))
		}
		if len(given) > 0 {
			parts = append(parts, "given "+joinWords(given, "and"))
		}
		t.add(" (" + strings.Join(parts, ", ") + ")")
	}
	t.add(" means ")
	t.addText(r.exprText(d.Body))
	t.add(".")
	// Exceptions (SPEC 4.8): each replaces the value where its condition
	// holds; notwithstanding orders them as for clauses.
	for _, x := range r.exceptions[d.Name.Name] {
		t.add(" Exception " + x.Num.Num)
		if len(x.Notwithstanding) > 0 {
			t.add(", notwithstanding ")
			var nums []string
			for _, n := range x.Notwithstanding {
				nums = append(nums, n.Num)
			}
			t.add(joinWords(nums, "and"))
		}
		t.add(": where ")
		t.addText(r.condition(x.Where))
		t.add(", it means ")
		t.addText(r.exprText(x.Body))
		t.add(" instead.")
	}
	r.requires(&t, d.Requires, "It", "it cannot be worked out, and the question fails")
	td.Reading = t
	return td
}

// versionRows lists the agreement and its amendments with what each
// changed.
func versionRows(ai *lang.AgreementInfo, asOf string, r *reader) []versionRow {
	rows := []versionRow{{ID: ai.Decl.ID.Name, Title: title(ai.Decl.Title, ai.Decl.ID), Kind: "agreement", Effective: ai.Effective, Known: true}}
	var n int
	for _, it := range ai.Decl.Items {
		if _, ok := it.(*lang.ClauseDecl); ok {
			n++
		}
	}
	rows[0].Changes.add(fmt.Sprintf("%d clauses as first made", n))
	for _, am := range ai.Amendments {
		d := effectiveOf(am.Items)
		row := versionRow{ID: am.ID.Name, Title: title(am.Title, am.ID), Kind: "amendment", Effective: d, Known: asOf == "" || d <= asOf}
		var added, replaced, deleted, termsChanged []Text
		for _, it := range am.Items {
			var t Text
			switch it := it.(type) {
			case *lang.ClauseDecl:
				r.clauseRef(&t, it.Num.Num)
				if it.Replace {
					replaced = append(replaced, t)
				} else {
					added = append(added, t)
				}
			case *lang.DeleteClause:
				t.add("clause " + it.Num.Num)
				deleted = append(deleted, t)
			case *lang.TermDecl:
				r.termLink(&t, it.Name.Name)
				termsChanged = append(termsChanged, t)
			}
		}
		var parts []Text
		for _, p := range []struct {
			w  string
			xs []Text
		}{{"adds", added}, {"replaces", replaced}, {"deletes", deleted}, {"defines", termsChanged}} {
			if len(p.xs) > 0 {
				var t Text
				t.add(p.w + " ")
				t.addText(joinTexts(p.xs, "and"))
				parts = append(parts, t)
			}
		}
		if len(parts) == 0 {
			row.Changes.add("changes no clause")
		} else {
			row.Changes = joinTexts(parts, "and")
		}
		if !row.Known {
			row.Changes.add(" (not yet known on " + asOf + ")")
		}
		rows = append(rows, row)
	}
	return rows
}

// article puts "a" or "an" before a noun.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// typeWords says what values of a type are, for a term's parameters.
func typeWords(tn string) string {
	switch tn {
	case "bool":
		return "true or false"
	case "money":
		return "an amount"
	case "integer":
		return "a whole number"
	case "decimal":
		return "a number"
	case "percent", "date", "duration", "period", "party":
		return article(tn)
	case "text":
		return "a text"
	}
	return words(tn)
}

// typeName writes a type as Pacta does: `money`, `list of text`.
func typeName(t *lang.TypeExpr) string {
	switch {
	case t == nil:
		return "?"
	case t.ListOf != nil:
		return "list of " + typeName(t.ListOf)
	case t.Name != nil:
		return t.Name.Name
	}
	return "?"
}
