package interp

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pacta-lang/pacta/interp/internal/textfmt"
	"github.com/pacta-lang/pacta/interp/result"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Vet analyses the program's agreements before anything runs (SPEC 14):
// conflicts, clauses that never apply or always lose, overrides that never
// meet, actions no clause covers, money that does not add up, and prose
// that disagrees with the logic; a finding that an action can meet
// something carries a witness that Decide confirms. The error unwraps to
// the context's error when the context is done first.
func (p *Program) Vet(ctx context.Context) (*result.VetReport, error) {
	rep := &result.VetReport{}
	for _, a := range p.agreements {
		if err := ctxErr(ctx); err != nil {
			return nil, err
		}
		v := &vetter{p: p, a: a, ctx: ctx, rep: rep, clauses: map[*result.ClauseInfo]*clauseFacts{}, pairs: map[[2]*result.ClauseInfo]bool{}, gaps: map[string]bool{}}
		if err := v.deontic(); err != nil {
			return nil, err
		}
		v.money()
		v.prose()
		v.terminations()
	}
	sort.SliceStable(rep.Findings, func(i, j int) bool {
		a, b := rep.Findings[i], rep.Findings[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Message < b.Message
	})
	return rep, nil
}

// vetter is the state of vetting one agreement.
type vetter struct {
	p       *Program
	a       *agreement
	ctx     context.Context
	rep     *result.VetReport
	clauses map[*result.ClauseInfo]*clauseFacts
	order   []*result.ClauseInfo
	pairs   map[[2]*result.ClauseInfo]bool // conflicts and overrides already reported
	gaps    map[string]bool
	parties []*proseParty // as prose names them (vet_prose_party.go)
	// unconfirmed counts candidates Decide did not confirm (for tests:
	// it is always zero when the analysis is right).
	unconfirmed int
}

// clauseFacts gathers what the versions say about one deontic clause.
type clauseFacts struct {
	versions   int  // versions it is in force in
	analysed   bool // its condition was analysed in every version
	notAnalyse string
	alive      bool // it can apply in some version
	wins       bool // in some version, it applies somewhere nothing overrides it
	overrider  *result.ClauseInfo
}

func (v *vetter) facts(c *result.ClauseInfo) *clauseFacts {
	f, ok := v.clauses[c]
	if !ok {
		f = &clauseFacts{analysed: true}
		v.clauses[c] = f
		v.order = append(v.order, c)
	}
	return f
}

func (v *vetter) add(f result.VetFinding) {
	f.Agreement = v.a.id
	v.rep.Findings = append(v.rep.Findings, f)
}

// deontic analyses the permissions and prohibitions of every version.
func (v *vetter) deontic() error {
	a := v.a
	names := make([]string, 0, len(a.schemas))
	for n := range a.schemas {
		names = append(names, n)
	}
	sort.Strings(names)
	overlaps := map[[2]*result.ClauseInfo]bool{} // precedence pairs seen to overlap
	overrides := map[[2]*result.ClauseInfo]bool{}
	for vi, ver := range a.versions {
		for _, name := range names {
			s := a.schemas[name]
			if s.event {
				continue
			}
			if err := ctxErr(v.ctx); err != nil {
				return err
			}
			if err := v.schemaVersion(vi, ver, s, overlaps, overrides); err != nil {
				return err
			}
		}
	}
	for _, c := range v.order {
		f := v.clauses[c]
		d := c.Decl.Body.(*lang.Deontic)
		switch {
		case !f.analysed:
			v.add(result.VetFinding{Kind: result.VetNotAnalysed, Severity: result.VetInfo, Pos: c.Pos, Clauses: []*result.ClauseInfo{c},
				Message: fmt.Sprintf("clause %s is not analysed: %s", c.Num, f.notAnalyse)})
		case !f.alive:
			v.add(result.VetFinding{Kind: result.VetDeadClause, Severity: result.VetWarning, Pos: c.Pos, Clauses: []*result.ClauseInfo{c},
				Message: fmt.Sprintf("clause %s can never apply: no %s by %s meets its condition and dates while it is in force", c.Num, d.Action.Name, d.Party.Name)})
		case !f.wins:
			v.add(result.VetFinding{Kind: result.VetAlwaysLoses, Severity: result.VetWarning, Pos: c.Pos, Clauses: []*result.ClauseInfo{c, f.overrider},
				Message: fmt.Sprintf("clause %s never decides anything: every action it covers is also covered by %s, which overrides it", c.Num, f.overrider.Num)})
		}
	}
	// Overrides aimed at a clause they never meet.
	for key := range overrides {
		if overlaps[key] {
			continue
		}
		w, l := key[0], key[1]
		if !v.clauses[w].analysed || !v.clauses[l].analysed || !v.clauses[w].alive || !v.clauses[l].alive {
			continue
		}
		pos, word := w.Pos, "notwithstanding"
		for _, n := range w.Decl.Notwithstanding {
			if n != nil && n.Num == l.Num {
				pos = n.Pos()
			}
		}
		if pos == w.Pos {
			word = "subject to"
			for _, n := range l.Decl.SubjectTo {
				if n != nil && n.Num == w.Num {
					pos = n.Pos()
				}
			}
		}
		wd, ld := w.Decl.Body.(*lang.Deontic), l.Decl.Body.(*lang.Deontic)
		why := "no action meets both conditions"
		switch {
		case wd.Action.Name != ld.Action.Name:
			why = fmt.Sprintf("one is about %s, the other about %s", wd.Action.Name, ld.Action.Name)
		case wd.Party.Name != ld.Party.Name:
			why = fmt.Sprintf("one is about %s, the other about %s", wd.Party.Name, ld.Party.Name)
		}
		msg := fmt.Sprintf("clause %s overrides %s (%s), but they never apply to the same action: %s; was another clause meant?", w.Num, l.Num, word, why)
		if word == "subject to" {
			msg = fmt.Sprintf("clause %s is subject to %s, but they never apply to the same action: %s; was another clause meant?", l.Num, w.Num, why)
		}
		v.add(result.VetFinding{Kind: result.VetOverrideNoMeet, Severity: result.VetWarning, Pos: pos, Clauses: []*result.ClauseInfo{w, l}, Message: msg})
	}
	return nil
}

// vrule is a rule with the region where it applies.
type vrule struct {
	r         *rule
	reg       region
	analysed  bool
	over      []int        // the rules of its group that override it
	overrides map[int]bool // the rules of its group it overrides
}

// regionsMeet reports whether two regions share an action.
func regionsMeet(r, s region) bool {
	for _, b := range r {
		for _, c := range s {
			if b.intersects(c) {
				return true
			}
		}
	}
	return false
}

// schemaVersion analyses the rules about one action in one version.
func (v *vetter) schemaVersion(vi int, ver *version, s *schema, overlaps, overrides map[[2]*result.ClauseInfo]bool) error {
	rules := ver.byID[s.id]
	sp, why := v.buildSpace(ver, s, nil, rules)
	vrs := make([]*vrule, len(rules))
	byRule := map[*rule]*vrule{}
	for i, r := range rules {
		f := v.facts(r.clause)
		f.versions++
		vr := &vrule{r: r}
		vrs[i] = vr
		byRule[r] = vr
		if sp == nil {
			f.analysed, f.notAnalyse = false, why
			continue
		}
		reg, ok := sp.cond(r.cond)
		if !ok {
			f.analysed = false
			if f.notAnalyse == "" {
				f.notAnalyse = "its condition goes beyond comparing fields with constants (arithmetic, a term with arguments or a function)"
			}
			continue
		}
		reg = sp.intersect(reg, region{sp.dateBox(r)})
		vr.reg, vr.analysed = reg, true
		if len(reg) > 0 {
			f.alive = true
		}
	}
	// Precedence within the version, among the rules of this action.
	idxRule := map[int]*vrule{}
	indexOfRule := map[*vrule]int{}
	for i, vr := range vrs {
		idxRule[vr.r.idx] = vr
		indexOfRule[vr] = i
	}
	for i, vr := range vrs {
		for _, j := range reachable(ver.prec, vr.r.idx) {
			if lr, ok := idxRule[j]; ok && lr.r.party == vr.r.party {
				lr.over = append(lr.over, i)
				if vr.overrides == nil {
					vr.overrides = map[int]bool{}
				}
				vr.overrides[indexOfRule[lr]] = true
			}
		}
	}
	// Direct references, for overrides that never meet their target.
	for i, c := range ver.clauses {
		for _, j := range directOverrides(ver, i) {
			w, l := c, ver.clauses[j]
			if _, ok := w.Decl.Body.(*lang.Deontic); !ok {
				continue
			}
			if _, ok := l.Decl.Body.(*lang.Deontic); !ok {
				continue
			}
			key := [2]*result.ClauseInfo{w, l}
			overrides[key] = true
			wr, lr := findRule(vrs, w), findRule(vrs, l)
			if wr == nil || lr == nil {
				continue
			}
			if !wr.analysed || !lr.analysed || wr.r.party == lr.r.party && len(sp.intersect(wr.reg, lr.reg)) > 0 {
				overlaps[key] = true
			}
		}
	}
	if sp == nil {
		return nil
	}
	// Always-losing: the rule's region minus what overrides it.
	for _, vr := range vrs {
		if !vr.analysed || len(vr.reg) == 0 {
			continue
		}
		f := v.facts(vr.r.clause)
		var subs []box
		for _, o := range vr.over {
			if !vrs[o].analysed {
				subs = nil
				f.wins = true // cannot tell; do not claim it always loses
				break
			}
			subs = append(subs, vrs[o].reg...)
			if f.overrider == nil {
				f.overrider = vrs[o].r.clause
			}
		}
		if f.wins {
			continue
		}
		for _, b := range vr.reg {
			sp.steps = 0
			_, found, ok := sp.witnessIn(b, subs)
			if found || !ok {
				f.wins = true
				break
			}
		}
	}
	// Conflicts: a permission and a prohibition about one party that
	// neither overrides, both applying somewhere nothing overrides either.
	for pi, p := range vrs {
		if !p.analysed || len(p.reg) == 0 || p.r.modality == lang.MustNot {
			continue
		}
		for qi, q := range vrs {
			if !q.analysed || len(q.reg) == 0 || q.r.modality != lang.MustNot || q.r.party != p.r.party {
				continue
			}
			if !regionsMeet(p.reg, q.reg) {
				continue
			}
			key := [2]*result.ClauseInfo{p.r.clause, q.r.clause}
			if v.pairs[key] || p.overrides[qi] || q.overrides[pi] {
				continue
			}
			both := sp.intersect(p.reg, q.reg)
			var subs []box
			for _, o := range append(append([]int(nil), p.over...), q.over...) {
				subs = append(subs, vrs[o].reg...)
			}
			for _, b := range both {
				sp.steps = 0
				w, found, ok := sp.witnessIn(b, subs)
				if !ok {
					// Too many overlapping clauses to settle within the
					// budget: say so rather than claim no conflict.
					for _, c := range [][2]*result.ClauseInfo{{p.r.clause, q.r.clause}, {q.r.clause, p.r.clause}} {
						if f := v.facts(c[0]); f.analysed {
							f.analysed = false
							f.notAnalyse = "whether it conflicts with " + c[1].Num + " needs more work than vet's budget allows (too many overlapping clauses)"
						}
					}
					break
				}
				if !found {
					continue
				}
				if v.conflict(vi, ver, sp, s, p.r, q.r, w) {
					v.pairs[key] = true
					break
				}
			}
		}
	}
	// Coverage: per party, what no rule covers.
	v.coverage(vi, ver, sp, s, vrs)
	return nil
}

func findRule(vrs []*vrule, c *result.ClauseInfo) *vrule {
	for _, vr := range vrs {
		if vr.r.clause == c {
			return vr
		}
	}
	return nil
}

// reachable lists the clauses i overrides, directly or through a chain.
func reachable(p *precedence, i int) []int {
	var out []int
	seen := map[int32]bool{}
	stack := []int32{int32(i)}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, m := range p.succ[p.start[k]:p.start[k+1]] {
			if !seen[m] {
				seen[m] = true
				out = append(out, int(m))
				stack = append(stack, m)
			}
		}
	}
	return out
}

