package render

import (
	"bufio"
	"io"
	"strings"
)

// This file writes a document as Markdown (CommonMark with tables, as
// GitHub renders it): the same sections as the HTML, without the
// pictures; redlines keep <ins> and <del>, which Markdown passes through.

type mdWriter struct {
	w      *bufio.Writer
	prefix string
}

func writeMarkdown(w io.Writer, doc *document) error {
	mw := &mdWriter{w: bufio.NewWriter(w)}
	for _, ad := range doc.Agreements {
		mw.prefix = ""
		if len(doc.Agreements) > 1 {
			mw.prefix = ad.ID + "-"
		}
		mw.agreement(doc, ad)
	}
	return mw.w.Flush()
}

func (mw *mdWriter) p(s string) { mw.w.WriteString(s) }

// mdEsc escapes the characters Markdown would read as markup.
var mdEsc = strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]", "<", "&lt;", ">", "&gt;", "|", "\\|", "#", "\\#")

func (mw *mdWriter) text(t Text) {
	for _, s := range t {
		if s.Ref == "" {
			mw.p(mdEsc.Replace(s.Text))
			continue
		}
		mw.p("[" + mdEsc.Replace(s.Text) + "](#" + mw.prefix + s.Ref + ")")
	}
}

// anchor writes an HTML anchor, which Markdown renderers keep.
func (mw *mdWriter) anchor(ref string) {
	mw.p("<a id=\"" + esc(mw.prefix+ref) + "\"></a>\n\n")
}

func (mw *mdWriter) agreement(doc *document, ad *agreementDoc) {
	mw.anchor("agreement")
	mw.p("# " + mdEsc.Replace(ad.Title) + "\n\n")
	if doc.AsOf != "" {
		mw.p("`" + ad.ID + "`, consolidated as in force on " + ad.InForceOn + ", with the amendments known on " + doc.AsOf + ".\n\n")
	} else {
		mw.p("`" + ad.ID + "`, consolidated with every amendment, as in force from " + ad.InForceOn + ".\n\n")
	}
	mw.anchor("parties")
	mw.p("## Parties\n\n| Party | Legal name | Called in readings |\n|---|---|---|\n")
	for _, p := range ad.Parties {
		mw.p("| `" + p[0] + "` | " + mdEsc.Replace(p[1]) + " | " + mdEsc.Replace(p[2]) + " |\n")
	}
	mw.p("\n")
	for _, g := range ad.General {
		mw.p("- ")
		mw.text(g.Reading)
		if g.Prose != "" {
			mw.p(" As drafted: “" + mdEsc.Replace(g.Prose) + "”")
		}
		mw.p("\n")
	}
	mw.p("\n")
	mw.anchor("versions")
	mw.p("## Versions\n\n| Version | Made by | Effective | What it does |\n|---|---|---|---|\n")
	for _, v := range ad.Versions {
		mw.p("| " + mdEsc.Replace(v.Title) + " | " + v.Kind + " `" + v.ID + "` | " + v.Effective + " | ")
		mw.text(v.Changes)
		mw.p(" |\n")
	}
	mw.p("\n")
	mw.anchor("clauses")
	mw.p("## Clauses\n\n")
	for _, c := range ad.Clauses {
		mw.anchor(clauseAnchor(c.Num))
		mw.p("### " + c.Num + " " + mdEsc.Replace(c.Title) + "\n\n*" + mdEsc.Replace(c.Banner) + "*\n\n")
		if len(c.Prose) > 0 {
			mw.p("> ")
			mw.text(c.Prose)
			mw.p("\n\n")
		}
		mw.p("**Reading:** ")
		mw.text(c.Reading)
		mw.p("\n\n")
	}
	if len(ad.Graphs) > 0 {
		mw.anchor("precedence")
		mw.p("## Precedence\n\n")
		for _, g := range ad.Graphs {
			mw.p("- " + mdEsc.Replace(g.Note) + "\n")
		}
		mw.p("\n")
	}
	if len(ad.Glossary) > 0 {
		mw.anchor("definitions")
		mw.p("## Definitions\n\n")
		for _, t := range ad.Glossary {
			mw.anchor(termAnchor(t.Name))
			mw.p("**" + mdEsc.Replace(t.Display) + "** (`" + t.Name + "`, " + mdEsc.Replace(t.Banner) + ")")
			if len(t.Prose) > 0 {
				mw.p(": ")
				mw.text(t.Prose)
			}
			mw.p("\n\n")
			mw.text(t.Reading)
			if len(t.UsedBy)+len(t.UsedByTerms) > 0 {
				mw.p(" Used in ")
				i := 0
				for _, n := range t.UsedBy {
					if i++; i > 1 {
						mw.p(", ")
					}
					mw.p("[clause " + n + "](#" + mw.prefix + clauseAnchor(n) + ")")
				}
				for _, n := range t.UsedByTerms {
					if i++; i > 1 {
						mw.p(", ")
					}
					mw.p("[" + mdEsc.Replace(titleWords(n)) + "](#" + mw.prefix + termAnchor(n) + ")")
				}
				mw.p(".")
			}
			mw.p("\n\n")
		}
	}
	if len(ad.Examples) > 0 {
		mw.anchor("examples")
		mw.p("## Worked examples\n\n")
		for _, ex := range ad.Examples {
			mw.anchor(ex.Anchor)
			mw.p("### " + mdEsc.Replace(ex.Name))
			switch ex.Status {
			case "pass":
				mw.p(" (passed)")
			case "fail":
				mw.p(" (FAILED)")
			}
			mw.p("\n\n")
			if ex.AsOf != "" {
				mw.p("Asked as of " + ex.AsOf + ".\n\n")
			}
			for _, tb := range ex.Tables {
				mw.p("Given, " + mdEsc.Replace(words(tb.Action)) + ":\n\n| Name | By |")
				for _, c := range tb.Columns {
					mw.p(" " + mdEsc.Replace(words(c)) + " |")
				}
				mw.p("\n|---|---|" + strings.Repeat("---|", len(tb.Columns)) + "\n")
				for _, row := range tb.Rows {
					mw.p("|")
					for _, cell := range row {
						mw.p(" " + mdEsc.Replace(cell) + " |")
					}
					mw.p("\n")
				}
				mw.p("\n")
			}
			for _, v := range ex.Values {
				mw.p("- Given ")
				mw.text(v)
				mw.p("\n")
			}
			for _, e := range ex.Expects {
				if len(e.Notes) > 0 {
					mw.p("\n    " + strings.Join(e.Notes, "\n    ") + "\n\n")
				}
				mw.p("- Expect: ")
				mw.text(e.Text)
				switch e.Status {
				case "pass":
					mw.p(" — pass")
				case "fail":
					mw.p(" — **fail**: " + mdEsc.Replace(e.Msg))
				}
				mw.p("\n")
			}
			mw.p("\n")
		}
	}
	if len(ad.Redlines) > 0 {
		mw.anchor("redlines")
		mw.p("## Amendments as changes\n\n")
		for _, rd := range ad.Redlines {
			if strings.HasPrefix(rd.ID, "since-") {
				mw.p("### " + mdEsc.Replace(rd.Title) + "\n\n")
			} else {
				mw.p("### " + mdEsc.Replace(rd.Title) + " (`" + rd.ID + "`), effective " + rd.Effective + "\n\n")
			}
			for _, c := range rd.Changes {
				mw.p("**" + c.Kind + " " + mdEsc.Replace(c.What) + "**\n\n> ")
				mw.segs(c.Prose)
				mw.p("\n\n")
				mw.segs(c.Reading)
				mw.p("\n\n")
			}
		}
	}
	mw.statement(ad)
}

