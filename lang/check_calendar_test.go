package lang

import "testing"

// TestCalendarCarets pins the rendering, caret and hint included, of the
// errors of the calendar constructs (SPEC 6.6, 11.5, 11.6).
func TestCalendarCarets(t *testing.T) {
	src := []byte(`agreement a "A" {
  effective 2027-03-15
  currency USD
  calendar us { weekends Saturday, Sundy }
  party p "P"
  party q "Q"
  action sell { gross money }
  clause 1 "Fit" p pays q 1% of gross of each sell at most USD 5.00 per contract year
  clause 2 "Daily" p pays q USD 1.00 on 2027-04-01 late interest 1% per month counted daily (30/360)
  clause 3 "Cal" p pays q USD 1.00 on 2027-04-01 due within 10 business days in uk
  clause 4 "Fiscal" p pays q USD 1.00 on 2027-04-01 late interest 1% per fiscal year counted daily (actual/365)
}
`)
	f, perrs := Parse("cal.pacta", src)
	if len(perrs) > 0 {
		t.Fatalf("syntax errors: %v", perrs)
	}
	_, errs := Check([]*File{f}, nil)
	got := renderAll(errs, map[string][]byte{"cal.pacta": src})
	want := `cal.pacta:4:36: unknown day of the week "Sundy"
      calendar us { weekends Saturday, Sundy }
                                       ^
    did you mean "Sunday"?
cal.pacta:8:52: at most USD 5.00 per contract year does not fit quarterly settlement: a limit's period must be made of whole settlement periods
      clause 1 "Fit" p pays q 1% of gross of each sell at most USD 5.00 per contract year
                                                       ^
cal.pacta:9:73: interest counted daily (30/360) is a rate per year, not per month
      clause 2 "Daily" p pays q USD 1.00 on 2027-04-01 late interest 1% per month counted daily (30/360)
                                                                            ^
    write the rate per year: late interest 8% per year counted daily (30/360)
cal.pacta:10:81: unknown calendar "uk"
      clause 3 "Cal" p pays q USD 1.00 on 2027-04-01 due within 10 business days in uk
                                                                                    ^
    did you mean "us"?
cal.pacta:11:74: late charges are counted in days, weeks, months, quarters, half-years or years, not fiscal periods
      clause 4 "Fiscal" p pays q USD 1.00 on 2027-04-01 late interest 1% per fiscal year counted daily (actual/365)
                                                                             ^
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestSemiAnnualAndContractFit checks which limits fit which settlement
// periods once half years and contract years exist (SPEC 3.3 rule 10).
func TestSemiAnnualAndContractFit(t *testing.T) {
	src := []byte(`agreement a "A" {
  effective 2027-01-01
  currency USD
  contract year starts 2027-04-01
  fiscal year starts July
  party p "P"
  party q "Q"
  action sell { gross money }
  clause 1 "Contract from April fits quarters" p pays q 1% of gross of each sell at most USD 5.00 per contract year
  clause 2 "Year of halves" p pays q 1% of gross of each sell settled semi-annually at least USD 5.00 per year
  clause 3 "Fiscal year of calendar halves" p pays q 1% of gross of each sell settled semi-annually at least USD 5.00 per fiscal year
  clause 4 "Half of fiscal quarters" p pays q 1% of gross of each sell settled fiscal quarterly at most USD 5.00 per half-year
  clause 5 "Contract not of halves" p pays q 1% of gross of each sell settled semi-annually at most USD 5.00 per contract year
}
`)
	f, perrs := Parse("fit.pacta", src)
	if len(perrs) > 0 {
		t.Fatalf("syntax errors: %v", perrs)
	}
	_, errs := Check([]*File{f}, nil)
	// Contract years from 1 April start on quarter days (clause 1 fits);
	// a calendar year is two calendar halves (2), a fiscal year from July
	// is H2 and H1 (3), a calendar half is two fiscal quarters from July
	// (4); but a contract year from April is not made of halves (5).
	var got []string
	for _, e := range errs {
		got = append(got, e.Pos.String()+": "+e.Msg)
	}
	want := []string{"fit.pacta:13:93: at most USD 5.00 per contract year does not fit semi-annual settlement: a limit's period must be made of whole settlement periods"}
	if len(got) != len(want) || got[0] != want[0] {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
