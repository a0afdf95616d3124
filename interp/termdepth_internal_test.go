package interp

import (
	"errors"
	"testing"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// nestedCalls builds n value terms, each calling the next, the last
// giving 7, as the compiler would for t1 = t2, t2 = t3, ... (which the
// checker refuses beyond lang.MaxTermDepth); every other link is written
// as an inlined call, to exercise both kinds.
func nestedCalls(n int) node {
	var body node = &constNode{types.IntegerValue(7)}
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			body = &termNode{term: &term{name: "t", body: body}}
		} else {
			body = &inlineNode{body: body}
		}
	}
	return body
}

// The runtime guard: terms nested lang.MaxTermDepth deep evaluate, one
// more stops with errCallDepth, and the frame can be used again after.
func TestCallDepthGuard(t *testing.T) {
	fr := newFrame(nil, 0, types.Date{})
	v, err := nestedCalls(lang.MaxTermDepth).eval(fr)
	if err != nil || v.String() != "7" || fr.depth != 0 {
		t.Fatalf("at the limit: %v, %v, depth %d", v, err, fr.depth)
	}
	_, err = nestedCalls(lang.MaxTermDepth + 1).eval(fr)
	if !errors.Is(err, errCallDepth) || err.Error() != "terms call each other more than 1000 deep" {
		t.Fatalf("over the limit: %v", err)
	}
	if _, err := evalNum(nestedCalls(lang.MaxTermDepth+1), fr); !errors.Is(err, errCallDepth) {
		t.Fatalf("over the limit, as a number: %v", err)
	}
}
