package render

import (
	"bufio"
	"html"
	"io"
	"strings"
)

// This file writes a document as one self-contained HTML file: the style
// sheet (with a print style sheet) and the SVG pictures are inline, and
// nothing is fetched from anywhere.

type htmlWriter struct {
	w      *bufio.Writer
	prefix string // anchor prefix: "" for one agreement, "ID-" for several
}

func writeHTML(w io.Writer, doc *document) error {
	hw := &htmlWriter{w: bufio.NewWriter(w)}
	hw.p("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	hw.p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	hw.p("<meta name=\"generator\" content=\"pacta render\">\n")
	hw.p("<title>" + esc(doc.Title) + "</title>\n<style>\n" + styleSheet + "</style>\n</head>\n<body>\n")
	for _, ad := range doc.Agreements {
		hw.prefix = ""
		if len(doc.Agreements) > 1 {
			hw.prefix = ad.ID + "-"
		}
		hw.agreement(doc, ad)
	}
	hw.p("<footer><p>Rendered by <code>pacta render</code> from the Pacta source. The readings beside each clause are generated from the source by fixed rules; the drafted prose governs where they differ.</p></footer>\n")
	hw.p("</body>\n</html>\n")
	return hw.w.Flush()
}

func (hw *htmlWriter) p(s string) { hw.w.WriteString(s) }

func esc(s string) string { return html.EscapeString(s) }

// id makes an anchor of the document.
func (hw *htmlWriter) id(ref string) string { return esc(hw.prefix + ref) }

// text writes a paragraph with its links.
func (hw *htmlWriter) text(t Text) {
	for _, s := range t {
		if s.Ref == "" {
			hw.p(esc(s.Text))
			continue
		}
		hw.p("<a href=\"#" + hw.id(s.Ref) + "\">" + esc(s.Text) + "</a>")
	}
}

