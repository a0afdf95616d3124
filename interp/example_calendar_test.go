package interp_test

import (
	"context"
	"fmt"
	"log"
	"testing/fstest"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/types"
)

// An agreement whose holiday calendar is a file beside it (SPEC 11.6),
// loaded from a file system: LoadFS reads the file from the same fs.FS as
// the agreement, so an agreement embedded with embed.FS carries its
// calendars.
func ExampleLoadFS_calendarFile() {
	fsys := fstest.MapFS{
		"deal/agreement.pacta": {Data: []byte(`agreement fee "Fee" {
  effective 2027-01-01
  currency GBP
  calendar uk from "holidays/uk.txt"
  party r "R"
  party s "S"
  clause 1 "Fee"
    r pays s GBP 100.00 on 2027-11-24
      due within 30 days after the payment date adjusted to the following business day
}
`)},
		"deal/holidays/uk.txt": {Data: []byte("# one date a line\n2027-12-24\n2027-12-27\n2027-12-28\n")},
	}
	prog, err := interp.LoadFS(fsys, []string{"deal/*.pacta"})
	if err != nil {
		log.Fatal(err)
	}
	to, _ := types.ParseDate("2027-12-31")
	st, err := prog.Settle(context.Background(), nil, interp.SettleOptions{To: to})
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range st.Lines {
		fmt.Println(l.Due, l.DueRule)
	}
	// Output:
	// 2027-12-29 due 30 days after 2027-11-24 (the payment date): 2027-12-24 is a holiday, moved to Wednesday 2027-12-29 by the following-business-day rule (calendar uk)
}
