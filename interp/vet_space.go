package interp

import (
	"math/bits"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp/internal/textfmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file is the field space vet reasons over (SPEC 14.2). The fields
// of an action that its clauses' conditions look at are each cut into
// finitely many atoms: the members of a kind, true and false, each text
// compared with and "any other text", and for numbers, amounts and dates
// every constant a condition compares the field with together with the
// open intervals between them. A condition that compares fields only with
// constants is true on the whole of an atom or on none of it, so it is a
// union of boxes (one set of atoms per field), and questions such as "can
// these two clauses both apply?" become set operations on boxes.

// atomSet is a set of atoms of one field, as a bit set.
type atomSet []uint64

func newAtomSet(n int) atomSet { return make(atomSet, (n+63)/64) }

func (s atomSet) has(i int) bool { return s[i/64]&(1<<uint(i%64)) != 0 }
func (s atomSet) add(i int)      { s[i/64] |= 1 << uint(i%64) }

func (s atomSet) empty() bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}

// first returns the lowest atom of s, or -1.
func (s atomSet) first() int {
	for i, w := range s {
		if w != 0 {
			return i*64 + bits.TrailingZeros64(w)
		}
	}
	return -1
}

func (s atomSet) and(t atomSet) atomSet {
	out := make(atomSet, len(s))
	for i := range s {
		out[i] = s[i] & t[i]
	}
	return out
}

func (s atomSet) andNot(t atomSet) atomSet {
	out := make(atomSet, len(s))
	for i := range s {
		out[i] = s[i] &^ t[i]
	}
	return out
}

func (s atomSet) intersects(t atomSet) bool {
	for i := range s {
		if s[i]&t[i] != 0 {
			return true
		}
	}
	return false
}

func (s atomSet) subsetOf(t atomSet) bool {
	for i := range s {
		if s[i]&^t[i] != 0 {
			return false
		}
	}
	return true
}

func (s atomSet) equal(t atomSet) bool {
	for i := range s {
		if s[i] != t[i] {
			return false
		}
	}
	return true
}

// dom is the atoms of one field of the space.
type dom struct {
	idx  int // the field's index in its schema
	name string
	kind types.Kind // KindDate, KindMoney, a number kind, KindText, KindBool, KindParty or KindEnum
	// nums are the sorted constants of a numeric or date field (dates as
	// day numbers): atom 2k+1 is the value nums[k], atom 2k the values
	// between nums[k-1] and nums[k], atom 2n the values above nums[n-1].
	nums []types.Decimal
	// names are the values of a text, party, enum or bool field, one atom
	// each; for text, one more atom stands for every other text.
	names []string
	reps  []types.Value // a value in each atom (Value{} when the atom is empty)
	full  atomSet       // the atoms that hold values of the field's domain
	n     int           // the number of atoms
	cur   string        // money: the currency
}

// numeric reports whether the field's atoms are intervals.
func (d *dom) numeric() bool {
	return d.kind == types.KindDate || d.kind == types.KindMoney || isNumeric(d.kind)
}

// atomOf returns the atom holding the constant v of a numeric field.
func (d *dom) atomOf(v types.Decimal) int {
	k := sort.Search(len(d.nums), func(i int) bool { return d.nums[i].Cmp(v) >= 0 })
	if k < len(d.nums) && d.nums[k].Cmp(v) == 0 {
		return 2*k + 1
	}
	return 2 * k
}

// nameAtom returns the atom of the named value of a finite field, or, for
// text, the "other" atom.
func (d *dom) nameAtom(s string) int {
	for i, n := range d.names {
		if n == s {
			return i
		}
	}
	if d.kind == types.KindText {
		return len(d.names)
	}
	return -1
}

// box is a set of atoms per field of a space: the actions whose every
// field lies in its set.
type box []atomSet

// region is a union of boxes, none empty.
type region []box

// space is the atoms of the fields one group of conditions looks at.
type space struct {
	schema *schema
	doms   []*dom // the analysed fields, the action's date first
	byIdx  map[int]int
	// steps bounds the work of one question (subtract), so that a
	// pathological agreement is reported as not analysed rather than
	// taking forever.
	steps int
}

// vetSteps is the most box operations one difference may take.
const vetSteps = 200000

func (sp *space) fullBox() box {
	b := make(box, len(sp.doms))
	for i, d := range sp.doms {
		b[i] = append(atomSet(nil), d.full...)
	}
	return b
}