// directOverrides lists the clauses clause i overrides by its own
// notwithstanding or by their subject to.
func directOverrides(ver *version, i int) []int {
	var out []int
	for _, m := range ver.prec.succ[ver.prec.start[i]:ver.prec.start[i+1]] {
		out = append(out, int(m))
	}
	return out
}

// buildSpace makes the atoms of the fields the rules about s look at, or
// says why it cannot.
func (v *vetter) buildSpace(ver *version, s *schema, conds []node, rules []*rule) (*space, string) {
	consts := map[int][]types.Value{}
	used := map[int]bool{}
	for _, r := range rules {
		conds = append(conds, r.cond)
	}
	for _, c := range conds {
		condLeaves(s, c, func(l leaf) {
			used[l.idx] = true
			consts[l.idx] = append(consts[l.idx], l.vals...)
		})
	}
	sp := &space{schema: s, byIdx: map[int]int{}}
	date := s.dateIdx()
	idxs := []int{date}
	for i := range s.Fields() {
		if used[i] && i != date && i != s.actorAt {
			idxs = append(idxs, i)
		}
	}
	for _, i := range idxs {
		t := s.types[i]
		d := &dom{idx: i, name: s.Fields()[i], kind: t.kind, cur: t.currency}
		switch {
		case t.kind == types.KindDate:
			var nums []types.Decimal
			for _, c := range consts[i] {
				n, _ := numOf(c)
				nums = append(nums, n)
			}
			var lo, hi *types.Decimal
			if i == date {
				l := types.DecimalFromInt(int64(types.DaysBetween(types.MinDate(), ver.from)))
				lo = &l
				nums = append(nums, l)
				if v.a.hasEnds {
					h := types.DecimalFromInt(int64(types.DaysBetween(types.MinDate(), v.a.ends)))
					hi = &h
					nums = append(nums, h)
				}
				for _, r := range rules {
					if r.hasFrom {
						nums = append(nums, types.DecimalFromInt(int64(types.DaysBetween(types.MinDate(), r.from))))
					}
					if r.hasUntil {
						nums = append(nums, types.DecimalFromInt(int64(types.DaysBetween(types.MinDate(), r.until))))
					}
				}
			}
			d.buildNumeric(nums, lo, hi)
		case t.kind == types.KindMoney || isNumeric(t.kind):
			var nums []types.Decimal
			for _, c := range consts[i] {
				n, _ := numOf(c)
				nums = append(nums, n)
			}
			var lo *types.Decimal
			if t.kind == types.KindMoney {
				z := types.DecimalFromInt(0)
				lo = &z
				nums = append(nums, z)
			}
			d.buildNumeric(nums, lo, nil)
		case t.kind == types.KindEnum:
			d.names = make([]string, len(t.members))
			for name, m := range t.members {
				d.names[m] = name
			}
		case t.kind == types.KindBool:
			d.names = []string{"false", "true"}
		case t.kind == types.KindParty:
			d.names = v.a.partyNames()
		case t.kind == types.KindText:
			seen := map[string]bool{}
			for _, c := range consts[i] {
				if !seen[c.Str()] {
					seen[c.Str()] = true
					d.names = append(d.names, c.Str())
				}
			}
			sort.Strings(d.names)
		default:
			return nil, "it looks at a field of type " + t.String()
		}
		if !d.numeric() {
			d.n = len(d.names)
			if t.kind == types.KindText {
				d.n++
			}
			d.full = newAtomSet(d.n)
			d.reps = make([]types.Value, d.n)
			for a := 0; a < d.n; a++ {
				d.full.add(a)
				switch {
				case a == len(d.names):
					d.reps[a] = types.TextValue(otherText(d.names))
				case t.kind == types.KindEnum:
					d.reps[a] = types.EnumValue(d.names[a], a)
				case t.kind == types.KindBool:
					d.reps[a] = types.BoolValue(a == 1)
				case t.kind == types.KindParty:
					d.reps[a] = types.PartyValue(d.names[a])
				default:
					d.reps[a] = types.TextValue(d.names[a])
				}
			}
		}
		sp.byIdx[i] = len(sp.doms)
		sp.doms = append(sp.doms, d)
	}
	return sp, ""
}

