package problems

import (
	"testing"

	"github.com/pacta-lang/pacta/lang"
)

// The entry of an ErrorList that stands for problems not kept is not
// listed as a problem: its count becomes omitted. The others come sorted.
func TestOfOmitted(t *testing.T) {
	errs := lang.ErrorList{
		{Pos: lang.Pos{File: "b.pacta", Line: 2, Col: 1}, Msg: "second"},
		{Pos: lang.Pos{File: "a.pacta", Line: 7, Col: 3}, Msg: "first", Hint: "a hint"},
		{Pos: lang.Pos{File: "b.pacta", Line: 9, Col: 1}, Msg: "too many problems", Omitted: 25},
	}
	got, omitted := Of(errs)
	want := []Problem{
		{File: "a.pacta", Line: 7, Col: 3, Message: "first", Hint: "a hint"},
		{File: "b.pacta", Line: 2, Col: 1, Message: "second"},
	}
	if omitted != 25 || len(got) != len(want) {
		t.Fatalf("problems %+v, omitted %d; want %+v and 25", got, omitted, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if got, omitted := Of(nil); got == nil || len(got) != 0 || omitted != 0 {
		t.Errorf("no error: %#v, %d; want an empty list (written as [])", got, omitted)
	}
}
