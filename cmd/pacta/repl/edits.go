package repl

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/lang"
)

// This file writes the session's declarations into the text of the
// loaded files (see source.go for the rules) and maps positions in the
// edited text back to what was typed or to the files as read.

// fileItem is one item of the loaded files' first agreement or one of its
// amendments, with the place of its text.
type fileItem struct {
	item       lang.Item
	by         string // the agreement or amendment that has it
	date       string // that one's effective date
	file       string
	start, end int // byte range of its text, without the blank lines and comments after it
}

// place is a byte offset in a loaded file.
type place struct {
	file string
	off  int
}

// target says where the session's declarations go.
type target struct {
	synthetic bool   // no files: the session's own agreement
	agreement string // the first loaded agreement
	effective string // its effective date
	// items lists the files' items by key ("clause 5.1", "term rate",
	// "name sell", "test NAME"): for a clause or term, every version in
	// the order they take effect.
	items map[string][]*fileItem
	end   place // where new items go: before the agreement's closing brace
	tests place // where new tests go: before the latest amendment's (or the agreement's) closing brace
}

// makeTarget works out where declarations go for the program of the
// files srcs (base nil: no files): the agreement called chosen, or with
// none (or none of that name) the first.
func makeTarget(base *interp.Program, srcs []interp.Source, chosen string) *target {
	if base == nil {
		return &target{synthetic: true}
	}
	text := map[string][]byte{}
	for _, s := range srcs {
		text[s.Name] = s.Text
	}
	ai := base.Info().Agreements[0]
	for _, a := range base.Info().Agreements {
		if a.Decl.ID.Name == chosen {
			ai = a
		}
	}
	t := &target{agreement: ai.Decl.ID.Name, effective: ai.Effective, items: map[string][]*fileItem{}}
	add := func(by, date string, items []lang.Item, end lang.Pos) {
		for i, it := range items {
			switch it.(type) {
			case *lang.ClauseDecl, *lang.TermDecl, *lang.DeleteClause, *lang.PartyDecl,
				*lang.KindDecl, *lang.SchemaDecl, *lang.TestDecl:
			default:
				continue
			}
			p := it.Pos()
			limit := end.Offset
			if i+1 < len(items) {
				limit = items[i+1].Pos().Offset
			}
			src := text[p.File]
			if p.Offset < 0 || limit > len(src) || p.Offset > limit {
				continue // not from a file as read: leave it alone
			}
			k := itemKey(it)
			t.items[k] = append(t.items[k], &fileItem{item: it, by: by, date: date, file: p.File,
				start: p.Offset, end: itemEnd(src, p.Offset, limit)})
		}
	}
	add(ai.Decl.ID.Name, ai.Effective, ai.Decl.Items, ai.Decl.End)
	t.end = place{ai.Decl.End.File, ai.Decl.End.Offset}
	t.tests = t.end
	for _, am := range ai.Amendments {
		add(am.ID.Name, amendmentDate(am), am.Items, am.End)
		t.tests = place{am.End.File, am.End.Offset}
	}
	return t
}

// itemEnd returns where the text of an item starting at start ends, given
// that the next thing (an item or the closing brace) starts at limit: the
// blank lines and the comments on lines of their own before limit belong
// to what follows.
func itemEnd(src []byte, start, limit int) int {
	end := limit
	for {
		for end > start && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\n' || src[end-1] == '\r') {
			end--
		}
		nl := bytes.LastIndexByte(src[start:end], '\n')
		if nl < 0 {
			return end
		}
		line := bytes.TrimLeft(src[start+nl+1:end], " \t")
		if !bytes.HasPrefix(line, []byte("//")) {
			return end
		}
		end = start + nl + 1
	}
}

// splice is one change to a loaded file: bytes [start, end) of the text
// as read give way to the typed text of d (nothing, with d nil).
type splice struct {
	start, end int
	d          *decl
	pad        string // written before the typed text
	seq        int    // order among splices at one place
	// where the typed text landed in the edited text
	newStart, newEnd int
}

// editedFile is a loaded file as the session changed it.
type editedFile struct {
	orig    []byte
	text    []byte    // as edited
	splices []*splice // in text order
}

