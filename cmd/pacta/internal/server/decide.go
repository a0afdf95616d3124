package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

// Content types of bodies.
const (
	ctJSON   = "application/json"
	ctNDJSON = "application/x-ndjson" // JSON Lines; application/jsonl is taken too
	ctCSV    = "text/csv"
	ctText   = "text/plain"
)

// mediaType returns the media type of the request's body, lower case,
// without parameters; "" when none is given.
func mediaType(r *http.Request) string {
	ct := r.Header.Get("Content-Type")
	if ct == "" || ct == ctJSON { // the common case, without parsing
		return ct
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return "invalid"
	}
	return mt
}

func isJSONLines(mt string) bool {
	return mt == ctNDJSON || mt == "application/jsonl" || mt == "application/x-jsonlines" || mt == "application/jsonlines"
}

func unsupported(mt string, want ...string) *apiError {
	return &apiError{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
		Message: fmt.Sprintf("Content-Type %q is not accepted here; send one of %q", mt, want)}
}

// decide answers POST /v1/decide. The body is one action as a JSON object
// (the shape `pacta decide --action` takes, read by
// interp.Program.ParseActionJSON), a JSON array of them, or JSON Lines
// (Content-Type application/x-ndjson), one action a line. The answer is
// the decision as result.Decision.MarshalJSON writes it, an array of
// them, or JSON Lines of them, in the order of the actions. If any action
// of a batch cannot be decided, the answer is an error naming it, and no
// decision is written.
func (s *Server) decide(w http.ResponseWriter, r *http.Request, st *state) {
	mt := mediaType(r)
	if mt != ctJSON && mt != "" && !isJSONLines(mt) {
		writeError(w, unsupported(mt, ctJSON, ctNDJSON))
		return
	}
	var opts interp.DecideOptions
	if v := queryValue(r, "as_of"); v != "" {
		d, err := types.ParseDate(v)
		if err != nil {
			writeError(w, badRequest("bad_query", fmt.Sprintf("as_of: %v", err)))
			return
		}
		opts.AsOf = d
	}
	budget, ae := s.stepBudget(r, 0)
	if ae != nil {
		writeError(w, ae)
		return
	}
	opts.StepBudget = budget
	buf := bodyBufs.Get().(*bytes.Buffer)
	defer putBody(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(r.Body); err != nil {
		writeError(w, classify(err, ""))
		return
	}
	// body, and the items sliced from it, are used only until the
	// answer is written: the records read from them hold copies.
	body := buf.Bytes()
	type item struct {
		text  []byte
		where string
	}
	var items []item
	form := "one"
	switch {
	case isJSONLines(mt):
		form = "lines"
		// The lines are slices of body, which is not reused.
		for i, text := range bytes.Split(body, []byte("\n")) {
			line := i + 1
			text = bytes.TrimSpace(text)
			if line == 1 {
				text = bytes.TrimPrefix(text, []byte("\uFEFF"))
			}
			if len(text) > 0 {
				items = append(items, item{text, "body:" + strconv.Itoa(line)})
			}
		}
	default:
		text := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\uFEFF")))
		if len(text) > 0 && text[0] == '[' {
			form = "array"
			var raw [][]byte
			if json.Valid(text) {
				raw = splitArray(text)
			} else {
				var v []json.RawMessage
				writeError(w, badJSON(json.Unmarshal(text, &v), ""))
				return
			}
			for i, t := range raw {
				items = append(items, item{t, "[" + strconv.Itoa(i) + "]"})
			}
		} else if len(text) > 0 {
			items = append(items, item{text, ""})
		}
	}
	if len(items) == 0 && form != "array" {
		writeError(w, badRequest("no_action", "the body holds no action: send a JSON object such as {\"action\":\"sell\",\"actor\":...}"))
		return
	}
	if form == "one" { // the common case, written without a slice of decisions
		d, err := decideOne(r, st.prog, items[0].text, opts)
		if err != nil {
			writeDecideError(w, err, "")
			return
		}
		w.Header().Set("Content-Type", ctJSON)
		d.WriteJSON(w)
		return
	}
	ds := make([]*result.Decision, len(items))
	for i, it := range items {
		d, err := decideOne(r, st.prog, it.text, opts)
		if err != nil {
			writeDecideError(w, err, it.where)
			return
		}
		ds[i] = d
	}
	// The answer is made in the body's buffer, which is read no more,
	// and written at once: the decisions as MarshalJSON writes them
	// (< > & unescaped), one a line or in an array.
	out := body[:0]
	if form == "lines" {
		w.Header().Set("Content-Type", ctNDJSON)
		for _, d := range ds {
			out = append(d.AppendJSON(out), '\n')
		}
	} else {
		w.Header().Set("Content-Type", ctJSON)
		out = append(out, '[')
		for i, d := range ds {
			if i > 0 {
				out = append(out, ',')
			}
			out = d.AppendJSON(out)
		}
		out = append(out, ']', '\n')
	}
	w.Write(out)
	if cap(out) > buf.Cap() {
		*buf = *bytes.NewBuffer(out) // keep the larger array
	}
}

// writeDecideError writes the error of deciding the action at where.
func writeDecideError(w http.ResponseWriter, err error, where string) {
	var ae *apiError
	if errors.As(err, &ae) {
		ae.Position = where
		writeError(w, ae)
	} else {
		writeError(w, classify(err, where))
	}
}

// bodyBufs holds the buffers request bodies of /v1/decide are read into.
var bodyBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putBody(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 { // a rare large batch is not kept
		bodyBufs.Put(b)
	}
}

// queryValue is r.URL.Query().Get(key), without parsing an empty query.
func queryValue(r *http.Request, key string) string {
	if r.URL.RawQuery == "" {
		return ""
	}
	return r.URL.Query().Get(key)
}

// decideOne parses one action and decides it.
func decideOne(r *http.Request, p *interp.Program, text []byte, opts interp.DecideOptions) (*result.Decision, error) {
	if len(text) > 0 && text[0] == '{' {
		// An action ParseActionJSON reads is one valid JSON object, so
		// the checks below are needed only when it fails.
		if rec, err := p.ParseActionJSON(text); err == nil {
			return p.Decide(r.Context(), rec, opts)
		}
	}
	if !json.Valid(text) {
		var v any
		e := badJSON(json.Unmarshal(text, &v), "")
		if bytes.Contains(text, []byte("}\n")) && strings.Contains(e.Message, "after top-level value") {
			e.Message += "; send one action per line as Content-Type application/x-ndjson, or a JSON array"
		}
		return nil, e
	}
	if text[0] != '{' {
		return nil, badRequest("bad_json", "an action is a JSON object: {\"action\":\"sell\",\"actor\":...}")
	}
	rec, err := p.ParseActionJSON(text)
	if errors.Is(err, interp.ErrUnknownAgreement) {
		var a struct{ Agreement string }
		json.Unmarshal(text, &a)
		return nil, classifyAgreement(err, a.Agreement)
	}
	if err != nil {
		return nil, err
	}
	return p.Decide(r.Context(), rec, opts)
}

// splitArray returns the elements of text, a valid JSON array, as
// slices of it without the blanks around them: what json.Unmarshal
// gives in a []json.RawMessage, without copying.
func splitArray(text []byte) [][]byte {
	var elems [][]byte
	depth, start, inString := 0, -1, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if inString {
			switch c {
			case '\\':
				i++ // the escaped character
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '"':
			inString = true
		case '[', '{':
			depth++
			if depth == 1 {
				continue // the array's own bracket
			}
		case ']', '}':
			depth--
			if depth == 0 { // the array's end
				if start >= 0 {
					elems = append(elems, bytes.TrimRight(text[start:i], " \t\n\r"))
				}
				return elems
			}
		case ',':
			if depth == 1 {
				elems = append(elems, bytes.TrimRight(text[start:i], " \t\n\r"))
				start = -1
				continue
			}
		}
		if start < 0 && depth >= 1 {
			start = i
		}
	}
	return elems
}