// otherText is a text none of names is.
func otherText(names []string) string {
	for i := 0; ; i++ {
		t := "other"
		if i > 0 {
			t = fmt.Sprintf("other %d", i+1)
		}
		found := false
		for _, n := range names {
			if n == t {
				found = true
			}
		}
		if !found {
			return t
		}
	}
}

// dateBox is the box of the dates a rule's from and until allow.
func (sp *space) dateBox(r *rule) box {
	b := sp.fullBox()
	d := sp.doms[0]
	for a := 0; a < d.n; a++ {
		if !d.full.has(a) {
			continue
		}
		if r.hasFrom && a < d.atomOf(types.DecimalFromInt(int64(types.DaysBetween(types.MinDate(), r.from)))) ||
			r.hasUntil && a > d.atomOf(types.DecimalFromInt(int64(types.DaysBetween(types.MinDate(), r.until)))) {
			b[0][a/64] &^= 1 << uint(a%64)
		}
	}
	return b
}

// record builds an action of s by party with the values of point, and
// defaults elsewhere.
func (v *vetter) record(sp *space, s *schema, party string, point []types.Value) *types.Record {
	rec := &types.Record{Schema: s, Fields: make([]types.Value, len(s.Fields()))}
	for i, t := range s.types {
		rec.Fields[i] = defaultValue(s, t, v.a)
	}
	if s.actorAt >= 0 {
		rec.Fields[s.actorAt] = types.PartyValue(party)
	}
	for i, d := range sp.doms {
		rec.Fields[d.idx] = point[i]
	}
	return rec
}

