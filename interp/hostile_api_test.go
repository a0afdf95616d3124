package interp_test

// The hostile-input table, through the API (issue "Hostile input: limits
// that hold"). Every case is one hostile input and one question asked of
// it (Compile, Decide, Settle, CompileExpr and Eval): the error it must
// give (a regexp, positioned, in Pacta's words), or that it must succeed,
// and how long and how much memory the question may take. Memory is the
// growth of runtime.MemStats.TotalAlloc across the call: everything
// allocated, so a bound on it is also a bound on the heap. The inputs are
// built before the measurement.
//
// The slow cases (seconds of work or hundreds of MiB) run only with
// PACTA_SLOW=1, and the cases of known bugs (skipped, with the bug in the
// skip message) with HOSTILE_BUGS=1:
//
//	PACTA_SLOW=1 go test ./interp -run TestHostileAPI -v
//	HOSTILE_BUGS=1 go test ./interp -run TestHostileAPI
//
// The same table through the command line is in cmd/pacta/hostile_test.go.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

const (
	kib = 1 << 10
	mib = 1 << 20
)

// hostileInternals are words of Go, its runtime and the parser library
// that must never reach a user.
var hostileInternals = []string{"participle", "GItem", "bufio", "allocate:", "runtime error", "internal error", "panic", "goroutine", "strconv.", "unexpected EOF", "invalid memory", "nil pointer"}

// hostileCase is one row of the table.
type hostileCase struct {
	name string
	// srcs are the agreement sources, built before the measurement; the
	// first is named h.pacta, the next h2.pacta.
	srcs func() []string
	// opts are extra compile options (the standard library is always in).
	opts []interp.Option
	// ask, when set, is the question asked of the compiled program (which
	// must compile); without it, Compile itself must fail with want. Its
	// input (a ledger, an action) is made by prep, outside the
	// measurement, and passed as in.
	prep func(t *testing.T, p *interp.Program) any
	ask  func(ctx context.Context, t *testing.T, p *interp.Program, in any) error
	// want is a regexp the error must match; "" means the question must
	// succeed.
	want string
	// maySucceed allows success as well as an error matching want.
	maySucceed bool
	// also checks the error further (errors.Is and the like).
	also func(t *testing.T, err error)
	// maxTime and maxMem bound the call: Compile, and the question when
	// there is one (each separately).
	maxTime time.Duration
	maxMem  uint64
	// slow cases run only with PACTA_SLOW=1.
	slow bool
	// knownBug, when set, skips the case with a visible message: a real
	// bug reported and not yet fixed.
	knownBug string
}

// hAgreement wraps items in an agreement h with two parties, an action
// sell and an event release.
func hAgreement(items ...string) string {
	return "agreement h \"Hostile\" {\n  effective 2020-01-01\n  currency USD\n  party a \"A\"\n  party b \"B\"\n  party c \"C\"\n" +
		"  action sell { amount money  n integer  note text }\n  event release { model text }\n" +
		strings.Join(items, "\n") + "\n}\n"
}

func one(s string) func() []string { return func() []string { return []string{s} } }

func oneF(f func() string) func() []string { return func() []string { return []string{f()} } }

// chain writes first, then op and operand n-1 more times: n operands.
func chain(first, op, operand string, n int) string {
	var b strings.Builder
	b.Grow(n * (len(op) + len(operand) + 2))
	b.WriteString(first)
	for i := 1; i < n; i++ {
		b.WriteString(" ")
		b.WriteString(op)
		b.WriteString(" ")
		b.WriteString(operand)
	}
	return b.String()
}

// nested writes open n times, mid, then close n times.
func nested(open, mid, close string, n int) string {
	return strings.Repeat(open, n) + mid + strings.Repeat(close, n)
}

// manyItems writes n items made by item(k), one per line.
func manyItems(n int, item func(k int) string) string {
	var b strings.Builder
	for k := 1; k <= n; k++ {
		b.WriteString("  ")
		b.WriteString(item(k))
		b.WriteString("\n")
	}
	return b.String()
}

// costlyChains are chains of 40 terms each calling the one before twice,
// over a 10,000-element list (`in`) and a 100,000-byte text (lower and
// length): 2^40 calls if nothing stopped them.
func costlyChains() string {
	var b strings.Builder
	b.WriteString("  term big = [")
	for i := 0; i < 10_000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, i)
	}
	b.WriteString("]\n")
	fmt.Fprintf(&b, "  term words = %q\n", strings.Repeat("Pacta ", 100_000/6))
	for _, c := range [][2]string{{"in", "x in big"}, {"text", "length(lower(words)) > x"}} {
		fmt.Fprintf(&b, "  term %s0(x integer) = %s\n", c[0], c[1])
		for k := 1; k <= 40; k++ {
			fmt.Fprintf(&b, "  term %s%d(x integer) = %s%d(x) == %s%d(x)\n", c[0], k, c[0], k-1, c[0], k-1)
		}
	}
	return b.String()
}

func evalQ(expr string) func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
	return func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
		_, err := p.Eval(ctx, "", expr, interp.EvalOptions{})
		return err
	}
}

// evalIs evaluates expr and wants the value written want.
func evalIs(expr, want string) func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
	return func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
		v, err := p.Eval(ctx, "", expr, interp.EvalOptions{})
		if err == nil && v.String() != want {
			t.Errorf("%s = %s, want %s", expr, v, want)
		}
		return err
	}
}

// compileExprQ compiles expr with CompileExpr, then evaluates it.
func compileExprQ(expr string) func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
	return func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
		x, err := p.CompileExpr("", "<expr>", []byte(expr))
		if err != nil {
			return err
		}
		_, err = x.Eval(ctx, interp.EvalOptions{})
		return err
	}
}

// saleSpec is a sale by a, of USD 10.00 with n = 1.
const saleSpec = "actor=a date=2024-01-01 amount=10.00 n=1 note=x"

func prepSale(spec string) func(t *testing.T, p *interp.Program) any {
	return func(t *testing.T, p *interp.Program) any { return newAction(t, p, "", "sell", spec) }
}

func decideQ(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
	_, err := p.Decide(ctx, in.(*types.Record), interp.DecideOptions{})
	return err
}

func settleOneQ(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
	_, err := p.Settle(ctx, events([]*types.Record{in.(*types.Record)}), interp.SettleOptions{})
	return err
}