func (hw *htmlWriter) agreement(doc *document, ad *agreementDoc) {
	hw.p("<article class=\"agreement\" id=\"" + hw.id("agreement") + "\">\n<header>\n")
	hw.p("<h1>" + esc(ad.Title) + "</h1>\n")
	hw.p("<p class=\"subtitle\"><code>" + esc(ad.ID) + "</code> · ")
	if doc.AsOf != "" {
		hw.p("consolidated as in force on " + esc(ad.InForceOn) + ", with the amendments known on " + esc(doc.AsOf))
	} else {
		hw.p("consolidated with every amendment, as in force from " + esc(ad.InForceOn))
	}
	hw.p("</p>\n</header>\n")
	hw.toc(ad)

	hw.p("<section id=\"" + hw.id("parties") + "\">\n<h2>Parties</h2>\n<table>\n<thead><tr><th>Party</th><th>Legal name</th><th>Called in readings</th></tr></thead>\n<tbody>\n")
	for _, p := range ad.Parties {
		hw.p("<tr><td><code>" + esc(p[0]) + "</code></td><td>" + esc(p[1]) + "</td><td>" + esc(p[2]) + "</td></tr>\n")
	}
	hw.p("</tbody>\n</table>\n")
	hw.p("<h3>General</h3>\n<ul class=\"general\">\n")
	for _, g := range ad.General {
		hw.p("<li>")
		hw.text(g.Reading)
		if g.Prose != "" {
			hw.p("<br><span class=\"drafted\">As drafted: “" + esc(g.Prose) + "”</span>")
		}
		hw.p("</li>\n")
	}
	hw.p("</ul>\n</section>\n")

	hw.p("<section id=\"" + hw.id("versions") + "\">\n<h2>Versions</h2>\n<table>\n<thead><tr><th>Version</th><th>Made by</th><th>Effective</th><th>What it does</th></tr></thead>\n<tbody>\n")
	for _, v := range ad.Versions {
		cls := ""
		if !v.Known {
			cls = " class=\"unknown\""
		}
		hw.p("<tr" + cls + "><td>" + esc(v.Title) + "</td><td>" + esc(v.Kind) + " <code>" + esc(v.ID) + "</code></td><td class=\"date\">" + esc(v.Effective) + "</td><td>")
		hw.text(v.Changes)
		hw.p("</td></tr>\n")
	}
	hw.p("</tbody>\n</table>\n</section>\n")

	hw.p("<section id=\"" + hw.id("clauses") + "\">\n<h2>Clauses</h2>\n")
	for _, c := range ad.Clauses {
		hw.clause(c)
	}
	hw.p("</section>\n")

	if len(ad.Graphs) > 0 {
		hw.p("<section id=\"" + hw.id("precedence") + "\">\n<h2>Precedence</h2>\n<p>For each action, the clauses that speak to it. An arrow runs from a clause to the clause it overrides (<em>notwithstanding</em>, or the other clause's <em>subject to</em>); a clause higher up wins over those it points to. Clauses that permit are green, clauses that prohibit red; two that disagree with no arrow between them are a conflict when both apply.</p>\n")
		for _, g := range ad.Graphs {
			hw.p("<figure class=\"graph\" id=\"" + hw.id("precedence-"+g.Action) + "\">\n" + g.SVG + "<figcaption>" + esc(g.Note) + "</figcaption>\n</figure>\n")
		}
		hw.p("</section>\n")
	}

	if len(ad.Glossary) > 0 {
		hw.p("<section id=\"" + hw.id("definitions") + "\">\n<h2>Definitions</h2>\n<dl class=\"glossary\">\n")
		for _, t := range ad.Glossary {
			hw.p("<dt id=\"" + hw.id(termAnchor(t.Name)) + "\">" + esc(t.Display) + " <code>" + esc(t.Name) + "</code></dt>\n<dd>\n")
			hw.p("<p class=\"banner\">" + esc(t.Banner) + "</p>\n")
			if len(t.Prose) > 0 {
				hw.p("<p class=\"prose\">")
				hw.text(t.Prose)
				hw.p("</p>\n")
			}
			hw.p("<p class=\"reading\">")
			hw.text(t.Reading)
			hw.p("</p>\n")
			if len(t.UsedBy)+len(t.UsedByTerms) > 0 {
				hw.p("<p class=\"used\">Used in ")
				i := 0
				for _, n := range t.UsedBy {
					if i++; i > 1 {
						hw.p(", ")
					}
					hw.p("<a href=\"#" + hw.id(clauseAnchor(n)) + "\">clause " + esc(n) + "</a>")
				}
				for _, n := range t.UsedByTerms {
					if i++; i > 1 {
						hw.p(", ")
					}
					hw.p("<a href=\"#" + hw.id(termAnchor(n)) + "\">" + esc(titleWords(n)) + "</a>")
				}
				hw.p(".</p>\n")
			}
			hw.p("</dd>\n")
		}
		hw.p("</dl>\n</section>\n")
	}
	hw.examples(ad)
	hw.redlines(ad)
	hw.statement(ad)
	hw.p("</article>\n")
}

func (hw *htmlWriter) toc(ad *agreementDoc) {
	hw.p("<nav class=\"toc\">\n<h2>Contents</h2>\n<ol>\n")
	item := func(ref, label string) {
		hw.p("<li><a href=\"#" + hw.id(ref) + "\">" + esc(label) + "</a></li>\n")
	}
	item("parties", "Parties and general terms")
	item("versions", "Versions")
	hw.p("<li><a href=\"#" + hw.id("clauses") + "\">Clauses</a>\n<ol>\n")
	for _, c := range ad.Clauses {
		item(clauseAnchor(c.Num), c.Num+" "+c.Title)
	}
	hw.p("</ol>\n</li>\n")
	if len(ad.Graphs) > 0 {
		item("precedence", "Precedence")
	}
	if len(ad.Glossary) > 0 {
		item("definitions", "Definitions")
	}
	if len(ad.Examples) > 0 {
		item("examples", "Worked examples")
	}
	if len(ad.Redlines) > 0 {
		item("redlines", "Amendments as changes")
	}
	if ad.Statement != nil {
		item("statement", "Statement")
	}
	hw.p("</ol>\n</nav>\n")
}