func (mw *mdWriter) segs(ss []seg) {
	for _, s := range ss {
		switch s.Op {
		case '+':
			mw.p("<ins>" + esc(s.Text) + "</ins>")
		case '-':
			mw.p("<del>" + esc(s.Text) + "</del>")
		default:
			mw.p(mdEsc.Replace(s.Text))
		}
	}
}

func (mw *mdWriter) statement(ad *agreementDoc) {
	sd := ad.Statement
	if sd == nil {
		return
	}
	mw.anchor("statement")
	mw.p("## Statement for " + sd.Period + "\n\nLedger `" + sd.Ledger + "`, from " + sd.From + " to " + sd.To + ", as of " + sd.AsOf + "; amounts in " + sd.Currency + ".\n\n")
	mw.p("| Period | Payer → payee | Clause | Kind | Base | Rate | Amount | Due | Ledger rows | Notes |\n|---|---|---|---|--:|---|--:|---|---|---|\n")
	for _, l := range sd.Lines {
		var rows []string
		for _, rp := range l.Rows {
			rows = append(rows, "[row "+itoa(rp.Line)+"](#"+mw.prefix+"row-"+itoa(rp.Line)+"): "+mdEsc.Replace(rp.Base))
		}
		clause := ""
		if l.Clause != "" {
			clause = "[" + mdEsc.Replace(l.ClauseText) + "](#" + mw.prefix + clauseAnchor(l.Clause) + ")"
		}
		mw.p("| " + l.Period + " | " + mdEsc.Replace(l.Payer+" → "+l.Payee) + " | " + clause + " | " + l.Kind + " | " + mdEsc.Replace(l.Base) + " | " + mdEsc.Replace(l.Rate) + " | " + mdEsc.Replace(l.Amount) + " | " + l.Due + " | " + strings.Join(rows, "<br>") + " | " + mdEsc.Replace(strings.Join(l.Notes, "; ")) + " |\n")
	}
	mw.p("\n")
	for _, t := range sd.Totals {
		mw.p("- Total " + mdEsc.Replace(t[0]) + ": " + mdEsc.Replace(t[2]) + "\n")
	}
	mw.p("\n### Breaches\n\n")
	if len(sd.Breaches) == 0 {
		mw.p("None.\n\n")
	}
	for _, b := range sd.Breaches {
		mw.p("- [row " + itoa(b.Row) + "](#" + mw.prefix + "row-" + itoa(b.Row) + "), " + b.Date + ", " + mdEsc.Replace(b.Actor+" "+words(b.What)) + ": " + mdEsc.Replace(b.Decision) + "\n")
	}
	for _, o := range sd.Overdue {
		mw.p("- Overdue: " + mdEsc.Replace(o) + "\n")
	}
	for _, u := range sd.Unmet {
		mw.p("- Not met: " + mdEsc.Replace(u) + "\n")
	}
	mw.p("\n### Ledger rows of the period\n\n")
	for _, row := range sd.Rows {
		mw.anchor("row-" + itoa(row.Line))
		mw.p("Row " + itoa(row.Line) + ", " + row.Date + ", " + mdEsc.Replace(words(row.Action)+" "+row.Actor) + ": " + mdEsc.Replace(row.Fields) + "\n\n")
	}
}
