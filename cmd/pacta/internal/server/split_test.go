package server

import (
	"bytes"
	"encoding/json"
	"testing"
)

// sameSplit fails unless splitArray gives the elements json.Unmarshal
// gives in a []json.RawMessage, for a valid JSON array.
func sameSplit(t *testing.T, text []byte) {
	t.Helper()
	var want []json.RawMessage
	if err := json.Unmarshal(text, &want); err != nil {
		return // not an array
	}
	got := splitArray(bytes.TrimSpace(text))
	if len(got) != len(want) {
		t.Fatalf("%q: %d elements, json.Unmarshal gives %d: %q", text, len(got), len(want), got)
	}
	for i := range got {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("%q: element %d is %q, json.Unmarshal gives %q", text, i, got[i], want[i])
		}
	}
}

var splitCases = []string{
	`[]`, ` [ ] `, `[1]`, `[ 1 , 2 ]`, "[\n{\"a\":\"]\"}\t,\r\n[1,[2,{}]] , \"x\\\"],\" ,true,null,-1.5e3]",
	`[{"action":"sell","s":"a\\\\"},{"b":"}{"}]`, `[[],[[]],{}]`, `["\u005d", "\\"]`,
}

// TestSplitArray: the elements of arrays of every kind of element,
// brackets and quotes inside strings, escapes, blanks everywhere.
func TestSplitArray(t *testing.T) {
	for _, c := range splitCases {
		sameSplit(t, []byte(c))
	}
	// The count is worked out by hand: 1, {..}, [..], "..", true, null,
	// -1.5e3 are 7 elements.
	if n := len(splitArray([]byte(`[1,{"a":[1,2]},[3,4],"5,6",true,null,-1.5e3]`))); n != 7 {
		t.Errorf("%d elements, want 7", n)
	}
}

// FuzzSplitArray compares splitArray with json.Unmarshal on any valid
// array.
func FuzzSplitArray(f *testing.F) {
	for _, c := range splitCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if json.Valid([]byte(text)) {
			sameSplit(t, []byte(text))
		}
	})
}