func (hw *htmlWriter) clause(c *clauseDoc) {
	hw.p("<article class=\"clause\" id=\"" + hw.id(clauseAnchor(c.Num)) + "\">\n")
	hw.p("<h3><span class=\"num\">" + esc(c.Num) + "</span> " + esc(c.Title) + "</h3>\n")
	hw.p("<p class=\"banner\">" + esc(c.Banner) + "</p>\n<div class=\"cols\">\n<div class=\"prose\">\n<h4>As drafted</h4>\n<p>")
	if len(c.Prose) > 0 {
		hw.text(c.Prose)
	} else {
		hw.p("<em>The clause has no prose.</em>")
	}
	hw.p("</p>\n</div>\n<div class=\"reading\">\n<h4>What the logic says</h4>\n<p>")
	hw.text(c.Reading)
	hw.p("</p>\n</div>\n</div>\n")
	for _, svg := range c.Charts {
		hw.p("<figure class=\"chart\">\n" + svg + "</figure>\n")
	}
	hw.p("<details class=\"source\"><summary>Pacta source</summary>\n<pre><code>" + esc(strings.TrimRight(c.Source, "\n")) + "</code></pre>\n</details>\n</article>\n")
}

func (hw *htmlWriter) examples(ad *agreementDoc) {
	if len(ad.Examples) == 0 {
		return
	}
	hw.p("<section id=\"" + hw.id("examples") + "\">\n<h2>Worked examples</h2>\n")
	if ad.Checked {
		pass := 0
		for _, ex := range ad.Examples {
			if ex.Status == "pass" {
				pass++
			}
		}
		hw.p("<p>The examples come from the agreement's tests and were run when this document was made: " + itoa(pass) + " of " + itoa(len(ad.Examples)) + " passed.</p>\n")
	} else {
		hw.p("<p>The examples come from the agreement's tests: the facts given and the answers the agreement must give. (Render with <code>--check</code> to run them.)</p>\n")
	}
	for _, ex := range ad.Examples {
		hw.p("<article class=\"example\" id=\"" + hw.id(ex.Anchor) + "\">\n<h3>" + esc(ex.Name))
		switch ex.Status {
		case "pass":
			hw.p(" <span class=\"pass\">passed</span>")
		case "fail":
			hw.p(" <span class=\"fail\">FAILED</span>")
		}
		hw.p("</h3>\n")
		var sub []string
		if ex.MadeBy != "" {
			sub = append(sub, "from "+ex.MadeBy)
		}
		if ex.AsOf != "" {
			sub = append(sub, "asked as of "+ex.AsOf)
		}
		if len(sub) > 0 {
			hw.p("<p class=\"banner\">" + esc(strings.Join(sub, "; ")) + "</p>\n")
		}
		for _, tb := range ex.Tables {
			hw.p("<table class=\"schedule\">\n<caption>Given: " + esc(words(tb.Action)) + "</caption>\n<thead><tr><th>Name</th><th>By</th>")
			for _, c := range tb.Columns {
				hw.p("<th>" + esc(words(c)) + "</th>")
			}
			hw.p("</tr></thead>\n<tbody>\n")
			for _, row := range tb.Rows {
				hw.p("<tr>")
				for i, cell := range row {
					cls := ""
					if i >= 2 && looksLikeMoney(cell) {
						cls = " class=\"money\""
					}
					if i == 0 {
						hw.p("<td><code>" + esc(cell) + "</code></td>")
						continue
					}
					hw.p("<td" + cls + ">" + esc(cell) + "</td>")
				}
				hw.p("</tr>\n")
			}
			hw.p("</tbody>\n</table>\n")
		}
		if len(ex.Values) > 0 {
			hw.p("<ul class=\"given\">\n")
			for _, v := range ex.Values {
				hw.p("<li>Given ")
				hw.text(v)
				hw.p("</li>\n")
			}
			hw.p("</ul>\n")
		}
		if len(ex.Expects) > 0 {
			hw.p("<table class=\"expect\">\n<thead><tr><th>Expected</th>")
			if ad.Checked {
				hw.p("<th>Result</th>")
			}
			hw.p("</tr></thead>\n<tbody>\n")
			for _, e := range ex.Expects {
				hw.p("<tr><td>")
				if len(e.Notes) > 0 {
					hw.p("<pre class=\"note\">" + esc(strings.Join(e.Notes, "\n")) + "</pre>")
				}
				hw.text(e.Text)
				hw.p("</td>")
				if ad.Checked {
					switch e.Status {
					case "pass":
						hw.p("<td class=\"pass\">pass</td>")
					default:
						hw.p("<td class=\"fail\">fail: " + esc(e.Msg) + "</td>")
					}
				}
				hw.p("</tr>\n")
			}
			hw.p("</tbody>\n</table>\n")
		}
		for _, e := range ex.Errors {
			hw.p("<p class=\"fail\">" + esc(e) + "</p>\n")
		}
		hw.p("</article>\n")
	}
	hw.p("</section>\n")
}