// csvLedger is a CSV ledger of agreement h: the header, then rows.
func csvLedger(rows ...string) string {
	return "action,actor,date,amount,n,note,model\n" + strings.Join(rows, "\n") + "\n"
}

// settleCSV settles the CSV ledger in (a string) as l.csv.
func settleCSV(opts interp.SettleOptions) func(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
	return func(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
		_, err := p.Settle(ctx, p.ReadCSV("", "l.csv", strings.NewReader(in.(string))), opts)
		return err
	}
}

func settleJSONL(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
	_, err := p.Settle(ctx, p.ReadJSONL("", "l.jsonl", strings.NewReader(in.(string))), interp.SettleOptions{})
	return err
}

func ledgerIn(s func() string) func(t *testing.T, p *interp.Program) any {
	return func(t *testing.T, p *interp.Program) any { return s() }
}

// isErr wants errors.Is(err, target).
func isErr(target error) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		if !errors.Is(err, target) {
			t.Errorf("the error does not unwrap to %v: %v", target, err)
		}
	}
}

// short wants an error message of at most n bytes: an offending value is
// never echoed whole.
func short(n int) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		if len(err.Error()) > n {
			t.Errorf("the message is %d bytes long, want at most %d: %.300q", len(err.Error()), n, err.Error())
		}
	}
}

// pos is the position a compile error starts with, in h.pacta.
const pos = `^h\.pacta:\d+:\d+: `

// bidi and friends, written as escapes so that this file shows them.
const (
	rlo     = "\u202e"
	nul     = "\x00"
	badUTF8 = "\xff\xfe"
)

