package repl

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/lang"
)

// This file has the help topics with a copyable form of every construct
// of a kind: :help shares, :help amendments, :help dates, :help kinds.
// The examples (indented five spaces, continued deeper) are made from the
// loaded agreement and can be typed in order; TestHelpExamplesWork types
// them.

// shareExample names the parts of the loaded agreement that the share
// examples use: a share clause's payer, payee and action, a money term
// over the action, a kind field and two of its members.
type shareExample struct {
	payer, payee, action, base string
	field, member, other       string
	free                       string // a free clause number prefix: "9"
}

// shareExample finds the parts, or returns false if the agreement has no
// share. The payee is the share's party; for a share that pays a split
// (named, or written in place), a party of the split or another party
// than the payer. The base is the share's own when it is a name (a term
// or a field of the action), else a term over the share's action.
func (s *Session) shareExample() (*shareExample, bool) {
	h, ai := s.histories()
	if ai == nil {
		return nil, false
	}
	ex := s.example()
	var keys []string
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	se := &shareExample{free: "9"}
	for _, k := range keys {
		for _, v := range h[k] {
			c, ok := v.item.(*lang.ClauseDecl)
			if !ok {
				continue
			}
			b, ok := c.Body.(*lang.Share)
			if !ok || se.payer != "" || b.Payer == nil || b.Action == nil {
				continue
			}
			se.payer, se.action = identName(b.Payer), identName(b.Action)
			switch p := b.Payee.(type) {
			case *lang.PartyPayee:
				if p.Party != nil && ai.Parties[p.Party.Name] != nil {
					se.payee = p.Party.Name
				}
			case *lang.Split:
				if len(p.Shares) > 0 && p.Shares[0].Party != nil {
					se.payee = p.Shares[0].Party.Name
				}
			}
			if se.payee == "" { // a named split or a waterfall: another party
				for _, name := range sortedKeys(ai.Parties) {
					if name != se.payer {
						se.payee = name
						break
					}
				}
			}
			if len(b.Lines) > 0 {
				if id, ok := b.Lines[0].Base.(*lang.Ident); ok {
					se.base = id.Name
				}
			}
			if se.base == "" && ex.action == se.action {
				se.base = ex.baseTerm
			}
		}
	}
	if se.payer == "" || se.payee == "" || se.base == "" {
		return nil, false
	}
	if sd := s.schema(se.action); sd != nil {
		for _, f := range sd.Fields {
			if f.Type == nil || f.Type.Name == nil {
				continue
			}
			if k := ai.Kinds[f.Type.Name.Name]; k != nil && len(k.Members) > 1 {
				se.field, se.member, se.other = f.Name.Name, k.Members[len(k.Members)-1].Name, k.Members[0].Name
				break
			}
		}
	}
	return se, true
}

func (s *Session) helpShares() {
	s.println("Shares: a percentage of each action's base, added up per period")
	s.println()
	se, ok := s.shareExample()
	if !ok {
		s.println("The loaded agreement has no share to make examples from. The forms (SPEC.md section 7):")
		s.println("  clause N \"Title\" PAYER pays PAYEE 20% of BASE of each ACTION by PARTY settled quarterly")
		s.println("  PAYER pays PAYEE of each ACTION: 25% of BASE where COND  20% of BASE otherwise (one line each)")
		s.println("  marginal tiers reset yearly { 20% up to USD 10,000,000.00  15% above } of BASE ...")
		s.println("  split { PARTY 60%  PARTY 40% } 20% of BASE ...;  at most X per year;  minimum guarantee X per year")
		return
	}
	n := func(i int) string { return fmt.Sprintf("%s.%d", se.free, i) }
	s.printf("Each form below is a new clause %s.x; type it, ask a question, and :undo takes it back. A flat rate, due after the period:\n", se.free)
	s.printf("     clause %s \"Flat share\" %s pays %s 10%% of %s of each %s by %s settled quarterly due 30 days after period end\n", n(1), se.payer, se.payee, se.base, se.action, se.payer)
	if se.field != "" {
		s.println("A rate per line, each line for the actions it matches (the first line that matches counts):")
		s.printf("     clause %s \"Share by %s\" %s pays %s of each %s by %s:\n", n(2), se.field, se.payer, se.payee, se.action, se.payer)
		s.printf("       25%% of %s where %s == %s\n", se.base, se.field, se.member)
		s.printf("       20%% of %s otherwise\n", se.base)
		s.println("       settled quarterly")
	}
	s.println("Tiers on the volume counted from the start of each year (marginal: like tax brackets; whole: the rate reached applies to all), with a yearly cap:")
	s.printf("     clause %s \"Tiered share\" %s pays %s marginal tiers reset yearly { 20%% up to %s 10,000,000.00 15%% above } of %s of each %s by %s settled quarterly at most %s 50,000,000.00 per year\n",
		n(3), se.payer, se.payee, s.currency(), se.base, se.action, se.payer, s.currency())
	s.println("A floor: a minimum guarantee per year, paid as a true-up at the year's end:")
	s.printf("     clause %s \"Guaranteed share\" %s pays %s 5%% of %s of each %s by %s settled yearly minimum guarantee %s 100.00 per year\n",
		n(4), se.payer, se.payee, se.base, se.action, se.payer, s.currency())
	s.println("A split of one amount among parties (it always adds back exactly), with a party declared for the session:")
	s.println("     party partner \"Partner LLC\"")
	s.printf("     clause %s \"Split share\" %s pays split { %s 60%% partner 40%% } 10%% of %s of each %s by %s settled quarterly\n",
		n(5), se.payer, se.payee, se.base, se.action, se.payer)
	s.println("Also: recouping X (an advance recovered first), waterfalls (one party paid up to a sum, then the next), settled monthly or yearly; SPEC.md sections 7 and 8 have all of it. :settle PERIOD shows the lines; :why and :trace N explain them.")
}

