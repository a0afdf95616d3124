package ledgerfmt

import "testing"

func TestJSONLines(t *testing.T) {
	for _, c := range []struct {
		head        string
		json, known bool
	}{
		{`{"action":"sell"}`, true, true},
		{"\uFEFF  \r\n\t{", true, true}, // a byte order mark and white space first
		{"action,actor,date\n", false, true},
		{"\uFEFFaction,actor", false, true},
		{"", false, false},
		{" \n\t", false, false},        // only white space: read more
		{"\uFEFF", false, false},       // only the mark
		{"\uFEFF\uFEFF{", false, true}, // one mark is skipped, not two: CSV
	} {
		json, known := JSONLines([]byte(c.head))
		if json != c.json || known != c.known {
			t.Errorf("JSONLines(%q) = %v, %v; want %v, %v", c.head, json, known, c.json, c.known)
		}
	}
}
