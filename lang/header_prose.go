package lang

import "github.com/alecthomas/participle/v2/lexer"

// This file gives the header rules of an agreement (effective date, end,
// currency, rounding, default verdict, fiscal year) their prose, like
// clauses and terms (SPEC 4.2).

// HeaderProse returns the prose written after a header rule, or nil (for
// a header rule without prose, and for any other item).
func HeaderProse(it Item) *StringLit {
	switch it := it.(type) {
	case *Effective:
		return it.Prose
	case *Ends:
		return it.Prose
	case *CurrencyDecl:
		return it.Prose
	case *RoundingDecl:
		return it.Prose
	case *DefaultDecl:
		return it.Prose
	case *FiscalYearDecl:
		return it.Prose
	case *ContractYearDecl:
		return it.Prose
	}
	return nil
}

// headerProse sets the prose of a header rule from its grammar.
func (c *treeBuilder) headerProse(it Item, g *gItem) {
	if g == nil {
		return
	}
	var tok **StringLit
	var src **lexer.Token
	switch it := it.(type) {
	case *Effective:
		tok, src = &it.Prose, &g.Effective.Prose
	case *Ends:
		tok, src = &it.Prose, &g.Ends.Prose
	case *CurrencyDecl:
		tok, src = &it.Prose, &g.Currency.Prose
	case *RoundingDecl:
		tok, src = &it.Prose, &g.Rounding.Prose
	case *DefaultDecl:
		tok, src = &it.Prose, &g.Default.Prose
	case *FiscalYearDecl:
		tok, src = &it.Prose, &g.Fiscal.Prose
	case *ContractYearDecl:
		tok, src = &it.Prose, &g.Contract.Prose
	default:
		return
	}
	if *src != nil {
		*tok = stringTok(*src)
	}
}
