package lang

// dateWords are the words with a fixed spelling of the date and calendar
// items (SPEC 2.7, 11.5 to 11.7) that are not reserved: `time zone`,
// `contract year starts`, `calendar NAME [from "FILE"] { weekends …
// holidays … }`, and the business-day rules.
var dateWords = []string{
	"time", "zone", "contract", "year", "calendar", "weekends", "holidays", "none",
	"business", "days", "adjusted", "modified", "following", "preceding",
	"counted", "daily",
}

// DateWords returns the words of the date and calendar items that have a
// fixed spelling but are not reserved (SPEC 2.7): `time`, `zone`,
// `contract`, `calendar`, `weekends`, `holidays`, the business-day rules
// and the like. The slice is new on each call. The REPL offers them for
// completion, as it does ContextWords.
func DateWords() []string { return append([]string(nil), dateWords...) }