// looksLikeMoney reports whether a cell is an amount, to right-align it.
func looksLikeMoney(s string) bool {
	return len(s) > 4 && s[3] == ' ' && strings.ToUpper(s[:3]) == s[:3] && s[4] >= '0' && s[4] <= '9'
}
func (hw *htmlWriter) redlines(ad *agreementDoc) {
	if len(ad.Redlines) == 0 {
		return
	}
	hw.p("<section id=\"" + hw.id("redlines") + "\">\n<h2>Amendments as changes</h2>\n<p>Each amendment against the version it changed: <ins>inserted</ins> and <del>deleted</del> words, in the drafted prose and in the reading of the logic.</p>\n")
	for _, rd := range ad.Redlines {
		hw.p("<article class=\"redline\" id=\"" + hw.id("redline-"+rd.ID) + "\">\n")
		if strings.HasPrefix(rd.ID, "since-") {
			hw.p("<h3>" + esc(rd.Title) + "</h3>\n")
		} else {
			hw.p("<h3>" + esc(rd.Title) + " <code>" + esc(rd.ID) + "</code></h3>\n<p class=\"banner\">effective " + esc(rd.Effective) + "</p>\n")
		}
		if len(rd.Changes) == 0 {
			hw.p("<p>It changes no clause or term.</p>\n")
		}
		for _, c := range rd.Changes {
			hw.p("<h4 class=\"change\">" + esc(c.Kind) + " ")
			if c.Ref != "" {
				hw.p("<a href=\"#" + hw.id(c.Ref) + "\">" + esc(c.What) + "</a>")
			} else {
				hw.p(esc(c.What))
			}
			hw.p("</h4>\n<div class=\"cols\">\n<div class=\"prose\"><p>")
			hw.segs(c.Prose)
			hw.p("</p></div>\n<div class=\"reading\"><p>")
			hw.segs(c.Reading)
			hw.p("</p></div>\n</div>\n")
		}
		hw.p("</article>\n")
	}
	hw.p("</section>\n")
}

