package server

import (
	"context"
	"strings"
	"testing"
)

// budgetSrc has a clause and a term whose every use compares a number
// with the 10 elements of big. By SPEC 13 (DefaultStepBudget), f(0)
// spends 1 for the call of f plus 1 for the one operation of its body
// (in), 1 for the call of big (a constant list: no operation), and 1 per
// element that `in` compares: 0 is in none of the 10, so 2 + 1 + 10 = 13
// steps. A decision of a sale with n = 0 compares the 10 elements too:
// more than 10 steps, and far fewer than 1,000.
const budgetSrc = `agreement b "B" {
  effective 2026-01-01
  currency USD
  party a "A"
  action sell { n integer }
  term big = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
  term f(x integer) = x in big
  clause 1 "Sell"
    a may sell where not (n in big)
}
`

// TestRequestStepBudget: ?step_budget=N (and "step_budget" in an eval
// body) gives one request fewer steps than the server's, never more.
func TestRequestStepBudget(t *testing.T) {
	s, _ := newServer(t, Config{StepBudget: 1000}, map[string]string{"b.pacta": budgetSrc})
	sale := `{"action":"sell","actor":"a","date":"2026-02-01","n":0}`
	ledger := "action,actor,date,n\nsell,a,2026-02-01,0\n"
	for _, c := range []struct {
		name, target, ctype, body string
		code                      int
		errCode                   string
	}{
		// The server's budget of 1,000 is enough for each question.
		{"decide", "/v1/decide", "application/json", sale, 200, ""},
		{"settle", "/v1/settle", "text/csv", ledger, 200, ""},
		{"eval", "/v1/eval", "application/json", `{"expr":"f(0)"}`, 200, ""},
		// 5 steps are not: more than 10 are needed. (A budget error in
		// a settlement is a bad_ledger error naming the row.)
		{"decide 5", "/v1/decide?step_budget=5", "application/json", sale, 422, "step_budget"},
		{"settle 5", "/v1/settle?step_budget=5", "text/csv", ledger, 422, "bad_ledger"},
		{"eval 5", "/v1/eval?step_budget=5", "application/json", `{"expr":"f(0)"}`, 422, "step_budget"},
		{"eval body 5", "/v1/eval", "application/json", `{"expr":"f(0)","step_budget":5}`, 422, "step_budget"},
		{"eval text 5", "/v1/eval?step_budget=5", "text/plain", `f(0)`, 422, "step_budget"},
		// 13 are: exactly what f(0) spends; 12 are not.
		{"eval 13", "/v1/eval?step_budget=13", "application/json", `{"expr":"f(0)"}`, 200, ""},
		{"eval 12", "/v1/eval?step_budget=12", "application/json", `{"expr":"f(0)"}`, 422, "step_budget"},
		// More than the server's, or nonsense, is refused.
		{"decide 1001", "/v1/decide?step_budget=1001", "application/json", sale, 400, "bad_query"},
		{"settle 0", "/v1/settle?step_budget=0", "text/csv", ledger, 400, "bad_query"},
		{"eval x", "/v1/eval?step_budget=x", "application/json", `{"expr":"f(0)"}`, 400, "bad_query"},
		{"eval body -1", "/v1/eval", "application/json", `{"expr":"f(0)","step_budget":-1}`, 400, "bad_query"},
	} {
		code, body := do(t, s, "POST", c.target, c.ctype, strings.NewReader(c.body))
		if code != c.code {
			t.Errorf("%s: got %d %s, want %d", c.name, code, body, c.code)
			continue
		}
		if c.errCode != "" {
			if e := errorOf(t, body); e.Code != c.errCode {
				t.Errorf("%s: got %s, want code %s", c.name, body, c.errCode)
			}
		}
	}
}

// TestCompileTimeout: a check or an expression whose compilation outlasts
// the request's time limit is answered 503 timeout. The compilation is
// held until the request has been answered, so the deadline passes
// first whatever the machine's speed.
func TestCompileTimeout(t *testing.T) {
	s := dealServer(t, Config{Timeout: 20e6}) // 20ms
	release := make(chan struct{})
	s.compileHook = func() { <-release }
	defer close(release)
	for _, c := range []struct{ target, ctype, body string }{
		{"/v1/check", "text/plain", dealSrc},
		{"/v1/check", "application/json", `{"sources":[{"name":"d.pacta","text":"agreement"}]}`},
		{"/v1/eval", "application/json", `{"expr":"1 + 1"}`},
	} {
		code, body := do(t, s, "POST", c.target, c.ctype, strings.NewReader(c.body))
		if e := errorOf(t, body); code != 503 || e.Code != "timeout" {
			t.Errorf("%s %s: got %d %s, want 503 timeout", c.target, c.ctype, code, body)
		}
	}
}

// TestWithin: within returns f's answer when f ends first, and the
// context's error when the context is done first.
func TestWithin(t *testing.T) {
	v, err := within(context.Background(), nil, func() (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Errorf("got %d, %v; want 7, nil", v, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	block := make(chan struct{})
	defer close(block)
	v, err = within(ctx, func() { <-block }, func() (int, error) { return 7, nil })
	if v != 0 || err != context.Canceled {
		t.Errorf("got %d, %v; want 0, context.Canceled", v, err)
	}
}
