package lang

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// A source line longer than MaxShownLine (120) characters is echoed as a
// window of 120 characters around the column, "…" marking each cut, with
// the caret under the same character. Columns count characters, so a
// multi-byte character, a tab (shown as a space) and an invalid byte (shown
// as U+FFFD) are one column each. The expected windows are worked out by
// hand below: for column c on a line of n characters, the window starts at
// character index lo = c-1-60 (at least 0, at most n-120) and holds 120.
func TestRenderLongLineWindow(t *testing.T) {
	a := strings.Repeat
	cases := []struct {
		name   string
		line   string
		col    int
		window string // the echoed line, without its 4-space indent
		spaces int    // spaces before the caret, after the indent
	}{
		{
			// 300 chars; c = 151: lo = 150-60 = 90, window [90,210) is
			// "abcdefghij" x 12 (90 is a multiple of 10); caret at
			// 1 ("…") + 150-90 = 61.
			name: "middle", line: a("abcdefghij", 30), col: 151,
			window: "…" + a("abcdefghij", 12) + "…", spaces: 61,
		},
		{
			// tab + 200 "é" + "X" + 50 "ü": n = 252, X at c = 202.
			// lo = 201-60 = 141 > n-120 = 132, so lo = 132: the window is
			// é at 132..200 (69 of them), X, 50 ü = 120; no cut on the
			// right. Caret: 1 + 201-132 = 70.
			name: "multi-byte at the end", line: "\t" + a("é", 200) + "X" + a("ü", 50), col: 202,
			window: "…" + a("é", 69) + "X" + a("ü", 50), spaces: 70,
		},
		{
			// 100 "a", tab, "b", 100 "c": n = 202, b at c = 102.
			// lo = 101-60 = 41: a at 41..99 (59), the tab as a space, b,
			// c at 102..160 (59) = 120. Caret: 1 + 101-41 = 61.
			name: "tab inside", line: a("a", 100) + "\tb" + a("c", 100), col: 102,
			window: "…" + a("a", 59) + " b" + a("c", 59) + "…", spaces: 61,
		},
		{
			// 150 "a", an invalid byte, "Z", 50 "b": n = 202, Z at
			// c = 152. lo = 151-60 = 91 > 82 = n-120, so lo = 82: a at
			// 82..149 (68), U+FFFD, Z, 50 b = 120. Caret: 1 + 151-82 = 70.
			name: "invalid byte", line: a("a", 150) + "\xff" + "Z" + a("b", 50), col: 152,
			window: "…" + a("a", 68) + "\ufffdZ" + a("b", 50), spaces: 70,
		},
		{
			// The column just past the end of 200 "a" (end of file):
			// lo = n-120 = 80, the caret after the last one:
			// 1 + 120 = 121.
			name: "past the end", line: a("a", 200), col: 201,
			window: "…" + a("a", 120), spaces: 121,
		},
		{
			// 121 characters, column 1: lo = 0, cut on the right only.
			name: "one too many", line: a("a", 121), col: 1,
			window: a("a", 120) + "…", spaces: 0,
		},
		{
			// 120 characters are shown whole.
			name: "at the limit", line: a("a", 119) + "b", col: 120,
			window: a("a", 119) + "b", spaces: 119,
		},
	}
	for _, tc := range cases {
		src := []byte("first line\n" + tc.line + "\nlast line\n")
		e := &Error{Pos: Pos{File: "f.pacta", Line: 2, Col: tc.col}, Msg: "a problem"}
		got := e.Render(src)
		want := "f.pacta:2:" + fmt.Sprint(tc.col) + ": a problem\n" +
			"    " + tc.window + "\n" +
			"    " + a(" ", tc.spaces) + "^\n"
		if got != want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, want)
		}
	}
}

// addN adds n problems to l, problem i on line i+1.
func addN(l *ErrorList, n int) {
	for i := 0; i < n; i++ {
		l.Add(Pos{File: "f.pacta", Line: i + 1, Col: 1}, "problem %d", i+1)
	}
}