func (b box) intersect(c box) (box, bool) {
	out := make(box, len(b))
	for i := range b {
		out[i] = b[i].and(c[i])
		if out[i].empty() {
			return nil, false
		}
	}
	return out, true
}

func (b box) intersects(c box) bool {
	for i := range b {
		if !b[i].intersects(c[i]) {
			return false
		}
	}
	return true
}

func (b box) subsetOf(c box) bool {
	for i := range b {
		if !b[i].subsetOf(c[i]) {
			return false
		}
	}
	return true
}

// minus returns b \ c as disjoint boxes.
func (b box) minus(c box) []box {
	if !b.intersects(c) {
		return []box{b}
	}
	var out []box
	cur := append(box(nil), b...)
	for i := range b {
		rest := cur[i].andNot(c[i])
		if !rest.empty() {
			piece := append(box(nil), cur...)
			piece[i] = rest
			out = append(out, piece)
		}
		cur[i] = cur[i].and(c[i])
	}
	return out
}

func (sp *space) intersect(r, s region) region {
	var out region
	for _, b := range r {
		for _, c := range s {
			if x, ok := b.intersect(c); ok {
				out = append(out, x)
			}
		}
	}
	return out
}

// maxBoxes bounds the size of a region built from a condition.
const maxBoxes = 4096

// subtract returns r minus every box of s, or false when that takes more
// than the space's budget.
func (sp *space) subtract(r, s region) (region, bool) {
	for _, c := range s {
		var next region
		for _, b := range r {
			sp.steps++
			if sp.steps > vetSteps {
				return nil, false
			}
			next = append(next, b.minus(c)...)
		}
		r = next
		if len(r) == 0 || len(r) > maxBoxes {
			return r, len(r) <= maxBoxes
		}
	}
	return r, true
}

// witnessIn returns a box of b minus every box of subs, when there is one
// (a depth-first search that stops at the first), and false when it ran
// out of budget.
func (sp *space) witnessIn(b box, subs []box) (box, bool, bool) {
	for len(subs) > 0 && !b.intersects(subs[0]) {
		subs = subs[1:]
	}
	if len(subs) == 0 {
		return b, true, true
	}
	sp.steps++
	if sp.steps > vetSteps {
		return nil, false, false
	}
	for _, piece := range b.minus(subs[0]) {
		w, found, ok := sp.witnessIn(piece, subs[1:])
		if !ok || found {
			return w, found, ok
		}
	}
	return nil, false, true
}

// point returns the representative value of each field for the lowest
// atom of each set of b.
func (sp *space) point(b box) []types.Value {
	out := make([]types.Value, len(sp.doms))
	for i, d := range sp.doms {
		out[i] = d.reps[b[i].first()]
	}
	return out
}

// describe says in Pacta's words which actions b holds, naming only the
// fields it restricts: `platform in [AWS] and gross >= USD 100.00`.
func (sp *space) describe(b box) string {
	var parts []string
	for i, d := range sp.doms {
		if b[i].equal(d.full) {
			continue
		}
		parts = append(parts, d.describe(b[i]))
	}
	if len(parts) == 0 {
		return "any"
	}
	return strings.Join(parts, " and ")
}

func (d *dom) describe(s atomSet) string {
	if !d.numeric() {
		var in, out []string
		for i := 0; i < d.n; i++ {
			if !d.full.has(i) {
				continue
			}
			name := "other"
			if i < len(d.names) {
				name = d.names[i]
				if d.kind == types.KindText {
					name = textfmt.Quote(name)
				}
			}
			if s.has(i) {
				in = append(in, name)
			} else {
				out = append(out, name)
			}
		}
		switch {
		case d.kind == types.KindText && s.has(len(d.names)):
			if len(out) == 1 {
				return d.name + " != " + out[0]
			}
			return d.name + " not in [" + strings.Join(out, ", ") + "]"
		case len(in) == 1:
			if d.kind == types.KindBool {
				if in[0] == "true" {
					return d.name
				}
				return "not " + d.name
			}
			return d.name + " == " + in[0]
		}
		return d.name + " in [" + strings.Join(in, ", ") + "]"
	}
	// Runs of consecutive atoms, each an interval.
	var parts []string
	for a := 0; a < d.n; {
		if !s.has(a) || !d.full.has(a) {
			a++
			continue
		}
		b := a
		for b+1 < d.n && (s.has(b+1) || !d.full.has(b+1)) {
			b++
		}
		for !s.has(b) { // do not end a run on an atom outside the domain
			b--
		}
		parts = append(parts, d.interval(a, b))
		a = b + 1
	}
	return strings.Join(parts, " or ")
}