// defaultValue is the value a witness gives a field no condition looks
// at.
func defaultValue(s *schema, t *fieldType, a *agreement) types.Value {
	switch t.kind {
	case types.KindInteger:
		return types.IntegerValue(0)
	case types.KindDecimal:
		return types.DecimalValue(types.DecimalFromInt(0))
	case types.KindPercent:
		return types.PercentValue(types.DecimalFromInt(0))
	case types.KindMoney:
		return types.MoneyValue(t.currency, types.DecimalFromInt(100))
	case types.KindDate:
		return types.DateValue(a.effective)
	case types.KindDuration:
		return types.DurationValue(types.Duration{N: 0, Unit: types.DurationUnit(0)})
	case types.KindPeriod:
		if pd, err := types.ParsePeriod(fmt.Sprintf("%d-Q1", a.effective.Year())); err == nil {
			return types.PeriodValue(pd)
		}
	case types.KindText:
		return types.TextValue("x")
	case types.KindBool:
		return types.BoolValue(false)
	case types.KindParty:
		if ps := a.partyNames(); len(ps) > 0 {
			return types.PartyValue(ps[0])
		}
	case types.KindEnum:
		for name, i := range t.members {
			if i == 0 {
				return types.EnumValue(name, 0)
			}
		}
	case types.KindList:
		return types.ListValue(nil)
	case types.KindTimestamp:
		if ts, err := types.NewTimestamp(a.effective.Time(time.UTC).Unix(), 0, 0); err == nil {
			return types.TimestampValue(ts)
		}
	}
	return types.Value{}
}