// An ErrorList keeps the first MaxKeptErrors (1,000) problems and counts
// the others in one last entry, so that the checker's memory is bounded.
func TestErrorListKeepsAThousand(t *testing.T) {
	var l ErrorList
	addN(&l, 1500)
	// 1,000 kept + 1 entry counting 1,500 - 1,000 = 500.
	if len(l) != 1001 || l[1000].Omitted != 500 || l.Total() != 1500 {
		t.Fatalf("len %d, omitted %d, total %d; want 1001, 500, 1500", len(l), l[len(l)-1].Omitted, l.Total())
	}
	last := l[1000]
	if want := "f.pacta:1001:1: too many problems: 500 more not kept (only the first 1,000 are)"; last.Error() != want {
		t.Errorf("last entry %q\nwant %q", last.Error(), want)
	}
	if want := "f.pacta:1:1: problem 1 (and 1499 more errors)"; l.Error() != want {
		t.Errorf("Error() = %q, want %q", l.Error(), want)
	}
	l.Sort()
	if len(l) != 1001 || l[1000].Omitted != 500 || l[0].Msg != "problem 1" {
		t.Errorf("after Sort: len %d, last omitted %d, first %q", len(l), l[len(l)-1].Omitted, l[0].Msg)
	}

	// Two lists appended together, as for the files of one program: m
	// holds lines 1..800; n holds lines 1..1000 (800, then 200 more
	// until full) and counts lines 1001..1500 (500). Sorted, lines
	// 1..800 are exact duplicates and dropped once: 1,000 distinct kept,
	// 500 counted, 1,500 in total.
	var m, n ErrorList
	addN(&m, 800)
	addN(&n, 1500)
	both := append(m, n...)
	both.Sort()
	if len(both) != 1001 || both.Total() != 1500 || both[999].Pos.Line != 1000 {
		t.Errorf("merged: len %d, total %d, 1000th on line %d; want 1001, 1500, 1000", len(both), both.Total(), both[999].Pos.Line)
	}

	// Two files of 800 problems each: 1,600 distinct, so Sort keeps the
	// first 1,000 in order (a.pacta 1..800, b.pacta 1..200) and counts
	// 1,600 - 1,000 = 600, from b.pacta line 201.
	var p, q ErrorList
	for i := 1; i <= 800; i++ {
		p.Add(Pos{File: "a.pacta", Line: i, Col: 1}, "problem")
		q.Add(Pos{File: "b.pacta", Line: i, Col: 1}, "problem")
	}
	files := append(q, p...)
	files.Sort()
	if len(files) != 1001 || files.Total() != 1600 || files[999].Pos.String() != "b.pacta:200:1" ||
		files[1000].Omitted != 600 || files[1000].Pos.String() != "b.pacta:201:1" {
		t.Errorf("two files: len %d, total %d, 1000th at %s, last %v", len(files), files.Total(), files[999].Pos, files[len(files)-1])
	}
}

// Problems are found out of order: when the first one counted but not kept
// lies before the last one kept, the sorted list still ends in order, the
// counting entry at the last kept position.
func TestErrorListSortedWhenCountedComesFirst(t *testing.T) {
	var l ErrorList
	for i := 0; i < MaxKeptErrors; i++ {
		l.Add(Pos{File: "f.pacta", Line: 9, Col: 100 + i}, "kept")
	}
	l.Add(Pos{File: "f.pacta", Line: 9, Col: 50}, "counted") // before all kept
	l.Add(Pos{File: "f.pacta", Line: 9, Col: 5000}, "counted")
	l.Sort()
	for i := 1; i < len(l); i++ {
		if l[i].Pos.Before(l[i-1].Pos) {
			t.Fatalf("not sorted: %v before %v", l[i-1], l[i])
		}
	}
	// 1,000 kept at columns 100..1099; the counting entry holds 2 and sits
	// at column 1099, the last kept.
	last := l[len(l)-1]
	if len(l) != 1001 || last.Omitted != 2 || last.Pos.Col != 1099 {
		t.Errorf("len %d, last %v (omitted %d); want 1001, column 1099, 2", len(l), last, last.Omitted)
	}
}