func (hw *htmlWriter) segs(ss []seg) {
	if len(ss) == 0 {
		hw.p("<em>none</em>")
	}
	for _, s := range ss {
		switch s.Op {
		case '+':
			hw.p("<ins>" + esc(s.Text) + "</ins>")
		case '-':
			hw.p("<del>" + esc(s.Text) + "</del>")
		default:
			hw.p(esc(s.Text))
		}
	}
}
func (hw *htmlWriter) statement(ad *agreementDoc) {
	sd := ad.Statement
	if sd == nil {
		return
	}
	hw.p("<section id=\"" + hw.id("statement") + "\">\n<h2>Statement for " + esc(sd.Period) + "</h2>\n")
	hw.p("<p class=\"banner\">Ledger <code>" + esc(sd.Ledger) + "</code>, from " + esc(sd.From) + " to " + esc(sd.To) + ", as of " + esc(sd.AsOf) + "; amounts in " + esc(sd.Currency) + "; " + itoa(int(sd.Events)) + " ledger rows counted.</p>\n")
	hw.p("<table class=\"statement\">\n<thead><tr><th>Period</th><th>Payer → payee</th><th>Clause</th><th>Kind</th><th class=\"money\">Base</th><th>Rate</th><th class=\"money\">Amount</th><th>Due</th><th>Ledger rows</th></tr></thead>\n<tbody>\n")
	for _, l := range sd.Lines {
		hw.p("<tr id=\"" + hw.id(l.Anchor) + "\"><td class=\"date\">" + esc(l.Period) + "</td><td>" + esc(l.Payer) + " → " + esc(l.Payee) + "</td><td>")
		if l.Clause != "" {
			hw.p("<a href=\"#" + hw.id(clauseAnchor(l.Clause)) + "\">" + esc(l.ClauseText) + "</a>")
		}
		hw.p("</td><td>" + esc(l.Kind) + "</td><td class=\"money\">" + esc(l.Base) + "</td><td>" + esc(l.Rate) + "</td><td class=\"money\">" + esc(l.Amount) + "</td><td class=\"date\">" + esc(l.Due) + "</td><td>")
		if len(l.Rows) > 0 {
			hw.p("<details class=\"drill\"><summary>" + itoa(len(l.Rows)) + " rows</summary><ul>")
			for _, rp := range l.Rows {
				hw.p("<li><a href=\"#" + hw.id("row-"+itoa(rp.Line)) + "\">row " + itoa(rp.Line) + "</a>: " + esc(rp.Base) + "</li>")
			}
			hw.p("</ul></details>")
		}
		hw.p("</td></tr>\n")
		if len(l.Notes) > 0 {
			hw.p("<tr class=\"notes\"><td></td><td colspan=\"8\">" + esc(strings.Join(l.Notes, "; ")) + "</td></tr>\n")
		}
	}
	hw.p("</tbody>\n</table>\n")
	if len(sd.Totals) > 0 {
		hw.p("<table class=\"totals\">\n<thead><tr><th>Totals</th><th class=\"money\">Amount</th></tr></thead>\n<tbody>\n")
		for _, t := range sd.Totals {
			hw.p("<tr><td>" + esc(t[0]) + "</td><td class=\"money\">" + esc(t[2]) + "</td></tr>\n")
		}
		hw.p("</tbody>\n</table>\n")
	}
	hw.p("<h3>Breaches</h3>\n")
	if len(sd.Breaches) == 0 {
		hw.p("<p>None.</p>\n")
	} else {
		hw.p("<table class=\"breaches\">\n<thead><tr><th>Ledger row</th><th>Date</th><th>Action</th><th>Decision</th></tr></thead>\n<tbody>\n")
		for _, b := range sd.Breaches {
			hw.p("<tr><td><a href=\"#" + hw.id("row-"+itoa(b.Row)) + "\">row " + itoa(b.Row) + "</a></td><td class=\"date\">" + esc(b.Date) + "</td><td>" + esc(b.Actor) + " " + esc(words(b.What)) + "</td><td>")
			if b.Clause != "" {
				hw.p("<a href=\"#" + hw.id(clauseAnchor(b.Clause)) + "\">" + esc(b.Decision) + "</a>")
			} else {
				hw.p(esc(b.Decision))
			}
			hw.p("</td></tr>\n")
		}
		hw.p("</tbody>\n</table>\n")
	}
	for _, x := range []struct {
		title string
		items []string
	}{{"Overdue", sd.Overdue}, {"Obligations not met", sd.Unmet}} {
		if len(x.items) == 0 {
			continue
		}
		hw.p("<h3>" + x.title + "</h3>\n<ul>\n")
		for _, it := range x.items {
			hw.p("<li>" + esc(it) + "</li>\n")
		}
		hw.p("</ul>\n")
	}
	hw.p("<h3>Ledger rows of the period</h3>\n")
	if !sd.Drill {
		hw.p("<p>The period has " + itoa(int(sd.MoreRows)) + " rows more than the " + itoa(MaxDrillRows) + " listed here: the lines above do not list their rows.</p>\n")
	}
	hw.p("<table class=\"rows\">\n<thead><tr><th>Row</th><th>Date</th><th>Action</th><th>By</th><th>Fields</th><th>Part of</th></tr></thead>\n<tbody>\n")
	for _, row := range sd.Rows {
		hw.p("<tr id=\"" + hw.id("row-"+itoa(row.Line)) + "\"><td>" + itoa(row.Line) + "</td><td class=\"date\">" + esc(row.Date) + "</td><td>" + esc(words(row.Action)) + "</td><td>" + esc(row.Actor) + "</td><td>" + esc(row.Fields) + "</td><td>")
		for i, a := range row.Lines {
			if i > 0 {
				hw.p(", ")
			}
			hw.p("<a href=\"#" + hw.id(a) + "\">" + esc(strings.Replace(a, "line-", "line ", 1)) + "</a>")
		}
		hw.p("</td></tr>\n")
	}
	hw.p("</tbody>\n</table>\n</section>\n")
}