// sessionSource is what the session compiles: the loaded files with the
// session's declarations written into them, or with no files the
// generated agreement.
type sessionSource struct {
	srcs  []interp.Source
	files map[string]*editedFile // the loaded files the session changed, by name
	gen   *generated
	// dropped are the files' tests left out because the session's changes
	// break them (see Session.build).
	dropped []*fileItem
}

// applyDecls writes decls into srcs (see source.go for the rules).
// The tests in drop are left out.
func applyDecls(t *target, srcs []interp.Source, decls []*decl, drop []*fileItem) *sessionSource {
	ss := &sessionSource{files: map[string]*editedFile{}, dropped: drop}
	if t.synthetic {
		ss.gen = generate(decls)
		ss.srcs = append(append([]interp.Source(nil), srcs...), interp.Source{Name: sessionFile, Text: ss.gen.text})
		return ss
	}
	byFile := map[string][]*splice{}
	seq := 0
	add := func(file string, sp *splice) {
		sp.seq = seq
		seq++
		byFile[file] = append(byFile[file], sp)
	}
	typed := func(d *decl, fi *fileItem) {
		add(fi.file, &splice{start: fi.start, end: fi.end, d: d})
	}
	remove := func(fi *fileItem) {
		add(fi.file, &splice{start: fi.start, end: fi.end})
	}
	for _, fi := range drop {
		remove(fi)
	}
	for _, d := range decls {
		fis := t.items[d.key]
		switch {
		case d.isDelete():
			for _, fi := range fis {
				remove(fi)
			}
		case len(fis) > 0 && d.versioned():
			live := false
			for _, fi := range fis {
				if _, ok := fi.item.(*lang.DeleteClause); ok {
					live = false
					continue
				}
				if live {
					remove(fi) // a `replace` of the version the typed text now stands for
				} else {
					typed(d, fi)
				}
				live = true
			}
		case len(fis) > 0:
			typed(d, fis[0])
		default:
			at := t.end
			if _, ok := d.item.(*lang.TestDecl); ok {
				at = t.tests
			}
			add(at.file, &splice{start: at.off, end: at.off, d: d, pad: "\n  "})
		}
	}
	for _, src := range srcs {
		sps := byFile[src.Name]
		if len(sps) == 0 {
			ss.srcs = append(ss.srcs, src)
			continue
		}
		sort.SliceStable(sps, func(i, j int) bool {
			if sps[i].start != sps[j].start {
				return sps[i].start < sps[j].start
			}
			return sps[i].seq < sps[j].seq
		})
		var b bytes.Buffer
		last := 0
		for _, sp := range sps {
			b.Write(src.Text[last:sp.start])
			b.WriteString(sp.pad)
			sp.newStart = b.Len()
			if sp.d != nil {
				b.WriteString(sp.d.text[sp.d.body:])
			}
			sp.newEnd = b.Len()
			if sp.pad != "" {
				b.WriteString("\n")
			}
			last = sp.end
		}
		b.Write(src.Text[last:])
		ss.files[src.Name] = &editedFile{orig: src.Text, text: b.Bytes(), splices: sps}
		ss.srcs = append(ss.srcs, interp.Source{Name: src.Name, Text: b.Bytes()})
	}
	return ss
}

// locate maps a position in the compiled sources that falls in text typed
// at the prompt to its decl and the byte offset in that decl's entry.
func (ss *sessionSource) locate(p lang.Pos) (*decl, int, bool) {
	if ss == nil {
		return nil, 0, false
	}
	if p.File == sessionFile {
		return ss.gen.locate(p.Offset)
	}
	ef := ss.files[p.File]
	if ef == nil {
		return nil, 0, false
	}
	for _, sp := range ef.splices {
		if sp.d != nil && p.Offset >= sp.newStart && p.Offset <= sp.newEnd {
			return sp.d, sp.d.off + sp.d.body + p.Offset - sp.newStart, true
		}
	}
	return nil, 0, false
}

// typed reports whether p is in text typed at the prompt.
func (ss *sessionSource) typed(p lang.Pos) bool {
	_, _, ok := ss.locate(p)
	return ok
}