// witness turns a record into a witness: its JSON, read back with
// ParseActionJSON and decided, so that what vet prints is what it
// checked. It returns nil when the JSON does not read back.
func (v *vetter) witness(vi int, rec *types.Record) (*result.VetWitness, *result.Decision) {
	js := actionJSON(rec, len(v.p.agreements) > 1)
	back, err := v.p.ParseActionJSON([]byte(js))
	if err != nil {
		return nil, nil
	}
	w := &result.VetWitness{Action: js, Record: back}
	// An action dated after the next version took effect is judged by
	// this version only as of a date before it.
	date := back.Fields[schemaOf(back.Schema).dateIdx()].Date()
	if vi+1 < len(v.a.versions) && !date.Before(v.a.versions[vi+1].from) {
		w.AsOf = v.a.versions[vi].from
	}
	d, err := v.p.Decide(v.ctx, back, DecideOptions{AsOf: w.AsOf})
	if err != nil {
		return nil, nil
	}
	return w, d
}

// actionJSON writes rec as ParseActionJSON reads it, fields in schema
// order.
func actionJSON(rec *types.Record, withAgreement bool) string {
	var b bytes.Buffer
	b.WriteString(`{"action":`)
	writeJSONString(&b, rec.Schema.Name())
	if withAgreement {
		b.WriteString(`,"agreement":`)
		writeJSONString(&b, schemaOf(rec.Schema).agreement.id)
	}
	order := []int{}
	if schemaOf(rec.Schema).actorAt >= 0 {
		order = append(order, schemaOf(rec.Schema).actorAt)
	}
	order = append(order, schemaOf(rec.Schema).dateIdx())
	for i := range rec.Schema.Fields() {
		if i != schemaOf(rec.Schema).actorAt && i != schemaOf(rec.Schema).dateIdx() {
			order = append(order, i)
		}
	}
	for _, i := range order {
		b.WriteByte(',')
		writeJSONString(&b, rec.Schema.Fields()[i])
		b.WriteByte(':')
		writeFieldJSON(&b, rec.Fields[i])
	}
	b.WriteByte('}')
	return b.String()
}

