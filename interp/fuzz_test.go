package interp_test

// FuzzEvaluate runs arbitrary source through parse, check, compile and
// every kind of question, with a small step budget and a deadline: nothing
// may panic or hang. The hostile cases are asserted in normal tests below.
//
//	go test ./interp -run '^$' -fuzz FuzzEvaluate -fuzztime 5m

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// fuzzSeeds are the agreements of these tests, the example deal and the
// hostile agreements of testdata/hostile.
func fuzzSeeds(t testing.TB) []string {
	seeds := []string{precSrc, amendSrc, calcSrc, sharesSrc, tiersSrc, limitsSrc, payeesSrc, considSrc, lateSrc, breachSrc, invoiceSrc, chooseSrc}
	for _, pat := range []string{"../examples/openai-microsoft-aws/*.pacta", "testdata/hostile/*.pacta"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, string(b))
		}
	}
	ex, _ := os.ReadFile("../examples/openai-microsoft-aws/agreement.pacta")
	am, _ := os.ReadFile("../examples/openai-microsoft-aws/amendment.pacta")
	return append(seeds, string(ex)+"\n"+string(am))
}

func FuzzEvaluate(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 64<<10 {
			return
		}
		p, err := interp.Compile([]interp.Source{{Name: "fuzz.pacta", Text: []byte(src)}},
			interp.WithStepBudget(20_000))
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		start := time.Now()
		exercise(ctx, p)
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("questions took %s despite a 2s deadline and a budget of 20,000 steps", d)
		}
	})
}