func hostileCases() []hostileCase {
	const n300k = 300_000
	// The variants of "plus 300k" use 300,000 operands with PACTA_SLOW=1
	// and 5,000 otherwise: both far past the limit of 1,000 operators.
	nOps := 5_000
	// Nesting: 10,000 levels, or 100,000 with PACTA_SLOW=1; the limit is
	// 200.
	depth := 10_000
	if slowEnabled() {
		nOps = n300k
		depth = 100_000
	}
	cases := []hostileCase{
		// ---- 1. expressions too long ----
		{name: "plus 300k", srcs: oneF(func() string { return hAgreement("  term t = " + chain("1", "+", "1", n300k)) }),
			want: pos + ".*expression too long", maxTime: 10 * time.Second, maxMem: 1 << 30},
		{name: "minus", srcs: oneF(func() string { return hAgreement("  term t = " + chain("1", "-", "1", nOps)) }),
			want: pos + ".*expression too long", maxTime: 10 * time.Second, maxMem: 1 << 30},
		{name: "times", srcs: oneF(func() string { return hAgreement("  term t = " + chain("1", "*", "1", nOps)) }),
			want: pos + ".*expression too long", maxTime: 10 * time.Second, maxMem: 1 << 30},
		{name: "or", srcs: oneF(func() string { return hAgreement("  term t = " + chain("true", "or", "true", nOps)) }),
			want: pos + ".*expression too long", maxTime: 10 * time.Second, maxMem: 1 << 30},
		{name: "and", srcs: oneF(func() string { return hAgreement("  term t = " + chain("true", "and", "true", nOps)) }),
			want: pos + ".*expression too long", maxTime: 10 * time.Second, maxMem: 1 << 30},
		{name: "percent of", srcs: oneF(func() string {
			return hAgreement("  term t = " + strings.Repeat("1% of ", nOps) + "USD 1.00")
		}), want: pos + ".*expression (too long|too deep|nested too deeply)", maxTime: 10 * time.Second, maxMem: 1 << 30},
		{name: "comparison", srcs: oneF(func() string { return hAgreement("  term t = " + chain("1", "==", "1", nOps)) }),
			want: pos, maxTime: 10 * time.Second, maxMem: 1 << 30},
		// Just under the limit: 1,000 operands, 999 operators; 1 × 1,000 = 1000.
		{name: "plus 1000 works", srcs: oneF(func() string { return hAgreement("  term t = " + chain("1", "+", "1", 1000)) }),
			ask: evalIs("t", "1000"), maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "eval plus", srcs: one(hAgreement()), ask: evalQ(chain("1", "+", "1", nOps)),
			want: `^<expr>:1:\d+: expression too long`, maxTime: 10 * time.Second, maxMem: 1 << 30},
		{name: "CompileExpr or", srcs: one(hAgreement()), ask: compileExprQ(chain("true", "or", "true", nOps)),
			want: `^<expr>:1:\d+: expression too long`, maxTime: 10 * time.Second, maxMem: 1 << 30},
		// Neighbours: depth.
		{name: "deep brackets", srcs: oneF(func() string { return hAgreement("  term t = " + nested("(", "1", ")", depth)) }),
			want: pos + ".*nested too deeply", maxTime: 5 * time.Second, maxMem: 512 * mib},
		{name: "deep lists", srcs: oneF(func() string { return hAgreement("  term t = " + nested("[", "1", "]", depth)) }),
			want: pos + ".*nested too deeply", maxTime: 5 * time.Second, maxMem: 512 * mib},
		{name: "deep minus", srcs: oneF(func() string { return hAgreement("  term t = " + strings.Repeat("-", depth) + "1") }),
			want: pos + ".*(nested too deeply|too deep|too long)", maxTime: 5 * time.Second, maxMem: 512 * mib},
		{name: "deep not", srcs: oneF(func() string { return hAgreement("  term t = " + strings.Repeat("not ", depth) + "true") }),
			want: pos + ".*(nested too deeply|too deep|too long)", maxTime: 5 * time.Second, maxMem: 512 * mib},
		{name: "deep if", srcs: oneF(func() string {
			return hAgreement("  term t = " + strings.Repeat("if true then 1 else ", depth/2) + "2")
		}), want: pos + ".*(nested too deeply|too deep|too long)", maxTime: 5 * time.Second, maxMem: 512 * mib},
		{name: "deep calls", srcs: oneF(func() string { return hAgreement("  term t = " + nested("abs(", "1", ")", depth)) }),
			want: pos + ".*(nested too deeply|too deep|too long)", maxTime: 5 * time.Second, maxMem: 512 * mib},
		{name: "deep list type", srcs: oneF(func() string {
			return hAgreement("  term t(x " + strings.Repeat("list of ", depth) + "integer) = 1")
		}), want: pos + ".*(nested too deeply|too deep|too long)", maxTime: 5 * time.Second, maxMem: 512 * mib},

		// ---- 2. many clauses ----
		// A chain of clauses, each notwithstanding the one before: the
		// last decides. 40,000 such clauses (9 tokens each) are about the
		// most one file may hold (900,000 tokens).
		{name: "2,000 clauses in a precedence chain, one decision", srcs: oneF(func() string { return clauseChain(2_000) }),
			prep: prepSale(saleSpec), ask: timedDecide(time.Second, "prohibited"), maxTime: 20 * time.Second, maxMem: 1 << 30},
		{name: "40,000 clauses in a precedence chain, one decision", srcs: oneF(func() string { return clauseChain(40_000) }),
			prep: prepSale(saleSpec), ask: timedDecide(2*time.Second, "prohibited"), maxTime: 120 * time.Second, maxMem: 4 << 30, slow: true},
		// Every clause applies and says the same.
		{name: "4,000 applicable clauses, one decision", srcs: oneF(func() string { return applicable(4_000) }),
			prep: prepSale(saleSpec), ask: timedDecide(time.Second, "permitted"), maxTime: 20 * time.Second, maxMem: 1 << 30},
		{name: "16k applicable clauses, one decision", srcs: oneF(func() string { return applicable(16_000) }),
			prep: prepSale(saleSpec), ask: timedDecide(2*time.Second, "permitted"), maxTime: 60 * time.Second, maxMem: 2 << 30, slow: true},
		{name: "99,990 applicable clauses, one decision", srcs: oneF(func() string { return applicable(99_990) }),
			prep: prepSale(saleSpec), ask: timedDecide(5*time.Second, "permitted"), maxTime: 300 * time.Second, maxMem: 8 << 30, slow: true},
		// A precedence cycle through 5,000 clauses: a check error whose
		// message stays short (it names a few clauses of the cycle, not all).
		{name: "a precedence cycle through 5,000 clauses", srcs: oneF(func() string {
			return hAgreement(manyItems(5_000, func(k int) string {
				return fmt.Sprintf("clause %d \"T\" notwithstanding %d a may sell", k, k%5_000+1)
			}))
		}), want: pos + "precedence cycle", also: short(1000), maxTime: 10 * time.Second, maxMem: 512 * mib},
		{name: "100,001 declarations", srcs: oneF(func() string {
			return hAgreement(manyItems(100_001, func(k int) string { return fmt.Sprintf("term t%d = 1", k) }))
		}), want: pos + ".*too many declarations in one file: more than 100,000", maxTime: 10 * time.Second, maxMem: 1 << 30},

		// ---- 3. step budget and cancellation ----
		{name: "in over a big list, 2^40 calls", srcs: oneF(func() string { return hAgreement(costlyChains()) }),
			ask: evalQ("in40(-1)"), want: `step budget exceeded`, also: isErr(interp.ErrBudget), maxTime: 5 * time.Second, maxMem: 512 * mib},
		{name: "text doubling, 2^40 calls", srcs: oneF(func() string { return hAgreement(costlyChains()) }),
			ask: evalQ("text40(-1)"), want: `^h\.pacta:\d+:\d+: .*step budget exceeded`, also: isErr(interp.ErrBudget), maxTime: 5 * time.Second, maxMem: 512 * mib},
		{name: "decide through a costly condition", srcs: oneF(func() string {
			return hAgreement(costlyChains(), "  clause 1 \"T\" a must not sell where in40(n)")
		}), prep: prepSale(saleSpec), ask: decideQ, want: `h\.pacta:\d+:\d+: .*step budget exceeded`, also: isErr(interp.ErrBudget), maxTime: 5 * time.Second, maxMem: 512 * mib},
		{name: "settle through a costly share", srcs: oneF(func() string {
			return hAgreement(costlyChains(), "  term f(x integer) = if in40(x) then 1% else 2%", "  clause 1 \"T\" a pays b f(n) of amount of each sell by a")
		}), prep: prepSale(saleSpec), ask: settleOneQ, want: `h\.pacta:\d+:\d+: .*step budget exceeded`, also: isErr(interp.ErrBudget), maxTime: 5 * time.Second, maxMem: 512 * mib},
		// The budget error says where the work was: in a builtin it does
		// (text doubling above: "h.pacta:52:27: length: step budget
		// exceeded"); for `in` it must too. With a budget of 3 steps,
		// `0 in big` over 10 elements runs out at the `in`.
		{name: "in: the budget error is positioned", srcs: one(hAgreement("  term big = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]")),
			opts: []interp.Option{interp.WithStepBudget(3)}, ask: evalQ("0 in big"),
			want: `^<expr>:1:\d+: .*step budget exceeded`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "in within a term: the budget error is positioned", srcs: one(hAgreement("  term big = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", "  term f(x integer) = x in big")),
			opts: []interp.Option{interp.WithStepBudget(3)}, ask: evalQ("f(0)"),
			want: `^(<expr>|h\.pacta):\d+:\d+: .*step budget exceeded`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "cancelled: Eval", srcs: one(hAgreement()), ask: cancelled(evalQ("1 + 1")),
			want: `cancelled`, also: isErr(context.Canceled), maxTime: time.Second, maxMem: 16 * mib},
		{name: "cancelled: Decide", srcs: one(hAgreement("  clause 1 \"T\" a may sell")), prep: prepSale(saleSpec), ask: cancelled(decideQ),
			want: `cancelled`, also: isErr(context.Canceled), maxTime: time.Second, maxMem: 16 * mib},
		{name: "cancelled: Settle", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")), prep: prepSale(saleSpec), ask: cancelled(settleOneQ),
			want: `cancelled`, also: isErr(context.Canceled), maxTime: time.Second, maxMem: 16 * mib},
		{name: "cancel latency", srcs: oneF(func() string { return hAgreement(costlyChains()) }), opts: []interp.Option{interp.WithStepBudget(1 << 62)},
			ask: cancelLatency, maxTime: 20 * time.Second, maxMem: 512 * mib},
		// Neighbours: a long text literal is fine; "ab" × 250,000 is
		// 500,000 characters, and length reads 500,000 bytes (1 +
		// 500,000 steps, under the default 1,000,000).
		{name: "long text literal", srcs: oneF(func() string {
			return hAgreement(`  term long = "` + strings.Repeat("ab", 250_000) + `"`)
		}), ask: evalIs("length(long)", "500000"), maxTime: 5 * time.Second, maxMem: 256 * mib},
		// 3,000,000 bytes read: over the budget.
		{name: "longer text literal over the budget", srcs: oneF(func() string {
			return hAgreement(`  term long = "` + strings.Repeat("abc", 1_000_000) + `"`)
		}), ask: evalQ("length(long)"), want: `step budget exceeded`, maxTime: 5 * time.Second, maxMem: 256 * mib},

		// ---- 4. sizes ----
		{name: "source over 4 MiB", srcs: oneF(func() string { return "// " + strings.Repeat("x", 5*mib) + "\n" }),
			want: `^h\.pacta: the file is larger than 4 MiB`, maxTime: 5 * time.Second, maxMem: 64 * mib},
		{name: "CSV: one 20 MB line", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string { return csvLedger("sell,a,2024-01-01," + strings.Repeat("9", 20*mib)) }),
			ask:  settleCSV(interp.SettleOptions{}), want: `^l\.csv:2: the row is longer than 1 MiB`, also: short(300), maxTime: 5 * time.Second, maxMem: 64 * mib},
		{name: "CSV: one 20 MB quoted field", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string {
				return csvLedger(`sell,a,2024-01-01,USD 1.00,1,"` + strings.Repeat("x", 20*mib) + `",`)
			}),
			ask: settleCSV(interp.SettleOptions{}), want: `^l\.csv:2: the row is longer than 1 MiB`, also: short(300), maxTime: 5 * time.Second, maxMem: 64 * mib},
		{name: "CSV: a quoted field that never closes", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string { return csvLedger(`sell,a,2024-01-01,USD 1.00,1,"` + strings.Repeat("x,\n", 7*mib)) }),
			ask:  settleCSV(interp.SettleOptions{}), want: `^l\.csv:2: the row is longer than 1 MiB`, also: short(300), maxTime: 5 * time.Second, maxMem: 64 * mib},
		{name: "CSV: a 900 KB field is read, not echoed", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string { return csvLedger("sell,a,2024-01-01,USD " + strings.Repeat("9", 900*kib) + ",1,x,") }),
			ask:  settleCSV(interp.SettleOptions{}), want: `^l\.csv:2: field "amount"`, also: short(300), maxTime: 5 * time.Second, maxMem: 128 * mib},
		{name: "JSON Lines: one 20 MB line", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string {
				return `{"action":"sell","actor":"a","date":"2024-01-01","amount":"USD 1.00","n":1,"note":"` + strings.Repeat("x", 20*mib) + "\"}\n"
			}),
			ask: settleJSONL, want: `^l\.jsonl:1: the line is longer than 1 MiB`, also: short(300), maxTime: 5 * time.Second, maxMem: 64 * mib},

		// JSON nested 20,000 deep (encoding/json stops at 10,000).
		{name: "JSON Lines: a value nested 20,000 deep", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string { return deepJSON + "\n" }),
			ask:  settleJSONL, want: `^l\.jsonl:1: field "note": `, also: short(300), maxTime: 2 * time.Second, maxMem: 64 * mib},
		{name: "ParseActionJSON: a value nested 20,000 deep", srcs: one(hAgreement()),
			ask: func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
				_, err := p.ParseActionJSON([]byte(deepJSON))
				return err
			}, want: `note`, also: notGoJSON, maxTime: 2 * time.Second, maxMem: 64 * mib},

		// ---- 5. a million items ----
		{name: "a million terms", srcs: oneF(func() string {
			return hAgreement(manyItems(1_000_000, func(k int) string { return "term t" + fmt.Sprint(k) + " = 1" }))
		}), opts: []interp.Option{interp.WithMaxSourceBytes(64 * mib)},
			want: pos + ".*(too many declarations|the file is too long)", maxTime: 15 * time.Second, maxMem: 1 << 30},
		{name: "a million list elements", srcs: oneF(func() string {
			return hAgreement("  term l = [" + strings.Repeat("1,", 1_000_000) + "1]")
		}), want: pos + ".*(the file is too long|too many|more than 10,000)", maxTime: 15 * time.Second, maxMem: 1 << 30},
		{name: "a million kind members", srcs: oneF(func() string {
			return hAgreement("  kind K = " + chain("m0", "|", "m", 1_000_000))
		}), opts: []interp.Option{interp.WithMaxSourceBytes(64 * mib)},
			want: pos + ".*(kind K has too many members|the file is too long)", maxTime: 15 * time.Second, maxMem: 1 << 30},
		{name: "10,001 kind members", srcs: oneF(func() string {
			var ms []string
			for i := 0; i <= 10_000; i++ {
				ms = append(ms, fmt.Sprintf("m%d", i))
			}
			return hAgreement("  kind K = " + strings.Join(ms, " | "))
		}), want: pos + ".*kind K has too many members: more than 10,000", maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "10,001 list elements", srcs: oneF(func() string {
			return hAgreement("  term l = [" + strings.Repeat("1, ", 10_000) + "1]")
		}), want: pos + ".*10,?000", maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "10,001 call arguments", srcs: oneF(func() string {
			return hAgreement("  term m = max(" + strings.Repeat("1, ", 10_000) + "1)")
		}), want: pos + ".*10,?000", maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "10,001 installments", srcs: one(hAgreement("  clause 1 \"T\" a pays b USD 100.00 in 10001 equal monthly installments from 2020-01-01")),
			want: pos + ".*10,?000", maxTime: 5 * time.Second, maxMem: 64 * mib},
		// 10,000 yearly installments from 2020 would run to 12019: the
		// schedule stops at the calendar's end, or says why, in bounded time.
		{name: "installments past the calendar", srcs: one(hAgreement("  clause 1 \"T\" a pays b USD 100.00 in 10000 equal yearly installments from 2020-01-01")),
			ask: func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
				_, err := p.Settle(ctx, events(nil), interp.SettleOptions{To: types.MaxDate()})
				return err
			}, want: `h\.pacta:\d+:\d+: .*(9999-12-31|calendar)`, maySucceed: true, maxTime: 10 * time.Second, maxMem: 256 * mib},
		{name: "many tiers", srcs: oneF(func() string {
			var b strings.Builder
			b.WriteString("  clause 1 \"T\" a pays b marginal tiers {\n")
			for i := 1; i <= 10_000; i++ {
				fmt.Fprintf(&b, "    1%% up to USD %d.00\n", i*10)
			}
			b.WriteString("    2% above\n  } of amount of each sell by a\n    settled quarterly")
			return hAgreement(b.String())
		}), prep: prepSale("actor=a date=2024-01-01 amount=99999.00 n=1 note=x"), ask: settleOneQ,
			maxTime: 20 * time.Second, maxMem: 1 << 30},
		// A floor per month from 0001 to 9999: about 120,000 months to
		// true up. The settlement must end, or stop with an error in
		// words, in bounded time.
		{name: "a floor per month across 9999 years", srcs: one(strings.Replace(hAgreement(
			"  clause 1 \"T\" a pays b 1% of amount of each sell by a\n    settled monthly\n    minimum guarantee USD 1.00 per month"),
			"effective 2020-01-01", "effective 0001-01-01\n  ends 9999-12-31", 1)),
			// The row that makes the floor fill about 120,000 empty months
			// is named, with the clause: the limit is 100,000 (SPEC 13).
			prep: prepSale("actor=a date=9999-12-01 amount=10.00 n=1 note=x"), ask: settleOneQ,
			want: `^ledger:1: clause 1: more than 100000 empty periods to settle at the floor$`, maySucceed: true, maxTime: 60 * time.Second, maxMem: 2 << 30, slow: true},

		// A floor per month from 2020 with no end: settling up to 2400-12-31
		// is 381 × 12 = 4,572 monthly lines, and up to 9000-12-31 about
		// 84,000, in bounded time and memory.
		{name: "a floor per month to 2400-12-31", srcs: one(floorMonthly),
			prep: ledgerIn(func() string { return csvLedger("sell,a,2020-01-05,USD 1.00,1,x,") }),
			ask:  settleCSV(interp.SettleOptions{To: mustParseDate("2400-12-31")}), maxTime: 10 * time.Second, maxMem: 256 * mib},
		{name: "a floor per month to 9000-12-31", srcs: one(floorMonthly),
			prep: ledgerIn(func() string { return csvLedger("sell,a,2020-01-05,USD 1.00,1,x,") }),
			ask:  settleCSV(interp.SettleOptions{To: mustParseDate("9000-12-31")}), maxTime: 60 * time.Second, maxMem: 2 << 30, slow: true},
		// The long-span error that used to repeat its clause ("clause 5.1:
		// clause 5.1:"): named once (checked for every case).
		{name: "a floor per month to 9999-12-31, no rows", srcs: one(floorMonthly),
			ask: func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
				_, err := p.Settle(ctx, events(nil), interp.SettleOptions{To: types.MaxDate()})
				return err
			},
			want:    `^h\.pacta:\d+:\d+: clause 5\.1: the due date, 9999-12-31 \+ 30 days, is after 9999-12-31$`,
			maxTime: 30 * time.Second, maxMem: 1 << 30},
		// Up to 9999-12-31, the last month's due date is past the calendar:
		// the clause is named once, and the 2020 row is not to blame.
		{name: "a floor per month to 9999-12-31", srcs: one(floorMonthly),
			prep: ledgerIn(func() string { return csvLedger("sell,a,2020-01-05,USD 1.00,1,x,") }),
			ask:  settleCSV(interp.SettleOptions{To: types.MaxDate()}),
			want: `h\.pacta:\d+:\d+: clause 5\.1: the due date, 9999-12-31 \+ 30 days, is after 9999-12-31`, also: notEchoed("2020-01-05 is too late"),
			maxTime: 30 * time.Second, maxMem: 1 << 30},

		// ---- 6. edges ----
		{name: "61-digit decimal", srcs: one(hAgreement("  term t = 0." + strings.Repeat("0", 59) + "1")),
			want: pos + ".*has 61 digits", maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "123-digit literal", srcs: one(hAgreement("  term t = " + strings.Repeat("7", 123))),
			want: pos + `.*has 123 digits; at most 60`, also: notEchoed(strings.Repeat("7", 30)), maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "123-digit money", srcs: one(hAgreement("  term t = USD " + strings.Repeat("7", 120) + ".00")),
			want: pos + `.*has 122 digits; at most 60`, also: notEchoed(strings.Repeat("7", 30)), maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "payment on 9999-12-31: an unrelated eval works",
			srcs: one(hAgreement("  clause 1 \"T\" a pays b USD 1.00 on 9999-12-31\n    due within 30 days")),
			ask:  evalIs("1 + 1", "2"), maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "payment on 9999-12-31: the settlement reaching it",
			srcs: one(hAgreement("  clause 1 \"T\" a pays b USD 1.00 on 9999-12-31\n    due within 30 days")),
			ask: func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
				_, err := p.Settle(ctx, events(nil), interp.SettleOptions{To: types.MaxDate()})
				return err
			}, want: `h\.pacta:\d+:\d+.*9999-12-31`, maxTime: 2 * time.Second, maxMem: 64 * mib},
		{name: "payment on 9999-12-31: a settlement before it works",
			srcs: one(hAgreement("  clause 1 \"T\" a pays b USD 1.00 on 9999-12-31\n    due within 30 days")),
			ask: func(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
				to, _ := types.ParseDate("2024-12-31")
				_, err := p.Settle(ctx, events(nil), interp.SettleOptions{To: to})
				return err
			}, maxTime: 2 * time.Second, maxMem: 64 * mib},
		{name: "ledger row dated 9999-12-31", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a\n    settled quarterly\n    due 45 days after period end")),
			prep: ledgerIn(func() string { return csvLedger("sell,a,2024-01-01,USD 1.00,1,x,", "sell,a,9999-12-31,USD 1.00,1,x,") }),
			ask:  settleCSV(interp.SettleOptions{}), want: `l\.csv:3`, maxTime: 2 * time.Second, maxMem: 64 * mib},
		{name: "ledger row before the agreement", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string { return csvLedger("sell,a,2019-01-01,USD 1.00,1,x,") }),
			ask: func(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
				st, err := p.Settle(ctx, p.ReadCSV("", "l.csv", strings.NewReader(in.(string))), interp.SettleOptions{})
				if err == nil && st.To.Before(st.From) {
					t.Errorf("the statement runs from %s to %s", st.From, st.To)
				}
				return err
			}, maxTime: 2 * time.Second, maxMem: 64 * mib},
		// 0 − 9,223,372,036,854,775,807 − 1 = −9,223,372,036,854,775,808;
		// its absolute value and 9,223,372,036,854,775,807 + 1 are both
		// 9,223,372,036,854,775,808, one past int64: one rule for both.
		{name: "abs of the least int64", srcs: one(hAgreement()), ask: evalIs("abs(0 - 9223372036854775807 - 1)", "9223372036854775808"),
			maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "int64 max + 1", srcs: one(hAgreement()), ask: evalIs("9223372036854775807 + 1", "9223372036854775808"),
			maxTime: 2 * time.Second, maxMem: 16 * mib},
		// With a July fiscal start, FY10000 runs from 9999-07-01 to
		// 10000-06-30 and FY0001 from 0000-07-01 to 0001-06-30: their ends
		// are outside the calendar, which `9999-12-31 + 1 day` reports as
		// out of range.
		{name: "end of a fiscal year past the calendar", srcs: one(strings.Replace(hAgreement(), "currency USD", "currency USD\n  fiscal year starts July", 1)),
			ask: evalQ("end_of(fiscal_year_of(9999-12-31))"), want: `^<expr>:1:\d+: .*out of range`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "start of a fiscal year before the calendar", srcs: one(strings.Replace(hAgreement(), "currency USD", "currency USD\n  fiscal year starts July", 1)),
			ask: evalQ("start_of(fiscal_year_of(0001-01-01))"), want: `^<expr>:1:\d+: .*out of range`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		// The calendar's edges, one day past them.
		{name: "a day past 9999-12-31", srcs: one(hAgreement()), ask: evalQ("9999-12-31 + 1 day"),
			want: `^<expr>:1:\d+: date 9999-12-31 \+ 1 day is out of range`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "a day before 0001-01-01", srcs: one(hAgreement()), ask: evalQ("0001-01-01 - 1 day"),
			want: `^<expr>:1:\d+: date 0001-01-01 - 1 day is out of range`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "add_days by the largest integer", srcs: one(hAgreement()), ask: evalQ("add_days(9999-12-31, 9223372036854775807)"),
			want: `^<expr>:1:\d+: .*out of range`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		// (2^63 − 1)^4 is about 8.5 × 10^75, 76 digits: past the 60 significant digits.
		{name: "past 60 digits at run time", srcs: one(hAgreement()), ask: evalQ(chain("9223372036854775807", "*", "9223372036854775807", 4)),
			want: `^<expr>:1:\d+: .*(out of range|more than 60 digits)`, maxTime: 2 * time.Second, maxMem: 16 * mib},

		// Names a megabyte long: the message quotes a short prefix, as it
		// does for literals ("has 123 digits" above).
		{name: "unknown name of 1 MB", srcs: one(hAgreement("  term t = " + strings.Repeat("y", mib))),
			want: pos + "unknown name", also: short(300), maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "unknown party of 1 MB", srcs: one(hAgreement("  clause 1 \"T\" " + strings.Repeat("z", mib) + " may sell")),
			want: pos + "unknown party", also: short(300), maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "no field of 1 MB", srcs: one(hAgreement("  term t(s sell) = s." + strings.Repeat("q", mib))),
			want: pos + "sell has no field", also: short(300), maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "duplicate name of 500 KB", srcs: one(hAgreement("  term "+strings.Repeat("y", 500*kib)+" = 1", "  term "+strings.Repeat("y", 500*kib)+" = 2")),
			want: pos, also: short(300), maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "unknown currency of 100 KB", srcs: one(strings.Replace(hAgreement(), "currency USD", "currency "+strings.Repeat("U", 100*kib), 1)),
			want: pos + "unknown currency", also: short(300), maxTime: 5 * time.Second, maxMem: 256 * mib},

		// A near miss of a long name: the "did you mean" search must not be
		// quadratic in the name's length (10,000 characters took 1.2 s,
		// 100,000 over a minute).
		{name: "a near miss of a 30,000-character name", srcs: one(hAgreement("  term "+strings.Repeat("y", 30_000)+" = 1", "  term t = "+strings.Repeat("y", 30_000)+"z")),
			want: pos + "unknown name", maxTime: 2 * time.Second, maxMem: 256 * mib},
		{name: "a ledger action near a 30,000-character action name", srcs: one(hAgreement("  action " + strings.Repeat("s", 30_000) + " { note text }")),
			prep: ledgerIn(func() string { return csvLedger(strings.Repeat("s", 30_000) + "x,a,2024-01-01,,,x,") }),
			ask:  settleCSV(interp.SettleOptions{}), want: `^l\.csv:2: field "action": unknown action`, also: short(300), maxTime: 2 * time.Second, maxMem: 256 * mib},

		// Many errors at once: each costs about the same, whatever their
		// number (no error rescans the file or every name).
		{name: "2,000 duplicate terms", srcs: oneF(func() string { return hAgreement(strings.Repeat("  term t = 1\n", 2_000)) }),
			want: pos + `"t" is already declared as a term at line 9 \(and 1998 more errors\)$`, maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "10,000 duplicate terms", srcs: oneF(func() string { return hAgreement(strings.Repeat("  term t = 1\n", 10_000)) }),
			want: pos + `"t" is already declared as a term at line 9 \(and 9998 more errors\)$`, maxTime: 10 * time.Second, maxMem: 512 * mib, slow: true},
		{name: "2,000 unknown names", srcs: oneF(func() string {
			return hAgreement(manyItems(2_000, func(k int) string { return fmt.Sprintf("term t%d = q", k) }))
		}), want: pos + `unknown name "q" \(and 1999 more errors\)$`, maxTime: 5 * time.Second, maxMem: 256 * mib},
		{name: "10,000 unknown names", srcs: oneF(func() string {
			return hAgreement(manyItems(10_000, func(k int) string { return fmt.Sprintf("term t%d = q", k) }))
		}), want: pos + `unknown name "q" \(and 9999 more errors\)$`, maxTime: 10 * time.Second, maxMem: 512 * mib, slow: true},

		// ---- 8. wording ----
		{name: "negative split share", srcs: one(hAgreement("  clause 1 \"T\" a pays split {\n    b -10%\n    remainder to c\n  } USD 100.00 on 2020-02-01")),
			want: pos + ".*(above zero|more than zero|negative)", maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "amendment amends itself", srcs: one(hAgreement() + "amendment m \"M\" amends m {\n  effective 2021-01-01\n}\n"),
			want: pos + `.*cannot amend itself`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "money times money", srcs: one(hAgreement()), ask: evalQ("USD 1.00 * USD 2.00"),
			want: `^<expr>:1:\d+: .*money`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "JSON integer too large", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string {
				return `{"action":"sell","actor":"a","date":"2024-01-01","amount":"USD 1.00","n":` + strings.Repeat("9", 80) + `,"note":"x"}` + "\n"
			}),
			ask: settleJSONL, want: `^l\.jsonl:1: field "n": .*too large`, also: short(300), maxTime: 2 * time.Second, maxMem: 16 * mib},
		// 1e2 is a JSON number and a whole number (100): refused or read,
		// it is not "not a whole number"; 1e999999999 is too large.
		{name: "JSON integer with an exponent", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string {
				return `{"action":"sell","actor":"a","date":"2024-01-01","amount":"USD 1.00","n":1e2,"note":"x"}` + "\n"
			}),
			ask: settleJSONL, want: `^l\.jsonl:1: field "n": `, maySucceed: true, also: notSaying("is not a whole number"), maxTime: 2 * time.Second, maxMem: 16 * mib},
		// SPEC 7.6: exponents are refused, on both JSON paths (flat, escaped).
		{name: "JSON integer with an exponent, the message", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string {
				return `{"action":"sell","actor":"a","date":"2024-01-01","amount":"USD 1.00","n":1e2,"note":"x"}` + "\n"
			}),
			ask: settleJSONL, want: `^l\.jsonl:1: field "n": "1e2" has an exponent: write the number without an exponent`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "JSON integer with a huge exponent", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string {
				return `{"action":"sell","actor":"a","date":"2024-01-01","amount":"USD 1.00","n":1e999999999,"note":"x"}` + "\n"
			}),
			ask: settleJSONL, want: `^l\.jsonl:1: field "n": "1e999999999" has an exponent`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "JSON integer with an exponent, escaped line", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string {
				return `{"action":"sell","actor":"a","date":"2024-01-01","amount":"USD 1.00","n":1e2,"note":"\\u0078"}` + "\n"
			}),
			ask: settleJSONL, want: `^l\.jsonl:1: field "n": "1e2" has an exponent`, maxTime: 2 * time.Second, maxMem: 16 * mib},
		{name: "CSV integer too large", srcs: one(hAgreement("  clause 1 \"T\" a pays b 1% of amount of each sell by a")),
			prep: ledgerIn(func() string { return csvLedger("sell,a,2024-01-01,USD 1.00," + strings.Repeat("9", 80) + ",x,") }),
			ask:  settleCSV(interp.SettleOptions{}), want: `^l\.csv:2: field "n": .*too large`, also: short(300), maxTime: 2 * time.Second, maxMem: 16 * mib},
	}

	// ---- 7. invalid UTF-8, NUL and a right-to-left override ----
	for _, bad := range []struct{ name, s string }{{"invalid UTF-8", badUTF8}, {"NUL", nul}, {"U+202E", rlo}} {
		for _, place := range []struct{ name, src string }{
			{"string literal", hAgreement(`  term t = "ab` + bad.s + `cd"`)},
			{"title", strings.Replace(hAgreement(), `"Hostile"`, `"Host`+bad.s+`ile"`, 1)},
			{"prose", hAgreement("  clause 1 \"T\"\n    \"Prose " + bad.s + " here.\"\n    a may sell")},
			{"comment", hAgreement("  // a comment " + bad.s + " here")},
			{"identifier", hAgreement("  term t" + bad.s + "x = 1")},
		} {
			cases = append(cases, hostileCase{name: bad.name + " in a " + place.name, srcs: one(place.src),
				want: pos, also: cleanText, maxTime: 2 * time.Second, maxMem: 16 * mib})
		}
	}
	// A Cyrillic а (U+0430) where a Latin a is meant: not the party a.
	cases = append(cases, hostileCase{name: "confusable identifier", srcs: one(hAgreement("  clause 1 \"T\" \u0430 may sell")),
		want: pos, also: cleanText, maxTime: 2 * time.Second, maxMem: 16 * mib})
	return cases
}