const styleSheet = `:root { --ink: #1b1f24; --muted: #5a6270; --rule: #d5d9e0; --accent: #1d4f91; --ins: #e3f6e6; --del: #fbe4e4; --permit: #2e7d32; --prohibit: #b3261e; }
* { box-sizing: border-box; }
body { font-family: Georgia, "Times New Roman", serif; color: var(--ink); max-width: 62rem; margin: 0 auto; padding: 1.5rem; line-height: 1.5; }
h1, h2, h3, h4, nav, table, .banner, .subtitle, figcaption, footer, summary { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .2rem; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0 0 .3rem; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
.subtitle, .banner, figcaption, .used { color: var(--muted); font-size: .9rem; margin: .1rem 0 .6rem; }
.num { display: inline-block; min-width: 3rem; color: var(--accent); }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
.cols > div { border-left: 3px solid var(--rule); padding-left: .8rem; }
.cols .reading { border-left-color: var(--accent); }
.reading { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: .95rem; }
.clause { border-top: 1px solid var(--rule); padding-top: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
td.num, td.money, th.money { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
table.statement, table.rows { font-size: .8rem; }
tr.unknown { color: var(--muted); }
.drafted { color: var(--muted); font-size: .9rem; }
h4.change { text-transform: none; letter-spacing: 0; font-size: .95rem; color: var(--ink); margin-top: 1rem; }
ins { background: var(--ins); text-decoration: none; }
del { background: var(--del); }
.pass { color: var(--permit); font-weight: bold; }
.fail { color: var(--prohibit); font-weight: bold; }
tr.notes td { border-top: none; color: var(--muted); font-size: .8rem; }
details.drill ul { margin: .2rem 0; padding-left: 1rem; font-size: .8rem; }
@media print { details.drill > ul { display: block; } }
pre.note { font-size: .8rem; color: var(--muted); background: none; margin: 0 0 .3rem; white-space: pre-wrap; }
caption { text-align: left; font-weight: bold; padding: .2rem 0; }
details.source pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; }
figure { margin: 1rem 0; }
svg { max-width: 100%; height: auto; }
dl.glossary dt { font-weight: bold; margin-top: 1rem; }
dl.glossary dd { margin-left: 1.2rem; }
nav.toc ol { padding-left: 1.4rem; }
nav.toc > ol > li > ol { columns: 2; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; }
@media (max-width: 48rem) { .cols { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc, details.source { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .clause, figure, tr, dl.glossary dd { break-inside: avoid; }
  table { font-size: 9pt; }
  table.statement, table.rows, table.schedule { font-size: 7pt; }
  table.statement td, table.rows td, table.schedule td { overflow-wrap: anywhere; }
  table.statement td.money, table.schedule td.money { white-space: normal; overflow-wrap: normal; }
  th, td { padding: 2pt 4pt; }
  .cols { grid-template-columns: 1fr 1fr; }
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 18mm 16mm; }
}
`