func writeFieldJSON(b *bytes.Buffer, v types.Value) {
	switch v.Kind() {
	case types.KindList:
		b.WriteByte('[')
		for i, e := range v.List() {
			if i > 0 {
				b.WriteByte(',')
			}
			writeFieldJSON(b, e)
		}
		b.WriteByte(']')
	case types.KindRecord: // an item of a list (SPEC 4.5.1)
		b.WriteByte('{')
		for i, name := range v.Record().Schema.Fields() {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, name)
			b.WriteByte(':')
			writeFieldJSON(b, field(v.Record(), i))
		}
		b.WriteByte('}')
	case types.KindText, types.KindParty, types.KindEnum:
		writeJSONString(b, v.Str())
	case types.KindBool:
		writeJSONString(b, nameOf(v))
	default:
		writeJSONString(b, v.String())
	}
}

func writeJSONString(b *bytes.Buffer, s string) {
	enc, _ := textfmt.MarshalCompact(s)
	b.Write(enc)
}

// conflict confirms a candidate conflict between p and q at the point of
// w with Decide and reports it.
func (v *vetter) conflict(vi int, ver *version, sp *space, s *schema, p, q *rule, w box) bool {
	rec := v.record(sp, s, p.party, sp.point(w))
	wit, d := v.witness(vi, rec)
	if wit == nil || d.Verdict != lang.Conflict || !appliedAs(d, p.clause, "conflicts") || !appliedAs(d, q.clause, "conflicts") {
		v.unconfirmed++
		return false
	}
	wit.Answer = fmt.Sprintf("pacta decide answers: conflict between %s and %s", d.Conflict[0].Num, d.Conflict[1].Num)
	first, second := p.clause, q.clause
	if second.Pos.Before(first.Pos) {
		first, second = second, first
	}
	if named := [2]*result.ClauseInfo{d.Conflict[0], d.Conflict[1]}; named != [2]*result.ClauseInfo{first, second} && named != [2]*result.ClauseInfo{second, first} {
		// Decide names one pair of the clauses that conflict; say that
		// this finding's pair is among them, so the two lines agree.
		wit.Answer += fmt.Sprintf(" (more clauses apply; %s and %s are among those it lists as conflicting)", first.Num, second.Num)
	}
	where := sp.describe(w)
	msg := fmt.Sprintf("clauses %s (%s) and %s (%s) can both apply to one %s by %s, and no notwithstanding or subject to orders them: %s",
		first.Num, says(modalityOf(first)).String(), second.Num, says(modalityOf(second)).String(), s.Name(), p.party, where)
	v.add(result.VetFinding{Kind: result.VetConflict, Severity: result.VetError, Pos: second.Pos, Clauses: []*result.ClauseInfo{second, first}, Message: msg, Witness: wit})
	return true
}

