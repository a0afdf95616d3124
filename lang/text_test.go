package lang

import "testing"

// Text (strings: titles, prose, values) and comments may not hold bytes
// that are not UTF-8, control characters or bidirectional controls (SPEC
// 1.1). Before, all of these passed the check and reached the output; a
// right-to-left override in a clause's prose can make a signed document
// display differently from what it says.
func TestBadCharactersInText(t *testing.T) {
	// Line 2 is `  party p "Pa` + X + `rt"`: `"` is column 11, so X is at
	// column 14. Line 3 is `  // note ` + X: X is at column 11.
	cases := []struct {
		x, where, want string
	}{
		{"\xff", "string", "2:14: invalid UTF-8 byte 0xff in text"},
		{"\x00", "string", "2:14: a NUL character (U+0000) is not allowed in text"},
		{"\x1b", "string", "2:14: control character U+001B is not allowed in text"},
		{"\u202e", "string", "2:14: bidirectional control character U+202E is not allowed in text (it can make the text display differently from what it says)"},
		{"\u202a", "string", "2:14: bidirectional control character U+202A is not allowed in text (it can make the text display differently from what it says)"},
		{"\u2066", "string", "2:14: bidirectional control character U+2066 is not allowed in text (it can make the text display differently from what it says)"},
		{"\u2069", "string", "2:14: bidirectional control character U+2069 is not allowed in text (it can make the text display differently from what it says)"},
		{"\xff", "comment", "3:11: invalid UTF-8 byte 0xff in a comment"},
		{"\x00", "comment", "3:11: a NUL character (U+0000) is not allowed in a comment"},
		{"\u202e", "comment", "3:11: bidirectional control character U+202E is not allowed in a comment (it can make the text display differently from what it says)"},
	}
	for _, c := range cases {
		party, comment := "Part", "ok"
		if c.where == "string" {
			party = "Pa" + c.x + "rt"
		} else {
			comment = c.x
		}
		src := "agreement a \"A\" {\n  party p \"" + party + "\"\n  // note " + comment + "\n}\n"
		_, errs := Parse("t.pacta", []byte(src))
		if len(errs) != 1 || errs[0].Error() != "t.pacta:"+c.want {
			t.Errorf("%q in a %s: got %v, want %s", c.x, c.where, errs, c.want)
		}
	}
	// Allowed: tab, line breaks, the left-to-right and right-to-left marks
	// (U+200E, U+200F), which change no order, and any other Unicode text.
	src := "agreement a \"A\" {\n  party p \"a\tb\nc \u200e\u200f “Ünïcødé” שלום\"\n  // note \u200f é\n}\n"
	if _, errs := Parse("t.pacta", []byte(src)); len(errs) > 0 {
		t.Errorf("allowed characters: %v", errs)
	}
	// A character in a string after a line break is positioned on its line:
	// `  party p "a` then a line break, then `bc` + U+202E at column 3.
	src = "agreement a \"A\" {\n  party p \"a\nbc\u202e\"\n}\n"
	_, errs := Parse("t.pacta", []byte(src))
	if len(errs) != 1 || errs[0].Pos.Line != 3 || errs[0].Pos.Col != 3 {
		t.Errorf("multi-line text: %v", errs)
	}
}

// The source line echoed under an error shows such characters as U+FFFD,
// one character each, so that the caret stays under its column and the
// line displays as it reads.
func TestRenderShowsBadCharactersSafely(t *testing.T) {
	src := []byte("agreement a \"A\u202e\x1b\xff\" {\n}\n")
	_, errs := Parse("r.pacta", src)
	if len(errs) == 0 {
		t.Fatal("no error")
	}
	got := errs[0].Render(src)
	// `agreement a "A` is 14 characters: U+202E is column 15.
	want := "r.pacta:1:15: bidirectional control character U+202E is not allowed in text (it can make the text display differently from what it says)\n" +
		"    agreement a \"A\ufffd\ufffd\ufffd\" {\n" +
		"                  ^\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
