package lang

import "testing"

// A pro rata split's shares end with `shares`, and a percentage split's
// do not (SPEC 8.4); the errors point at the share.
func TestSplitSharesWord(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"split pro rata { q 20, r 10 shares }", "c.pacta:3:40: a share of a pro rata split is a number of shares"},
		{"split { q 20% shares, r 80% }", "c.pacta:3:37: `shares` belongs in a pro rata split"},
	} {
		src := "agreement a \"A\" {\n  party p \"P\" party q \"Q\" party r \"R\"\n  clause 1 \"S\" p pays " + tc.body + " USD 1 on 2026-06-01\n}\n"
		_, errs := Parse("c.pacta", []byte(src))
		if len(errs) != 1 {
			t.Errorf("%s: got %v, want one error", tc.body, errs)
			continue
		}
		if got := errs[0].Pos.String() + ": " + errs[0].Msg; got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.body, got, tc.want)
		}
	}
}
