package render

import "github.com/pacta-lang/pacta/interp/types"

// dayBefore returns the day before a YYYY-MM-DD date, or "" if it is not
// one.
func dayBefore(s string) string {
	d, err := types.ParseDate(s)
	if err != nil {
		return ""
	}
	p, err := d.AddDays(-1)
	if err != nil {
		return ""
	}
	return p.String()
}