// interval describes the atoms a..b of a numeric field.
func (d *dom) interval(a, b int) string {
	lowFull, highFull := true, true
	for i := 0; i < a; i++ {
		if d.full.has(i) {
			lowFull = false
		}
	}
	for i := b + 1; i < d.n; i++ {
		if d.full.has(i) {
			highFull = false
		}
	}
	if a == b && a%2 == 1 {
		return d.name + " == " + d.text(d.nums[a/2])
	}
	var lo, hi string
	if !lowFull {
		if a%2 == 1 {
			lo = d.name + " >= " + d.text(d.nums[a/2])
		} else {
			lo = d.name + " > " + d.text(d.nums[a/2-1])
		}
	}
	if !highFull {
		if b%2 == 1 {
			hi = d.name + " <= " + d.text(d.nums[b/2])
		} else {
			hi = d.name + " < " + d.text(d.nums[b/2])
		}
	}
	switch {
	case lo != "" && hi != "":
		return lo + " and " + hi
	case lo != "":
		return lo
	case hi != "":
		return hi
	}
	return "any " + d.name
}

// text formats a constant of a numeric field as Pacta writes it.
func (d *dom) text(x types.Decimal) string {
	return d.value(x).String()
}

// value makes a field value from a number of a numeric field.
func (d *dom) value(x types.Decimal) types.Value {
	switch d.kind {
	case types.KindDate:
		n, _ := x.Int64()
		dt, _ := types.MinDate().AddDays(int(n))
		return types.DateValue(dt)
	case types.KindMoney:
		return types.MoneyValue(d.cur, x)
	case types.KindInteger:
		v, _ := types.IntegerFromDecimal(x)
		return v
	case types.KindPercent:
		return types.PercentValue(x)
	}
	return types.DecimalValue(x)
}

// numOf returns the number a numeric constant stands for in its field's
// atoms (a date as its day number).
func numOf(v types.Value) (types.Decimal, bool) {
	switch {
	case v.Kind() == types.KindDate:
		return types.DecimalFromInt(int64(types.DaysBetween(types.MinDate(), v.Date()))), true
	case v.Kind() == types.KindMoney || isNumeric(v.Kind()):
		return v.Num(), true
	}
	return types.Decimal{}, false
}

// buildNumeric makes the atoms of a numeric field from its constants.
// lo and hi, when set, bound the field's domain (a date field's version,
// a money field's zero).
func (d *dom) buildNumeric(consts []types.Decimal, lo, hi *types.Decimal) {
	sort.Slice(consts, func(i, j int) bool { return consts[i].Cmp(consts[j]) < 0 })
	for _, c := range consts {
		if len(d.nums) == 0 || d.nums[len(d.nums)-1].Cmp(c) != 0 {
			d.nums = append(d.nums, c)
		}
	}
	n := len(d.nums)
	d.n = 2*n + 1
	d.full = newAtomSet(d.n)
	d.reps = make([]types.Value, d.n)
	integral := d.kind == types.KindDate || d.kind == types.KindInteger
	one := types.DecimalFromInt(1)
	if d.kind == types.KindMoney {
		one, _ = types.NewDecimal(1, 2)
	}
	for a := 0; a < d.n; a++ {
		var rep types.Decimal
		ok := true
		switch {
		case a%2 == 1:
			rep = d.nums[a/2]
		case n == 0:
			rep = types.DecimalFromInt(0)
			if lo != nil {
				rep = *lo
			}
		case a == 0:
			r, err := d.nums[0].Sub(one)
			rep, ok = r, err == nil
		case a == 2*n:
			r, err := d.nums[n-1].Add(one)
			rep, ok = r, err == nil
		default:
			x, y := d.nums[a/2-1], d.nums[a/2]
			r, err := x.Add(one)
			switch {
			case err != nil:
				ok = false
			case r.Cmp(y) < 0:
				rep = r
			case integral:
				ok = false
			default:
				s, err := x.Add(y)
				if err == nil {
					r, err = s.Quo(types.DecimalFromInt(2))
				}
				rep, ok = r, err == nil
			}
		}
		if ok && lo != nil && rep.Cmp(*lo) < 0 {
			ok = false
		}
		if ok && hi != nil && rep.Cmp(*hi) > 0 {
			ok = false
		}
		if ok && d.kind == types.KindDate {
			if i, fits := rep.Int64(); !fits || i < 0 || i > int64(types.DaysBetween(types.MinDate(), types.MaxDate())) {
				ok = false
			}
		}
		if ok {
			d.full.add(a)
			d.reps[a] = d.value(rep)
		}
	}
}