// clauseChain is an agreement of n clauses about sales by a, each
// notwithstanding the one before, alternately permitting and prohibiting:
// the last one decides.
func clauseChain(n int) string {
	return hAgreement(manyItems(n, func(k int) string {
		m := "may"
		if k%2 == 0 {
			m = "must not"
		}
		if k == 1 {
			return fmt.Sprintf("clause %d \"T\" a %s sell", k, m)
		}
		return fmt.Sprintf("clause %d \"T\" notwithstanding %d a %s sell", k, k-1, m)
	}))
}

// floorMonthly is a share with a monthly floor and no end date.
var floorMonthly = hAgreement("  clause 5.1 \"Floor\" a pays b 1% of amount of each sell by a\n    settled monthly\n    due 30 days after period end\n    minimum guarantee USD 1.00 per month")

func mustParseDate(s string) types.Date {
	d, err := types.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// applicable is an agreement of n clauses that all permit every sale by
// a.
func applicable(n int) string {
	return hAgreement(manyItems(n, func(k int) string { return fmt.Sprintf("clause %d \"T\" a may sell", k) }))
}

// timedDecide decides the action within limit, and wants the verdict
// want ("" for any).
func timedDecide(limit time.Duration, want string) func(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
	return func(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
		start := time.Now()
		d, err := p.Decide(ctx, in.(*types.Record), interp.DecideOptions{})
		took := time.Since(start)
		t.Logf("one decision took %v", took)
		if took > limit {
			t.Errorf("one decision took %v, want under %v", took, limit)
		}
		if err == nil && want != "" && d.Effect.String() != want {
			t.Errorf("the decision is %v (%v), want %s", d.Verdict, d.Effect, want)
		}
		return err
	}
}

// cancelled asks q with a context already cancelled.
func cancelled(q func(ctx context.Context, t *testing.T, p *interp.Program, in any) error) func(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
	return func(ctx context.Context, t *testing.T, p *interp.Program, in any) error {
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		return q(ctx, t, p, in)
	}
}

// cancelLatency cancels costly questions after 20 ms and measures how
// long they take to return. SPEC 13 asks for a millisecond or so; the
// assertion is a generous 100 ms for a loaded machine, and the worst
// measured is logged.
func cancelLatency(ctx context.Context, t *testing.T, p *interp.Program, _ any) error {
	var worst time.Duration
	for _, expr := range []string{"in40(-1)", "text40(-1)"} {
		for range 3 {
			cctx, cancel := context.WithCancel(ctx)
			var at time.Time
			timer := time.AfterFunc(20*time.Millisecond, func() { at = time.Now(); cancel() })
			_, err := p.Eval(cctx, "", expr, interp.EvalOptions{})
			end := time.Now()
			timer.Stop()
			cancel()
			if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "cancelled") {
				t.Errorf("%s cancelled: %v", expr, err)
				continue
			}
			worst = max(worst, end.Sub(at))
		}
	}
	t.Logf("cancellation latency: worst of 6 is %v", worst)
	if worst > slackTime(100*time.Millisecond) {
		t.Errorf("cancellation took %v, want under 100ms", worst)
	}
	return nil
}