func modalityOf(c *result.ClauseInfo) lang.Modality {
	if d, ok := c.Decl.Body.(*lang.Deontic); ok {
		return d.Modality
	}
	return lang.May
}

func appliedAs(d *result.Decision, c *result.ClauseInfo, outcome string) bool {
	for _, a := range d.Applied {
		if a.Clause == c && a.Outcome == outcome {
			return true
		}
	}
	return false
}

// coverage reports, per party, the actions no rule about s covers.
func (v *vetter) coverage(vi int, ver *version, sp *space, s *schema, vrs []*vrule) {
	for _, vr := range vrs {
		if !vr.analysed {
			return // a rule we cannot see through may cover anything
		}
	}
	// Parties no rule about s speaks of make one finding together.
	var silent []string
	for _, party := range v.a.partyNames() {
		var covered region
		any := false
		for _, vr := range vrs {
			if vr.r.party == party {
				covered = append(covered, vr.reg...)
				any = true
			}
		}
		if !any {
			silent = append(silent, party)
			continue
		}
		sp.steps = 0
		gaps, ok := sp.subtract(region{sp.fullBox()}, covered)
		if !ok {
			continue
		}
		n := 0
		for _, g := range gaps {
			if n == maxCoveragePerPair {
				break
			}
			if v.gap(vi, sp, s, party, g, sp.describe(g), "") {
				n++
			}
		}
	}
	if len(silent) > 0 {
		v.gap(vi, sp, s, silent[0], sp.fullBox(), "any", strings.Join(silent, " or "))
	}
}

// gap reports the actions of g by party as covered by no clause, when
// Decide confirms it and it was not reported already; parties names every
// party when several have no clause at all.
func (v *vetter) gap(vi int, sp *space, s *schema, party string, g box, where, parties string) bool {
	if parties == "" {
		parties = party
	}
	key := s.name + "\x00" + parties + "\x00" + where
	if v.gaps[key] {
		return false
	}
	rec := v.record(sp, s, party, sp.point(g))
	wit, d := v.witness(vi, rec)
	if wit == nil || d.Verdict != lang.NotCovered {
		v.unconfirmed++
		return false
	}
	v.gaps[key] = true
	wit.Answer = "pacta decide answers: not covered, " + d.Effect.String() + " by the agreement's default"
	msg := fmt.Sprintf("no clause covers %s %s by %s where %s; the default (%s) decides it", article(s.Name()), s.Name(), parties, where, d.Effect)
	if where == "any" {
		msg = fmt.Sprintf("no clause covers any %s by %s; the default (%s) decides it", s.Name(), parties, d.Effect)
	}
	v.add(result.VetFinding{Kind: result.VetCoverage, Severity: result.VetInfo, Pos: s.decl.Pos(), Message: msg, Witness: wit})
	return true
}

// maxCoveragePerPair is how many gaps are listed per action and party.
const maxCoveragePerPair = 4
