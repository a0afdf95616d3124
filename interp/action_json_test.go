package interp_test

import (
	"errors"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// TestParseActionJSONPlainWords: a truncated object is reported in
// Pacta's words with where the line ends, and a member named twice is an
// error naming it, as in a ledger (SPEC 12.2).
func TestParseActionJSONPlainWords(t *testing.T) {
	p := exampleDeal(t)
	cases := []struct{ in, want string }{
		// `{"action":"sell",` is 17 characters: it ends before column 18.
		// Before the fix: `not a JSON object: unexpected EOF`.
		{`{"action":"sell",`, "the line ends before the JSON object is complete (column 18)"},
		// Trailing blanks do not count: still column 18.
		{"{\"action\":\"sell\",  \r\n", "the line ends before the JSON object is complete (column 18)"},
		{`{"action":`, "the line ends before the JSON object is complete (column 11)"},
		{`{`, "the line ends before the JSON object is complete (column 2)"},
		// `é` is one character (two bytes): `{"a":"é",` is 9 characters.
		{`{"a":"é",`, "the line ends before the JSON object is complete (column 10)"},
		{``, `no action: give one as a JSON object like {"action": "sell", ...}`},
		{`[1]`, `not a JSON object: give one action as an object like {"action": "sell", ...}`},
		{`{"action":"sell"} {}`, "more than one JSON value; give one action per line"},
		// As in a ledger (SPEC 7.6), numbers are written in digits.
		{`{"action":"sell","n":1e2}`, `field "n": "1e2" has an exponent: write the number without an exponent`},
		// An object is refused at its bracket; a list is read whole (a
		// list of items, SPEC 4.5.1), and then sell has no field n.
		{`{"action":"sell","n":{"a":1}}`, `field "n": must be a string or a number`},
		{`{"action":"sell","n":[[1]]}`, `field "n": sell has no such field`},
	}
	for _, c := range cases {
		_, err := p.ParseActionJSON([]byte(c.in))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: error %v, want %q", c.in, err, c.want)
		}
	}
	// Before the fix the second "actor" silently replaced the first.
	_, err := p.ParseActionJSON([]byte(`{"action":"sell","actor":"openai","date":"2026-12-01","product":"OpenAI API","platform":"AWS","region":"US","gross":"USD 1.00","refunds":"USD 0.00","actor":"microsoft"}`))
	var fe *interp.FieldError
	if !errors.As(err, &fe) || fe.Field != "actor" || err.Error() != `field "actor": appears twice in the object` {
		t.Errorf("a member named twice: error %v, want field \"actor\" named", err)
	}
	// A member named twice is refused even when its value is null.
	if _, err := p.ParseActionJSON([]byte(`{"x":null,"x":null,"action":"sell"}`)); err == nil || err.Error() != `field "x": appears twice in the object` {
		t.Errorf("null twice: error %v", err)
	}
}