// leaf is one test of a condition on one field against constants.
type leaf struct {
	idx    int
	op     lang.BinaryOp // Eq, Ne, Lt, Le, Gt, Ge; In for a set (negate for not in)
	vals   []types.Value
	negate bool
}

// leafOf recognises a test of a field of the event against constants.
func leafOf(s *schema, n node) (leaf, bool) {
	switch n := n.(type) {
	case *fieldEnumInNode:
		return leaf{idx: n.idx, op: lang.In, vals: maskMembers(s, n.idx, n.mask), negate: n.negate}, true
	case *fieldEnumEqNode:
		return leaf{idx: n.idx, op: lang.In, vals: []types.Value{memberValue(s, n.idx, n.member)}, negate: n.negate}, true
	case *enumInNode:
		if f, ok := n.x.(*fieldNode); ok {
			return leaf{idx: f.idx, op: lang.In, vals: maskMembers(s, f.idx, n.mask), negate: n.negate}, true
		}
	case *enumEqNode:
		f, c, _, ok := fieldConst(n.x, n.y)
		if ok {
			return leaf{idx: f, op: lang.In, vals: []types.Value{c}, negate: n.negate}, true
		}
	case *fieldTextEqNode:
		// `field == "text"` (or `!=`), fused by the compiler.
		return leaf{idx: n.idx, op: lang.In, vals: []types.Value{types.TextValue(n.s)}, negate: n.negate}, true
	case *fieldMoneyCmpNode:
		if n.op == lang.Eq || n.op == lang.Ne {
			return leaf{idx: n.idx, op: lang.In, vals: []types.Value{types.MoneyValue("", n.c)}, negate: n.op == lang.Ne}, true
		}
		return leaf{idx: n.idx, op: n.op, vals: []types.Value{types.MoneyValue("", n.c)}}, true
	case *cmpNode:
		f, c, flipped, ok := fieldConst(n.x, n.y)
		if !ok {
			return leaf{}, false
		}
		op := n.op
		if flipped {
			op = flipOp(op)
		}
		if op == lang.Eq || op == lang.Ne {
			return leaf{idx: f, op: lang.In, vals: []types.Value{c}, negate: op == lang.Ne}, true
		}
		return leaf{idx: f, op: op, vals: []types.Value{c}}, true
	case *inNode:
		f, ok := unconv(n.x).(*fieldNode)
		c, cok := unconv(n.list).(*constNode)
		if ok && cok && c.v.Kind() == types.KindList {
			return leaf{idx: f.idx, op: lang.In, vals: c.v.List(), negate: n.negate}, true
		}
	case *fieldNode:
		if s.types[n.idx] != nil && s.types[n.idx].kind == types.KindBool {
			return leaf{idx: n.idx, op: lang.In, vals: []types.Value{types.BoolValue(true)}}, true
		}
	}
	return leaf{}, false
}

func unconv(n node) node {
	for {
		switch x := n.(type) {
		case *convNode:
			n = x.x
		case *decNode:
			n = x.x
		case *termNode:
			// A term without parameters whose body is a constant, such as
			// `territory = [Germany, Austria]`, is that constant.
			c, ok := x.term.body.(*constNode)
			if !ok || len(x.args) > 0 || len(x.term.decl.Params) > 0 {
				return n
			}
			return c
		default:
			return n
		}
	}
}

// fieldConst matches a field of the event and a constant, either way
// round; flipped is true when the constant came first.
func fieldConst(x, y node) (int, types.Value, bool, bool) {
	x, y = unconv(x), unconv(y)
	if f, ok := x.(*fieldNode); ok {
		if c, ok := y.(*constNode); ok {
			return f.idx, c.v, false, true
		}
	}
	if f, ok := y.(*fieldNode); ok {
		if c, ok := x.(*constNode); ok {
			return f.idx, c.v, true, true
		}
	}
	return 0, types.Value{}, false, false
}

func flipOp(op lang.BinaryOp) lang.BinaryOp {
	switch op {
	case lang.Lt:
		return lang.Gt
	case lang.Le:
		return lang.Ge
	case lang.Gt:
		return lang.Lt
	case lang.Ge:
		return lang.Le
	}
	return op
}

