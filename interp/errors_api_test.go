package interp_test

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// errorsDeal compiles the example deal (one agreement, "partnership").
func errorsDeal(t *testing.T, opts ...interp.Option) *interp.Program {
	t.Helper()
	p, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var saleFields = map[string]string{
	"actor": "openai", "date": "2026-12-01", "platform": "AWS",
	"gross": "USD 100.00", "refunds": "USD 0.00",
}

// TestSentinelErrors: each documented sentinel is what errors.Is finds,
// and the message a person reads is kept.
func TestSentinelErrors(t *testing.T) {
	p := errorsDeal(t)
	ctx := context.Background()
	dir := t.TempDir()
	_, errSchema := p.Schema("nope", "sell")
	_, errAction := p.NewAction("", "buy", saleFields)
	_, errJSON := p.ParseActionJSON([]byte(`{"action": "buy"}`))
	_, errDecide := p.Decide(ctx, nil, interp.DecideOptions{})
	_, errExpr := p.CompileExpr("nope", "<test>", []byte("1"))
	_, errSettle := p.Settle(ctx, p.ReadCSV("", "l.csv", strings.NewReader("action,actor,date\n")), interp.SettleOptions{Agreement: "nope"})
	_, errFS := interp.LoadFS(fstest.MapFS{}, []string{"*.pacta"})
	_, errDir := interp.ReadPaths([]string{dir})
	_, errMissing := interp.LoadFiles([]string{filepath.Join(dir, "missing.pacta")})
	_, errLarge := interp.Compile([]interp.Source{{Name: "big.pacta", Text: []byte(exampleDealSrc)}}, interp.WithMaxSourceBytes(10))
	var errCSV error
	for _, err := range p.ReadCSV("", "l.csv", strings.NewReader("action,actor,date\nbuy,openai,2026-12-01\n")) {
		if err != nil {
			errCSV = err
			break
		}
	}
	for _, c := range []struct {
		name     string
		err      error
		sentinel error
		msg      string
	}{
		{"Schema, unknown agreement", errSchema, interp.ErrUnknownAgreement, `no agreement called "nope" is loaded`},
		{"NewAction, unknown action", errAction, interp.ErrUnknownAction, "unknown action"},
		{"ParseActionJSON, unknown action", errJSON, interp.ErrUnknownAction, "unknown action"},
		{"Decide, no action", errDecide, interp.ErrUnknownAction, "not an action"},
		{"CompileExpr, unknown agreement", errExpr, interp.ErrUnknownAgreement, `"nope"`},
		{"Settle, unknown agreement", errSettle, interp.ErrUnknownAgreement, `"nope"`},
		{"ReadCSV, unknown action", errCSV, interp.ErrUnknownAction, "l.csv:2"},
		{"LoadFS, no match", errFS, interp.ErrNoFiles, "*.pacta: no files match"},
		{"ReadPaths, empty directory", errDir, interp.ErrNoFiles, "no .pacta files"},
		{"LoadFiles, missing file", errMissing, fs.ErrNotExist, "missing.pacta: no such file"},
		{"Compile, too large", errLarge, interp.ErrTooLarge, "big.pacta"},
	} {
		if !errors.Is(c.err, c.sentinel) {
			t.Errorf("%s: %v does not unwrap to %v", c.name, c.err, c.sentinel)
		}
		if c.err == nil || !strings.Contains(c.err.Error(), c.msg) {
			t.Errorf("%s: message %v, want it to contain %q", c.name, c.err, c.msg)
		}
	}
	// The sentinels are distinct: an unknown action is not an unknown
	// agreement.
	if errors.Is(errAction, interp.ErrUnknownAgreement) || errors.Is(errSchema, interp.ErrUnknownAction) {
		t.Errorf("sentinels overlap: %v, %v", errAction, errSchema)
	}
}

// TestTypedErrors: the documented error types are what errors.As finds.
func TestTypedErrors(t *testing.T) {
	p := errorsDeal(t)
	f := map[string]string{}
	for k, v := range saleFields {
		f[k] = v
	}
	f["colour"] = "red"
	_, err := p.NewAction("", "sell", f)
	var fe *interp.FieldError
	if !errors.As(err, &fe) || fe.Field != "colour" {
		t.Errorf("NewAction with an unknown field: %v, want a *FieldError for colour", err)
	}

	_, err = p.CompileExpr("", "<test>", []byte("1 +"))
	var list lang.ErrorList
	if !errors.As(err, &list) || len(list) == 0 || list[0].Pos.Line != 1 {
		t.Errorf("CompileExpr of bad syntax: %v, want a lang.ErrorList at line 1", err)
	}

	var le *interp.LedgerError
	for _, err := range p.ReadCSV("", "l.csv", strings.NewReader("action,actor,date\nbuy,openai,2026-12-01\n")) {
		if err != nil {
			if !errors.As(err, &le) || le.Line != 2 || le.Field != "action" {
				t.Errorf("ReadCSV of an unknown action: %v, want a *LedgerError at line 2, field action", err)
			}
			break
		}
	}

	// A function that spends 10 steps cannot run on a budget of 5.
	burn := &interp.Func{Name: "burn", Ret: lang.TInteger, Impl: func(c *interp.Caller, _ []types.Value) (types.Value, error) {
		if err := c.Spend(10); err != nil {
			return types.Value{}, err
		}
		return types.IntegerValue(1), nil
	}}
	tight := errorsDeal(t, interp.WithStepBudget(5), interp.WithFuncs(burn))
	_, err = tight.Eval(context.Background(), "", "burn() + 1", interp.EvalOptions{})
	var ee *interp.EvalError
	if !errors.As(err, &ee) || !errors.Is(err, interp.ErrBudget) || ee.Pos.Line != 1 {
		t.Errorf("Eval over budget: %v, want an *EvalError at line 1 unwrapping to ErrBudget", err)
	}
}

// TestDecisionPermittedString: Permitted follows Effect, and String is
// the one-line summary.
func TestDecisionPermittedString(t *testing.T) {
	p := errorsDeal(t)
	for _, c := range []struct {
		platform string
		ok       bool
		want     string
	}{
		// AWS is allowed from 2026-11-01 by the amendment's clause 3.2.
		{"AWS", true, `permitted by 3.2 "AWS distribution" (aws)`},
		// Google Cloud is outside [Azure, Direct]: clause 3.1 forbids it.
		{"GoogleCloud", false, `prohibited by 3.1 "Azure exclusivity"`},
	} {
		f := map[string]string{}
		for k, v := range saleFields {
			f[k] = v
		}
		f["platform"] = c.platform
		sale, err := p.NewAction("", "sell", f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := p.Decide(context.Background(), sale, interp.DecideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Permitted() != c.ok || d.String() != c.want {
			t.Errorf("%s: Permitted %v, String %q; want %v, %q", c.platform, d.Permitted(), d.String(), c.ok, c.want)
		}
	}
}

// TestDecideRefusesAnEvent: an event is settled, never permitted or
// prohibited, so Decide refuses one with ErrNotAnAction and says why;
// the CLI and the server both rely on this one check.
func TestDecideRefusesAnEvent(t *testing.T) {
	src := `agreement a "A" {
  effective 2027-01-01
  currency USD
  party r "R"
  event launch { name text }
}
`
	p, err := interp.Compile([]interp.Source{{Name: "a.pacta", Text: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := p.ParseActionJSON([]byte(`{"action":"launch","date":"2027-02-01","name":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Decide(context.Background(), rec, interp.DecideOptions{})
	if !errors.Is(err, interp.ErrNotAnAction) || errors.Is(err, interp.ErrUnknownAction) {
		t.Fatalf("got %v, want ErrNotAnAction only", err)
	}
	if want := `"launch" is an event; only an action can be permitted or prohibited`; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

// TestUnknownFieldsNamedInOrder: an action with several unknown fields
// names the first by name order, the same every run (the fields come in
// a map, which Go iterates in any order).
func TestUnknownFieldsNamedInOrder(t *testing.T) {
	p := errorsDeal(t)
	fields := map[string]string{}
	for k, v := range saleFields {
		fields[k] = v
	}
	for _, k := range []string{"zeta", "mu", "alpha", "omega", "kappa"} {
		fields[k] = "x"
	}
	for i := 0; i < 50; i++ {
		_, err := p.NewAction("", "sell", fields)
		var fe *interp.FieldError
		if !errors.As(err, &fe) || fe.Field != "alpha" {
			t.Fatalf("run %d: got %v, want the field alpha named", i, err)
		}
	}
}

// foreignSchema is a types.Schema made by a host, not by a Program.
type foreignSchema struct{ fields []string }

func (s foreignSchema) Name() string     { return "sell" }
func (s foreignSchema) Event() bool      { return false }
func (s foreignSchema) Fields() []string { return s.fields }
func (s foreignSchema) FieldIndex(name string) int {
	for i, f := range s.fields {
		if f == name {
			return i
		}
	}
	return -1
}
func (s foreignSchema) FieldType(int) string { return "text" }
func (s foreignSchema) ParseField(int, string) (types.Value, error) {
	return types.Value{}, errors.New("no")
}

// TestForeignSchemaRefused: a record whose Schema the host made itself
// (not Program.Schema or a RecordBuilder) is refused with an error by
// every question that takes a record, never a panic.
func TestForeignSchemaRefused(t *testing.T) {
	p := errorsDeal(t)
	d, err := types.NewDate(2027, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	rec := &types.Record{
		Schema: foreignSchema{fields: []string{"actor", "date"}},
		Fields: []types.Value{types.PartyValue("openai"), types.DateValue(d)},
	}
	if _, err := p.Decide(context.Background(), rec, interp.DecideOptions{}); !errors.Is(err, interp.ErrUnknownAction) {
		t.Errorf("Decide: got %v, want ErrUnknownAction", err)
	}
	events := func(yield func(interp.Event, error) bool) {
		yield(interp.Event{Record: rec, Source: "l.csv", Line: 2}, nil)
	}
	_, err = p.Settle(context.Background(), events, interp.SettleOptions{})
	var le *interp.LedgerError
	if !errors.As(err, &le) || le.Line != 2 || !strings.Contains(le.Msg, "schema was not made by") {
		t.Errorf("Settle: got %v, want a LedgerError at line 2 naming the schema", err)
	}
}
