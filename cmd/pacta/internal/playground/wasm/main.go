// Command wasm is the playground's interpreter, built for the browser
// (GOOS=js GOARCH=wasm). It puts one function on the page's global
// object,
//
//	pactaAsk(question, requestJSON) → responseJSON
//
// which answers "check", "decide", "settle", "test", "render" and "vet"
// with package answer (the JSON of answer.Request and answer.Response),
// then calls the page's pactaReady function, if it has one, and waits
// for questions. pacta serve and pacta playground build it; it is not
// committed.
package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/playground/answer"
)

func main() { run() }

// ask answers one question given as JSON, never panicking: a panic in
// the interpreter is an answer saying so, so that the page keeps
// working.
func ask(s *answer.Session, question, request string) (out string) {
	defer func() {
		if v := recover(); v != nil {
			out = encode(answer.Response{Error: &answer.Problem{Problem: problem(fmt.Sprintf("internal error: %v", v))}})
		}
	}()
	var req answer.Request
	if err := json.Unmarshal([]byte(request), &req); err != nil {
		return encode(answer.Response{Error: &answer.Problem{Problem: problem(fmt.Sprintf("the request is not valid JSON: %v", err))}})
	}
	return encode(s.Ask(context.Background(), question, req))
}

func encode(r answer.Response) string {
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Sprintf(`{"ok":false,"error":{"file":"","line":0,"col":0,"hint":"","message":%q}}`, err.Error())
	}
	return string(b)
}