// exercise asks every kind of question of p, ignoring the answers: tests,
// value terms, a few expressions, a decision on a sample of each action,
// and a settlement of those samples. Errors are fine; panics and hangs are
// not.
func exercise(ctx context.Context, p *interp.Program) {
	_, _ = p.RunTests(ctx)
	for _, ai := range p.Info().Agreements {
		id := ai.Decl.ID.Name
		names := make([]string, 0, len(ai.Terms))
		for name, td := range ai.Terms {
			if td.Params == nil {
				names = append(names, name)
			}
		}
		sort.Strings(names)
		for _, name := range names {
			_, _ = p.Eval(ctx, id, name, interp.EvalOptions{})
		}
		for _, e := range []string{"1 + 2 * 3", "20% of USD 100.00", "2026-01-31 + 1 month", "7 / 0"} {
			_, _ = p.Eval(ctx, id, e, interp.EvalOptions{})
		}
		var recs []*types.Record
		for _, name := range sortedKeys(ai.Schemas) {
			r := sampleInstance(p, ai, name)
			if r == nil {
				continue
			}
			if _, err := p.Decide(ctx, r, interp.DecideOptions{}); err == nil {
				_, _ = p.Decide(ctx, r, interp.DecideOptions{AsOf: r.Fields[r.Schema.FieldIndex("date")].Date()})
			}
			recs = append(recs, r)
		}
		eff, err := types.ParseDate(ai.Effective)
		if err != nil {
			continue
		}
		to, err := eff.AddMonths(24)
		if err != nil {
			to = eff
		}
		_, _ = p.Settle(ctx, events(recs), interp.SettleOptions{Agreement: id, To: to})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sampleInstance builds an instance of a schema with a plausible value
// for every field, dated on the agreement's effective date; nil when a
// field's type has no sample (a list).
func sampleInstance(p *interp.Program, ai *lang.AgreementInfo, name string) *types.Record {
	s, err := p.Schema(ai.Decl.ID.Name, name)
	if err != nil {
		return nil
	}
	parties := sortedKeys(ai.Parties)
	fields := map[string]string{}
	for i, f := range s.Fields() {
		typ := s.FieldType(i)
		var v string
		switch {
		case f == "date" || typ == "date":
			v = ai.Effective
		case typ == "integer":
			v = "3"
		case typ == "decimal":
			v = "2.5"
		case typ == "percent":
			v = "12.5%"
		case strings.HasPrefix(typ, "money"):
			v = "1,234.56"
		case typ == "text":
			v = "x"
		case typ == "bool":
			v = "true"
		case typ == "party":
			if len(parties) == 0 {
				return nil
			}
			v = parties[0]
		case typ == "duration":
			v = "30 days"
		case typ == "period":
			v = "2027-Q1"
		default:
			k, ok := ai.Kinds[typ]
			if !ok || len(k.Members) == 0 {
				return nil
			}
			v = k.Members[0].Name
		}
		fields[f] = v
	}
	r, err := p.NewAction(ai.Decl.ID.Name, name, fields)
	if err != nil {
		return nil
	}
	return r
}

// TestFuzzSeeds runs the fuzz body over the seeds with the default
// budget, so that the normal test run exercises it too.
func TestFuzzSeeds(t *testing.T) {
	for _, s := range fuzzSeeds(t) {
		p, err := compileErr(s)
		if err != nil {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		exercise(ctx, p)
		cancel()
	}
}

// ---- hostile agreements ----

func hostile(t *testing.T, opts ...interp.Option) *interp.Program {
	t.Helper()
	b, err := os.ReadFile("testdata/hostile/exponential.pacta")
	if err != nil {
		t.Fatal(err)
	}
	p, err := interp.Compile([]interp.Source{{Name: "exponential.pacta", Text: b}}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// within fails the test if f takes longer than limit.
func within(t *testing.T, what string, limit time.Duration, f func() error) error {
	t.Helper()
	start := time.Now()
	err := f()
	if d := time.Since(start); d > limit {
		t.Errorf("%s took %s, want under %s", what, d, limit)
	}
	return err
}

// TestStepBudgetStopsHostileAgreement: 2^60 term calls stop with the step
// budget error, promptly, whatever the question.
func TestStepBudgetStopsHostileAgreement(t *testing.T) {
	ctx := context.Background()
	for _, budget := range []int64{0, 10_000} { // 0: the default, 1,000,000
		var opts []interp.Option
		if budget > 0 {
			opts = append(opts, interp.WithStepBudget(budget))
		}
		p := hostile(t, opts...)
		check := func(what string, err error) {
			t.Helper()
			if !errors.Is(err, interp.ErrBudget) {
				t.Errorf("budget %d, %s: %v, want the step budget error", budget, what, err)
			}
		}
		check("eval", within(t, "eval", 5*time.Second, func() error {
			_, err := p.Eval(ctx, "", "t60(1)", interp.EvalOptions{})
			return err
		}))
		check("value term", within(t, "value term", 5*time.Second, func() error {
			_, err := p.Eval(ctx, "", "huge", interp.EvalOptions{})
			return err
		}))
		sale := newAction(t, p, "", "sell", "actor=a date=2024-01-01 amount=1.00")
		check("decide", within(t, "decide", 5*time.Second, func() error {
			_, err := p.Decide(ctx, sale, interp.DecideOptions{})
			return err
		}))
		check("settle", within(t, "settle", 5*time.Second, func() error {
			_, err := p.Settle(ctx, events([]*types.Record{sale}), interp.SettleOptions{})
			return err
		}))
		within(t, "tests", 5*time.Second, func() error {
			rep, err := p.RunTests(ctx)
			if err != nil {
				return err
			}
			if len(rep.Results) != 1 || rep.Results[0].Passed() || !strings.Contains(rep.Results[0].Failures[0].Msg, "step budget") {
				t.Errorf("budget %d: the test should fail with the step budget: %+v", budget, rep.Results)
			}
			return nil
		})
	}
}

// TestCancelStopsHostileAgreement: with a budget too large to matter, a
// cancelled context or a deadline stops evaluation promptly.
func TestCancelStopsHostileAgreement(t *testing.T) {
	p := hostile(t, interp.WithStepBudget(1<<62))
	sale := newAction(t, p, "", "sell", "actor=a date=2024-01-01 amount=1.00")
	questions := []struct {
		what string
		ask  func(ctx context.Context) error
	}{
		{"eval", func(ctx context.Context) error {
			_, err := p.Eval(ctx, "", "t60(1)", interp.EvalOptions{})
			return err
		}},
		{"decide", func(ctx context.Context) error {
			_, err := p.Decide(ctx, sale, interp.DecideOptions{})
			return err
		}},
		{"settle", func(ctx context.Context) error {
			_, err := p.Settle(ctx, events([]*types.Record{sale}), interp.SettleOptions{})
			return err
		}},
		{"tests", func(ctx context.Context) error {
			rep, err := p.RunTests(ctx)
			if err == nil && (len(rep.Results) != 1 || rep.Results[0].Passed()) {
				return errors.New("the test passed")
			}
			if err == nil && !strings.Contains(rep.Results[0].Failures[0].Msg, "deadline") && !strings.Contains(rep.Results[0].Failures[0].Msg, "cancel") {
				return errors.New(rep.Results[0].Failures[0].Msg)
			}
			return context.DeadlineExceeded
		}},
	}
	for _, q := range questions {
		// A deadline.
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		err := within(t, q.what+" with a deadline", 2*time.Second, func() error { return q.ask(ctx) })
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s with a 50ms deadline: %v", q.what, err)
		}
		// Cancelled from another goroutine.
		ctx, cancel = context.WithCancel(context.Background())
		timer := time.AfterFunc(50*time.Millisecond, cancel)
		err = within(t, q.what+" cancelled", 2*time.Second, func() error { return q.ask(ctx) })
		timer.Stop()
		cancel()
		if q.what != "tests" && !errors.Is(err, context.Canceled) {
			t.Errorf("%s cancelled: %v", q.what, err)
		}
	}
}

// TestDeepNesting: input nested past the limit is a check error, never a
// stack overflow.
func TestDeepNesting(t *testing.T) {
	for _, depth := range []int{199, 250, 100_000} {
		expr := strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth)
		src := "agreement n \"N\" {\n effective 2020-01-01\n term x = " + expr + "\n}\n"
		_, err := compileErr(src)
		if depth < 200 {
			if err != nil {
				t.Errorf("depth %d: %v", depth, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "nested too deeply") {
			t.Errorf("depth %d: %v, want a nesting error", depth, err)
		}
	}
	// A chain of terms is at most 1,000 long (SPEC 13): 1,000 terms each
	// one more than the last evaluate; the 1,001st is a check error.
	chain := func(n int) string {
		var b strings.Builder
		b.WriteString("agreement chain \"Chain\" {\n effective 2020-01-01\n term c0 = 0\n")
		for k := 1; k < n; k++ {
			b.WriteString(" term c" + itoa(k) + " = c" + itoa(k-1) + " + 1\n")
		}
		b.WriteString("}\n")
		return b.String()
	}
	p, err := compileErr(chain(1000))
	if err != nil {
		t.Fatal(err)
	}
	// c0 = 0, and c1 ... c999 each add 1: 999.
	v, err := p.Eval(context.Background(), "", "c999", interp.EvalOptions{})
	if err != nil || v.String() != "999" {
		t.Errorf("c999 = %v, %v", v, err)
	}
	if _, err := compileErr(chain(1001)); err == nil || !strings.Contains(err.Error(), "term c1000 is defined through a chain of more than 1000 terms") {
		t.Errorf("1,001 terms: %v", err)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}