// deepJSON is a sale whose note is a list nested 20,000 deep.
var deepJSON = `{"action":"sell","actor":"a","date":"2024-01-01","amount":"USD 1.00","n":1,"note":` +
	strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000) + "}"

// notGoJSON wants no wording of encoding/json.
func notGoJSON(t *testing.T, err error) {
	if m := regexp.MustCompile(`invalid character|exceeded max depth|looking for beginning`).FindString(err.Error()); m != "" {
		t.Errorf("the message has encoding/json's words (%q): %.300s", m, err)
	}
}

// notSaying wants the error not to say s.
func notSaying(s string) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		if strings.Contains(err.Error(), s) {
			t.Errorf("the message says %q: %.300s", s, err)
		}
	}
}

// notEchoed wants the error not to hold s.
func notEchoed(s string) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		if strings.Contains(err.Error(), s) {
			t.Errorf("the message echoes the value: %.300q", err.Error())
		}
	}
}

// cleanText wants the message to be valid UTF-8 without NUL or bidi
// controls: what it quotes is shown safely.
func cleanText(t *testing.T, err error) {
	msg := err.Error()
	if !utf8.ValidString(msg) || strings.ContainsAny(msg, nul+rlo+"\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069") {
		t.Errorf("the message shows raw control, bidi or invalid characters: %q", msg)
	}
}