// RenderList prints the first MaxShownErrors (100) problems, sorted, then
// one line counting the rest and the total.
func TestRenderListCap(t *testing.T) {
	noSrc := func(string) []byte { return nil }
	for _, tc := range []struct {
		n       int
		summary string
	}{
		{100, ""},
		{101, "… and 1 more problem (101 in total)\n"},    // 101 - 100 = 1
		{250, "… and 150 more problems (250 in total)\n"}, // 250 - 100
		// 1,200 added: 1,000 kept, 200 counted; 1,200 - 100 = 1,100.
		{1200, "… and 1,100 more problems (1,200 in total)\n"},
	} {
		var l ErrorList
		// Added from the last line up, so the 100 shown are those that
		// sort first, not those added first.
		for i := tc.n; i >= 1; i-- {
			l.Add(Pos{File: "f.pacta", Line: i, Col: 1}, "problem %d", i)
		}
		var b strings.Builder
		l.RenderList(&b, noSrc)
		var want strings.Builder
		shown := min(tc.n, 100)
		if tc.n == 1200 {
			// Only lines 1,200 down to 201 were kept (the first 1,000
			// added): the shown ones are lines 201..300.
			for i := 201; i <= 300; i++ {
				fmt.Fprintf(&want, "f.pacta:%d:1: problem %d\n", i, i)
			}
		} else {
			for i := 1; i <= shown; i++ {
				fmt.Fprintf(&want, "f.pacta:%d:1: problem %d\n", i, i)
			}
		}
		want.WriteString(tc.summary)
		if b.String() != want.String() {
			t.Errorf("%d problems: got %d bytes, want %d; tail got %q want %q", tc.n,
				b.Len(), want.Len(), tail(b.String()), tail(want.String()))
		}
	}
}

func tail(s string) string {
	if len(s) > 200 {
		return s[len(s)-200:]
	}
	return s
}

// The checker keeps at most 1,000 problems of a hostile file but counts
// them all: 900 list elements `1 or 1 or 1 or 1 or 1` each have 5 integer
// operands of `or`, one problem each: 900 x 5 = 4,500.
func TestCheckKeepsBoundedProblems(t *testing.T) {
	src := "agreement a \"A\" {\n effective 2026-01-01\n currency USD\n term t = [" +
		strings.Repeat("1 or 1 or 1 or 1 or 1, ", 899) + "1 or 1 or 1 or 1 or 1]\n}\n"
	f, perrs := Parse("x.pacta", []byte(src))
	if len(perrs) > 0 {
		t.Fatal(perrs)
	}
	_, errs := Check([]*File{f}, nil)
	if len(errs) != 1001 || errs.Total() != 4500 {
		t.Errorf("len %d, total %d; want 1001, 4500", len(errs), errs.Total())
	}
}

// The example of a long line's window in SPEC 12.1 is what Render prints.
// By hand: ` term t = [` is 11 characters and each element with its `, `
// 23, so element 64 (from 0) starts at column 12 + 64 x 23 = 1484; the
// window starts 60 characters before it, at character 1424 (from 1), which
// is 13 characters before element 62 starts (1424 + 13 = 1437 = 12 + 62 x
// 23 - 1, the space before it): "… 1 or 1 or 1," then two whole elements
// and a space, the caret at 1 + 60 = 61.
func TestSpecWindowExample(t *testing.T) {
	spec, err := os.ReadFile("../SPEC.md")
	if err != nil {
		t.Fatal(err)
	}
	const head = "x.pacta:4:1484: `or` needs bool on both sides, not integer\n"
	i := strings.Index(string(spec), head)
	if i < 0 {
		t.Fatal("SPEC.md has no example starting " + head)
	}
	j := strings.Index(string(spec[i:]), "```")
	example := string(spec[i : i+j])

	line := " term t = [" + strings.Repeat("1 or 1 or 1 or 1 or 1, ", 899) + "1 or 1 or 1 or 1 or 1]"
	src := "agreement a \"A\" {\n effective 2026-01-01\n currency USD\n" + line + "\n}\n"
	e := &Error{Pos: Pos{File: "x.pacta", Line: 4, Col: 1484}, Msg: "`or` needs bool on both sides, not integer"}
	got := e.Render([]byte(src))
	if got != example {
		t.Errorf("Render:\n%s\nSPEC.md:\n%s", got, example)
	}
	if want := "    … 1 or 1 or 1," + strings.Repeat(" 1 or 1 or 1 or 1 or 1,", 2) + " 1"; !strings.HasPrefix(got[len(head):], want) {
		t.Errorf("window does not start %q", want)
	}
	if want := "\n    " + strings.Repeat(" ", 61) + "^\n"; !strings.HasSuffix(got, want) {
		t.Errorf("caret not at 61")
	}
}
