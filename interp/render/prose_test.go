package render

import (
	"strings"
	"testing"
)

// TestProseLinksClauseLists: a reference to several clauses links each
// number that is a clause of the agreement, the first with the word
// before it as before; a number that is not a clause stays plain text.
func TestProseLinksClauseLists(t *testing.T) {
	pl := newProseLinker(nil, map[string]bool{"3.1": true, "5.1": true, "5.2": true, "5.3": true})
	for _, tc := range []struct{ in, want string }{
		{"under Sections 5.1 and 5.2 as amended",
			"under [Sections 5.1](5.1) and [5.2](5.2) as amended"},
		{"Sections 5.1, 5.2 and 5.3 together", "[Sections 5.1](5.1), [5.2](5.2) and [5.3](5.3) together"},
		{"Sections 5.1, 5.2, and 5.3.", "[Sections 5.1](5.1), [5.2](5.2), and [5.3](5.3)."},
		{"Sections 5.1 or 5.2", "[Sections 5.1](5.1) or [5.2](5.2)"},
		// A range names its ends; the clauses between are not written.
		{"Sections 5.1 to 5.3", "[Sections 5.1](5.1) to [5.3](5.3)"},
		{"Sections 5.1 through 5.3", "[Sections 5.1](5.1) through [5.3](5.3)"},
		{"Sections 5.1-5.3", "[Sections 5.1](5.1)-[5.3](5.3)"},
		{"Sections 5.1–5.3", "[Sections 5.1](5.1)–[5.3](5.3)"},
		{"clauses 3.1 and 5.1", "[clauses 3.1](3.1) and [5.1](5.1)"},
		// Only clauses of the agreement are linked.
		{"Sections 5.1 and 9.9", "[Sections 5.1](5.1) and 9.9"},
		{"Sections 9.9 and 5.2", "Sections 9.9 and [5.2](5.2)"},
		{"Section 3.1 and 30 days after", "[Section 3.1](3.1) and 30 days after"},
		{"Section 3.1. Then 5.2 and 5.3", "[Section 3.1](3.1). Then 5.2 and 5.3"},
		{"Section 5.1 and, if any, 5.2", "[Section 5.1](5.1) and, if any, 5.2"},
	} {
		var b strings.Builder
		for _, s := range pl.link(tc.in) {
			if s.Ref == "" {
				b.WriteString(s.Text)
				continue
			}
			b.WriteString("[" + s.Text + "](" + strings.TrimPrefix(s.Ref, "clause-") + ")")
		}
		if got := b.String(); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}
