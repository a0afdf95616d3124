package interp_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

const cacheSrc = `agreement c "Cache" {
  effective 2020-01-01
  currency USD
  party a "A"
  party b "B"
  kind Platform = Web | Store
  action sell {
    platform Platform
    gross money
  }
  clause 1 "No store sales by b"
    b must not sell where platform == Store
}
`

// The CSV reader reuses one record per action: each row must still read
// as if alone. Rows alternate and repeat texts, with spaces around some
// (the same value from another text); a bad cell after good ones with the
// same text in other rows is refused. (A reader that kept the last row's
// values to skip parsing a repeated cell must pass this too; it was tried
// for issue 16 and gave no measurable gain, see BENCHMARKS.md.)
func TestReadCSVRepeatedCells(t *testing.T) {
	p := compile(t, cacheSrc)
	ledger := "action,actor,date,platform,gross\n" +
		"sell,a,2024-01-01,Web,1.00\n" +
		"sell,a,2024-01-01,Web,2.00\n" +
		" sell ,b, 2024-01-01 ,Store,3.00\n" +
		"sell,b,2024-01-02,Store,4.00\n" +
		"sell, a ,2024-01-02, Web,5.00\n" +
		"sell,a,2024-01-02,Web,6.00\n"
	var got []string
	for ev, err := range p.ReadCSV("", "l.csv", strings.NewReader(ledger)) {
		if err != nil {
			t.Fatal(err)
		}
		r := ev.Record
		got = append(got, r.Fields[r.Schema.FieldIndex("actor")].String()+" "+
			r.Fields[r.Schema.FieldIndex("date")].String()+" "+
			r.Fields[r.Schema.FieldIndex("platform")].String())
	}
	want := "a 2024-01-01 Web|a 2024-01-01 Web|b 2024-01-01 Store|b 2024-01-02 Store|a 2024-01-02 Web|a 2024-01-02 Web"
	if strings.Join(got, "|") != want {
		t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	// Rows 3 and 4 are b selling in a store, prohibited by clause 1.
	st, err := p.Settle(context.Background(), p.ReadCSV("", "l.csv", strings.NewReader(ledger)), interp.SettleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Breaches) != 2 || st.Breaches[0].Line != 4 || st.Breaches[1].Line != 5 {
		t.Errorf("breaches %+v, want lines 4 and 5", st.Breaches)
	}
	for _, bad := range []struct{ ledger, field string }{
		{"action,actor,date,platform,gross\nsell,a,2024-01-01,Web,1.00\nsell,a,2024-02-30,Web,1.00\nsell,a,2024-02-30,Web,1.00\n", "date"},
		{"action,actor,date,platform,gross\nsell,a,2024-01-01,Web,1.00\nsell,a,2024-01-01,Shop,1.00\n", "platform"},
		{"action,actor,date,platform,gross\nsell,a,2024-01-01,Web,1.00\nsell,c,2024-01-01,Web,1.00\n", "actor"},
		{"action,actor,date,platform,gross\nsell,a,2024-01-01,Web,1.00\nbuy,a,2024-01-01,Web,1.00\n", "action"},
		{"action,actor,date,platform,gross\nsell,a,2024-01-01,Web,1.00\nsell,a,2024-01-01,,1.00\n", "platform"},
	} {
		var lerr *interp.LedgerError
		for _, err := range p.ReadCSV("", "l.csv", strings.NewReader(bad.ledger)) {
			if err != nil && !errors.As(err, &lerr) {
				t.Fatalf("%v", err)
			}
		}
		if lerr == nil || lerr.Line != 3 || lerr.Field != bad.field {
			t.Errorf("%q: error %v, want line 3, field %s", bad.ledger, lerr, bad.field)
		}
	}
}