func slowEnabled() bool { return os.Getenv("PACTA_SLOW") == "1" }

// measure runs f and returns how long it took and how many bytes it
// allocated.
func measure(f func()) (time.Duration, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	return took, after.TotalAlloc - before.TotalAlloc
}

// checkHostileErr checks what every hostile error must be: matching
// want, in Pacta's words, a clause named once.
func checkHostileErr(t *testing.T, want string, err error) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Errorf("want success, got %v", err)
		}
		return
	}
	if err == nil {
		t.Errorf("no error, want one matching %q", want)
		return
	}
	msg := err.Error()
	if !regexp.MustCompile(want).MatchString(msg) {
		t.Errorf("the error does not match %q:\n%.600s", want, msg)
	}
	for _, w := range hostileInternals {
		if strings.Contains(msg, w) {
			t.Errorf("the error shows internals (%q): %.600s", w, msg)
		}
	}
	if m := regexp.MustCompile(`clause ([0-9.]+): clause ([0-9.]+):`).FindStringSubmatch(msg); m != nil && m[1] == m[2] {
		t.Errorf("the error names clause %s twice: %.600s", m[1], msg)
	}
}

func TestHostileAPI(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.knownBug != "" && os.Getenv("HOSTILE_BUGS") == "" {
				t.Skip("known bug: " + c.knownBug)
			}
			if c.slow && !slowEnabled() {
				t.Skip("slow: set PACTA_SLOW=1")
			}
			texts := c.srcs()
			srcs := make([]interp.Source, len(texts))
			for i, s := range texts {
				name := "h.pacta"
				if i > 0 {
					name = fmt.Sprintf("h%d.pacta", i+1)
				}
				srcs[i] = interp.Source{Name: name, Text: []byte(s)}
			}
			opts := c.opts
			var err error
			var took time.Duration
			var mem uint64
			if c.ask == nil {
				took, mem = measure(func() {
					defer noPanicHere(t)
					_, err = interp.Compile(srcs, opts...)
				})
			} else {
				var p *interp.Program
				var cerr error
				ctook, cmem := measure(func() { p, cerr = interp.Compile(srcs, opts...) })
				if cerr != nil {
					t.Fatalf("the agreement does not compile: %.600v", cerr)
				}
				t.Logf("compiled in %v, %.1f MiB allocated", ctook.Round(time.Millisecond), float64(cmem)/mib)
				if ctook > slackTime(c.maxTime) || cmem > c.maxMem {
					t.Errorf("compiling took %v and allocated %.1f MiB, want under %v and %.1f MiB", ctook, float64(cmem)/mib, c.maxTime, float64(c.maxMem)/mib)
				}
				var in any
				if c.prep != nil {
					in = c.prep(t, p)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 2*c.maxTime)
				defer cancel()
				took, mem = measure(func() {
					defer noPanicHere(t)
					err = c.ask(ctx, t, p, in)
				})
			}
			t.Logf("%v, %.1f MiB allocated; error: %.200v", took.Round(time.Millisecond), float64(mem)/mib, err)
			if !(c.maySucceed && err == nil) {
				checkHostileErr(t, c.want, err)
			}
			if err != nil && c.also != nil {
				c.also(t, err)
			}
			if took > slackTime(c.maxTime) {
				t.Errorf("took %v, want under %v", took, slackTime(c.maxTime))
			}
			if mem > c.maxMem {
				t.Errorf("allocated %.1f MiB, want under %.1f MiB", float64(mem)/mib, float64(c.maxMem)/mib)
			}
		})
	}
}

func noPanicHere(t *testing.T) {
	if r := recover(); r != nil {
		t.Errorf("panic: %v", r)
	}
}

// slackTime widens a time bound by PACTA_TIME_SLACK (default 4): the bounds
// catch hangs and blow-ups, which are orders of magnitude off, and the
// tests share a loaded machine with every other package's; set
// PACTA_TIME_SLACK=1 to hold the bounds as written.
func slackTime(d time.Duration) time.Duration {
	k := 4
	if v, err := strconv.Atoi(os.Getenv("PACTA_TIME_SLACK")); err == nil && v >= 1 {
		k = v
	}
	return time.Duration(k) * d
}
