//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/playground/answer"
)

// run puts pactaAsk on the page and waits for questions. The page calls
// it from its one thread, so one Session serves every question.
func run() {
	var s answer.Session
	js.Global().Set("pactaAsk", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 2 {
			return encode(answer.Response{Error: &answer.Problem{Problem: problem("pactaAsk takes a question and a request")}})
		}
		return ask(&s, args[0].String(), args[1].String())
	}))
	if ready := js.Global().Get("pactaReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
