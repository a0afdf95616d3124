package interp_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// A term with parameters is callable from Go: Program.Term compiles it
// once, and EvalWith gives it a record per event.
func ExampleProgram_Term() {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}})
	if err != nil {
		log.Fatal(err)
	}
	net, err := prog.Term("", "net_revenue")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(net.Params())
	sale, err := prog.NewAction("", "sell", map[string]string{
		"actor": "openai", "platform": "AWS", "date": "2026-11-20", "gross": "2,000,000.00", "refunds": "100,000.00",
	})
	if err != nil {
		log.Fatal(err)
	}
	v, err := net.EvalWith(context.Background(), interp.EvalOptions{}, types.RecordValue(sale))
	fmt.Println(v, err)

	// A value of the wrong type is an *ArgError.
	_, err = net.EvalWith(context.Background(), interp.EvalOptions{}, types.MoneyValue("USD", types.Decimal{}))
	fmt.Println(err)
	// Output:
	// [{s sell}]
	// USD 1,900,000.00 <nil>
	// net_revenue: argument s: must be sell, not money(USD)
}

// An expression of the host's own, with declared inputs: compiled and
// checked once, then evaluated per event with values, allocating nothing.
func ExampleProgram_CompileWithParams() {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}})
	if err != nil {
		log.Fatal(err)
	}
	// Is this sale large, on a platform the host watches?
	large, err := prog.CompileWithParams("", "large", []byte(`net_revenue(s) >= threshold and s.platform in watched`),
		interp.Param{Name: "s", Type: "sell"},
		interp.Param{Name: "threshold", Type: "money"},
		interp.Param{Name: "watched", Type: "list of Platform"})
	if err != nil {
		log.Fatal(err)
	}
	threshold, _ := types.ParseDecimal("1000000.00")
	watched := types.ListValue([]types.Value{types.EnumValue("AWS", 1), types.EnumValue("GoogleCloud", 2)})
	for _, fields := range []map[string]string{
		{"actor": "openai", "platform": "AWS", "date": "2026-11-20", "gross": "2,000,000.00", "refunds": "100,000.00"},
		{"actor": "openai", "platform": "AWS", "date": "2026-12-05", "gross": "10.02", "refunds": "0.00"},
		{"actor": "openai", "platform": "Azure", "date": "2026-12-10", "gross": "5,000,000.00", "refunds": "0.00"},
	} {
		sale, err := prog.NewAction("", "sell", fields)
		if err != nil {
			log.Fatal(err)
		}
		v, err := large.EvalWith(context.Background(), interp.EvalOptions{},
			types.RecordValue(sale), types.MoneyValue("USD", threshold), watched)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(fields["platform"], fields["gross"], v)
	}

	// The expression is checked against the parameters' types, with
	// positions in the expression.
	_, err = prog.CompileWithParams("", "large", []byte(`s.gross > 100`), interp.Param{Name: "s", Type: "sell"})
	fmt.Println(err)
	// Output:
	// AWS 2,000,000.00 true
	// AWS 10.02 false
	// Azure 5,000,000.00 false
	// large:1:11: cannot compare money(USD) with integer
}

// The documented way to build records in a loop: resolve a handle per
// field once, by name and kind, then set fields by handle and decide. The
// builder reuses one record, so deciding an event allocates nothing.
func ExampleRecordBuilder() {
	prog, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(exampleDealSrc)}})
	if err != nil {
		log.Fatal(err)
	}
	b, err := prog.NewRecordBuilder("", "sell")
	if err != nil {
		log.Fatal(err)
	}
	handle := func(name string, k types.Kind) interp.FieldHandle {
		f, err := b.Field(name, k)
		if err != nil {
			log.Fatal(err)
		}
		return f
	}
	actor, platform, date := handle("actor", types.KindParty), handle("platform", types.KindEnum), handle("date", types.KindDate)
	gross, refunds := handle("gross", types.KindMoney), handle("refunds", types.KindMoney)

	// A wrong kind is refused when the handle is resolved.
	_, err = b.Field("gross", types.KindDecimal)
	fmt.Println(err)

	type order struct {
		platform string
		date     string
		cents    int64
	}
	b.SetParty(actor, "openai")          // the same for every order
	b.SetMoney(refunds, types.Decimal{}) // 0
	var d result.Decision
	for _, o := range []order{{"Azure", "2026-10-15", 100_000_00}, {"AWS", "2026-10-31", 5_000_00}, {"AWS", "2026-11-01", 5_000_00}, {"Oracle", "2026-11-01", 1_00}} {
		day, _ := types.ParseDate(o.date)
		amount, _ := types.NewDecimal(o.cents, 2)
		b.SetEnum(platform, o.platform)
		b.Set(date, types.DateValue(day))
		b.SetMoney(gross, amount)
		sale, err := b.Record()
		if err != nil {
			fmt.Println(err)
			continue
		}
		if err := prog.DecideInto(context.Background(), sale, interp.DecideOptions{}, &d); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %-5s %12s: %s\n", o.date, o.platform, amount, d)
	}
	// Output:
	// field "gross": is money(USD), not decimal
	// 2026-10-15 Azure    100000.00: not covered by any clause, so permitted by default
	// 2026-10-31 AWS        5000.00: prohibited by 3.1 "Azure exclusivity"
	// 2026-11-01 AWS        5000.00: permitted by 3.2 "AWS distribution" (aws)
	// field "platform": "Oracle" is not a Platform
}

// Problems in an agreement come back together as a lang.ErrorList, each
// with its file, line and column; RenderList prints them as the pacta
// command does, with the source line and a caret.
func ExampleCompile_errors() {
	src := `agreement deal "Deal" {
  effective 2026-01-01
  currency USD
  party seller "Seller"
  party owner "Owner"
  action sell { gross money }
  clause 1 "Royalty"
    seller pays ownr 10% of gross of each sell by seller
}
`
	_, err := interp.Compile([]interp.Source{{Name: "deal.pacta", Text: []byte(src)}})
	var list lang.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Printf("line %d, column %d: %s\n", e.Pos.Line, e.Pos.Col, e.Msg)
		}
		list.RenderList(os.Stdout, func(string) []byte { return []byte(src) })
	}
	// Output:
	// line 8, column 17: unknown party "ownr"
	// deal.pacta:8:17: unknown party "ownr"
	//         seller pays ownr 10% of gross of each sell by seller
	//                     ^
	//     did you mean "owner"?
}