// original maps a position in a loaded file as the session changed it,
// outside the typed text, to the file as read.
func (ss *sessionSource) original(p lang.Pos) lang.Pos {
	if ss == nil {
		return p
	}
	ef := ss.files[p.File]
	if ef == nil {
		return p
	}
	shift := 0 // edited offset − original offset, up to p
	for _, sp := range ef.splices {
		after := sp.newEnd
		if sp.pad != "" {
			after++ // the newline after an inserted item
		}
		if after > p.Offset {
			break
		}
		shift = after - sp.end
	}
	off := p.Offset - shift
	if off < 0 || off > len(ef.orig) {
		return p
	}
	return posIn(p.File, string(ef.orig), off)
}

// fixPositions rewrites the positions written in a message (`"openai" is
// already declared as a party at agreement.pacta:14:9`) that point into an
// edited file, with where (see Session.posWords).
func (ss *sessionSource) fixPositions(msg string, where func(lang.Pos) string) string {
	if ss == nil {
		return msg
	}
	for name, ef := range ss.files {
		if !strings.Contains(msg, name+":") {
			continue
		}
		re := regexp.MustCompile(regexp.QuoteMeta(name) + `:(\d+):(\d+)`)
		msg = re.ReplaceAllStringFunc(msg, func(m string) string {
			sub := re.FindStringSubmatch(m)
			line, err1 := strconv.Atoi(sub[1])
			col, err2 := strconv.Atoi(sub[2])
			off, ok := offsetOf(ef.text, line, col)
			if err1 != nil || err2 != nil || !ok {
				return m
			}
			return where(lang.Pos{File: name, Offset: off, Line: line, Col: col})
		})
	}
	return msg
}

// offsetOf returns the byte offset of line and column (in characters,
// both 1-based) in text.
func offsetOf(text []byte, line, col int) (int, bool) {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return 0, false
		}
		off += i + 1
	}
	for c := 1; c < col; c++ {
		if off >= len(text) || text[off] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return off, true
}

// brokenTests returns the tests of the files that the problems of err are
// in, if every problem is in one (nil otherwise).
func brokenTests(err error, ss *sessionSource, t *target) []*fileItem {
	var list lang.ErrorList
	if !errors.As(err, &list) || len(list) == 0 || t.synthetic {
		return nil
	}
	var out []*fileItem
	seen := map[*fileItem]bool{}
	for _, e := range list {
		if ss.typed(e.Pos) || ss.files[e.Pos.File] == nil && e.Pos.File == replName {
			return nil
		}
		p := ss.original(e.Pos)
		var in *fileItem
		for k, fis := range t.items {
			if !strings.HasPrefix(k, "test ") {
				continue
			}
			for _, fi := range fis {
				if fi.file == p.File && fi.start <= p.Offset && p.Offset < fi.end {
					in = fi
				}
			}
		}
		if in == nil {
			return nil
		}
		if !seen[in] {
			seen[in] = true
			out = append(out, in)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].file != out[j].file {
			return out[i].file < out[j].file
		}
		return out[i].start < out[j].start
	})
	return out
}

// what names a file item in messages: `test "AWS sales are permitted"`.
func (fi *fileItem) what() string {
	return (&decl{key: itemKey(fi.item), item: fi.item}).what()
}

// atLineRE matches a line named in a message about its own file.
var atLineRE = regexp.MustCompile(`at line (\d+)`)

// fixLines rewrites `at line N` in a message about a problem at p, in an
// edited file, as the line of the file as read (`at line 15`), or, when
// the problem is shown in what was typed, with the file's name (`at
// agreement.pacta:15`); a line in typed text is named with where.
func (ss *sessionSource) fixLines(msg string, p lang.Pos, where func(lang.Pos) string) string {
	if ss == nil || ss.files[p.File] == nil || !strings.Contains(msg, "at line ") {
		return msg
	}
	ef := ss.files[p.File]
	shownTyped := ss.typed(p)
	return atLineRE.ReplaceAllStringFunc(msg, func(m string) string {
		n, err := strconv.Atoi(atLineRE.FindStringSubmatch(m)[1])
		if err != nil {
			return m
		}
		off, ok := offsetOf(ef.text, n, 1)
		if !ok {
			return m
		}
		lp := lang.Pos{File: p.File, Offset: off, Line: n, Col: 1}
		if ss.typed(lp) {
			return "at " + where(lp)
		}
		op := ss.original(lp)
		if shownTyped {
			return fmt.Sprintf("at %s:%d", p.File, op.Line)
		}
		return fmt.Sprintf("at line %d", op.Line)
	})
}
