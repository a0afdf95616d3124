package interp_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// saleHandles are the handles of the example deal's sell action.
type saleHandles struct {
	actor, product, platform, region, date, gross, refunds interp.FieldHandle
}

func saleBuilder(t testing.TB, p *interp.Program) (*interp.RecordBuilder, saleHandles) {
	t.Helper()
	b, err := p.NewRecordBuilder("", "sell")
	if err != nil {
		t.Fatal(err)
	}
	field := func(name string, k types.Kind) interp.FieldHandle {
		f, err := b.Field(name, k)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	return b, saleHandles{
		actor:    field("actor", types.KindParty),
		product:  field("product", types.KindText),
		platform: field("platform", types.KindEnum),
		region:   field("region", types.KindText),
		date:     field("date", types.KindDate),
		gross:    field("gross", types.KindMoney),
		refunds:  field("refunds", types.KindMoney),
	}
}

// TestRecordBuilderMatchesNewAction builds the same sale both ways and
// decides it.
func TestRecordBuilderMatchesNewAction(t *testing.T) {
	p := exampleDeal(t)
	b, f := saleBuilder(t, p)
	b.SetParty(f.actor, "openai")
	b.Set(f.product, types.TextValue("OpenAI API"))
	b.SetEnum(f.platform, "AWS")
	b.Set(f.region, types.TextValue("US"))
	b.Set(f.date, types.DateValue(mustDate(t, "2026-11-20")))
	b.SetMoney(f.gross, mustDec(t, "2000000.00"))
	b.SetMoney(f.refunds, mustDec(t, "100000.00"))
	got, err := b.Record()
	if err != nil {
		t.Fatal(err)
	}
	want := newAction(t, p, "", "sell", "actor=openai product=OpenAI_API platform=AWS region=US date=2026-11-20 gross=USD:2,000,000.00 refunds=100,000.00")
	want.Fields[want.Schema.FieldIndex("product")] = types.TextValue("OpenAI API")
	if got.Schema != want.Schema || len(got.Fields) != len(want.Fields) {
		t.Fatalf("schema %v, %d fields; want %v, %d", got.Schema.Name(), len(got.Fields), want.Schema.Name(), len(want.Fields))
	}
	for i := range want.Fields {
		if !got.Fields[i].Equal(want.Fields[i]) || got.Fields[i].Kind() != want.Fields[i].Kind() {
			t.Errorf("field %s: builder %v, NewAction %v", want.Schema.Fields()[i], got.Fields[i], want.Fields[i])
		}
	}
	d, err := p.Decide(context.Background(), got, interp.DecideOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 2026-11-20 is after the AWS concessions of 2026-11-01: 3.2 decides.
	if d.Verdict != lang.Permitted || d.Clause == nil || d.Clause.Num != "3.2" {
		t.Errorf("decided %s, want permitted by 3.2", summary(d))
	}

	// Reused: only the fields that change are set again; the record is the
	// same, NewRecord a copy that later setters leave alone.
	kept, err := b.NewRecord()
	if err != nil {
		t.Fatal(err)
	}
	b.SetEnum(f.platform, "GoogleCloud")
	again, err := b.Record()
	if err != nil {
		t.Fatal(err)
	}
	if again != got {
		t.Error("Record returned a new record; it should reuse the builder's")
	}
	if s := kept.Fields[f.platform.Index()].Str(); s != "AWS" {
		t.Errorf("the copy's platform changed to %s", s)
	}
	if d, _ := p.Decide(context.Background(), again, interp.DecideOptions{}); d.Verdict != lang.Prohibited || d.Clause.Num != "3.1" {
		t.Errorf("GoogleCloud: decided %s, want prohibited by 3.1", summary(d))
	}
}

func TestRecordBuilderErrors(t *testing.T) {
	p := exampleDeal(t)
	if _, err := p.NewRecordBuilder("", "sel"); !errors.Is(err, interp.ErrUnknownAction) || !strings.Contains(err.Error(), `unknown action "sel" (did you mean "sell"?)`) {
		t.Errorf("NewRecordBuilder(sel): %v", err)
	}
	b, f := saleBuilder(t, p)
	for _, c := range []struct {
		name string
		kind types.Kind
		want string
	}{
		{"gros", types.KindMoney, `field "gros": sell has no such field (did you mean "gross"?); its fields are product, platform, region, date, gross, refunds, actor`},
		{"gross", types.KindDecimal, `field "gross": is money(USD), not decimal`},
		{"platform", types.KindText, `field "platform": is Platform, not text`},
	} {
		_, err := b.Field(c.name, c.kind)
		var fe *interp.FieldError
		if !errors.As(err, &fe) || err.Error() != c.want {
			t.Errorf("Field(%s, %s): %v, want %q (a *FieldError)", c.name, c.kind, err, c.want)
		}
	}

	fill := func() {
		b.SetParty(f.actor, "openai")
		b.Set(f.product, types.TextValue("P"))
		b.SetEnum(f.platform, "Azure")
		b.Set(f.region, types.TextValue("US"))
		b.Set(f.date, types.DateValue(mustDate(t, "2026-01-01")))
		b.SetMoney(f.gross, mustDec(t, "1.00"))
		b.SetMoney(f.refunds, mustDec(t, "0.00"))
	}
	// A handle belongs to a schema: one of another builder of sell works,
	// one of model_release does not.
	_, of := saleBuilder(t, p)
	rb, err := p.NewRecordBuilder("", "model_release")
	if err != nil {
		t.Fatal(err)
	}
	releasePlatform, err := rb.Field("platform", types.KindEnum)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		set  func()
		want string
	}{
		{"unset", func() { b.Reset() }, `field "product": not set; sell needs product, platform, region, date, gross, refunds, actor`},
		{"negative", func() { b.SetMoney(f.gross, mustDec(t, "-0.01")) }, `field "gross": amount -0.01 is negative; amounts in actions and ledgers must be zero or more`},
		{"member", func() { b.SetEnum(f.platform, "Oracle") }, `field "platform": "Oracle" is not a Platform`},
		{"party", func() { b.SetParty(f.actor, "microsft") }, `field "actor": unknown party "microsft" (did you mean "microsoft"?)`},
		{"kind", func() { b.Set(f.gross, types.TextValue("1.00")) }, `field "gross": must be money(USD), not text`},
		{"typed setter kind", func() { b.SetMoney(f.date, mustDec(t, "1.00")) }, `field "date": is date; it cannot be set to money`},
		{"other schema", func() { b.SetEnum(releasePlatform, "AWS") }, `the handle is not a field of sell; resolve it with this builder's Field`},
		{"zero handle", func() { b.SetMoney(interp.FieldHandle{}, mustDec(t, "1.00")) }, `the handle is not a field of sell; resolve it with this builder's Field`},
		{"currency", func() { b.Set(f.gross, types.MoneyValue("EUR", mustDec(t, "1.00"))) }, `field "gross": must be money(USD), not money(EUR)`},
		{"enum index", func() { b.Set(f.platform, types.EnumValue("AWS", 0)) }, `field "platform": "AWS" is not a Platform`},
		{"Set kind", func() { b.Set(f.date, types.TextValue("2026-01-01")) }, `field "date": must be date, not text`},
		// The first error is kept.
		{"first", func() { b.SetEnum(f.platform, "Oracle"); b.SetParty(f.actor, "nobody") }, `field "platform": "Oracle" is not a Platform`},
	} {
		fill()
		c.set()
		_, err := b.Record()
		var fe *interp.FieldError
		if !errors.As(err, &fe) || err.Error() != c.want {
			t.Errorf("%s: %v, want %q (a *FieldError)", c.name, err, c.want)
		}
		// The error is reported once; the builder is usable again.
		fill()
		b.SetMoney(of.gross, mustDec(t, "2.00"))
		if _, err := b.Record(); err != nil {
			t.Errorf("%s: after the error, %v", c.name, err)
		}
	}
}

// TestRecordBuilderAllocatesNothing pins the promise of the builder:
// setting the fields of a reused record and deciding it allocates nothing.
func TestRecordBuilderAllocatesNothing(t *testing.T) {
	p := exampleDeal(t)
	b, f := saleBuilder(t, p)
	b.SetParty(f.actor, "openai")
	b.Set(f.product, types.TextValue("OpenAI API"))
	b.Set(f.region, types.TextValue("US"))
	b.SetMoney(f.refunds, types.Decimal{})
	gross, date := mustDec(t, "50000.00"), mustDate(t, "2027-03-15")
	ctx := context.Background()
	var d result.Decision
	var err error
	allocs := testing.AllocsPerRun(100, func() {
		b.SetEnum(f.platform, "AWS")
		b.Set(f.date, types.DateValue(date))
		b.SetMoney(f.gross, gross)
		var r *types.Record
		if r, err = b.Record(); err == nil {
			err = p.DecideInto(ctx, r, interp.DecideOptions{}, &d)
		}
	})
	if err != nil || d.Verdict != lang.Permitted || d.Clause.Num != "3.2" {
		t.Fatalf("decided %s, %v; want permitted by 3.2", summary(&d), err)
	}
	if allocs != 0 {
		t.Errorf("building and deciding allocates %.1f times per event, want 0", allocs)
	}
}

// TestRecordBuilderEveryKind sets a field of every kind and compares the
// record with the one NewAction reads from text.
func TestRecordBuilderEveryKind(t *testing.T) {
	p := compile(t, `
agreement deal "Deal" {
  effective 2026-01-01
  currency USD
  party seller "Seller"
  action order {
    units    integer
    weight   decimal
    discount percent
    rush     bool
    lead     duration
    quarter  period
  }
  action tag { tags list of text }
}`)
	b, err := p.NewRecordBuilder("", "order")
	if err != nil {
		t.Fatal(err)
	}
	field := func(name string, k types.Kind) interp.FieldHandle {
		f, err := b.Field(name, k)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	b.SetParty(field("actor", types.KindParty), "seller")
	b.Set(field("date", types.KindDate), types.DateValue(mustDate(t, "2026-02-03")))
	b.Set(field("units", types.KindInteger), types.IntegerValue(12))
	b.Set(field("weight", types.KindDecimal), types.DecimalValue(mustDec(t, "2.5")))
	b.Set(field("discount", types.KindPercent), types.PercentValue(mustDec(t, "0.125")))
	b.Set(field("rush", types.KindBool), types.BoolValue(true))
	term, err := p.Eval(context.Background(), "", "30 days", interp.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b.Set(field("lead", types.KindDuration), term)
	quarter, err := p.Eval(context.Background(), "", "2026-Q1", interp.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b.Set(field("quarter", types.KindPeriod), quarter)
	got, err := b.Record()
	if err != nil {
		t.Fatal(err)
	}
	want := newAction(t, p, "", "order", "actor=seller date=2026-02-03 units=12 weight=2.5 discount=12.5% rush=true lead=30:days quarter=2026-Q1")
	for i, name := range want.Schema.Fields() {
		if !got.Fields[i].Equal(want.Fields[i]) || got.Fields[i].Kind() != want.Fields[i].Kind() {
			t.Errorf("field %s: builder %v (%s), NewAction %v (%s)", name, got.Fields[i], got.Fields[i].Kind(), want.Fields[i], want.Fields[i].Kind())
		}
	}
	// An integer goes into a decimal field as a decimal.
	b.Set(field("weight", types.KindDecimal), types.IntegerValue(3))
	r, err := b.Record()
	if err != nil {
		t.Fatal(err)
	}
	if w := r.Fields[want.Schema.FieldIndex("weight")]; w.Kind() != types.KindDecimal || w.String() != "3" {
		t.Errorf("weight = %v (%s), want the decimal 3", w, w.Kind())
	}

	// A list field, which has no text form, is set with Set; an element
	// of the wrong kind is refused.
	lb, err := p.NewRecordBuilder("", "tag")
	if err != nil {
		t.Fatal(err)
	}
	tags, err := lb.Field("tags", types.KindList)
	if err != nil {
		t.Fatal(err)
	}
	actor, _ := lb.Field("actor", types.KindParty)
	date, _ := lb.Field("date", types.KindDate)
	lb.SetParty(actor, "seller")
	lb.Set(date, types.DateValue(mustDate(t, "2026-02-03")))
	lb.Set(tags, types.ListValue([]types.Value{types.TextValue("a"), types.IntegerValue(1)}))
	if _, err := lb.Record(); err == nil || err.Error() != `field "tags": element 2: must be text, not integer` {
		t.Errorf("list of the wrong kind: %v", err)
	}
	lb.Set(tags, types.ListValue([]types.Value{types.TextValue("a"), types.TextValue("b")}))
	r, err = lb.Record()
	if err != nil {
		t.Fatal(err)
	}
	if l := r.Fields[tags.Index()].List(); len(l) != 2 || l[1].Str() != "b" {
		t.Errorf("tags = %v", r.Fields[tags.Index()])
	}
}
