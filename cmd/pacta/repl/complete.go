package repl

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// complete is the word completer: it completes the word before pos in
// line with commands, keywords, parties, clause numbers, terms, builtins,
// kind members, givens, actions and events, field names after `name.` or
// inside an instance's braces, and file names after :load and :ledger.
func (s *Session) complete(line string, pos int) (head string, completions []string, tail string) {
	rs := []rune(line)
	if pos > len(rs) {
		pos = len(rs)
	}
	before := string(rs[:pos])
	tail = string(rs[pos:])
	start := len(before)
	for start > 0 {
		c := before[start-1]
		if c == '_' || c == '.' || c == ':' && start == 1 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			start--
			continue
		}
		break
	}
	head, word := before[:start], before[start:]
	trimmedHead := strings.TrimSpace(head)

	// Commands and their arguments.
	if strings.HasPrefix(word, ":") && strings.TrimSpace(head) == "" {
		var names []string
		for _, c := range commandList {
			names = append(names, c.name)
		}
		return head, withPrefix(names, word, " "), tail
	}
	if strings.HasPrefix(trimmedHead, ":") {
		cmd := strings.Fields(trimmedHead)[0]
		switch cmd {
		case ":load", ":ledger":
			h, c := completePath(before)
			return h, c, tail
		case ":show":
			return head, withPrefix(s.showNames(), word, ""), tail
		case ":help":
			names := append([]string(nil), helpTopics...)
			for _, f := range s.builtins() {
				names = append(names, f.Name)
			}
			for _, c := range commandList {
				names = append(names, strings.TrimPrefix(c.name, ":"))
			}
			return head, withPrefix(names, word, ""), tail
		case ":asof":
			return head, withPrefix([]string{"none"}, word, ""), tail
		}
		return head, nil, tail
	}

	// A field after a dot: s.gross, sell.platform.
	if i := strings.LastIndexByte(word, '.'); i > 0 && !isDigit(word[0]) {
		base, part := word[:i], word[i+1:]
		var out []string
		for _, f := range s.fieldsOf(base) {
			if strings.HasPrefix(f, part) {
				out = append(out, base+"."+f)
			}
		}
		return head, out, tail
	}
	if word != "" && isDigit(word[0]) {
		return head, withPrefix(s.clauseNumbers(), word, ""), tail
	}
	if word == "" {
		return head, nil, tail
	}
	// Inside an instance's braces, where a field's name goes.
	if action := openInstance(head); action != "" {
		if h := strings.TrimRight(head, " \t"); strings.HasSuffix(h, "{") || strings.HasSuffix(h, ",") {
			var fields []string
			for _, f := range s.fieldsOf(action) {
				if f != "actor" {
					fields = append(fields, f+":")
				}
			}
			return head, withPrefix(fields, word, ""), tail
		}
	}
	return head, withPrefix(dedupe(s.names()), word, ""), tail
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// withPrefix returns the candidates that start with prefix, sorted, each
// followed by suffix.
func withPrefix(cands []string, prefix, suffix string) []string {
	var out []string
	for _, c := range cands {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c+suffix)
		}
	}
	sort.Strings(out)
	return out
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// names returns every name an entry may use: keywords, parties, kind
// members, actions, events, terms, builtins and givens.
func (s *Session) names() []string {
	out := append(append(lang.Keywords(), lang.ContextWords()...), lang.DateWords()...)
	for _, f := range s.builtins() {
		out = append(out, f.Name)
	}
	for _, g := range s.givens {
		if g.live {
			out = append(out, g.g.Name.Name)
		}
	}
	if s.prog == nil {
		return out
	}
	for _, ai := range s.prog.Info().Agreements {
		if ai.Decl.ID.Name != s.agreement() {
			continue
		}
		out = append(out, sortedKeys(ai.Parties)...)
		out = append(out, sortedKeys(ai.Schemas)...)
		out = append(out, sortedKeys(ai.Items)...) // item types, for `line { ... }` (SPEC 4.5.1)
		out = append(out, sortedKeys(ai.Kinds)...)
		for _, k := range ai.Kinds {
			for _, m := range k.Members {
				out = append(out, m.Name)
			}
		}
	}
	h, _ := s.histories()
	for k := range h {
		if t, ok := strings.CutPrefix(k, "term "); ok {
			out = append(out, t)
		}
	}
	return out
}

// showNames returns what :show accepts.
func (s *Session) showNames() []string {
	if s.prog == nil {
		return nil
	}
	var out []string
	h, ai := s.histories()
	for k := range h {
		out = append(out, strings.SplitN(k, " ", 2)[1])
	}
	if ai != nil {
		out = append(out, sortedKeys(ai.Parties)...)
		out = append(out, sortedKeys(ai.Schemas)...)
		out = append(out, sortedKeys(ai.Kinds)...)
	}
	return out
}

// clauseNumbers returns the numbers of every clause of the session's
// agreement.
func (s *Session) clauseNumbers() []string {
	if s.prog == nil {
		return nil
	}
	h, _ := s.histories()
	var out []string
	for k := range h {
		if n, ok := strings.CutPrefix(k, "clause "); ok {
			out = append(out, n)
		}
	}
	return out
}

// fieldsOf returns the fields of an action or event named name, or of the
// instance a given called name holds.
func (s *Session) fieldsOf(name string) []string {
	for _, g := range s.givens {
		if g.live && g.g.Name.Name == name && g.val.Kind() == types.KindRecord && g.val.Record() != nil {
			return append([]string(nil), g.val.Record().Schema.Fields()...)
		}
	}
	if s.prog == nil {
		return nil
	}
	for _, ai := range s.prog.Info().Agreements {
		if ai.Decl.ID.Name != s.agreement() {
			continue
		}
		if sd := ai.Items[name]; sd != nil { // an item has no actor and no date
			var out []string
			for _, f := range sd.Fields {
				out = append(out, f.Name.Name)
			}
			return out
		}
		if sd := ai.Schemas[name]; sd != nil {
			var out []string
			for _, f := range sd.Fields {
				out = append(out, f.Name.Name)
			}
			if !sd.Event {
				out = append(out, "actor")
			}
			has := false
			for _, f := range out {
				has = has || f == "date"
			}
			if !has {
				out = append(out, "date")
			}
			return out
		}
	}
	return nil
}

// openInstance returns the action or event whose instance braces are open
// at the end of text: "sell" for `sell by openai { product: "x", `.
func openInstance(text string) string {
	depth := 0
	inString := false
	open := -1
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{':
			depth++
			open = i
		case c == '}':
			depth--
		}
	}
	if depth <= 0 || open < 0 {
		return ""
	}
	words := strings.Fields(text[:open])
	switch {
	case len(words) >= 3 && words[len(words)-2] == "by":
		return words[len(words)-3]
	case len(words) >= 1:
		return words[len(words)-1]
	}
	return ""
}

// completePath completes the file name at the end of before.
func completePath(before string) (string, []string) {
	i := strings.LastIndexAny(before, " \t")
	head, word := before[:i+1], before[i+1:]
	dir, part := filepath.Split(word)
	readDir := dir
	if readDir == "" {
		readDir = "."
	}
	entries, err := os.ReadDir(readDir)
	if err != nil {
		return head, nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, part) || strings.HasPrefix(name, ".") && !strings.HasPrefix(part, ".") {
			continue
		}
		if e.IsDir() {
			name += "/"
		}
		out = append(out, dir+name)
	}
	sort.Strings(out)
	return head, out
}