func (s *Session) helpAmendments() {
	ex := s.example()
	s.println("Amendments: changes that take effect on a date")
	s.println()
	s.println("In a file, an amendment changes an agreement from its effective date; earlier dates keep the earlier versions (:asof DATE asks as the agreement was known on DATE):")
	name := orElse(ex.agreement, "AGREEMENT")
	s.printf("  amendment price_change \"Price Change\" amends %s {\n", name)
	s.println("    effective 2027-01-01")
	s.println("    replace clause N \"Title\" ...      (a new version of clause N)")
	s.println("    replace term NAME = ...            (a new version of a term)")
	s.println("    delete clause N                    (clause N no longer applies)")
	s.println("    clause N \"Title\" notwithstanding M ...   (a new clause that overrides clause M)")
	s.println("  }")
	s.println()
	s.println("At the prompt, a clause or term typed again replaces it at every date, for this session, and delete clause N removes one. :status lists what you changed, :diff shows each answer before → after, :undo takes the last change back:")
	if h, ai := s.histories(); ai != nil {
		var nums []string
		for k := range h {
			if n, ok := cutPrefix(k, "clause "); ok {
				nums = append(nums, n)
			}
		}
		sort.Slice(nums, func(i, j int) bool { return clauseLess(nums[i], nums[j]) })
		if len(nums) > 0 {
			last := nums[len(nums)-1]
			s.printf("     delete clause %s\n", last)
			s.println("     :status")
			s.println("     :undo")
		}
	}
	s.println(":save FILE DATE writes the session's changes as an amendment effective on DATE, with TODO placeholders for its title and prose, that pacta check accepts.")
}

func (s *Session) helpDates() {
	s.println("Dates, durations and periods")
	s.println()
	s.println("Dates are written year-month-day (never 01/02/2027); durations in days, months or years; a month added to the 31st ends on the month's last day:")
	s.println("     2026-11-01 + 30 days")
	s.println("     2027-01-31 + 1 month")
	s.println("     days_between(2026-12-31, 2027-03-31)")
	s.println("Periods for :settle: 2027-Q1 (a quarter), 2027-03 (a month), 2027 (a year), FY2027 (a fiscal year, if the agreement says when its year starts).")
	se, ok := s.shareExample()
	if !ok {
		s.println("In clauses: from DATE until DATE on a permission; on DATE, due within 30 days after the payment date, due 45 days after period end, settled monthly|quarterly|yearly on money clauses (SPEC.md sections 5 and 6).")
		s.helpDateHeader()
		return
	}
	s.println("In clauses: a permission for a window of dates, a payment on a date due within a number of days, a share settled per period and due after it:")
	if se.field != "" {
		s.printf("     clause %s.6 \"Pilot\" %s may %s where %s == %s from 2027-01-01 until 2027-06-30\n", se.free, se.payer, se.action, se.field, se.other)
	}
	s.printf("     clause %s.7 \"Fee\" %s pays %s %s 1,000.00 on 2027-03-31 due within 30 days after the payment date\n", se.free, se.payer, se.payee, s.currency())
	s.printf("     clause %s.8 \"Monthly share\" %s pays %s 1%% of %s of each %s by %s settled monthly due 15 days after period end\n", se.free, se.payer, se.payee, se.base, se.action, se.payer)
	s.println("As of a date: :asof 2026-06-30 asks every question as the agreement was known then; :asof none undoes it.")
	s.helpDateHeader()
}

// helpDateHeader shows the date items of an agreement, which only a
// session without files can take (an amendment cannot declare them).
func (s *Session) helpDateHeader() {
	if !s.tgt.synthetic {
		return
	}
	s.println("The session's agreement takes the date items of SPEC.md section 11 too: time zone Europe/Paris, contract year starts 2027-03-15, calendar uk { holidays 2027-12-27, 2027-12-28 } (or calendar uk from \"holidays/uk.txt\", one date a line). :why after a statement says which rule made each due date.")
}

func cutPrefix(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):], true
	}
	return s, false
}

// helpDeclarations shows how to add a member to a kind, a field to an
// action and a party for the session: each is the declaration typed
// again, whole, with the addition.
func (s *Session) helpDeclarations() {
	_, ai := s.histories()
	if ai == nil || s.tgt.synthetic {
		return
	}
	s.println()
	s.println("To add a member to a kind, a field to an action, or a party, for this session: type the declaration again, whole, with the addition (:show NAME prints the one in force, to copy):")
	var kinds []string
	for k := range ai.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	if len(kinds) > 0 {
		k := ai.Kinds[kinds[0]]
		cp := *k
		cp.Members = append(append([]*lang.Ident(nil), k.Members...), &lang.Ident{Name: "Other" + k.Name.Name})
		s.printf("     %s\n", oneLine(lang.FormatItem(&cp)))
	}
	ex := s.example()
	if sd := s.schema(ex.action); sd != nil && !sd.Event {
		cp := *sd
		cp.Fields = append(append([]*lang.FieldDecl(nil), sd.Fields...),
			&lang.FieldDecl{Name: &lang.Ident{Name: "channel"}, Type: &lang.TypeExpr{Name: &lang.Ident{Name: "text"}}})
		s.printf("     %s\n", strings.Join(strings.Fields(lang.FormatItem(&cp)), " "))
		s.println("   (the files' tests and your givens that give no channel are then left out, and said so; :undo brings the tests back)")
		s.println("     :undo")
	}
	s.println("     party auditor \"Auditor LLP\"")
}