func maskMembers(s *schema, idx int, mask uint64) []types.Value {
	var out []types.Value
	for m := 0; m < 64; m++ {
		if mask&(1<<uint(m)) != 0 {
			out = append(out, memberValue(s, idx, int64(m)))
		}
	}
	return out
}

func memberValue(s *schema, idx int, m int64) types.Value {
	t := s.types[idx]
	if t != nil {
		for name, i := range t.members {
			if int64(i) == m {
				return types.EnumValue(name, i)
			}
		}
	}
	return types.EnumValue("", int(m))
}

// condLeaves walks a condition, calling f on each leaf; it returns false
// when the condition holds anything vet cannot analyse.
func condLeaves(s *schema, n node, f func(leaf)) bool {
	switch x := n.(type) {
	case nil:
		return true
	case *constNode:
		return x.v.Kind() == types.KindBool
	case *andNode:
		return condLeaves(s, x.x, f) && condLeaves(s, x.y, f)
	case *orNode:
		return condLeaves(s, x.x, f) && condLeaves(s, x.y, f)
	case *notNode:
		return condLeaves(s, x.x, f)
	case *inlineNode:
		return condLeaves(s, x.body, f)
	}
	l, ok := leafOf(s, n)
	if !ok || l.idx < 0 || l.idx >= len(s.types) || s.types[l.idx] == nil {
		return false
	}
	k := s.types[l.idx].kind
	switch k {
	case types.KindEnum, types.KindBool, types.KindText, types.KindParty:
		if l.op != lang.In {
			return false
		}
	case types.KindDate, types.KindMoney, types.KindInteger, types.KindDecimal, types.KindPercent:
	default:
		return false
	}
	for _, v := range l.vals {
		if k == types.KindDate || k == types.KindMoney || isNumeric(k) {
			if _, ok := numOf(v); !ok {
				return false
			}
		}
	}
	f(l)
	return true
}

// cond returns the region where condition n holds.
func (sp *space) cond(n node) (region, bool) {
	switch x := n.(type) {
	case nil:
		return region{sp.fullBox()}, true
	case *constNode:
		if x.v.Truth() {
			return region{sp.fullBox()}, true
		}
		return nil, true
	case *andNode:
		a, ok := sp.cond(x.x)
		if !ok {
			return nil, false
		}
		b, ok := sp.cond(x.y)
		if !ok {
			return nil, false
		}
		r := sp.intersect(a, b)
		return r, len(r) <= maxBoxes
	case *orNode:
		a, ok := sp.cond(x.x)
		if !ok {
			return nil, false
		}
		b, ok := sp.cond(x.y)
		if !ok {
			return nil, false
		}
		r := append(a, b...)
		return r, len(r) <= maxBoxes
	case *notNode:
		a, ok := sp.cond(x.x)
		if !ok {
			return nil, false
		}
		return sp.subtract(region{sp.fullBox()}, a)
	case *inlineNode:
		return sp.cond(x.body)
	}
	l, ok := leafOf(sp.schema, n)
	if !ok {
		return nil, false
	}
	di, ok := sp.byIdx[l.idx]
	if !ok {
		return nil, false
	}
	d := sp.doms[di]
	set := newAtomSet(d.n)
	if d.numeric() {
		c, _ := numOf(l.vals[0])
		if l.op == lang.In {
			for _, v := range l.vals {
				c, _ := numOf(v)
				set.add(d.atomOf(c))
			}
		} else {
			at := d.atomOf(c) // an odd atom: c is one of the constants
			for a := 0; a < d.n; a++ {
				var in bool
				switch l.op {
				case lang.Lt:
					in = a < at
				case lang.Le:
					in = a <= at
				case lang.Gt:
					in = a > at
				case lang.Ge:
					in = a >= at
				}
				if in {
					set.add(a)
				}
			}
		}
	} else {
		for _, v := range l.vals {
			if a := d.nameAtom(nameOf(v)); a >= 0 {
				set.add(a)
			}
		}
	}
	if l.negate {
		set = d.full.andNot(set)
	} else {
		set = set.and(d.full)
	}
	if set.empty() {
		return nil, true
	}
	b := sp.fullBox()
	b[di] = set
	return region{b}, true
}

// nameOf is the name a value of a finite or text field goes by in its
// atoms.
func nameOf(v types.Value) string {
	if v.Kind() == types.KindBool {
		if v.Truth() {
			return "true"
		}
		return "false"
	}
	return v.Str()
}
