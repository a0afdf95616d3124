package interp

import (
	"fmt"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// This file evaluates bounded choices (SPEC 4.9): `choose a in [false,
// true] to maximise pay_a(a, b), b in [false, true] to maximise pay_b(a,
// b) then RESULT`. Every combination of the choosers' values is tried,
// the first chooser's value changing fastest, until one is settled: no
// chooser would get a strictly greater payoff by changing its own value
// alone. RESULT is then evaluated with the names bound to it.

type chooseNode struct {
	slot    int    // the first chooser's item slot; the others follow
	sets    []node // the values each chooser may take
	payoffs []node
	pw      []int64 // the weight of each payoff, spent at each evaluation
	then    node
	names   []string
	pos     lang.Pos
}

// choiceNode is the name a chooser gives its value.
type choiceNode struct{ slot int }

func (n *choiceNode) eval(fr *frame) (types.Value, error) { return fr.items[n.slot], nil }

func (c *compiler) choose(e *lang.Choose) (node, error) {
	n := &chooseNode{slot: c.loops, pos: e.Pos()}
	for _, ch := range e.Choosers {
		set, err := c.expr(ch.Set)
		if err != nil {
			return nil, err
		}
		n.sets = append(n.sets, set)
		n.names = append(n.names, ch.Name.Name)
	}
	if c.choiceSlots == nil {
		c.choiceSlots = map[*lang.Choose]int{}
	}
	c.choiceSlots[e] = n.slot
	c.loops += len(e.Choosers)
	defer func() { c.loops -= len(e.Choosers) }()
	for _, ch := range e.Choosers {
		p, err := c.expr(ch.Payoff)
		if err != nil {
			return nil, err
		}
		n.payoffs = append(n.payoffs, p)
		n.pw = append(n.pw, weight(p))
	}
	then, err := c.expr(e.Then)
	if err != nil {
		return nil, err
	}
	n.then = conform(then, c.typeOf(e), e.Then.Pos())
	return n, nil
}

func (n *chooseNode) eval(fr *frame) (types.Value, error) {
	k := len(n.sets)
	sets := make([][]types.Value, k)
	combos := 1
	for i, s := range n.sets {
		v, err := s.eval(fr)
		if err != nil {
			return types.Value{}, err
		}
		sets[i] = v.List()
		if len(sets[i]) == 0 {
			return types.Value{}, &EvalError{Pos: n.pos, Msg: fmt.Sprintf("%s has no values to take", n.names[i])}
		}
		combos *= len(sets[i])
		if combos > lang.MaxChoiceCombinations {
			return types.Value{}, &EvalError{Pos: n.pos, Msg: fmt.Sprintf("more than %d combinations of values to try", lang.MaxChoiceCombinations)}
		}
	}
	for len(fr.items) < n.slot+k {
		fr.items = append(fr.items, types.Value{})
	}
	saved := append([]types.Value(nil), fr.items[n.slot:n.slot+k]...)
	v, err := n.search(fr, sets)
	copy(fr.items[n.slot:], saved)
	return v, err
}

// search tries the combinations in order and evaluates RESULT at the
// first settled one.
func (n *chooseNode) search(fr *frame, sets [][]types.Value) (types.Value, error) {
	k := len(sets)
	idx := make([]int, k)
	for {
		if err := fr.step(); err != nil {
			return types.Value{}, atPos(n.pos, err)
		}
		for i := range k {
			fr.items[n.slot+i] = sets[i][idx[i]]
		}
		settled, err := n.settled(fr, sets, idx)
		if err != nil {
			return types.Value{}, err
		}
		if settled {
			return n.then.eval(fr)
		}
		// The next combination: the first chooser changes fastest.
		i := 0
		for ; i < k; i++ {
			idx[i]++
			if idx[i] < len(sets[i]) {
				break
			}
			idx[i] = 0
		}
		if i == k {
			return types.Value{}, &EvalError{Pos: n.pos, Msg: "no choice is settled: in every combination of values, some choice would get more by changing its own value alone"}
		}
	}
}

// settled reports whether no chooser would get a strictly greater payoff
// by taking another of its values, the others keeping theirs. The slots
// hold the combination idx on return.
func (n *chooseNode) settled(fr *frame, sets [][]types.Value, idx []int) (bool, error) {
	for i, pay := range n.payoffs {
		if err := fr.spend(n.pw[i] * int64(len(sets[i]))); err != nil {
			return false, atPos(n.pos, err)
		}
		cur, err := pay.eval(fr)
		if err != nil {
			return false, err
		}
		for j, alt := range sets[i] {
			if j == idx[i] {
				continue
			}
			fr.items[n.slot+i] = alt
			p, err := pay.eval(fr)
			fr.items[n.slot+i] = sets[i][idx[i]]
			if err != nil {
				return false, err
			}
			c, err := compare(p, cur)
			if err != nil {
				return false, atPos(n.pos, err)
			}
			if c > 0 {
				return false, nil
			}
		}
	}
	return true, nil
}
