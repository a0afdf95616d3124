// The standard library: Pacta's builtin functions, declared in one table
// with their documentation and examples. Every Program includes them
// unless the host opts out with WithoutStdlib; Builtins lists them, and
// package stdlib renders the table for SPEC.md and the REPL's :help.
//
// Errors returned by an Impl do not repeat the function's name: the
// interpreter prefixes it ("min: needs amounts in one currency, ..."), as
// the checker does with the messages of a Check.

package interp

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Builtins returns the standard library's functions, sorted by name, each
// with its Signature: new values on each call, for a host that opts out
// (WithoutStdlib) to pass some back with WithFuncs.
func Builtins() []*Func {
	t := builtinTable()
	out := make([]*Func, len(t))
	for i := range t {
		f := t[i].Func
		f.Signature = t[i].sig
		out[i] = &f
	}
	return out
}

// builtin is one entry of the table: the function, and for a function whose
// types are checked by Check, its signature in words for the documentation.
// Functions without a Check have their signature derived from Params and
// Ret.
type builtin struct {
	Func
	sig string
}

// Types used in the table's fixed signatures. They are functions, not
// variables, so that the package holds no mutable state.
func listOfBool() lang.Type { return &lang.List{Elem: lang.TBool} }
func date1() []lang.Type    { return []lang.Type{lang.TDate} }
func text1() []lang.Type    { return []lang.Type{lang.TText} }
func text2() []lang.Type    { return []lang.Type{lang.TText, lang.TText} }

// builtinTable returns every builtin, in alphabetical order. It builds new values
// on each call.
func builtinTable() []builtin {
	return []builtin{
		{Func: Func{
			Name:    "abs",
			Doc:     "The value without its sign, that is its distance from zero.",
			Example: "abs(-USD 250.00)",
			Result:  "USD 250.00",
			Check:   checkAbs,
			Impl:    abs,
		}, sig: "abs(T) → T, for T a number, percent or money"},
		{Func: Func{
			Name:    "add_days",
			Doc:     "The date a number of days later, or earlier if the number is negative.",
			Example: "add_days(2026-02-20, 10)",
			Result:  "2026-03-02",
			Params:  []lang.Type{lang.TDate, lang.TInteger},
			Ret:     lang.TDate,
			Impl:    addDays,
		}},
		{Func: Func{
			Name: "add_months",
			Doc: "The date a number of calendar months later, or earlier if the number is negative. " +
				"When the day does not exist in that month, the result is the month's last day: January 31 plus one month is February 28, or 29 in a leap year.",
			Example: "add_months(2026-01-31, 1)",
			Result:  "2026-02-28",
			Params:  []lang.Type{lang.TDate, lang.TInteger},
			Ret:     lang.TDate,
			Impl:    addMonths,
		}},
		{Func: Func{
			Name:    "all",
			Doc:     "True when every value in a list of true/false values is true. An empty list gives true.",
			Example: "all([true, false])",
			Result:  "false",
			Params:  []lang.Type{listOfBool()},
			Ret:     lang.TBool,
			Impl:    all,
		}},
		{Func: Func{
			Name:    "amount",
			Doc:     "The number of an amount of money, without its currency.",
			Example: "amount(USD 1,250.00)",
			Result:  "1250.00",
			Check:   checkAmount,
			Impl:    amount,
		}, sig: "amount(money) → decimal"},
		{Func: Func{
			Name:    "any",
			Doc:     "True when at least one value in a list of true/false values is true. An empty list gives false.",
			Example: "any([false, true])",
			Result:  "true",
			Params:  []lang.Type{listOfBool()},
			Ret:     lang.TBool,
			Impl:    anyTrue,
		}},
		{Func: Func{
			Name: "ceiling",
			Doc: "Rounds up (toward plus infinity) to a multiple of the unit, such as 0.01 for cents, 100 for hundreds, " +
				"or an amount such as USD 0.05.",
			Example: "ceiling(USD 1,234.56, 100)",
			Result:  "USD 1,300.00",
			Check:   checkRound2,
			Impl:    roundWith(types.Ceiling),
		}, sig: "ceiling(x decimal or money, unit decimal or money) → type of x"},
		{Func: Func{
			Name:    "contains",
			Doc:     "True when the first text contains the second. Capitals matter: use lower on both to ignore them.",
			Example: `contains("Azure Marketplace", "Market")`,
			Result:  "true",
			Params:  text2(),
			Ret:     lang.TBool,
			Impl:    contains,
		}},
		{Func: Func{
			Name: "contract_year_of",
			Doc: "The agreement's contract year a date falls in, as a period: twelve months from the day `contract year starts DATE` gives, or from the effective date, and from each anniversary of it. " +
				"A start on 29 February falls on 28 February in other years.",
			Example: "contract_year_of(2026-05-14)",
			Result:  "contract year from 2026-01-01",
			Params:  date1(),
			Ret:     lang.TPeriod,
			Impl:    contractYearOf,
		}},
		{Func: Func{
			Name:    "count",
			Doc:     "The number of elements in a list.",
			Example: "count([2026-01-31, 2026-02-28])",
			Result:  "2",
			Check:   checkCount,
			Impl:    count,
		}, sig: "count(list of T) → integer"},
		{Func: Func{
			Name: "date_of",
			Doc: "The day on which a timestamp falls in the agreement's time zone (`time zone Europe/Paris`), or in the zone a second argument names: " +
				"an IANA name such as \"Europe/Paris\", \"UTC\", or a fixed offset such as \"UTC+01:00\". Summer time is taken into account.",
			Example: `date_of(2027-03-04T23:30:00-05:00, "Europe/Paris")`,
			Result:  "2027-03-05",
			Check:   checkDateOf,
			Impl:    dateOf,
		}, sig: "date_of(timestamp, [zone text]) → date"},
		{Func: Func{
			Name:    "day",
			Doc:     "The day of the month of a date, 1 to 31.",
			Example: "day(2026-05-14)",
			Result:  "14",
			Params:  date1(),
			Ret:     lang.TInteger,
			Impl:    dayOf,
		}},
		{Func: Func{
			Name:    "days_between",
			Doc:     "The number of days from the first date to the second: positive when the second date is later, negative when it is earlier.",
			Example: "days_between(2026-01-01, 2026-03-01)",
			Result:  "59",
			Params:  []lang.Type{lang.TDate, lang.TDate},
			Ret:     lang.TInteger,
			Impl:    daysBetween,
		}},
		{Func: Func{
			Name:    "end_of",
			Doc:     "The last day of a period (a month, quarter or year).",
			Example: "end_of(2024-02)",
			Result:  "2024-02-29",
			Params:  []lang.Type{lang.TPeriod},
			Ret:     lang.TDate,
			Impl:    periodEnd,
		}},
		{Func: Func{
			Name:    "end_of_month",
			Doc:     "The last day of the month a date falls in.",
			Example: "end_of_month(2024-02-14)",
			Result:  "2024-02-29",
			Params:  date1(),
			Ret:     lang.TDate,
			Impl:    dateBound(types.PeriodMonth, true),
		}},
		{Func: Func{
			Name:    "end_of_quarter",
			Doc:     "The last day of the calendar quarter a date falls in: March 31, June 30, September 30 or December 31.",
			Example: "end_of_quarter(2026-05-14)",
			Result:  "2026-06-30",
			Params:  date1(),
			Ret:     lang.TDate,
			Impl:    dateBound(types.PeriodQuarter, true),
		}},
		{Func: Func{
			Name:    "end_of_year",
			Doc:     "The last day of the calendar year a date falls in, December 31.",
			Example: "end_of_year(2026-05-14)",
			Result:  "2026-12-31",
			Params:  date1(),
			Ret:     lang.TDate,
			Impl:    dateBound(types.PeriodYear, true),
		}},
		{Func: Func{
			Name: "filter",
			Doc: "Keeps the elements of a list whose matching entry in a second list of true/false values is true, in order. " +
				"The two lists must be the same length.",
			Example: "filter([USD 100.00, USD 200.00, USD 300.00], [true, false, true])",
			Result:  "[USD 100.00, USD 300.00]",
			Check:   checkFilter,
			Impl:    filter,
		}, sig: "filter(list of T, list of bool) → list of T"},
		{Func: Func{
			Name: "fiscal_quarter_of",
			Doc: "The quarter of the agreement's fiscal year a date falls in, as a period: the n-th three months from the fiscal start (`fiscal year starts MONTH`). " +
				"A fiscal year is named by the calendar year it ends in: with a July start, 2026-07-01 is in FY2027-Q1. Without a declared start it is the calendar quarter.",
			Example: "fiscal_quarter_of(2026-05-14)",
			Result:  "FY2026-Q2",
			Params:  date1(),
			Ret:     lang.TPeriod,
			Impl:    fiscalPeriodOf(types.PeriodFiscalQuarter),
		}},
		{Func: Func{
			Name: "fiscal_year_of",
			Doc: "The agreement's fiscal year a date falls in, as a period: twelve months from the fiscal start (`fiscal year starts MONTH`). " +
				"A fiscal year is named by the calendar year it ends in: with a July start, 2026-06-30 is in FY2026 and 2026-07-01 in FY2027. Without a declared start it is the calendar year.",
			Example: "fiscal_year_of(2026-05-14)",
			Result:  "FY2026",
			Params:  date1(),
			Ret:     lang.TPeriod,
			Impl:    fiscalPeriodOf(types.PeriodFiscalYear),
		}},
		{Func: Func{
			Name: "floor",
			Doc: "Rounds down (toward minus infinity) to a multiple of the unit, such as 0.01 for cents, 100 for hundreds, " +
				"or an amount such as USD 0.05.",
			Example: "floor(USD 1,234.56, 100)",
			Result:  "USD 1,200.00",
			Check:   checkRound2,
			Impl:    roundWith(types.Floor),
		}, sig: "floor(x decimal or money, unit decimal or money) → type of x"},
		{Func: Func{
			Name:    "fraction",
			Doc:     "A percent as a plain number: 12.5% is 0.125.",
			Example: "fraction(12.5%)",
			Result:  "0.125",
			Params:  []lang.Type{lang.TPercent},
			Ret:     lang.TDecimal,
			Impl:    fraction,
		}},
		{Func: Func{
			Name:    "half_of",
			Doc:     "The calendar half year a date falls in, as a period: H1 is January to June, H2 July to December.",
			Example: "half_of(2026-05-14)",
			Result:  "2026-H1",
			Params:  date1(),
			Ret:     lang.TPeriod,
			Impl:    periodOf(types.PeriodHalf),
		}},
		{Func: Func{
			Name:    "length",
			Doc:     "The number of characters in a text.",
			Example: `length("Zürich")`,
			Result:  "6",
			Params:  text1(),
			Ret:     lang.TInteger,
			Impl:    length,
		}},
		{Func: Func{
			Name:    "lower",
			Doc:     "The text with capital letters made small.",
			Example: `lower("ACME Corp")`,
			Result:  `"acme corp"`,
			Params:  text1(),
			Ret:     lang.TText,
			Impl:    lower,
		}},
		{Func: Func{
			Name:    "max",
			Doc:     "The largest of two or more values: numbers, percents, dates, or amounts of money in one currency.",
			Example: "max(USD 1,200.00, USD 950.00)",
			Result:  "USD 1,200.00",
			Check:   checkExtreme,
			Impl:    extreme(+1),
		}, sig: "max(T, T, ...) → T, for T a number, percent, money or date"},
		{Func: Func{
			Name:    "min",
			Doc:     "The smallest of two or more values: numbers, percents, dates, or amounts of money in one currency.",
			Example: "min(USD 1,200.00, USD 950.00)",
			Result:  "USD 950.00",
			Check:   checkExtreme,
			Impl:    extreme(-1),
		}, sig: "min(T, T, ...) → T, for T a number, percent, money or date"},
		{Func: Func{
			Name:    "month",
			Doc:     "The month of a date as a number, 1 (January) to 12 (December).",
			Example: "month(2026-05-14)",
			Result:  "5",
			Params:  date1(),
			Ret:     lang.TInteger,
			Impl:    monthOf,
		}},
		{Func: Func{
			Name:    "month_of",
			Doc:     "The calendar month a date falls in, as a period.",
			Example: "month_of(2026-05-14)",
			Result:  "2026-05",
			Params:  date1(),
			Ret:     lang.TPeriod,
			Impl:    periodOf(types.PeriodMonth),
		}},
		{Func: Func{
			Name:    "percent",
			Doc:     "A plain number as a percent: 0.125 is 12.5%.",
			Example: "percent(0.125)",
			Result:  "12.5%",
			Params:  []lang.Type{lang.TDecimal},
			Ret:     lang.TPercent,
			Impl:    percent,
		}},
		{Func: Func{
			Name:    "quarter",
			Doc:     "The calendar quarter of a date as a number: 1 for January to March, up to 4 for October to December.",
			Example: "quarter(2026-05-14)",
			Result:  "2",
			Params:  date1(),
			Ret:     lang.TInteger,
			Impl:    quarterOf,
		}},
		{Func: Func{
			Name:    "quarter_of",
			Doc:     "The calendar quarter a date falls in, as a period.",
			Example: "quarter_of(2026-05-14)",
			Result:  "2026-Q2",
			Params:  date1(),
			Ret:     lang.TPeriod,
			Impl:    periodOf(types.PeriodQuarter),
		}},
		{Func: Func{
			Name: "round",
			Doc: "Rounds to the nearest multiple of the unit, such as 0.01 for cents, 1000 for thousands, or an amount such as USD 0.05. " +
				`A value exactly half-way goes to the even multiple unless a third argument says otherwise: "half_even", "half_up", "half_down", "up", "down", "floor" or "ceiling".`,
			Example: "round(USD 2.345, 0.01)",
			Result:  "USD 2.34",
			Check:   checkRound,
			Impl:    round,
		}, sig: "round(x decimal or money, unit decimal or money, [mode text]) → type of x"},
		{Func: Func{
			Name:    "start_of",
			Doc:     "The first day of a period (a month, quarter or year).",
			Example: "start_of(2026-Q2)",
			Result:  "2026-04-01",
			Params:  []lang.Type{lang.TPeriod},
			Ret:     lang.TDate,
			Impl:    periodStart,
		}},
		{Func: Func{
			Name:    "start_of_month",
			Doc:     "The first day of the month a date falls in.",
			Example: "start_of_month(2026-02-14)",
			Result:  "2026-02-01",
			Params:  date1(),
			Ret:     lang.TDate,
			Impl:    dateBound(types.PeriodMonth, false),
		}},
		{Func: Func{
			Name:    "start_of_quarter",
			Doc:     "The first day of the calendar quarter a date falls in: January 1, April 1, July 1 or October 1.",
			Example: "start_of_quarter(2026-05-14)",
			Result:  "2026-04-01",
			Params:  date1(),
			Ret:     lang.TDate,
			Impl:    dateBound(types.PeriodQuarter, false),
		}},
		{Func: Func{
			Name:    "start_of_year",
			Doc:     "The first day of the calendar year a date falls in, January 1.",
			Example: "start_of_year(2026-05-14)",
			Result:  "2026-01-01",
			Params:  date1(),
			Ret:     lang.TDate,
			Impl:    dateBound(types.PeriodYear, false),
		}},
		{Func: Func{
			Name: "started_days_between",
			Doc: "The number of days of 24 hours begun from the first timestamp to the second, a part of a day counting as a whole day: " +
				"1 from 17:45 to 17:45 the next day, 2 from 17:45 to 09:00 two days later. Zero for the same instant; negative when the second is earlier.",
			Example: "started_days_between(2027-03-04T17:45:00+01:00, 2027-03-06T09:00:00+01:00)",
			Result:  "2",
			Params:  []lang.Type{lang.TTimestamp, lang.TTimestamp},
			Ret:     lang.TInteger,
			Impl:    daysOf(types.StartedDaysBetween),
		}},
		{Func: Func{
			Name:    "starts_with",
			Doc:     "True when the first text begins with the second. Capitals matter.",
			Example: `starts_with("EMEA-North", "EMEA")`,
			Result:  "true",
			Params:  text2(),
			Ret:     lang.TBool,
			Impl:    startsWith,
		}},
		{Func: Func{
			Name: "sum",
			Doc: "The total of a list of numbers, percents or amounts of money in one currency. " +
				"A second argument is added to the total; lists of money or percents need it, to say what an empty list adds up to, as in sum(amounts, USD 0).",
			Example: "sum([USD 1,000.00, USD 250.50], USD 0)",
			Result:  "USD 1,250.50",
			Check:   checkSum,
			Impl:    sum,
		}, sig: "sum(list of T, [start T]) → T, for T a number, percent or money; start is required for percent and money"},
		{Func: Func{
			Name:    "upper",
			Doc:     "The text with small letters made capital.",
			Example: `upper("acme")`,
			Result:  `"ACME"`,
			Params:  text1(),
			Ret:     lang.TText,
			Impl:    upper,
		}},
		{Func: Func{
			Name: "whole_days_between",
			Doc: "The number of whole days of 24 hours from the first timestamp to the second; a part of a day does not count. " +
				"Negative when the second is earlier.",
			Example: "whole_days_between(2027-03-04T17:45:00+01:00, 2027-03-06T09:00:00+01:00)",
			Result:  "1",
			Params:  []lang.Type{lang.TTimestamp, lang.TTimestamp},
			Ret:     lang.TInteger,
			Impl:    daysOf(types.WholeDaysBetween),
		}},
		{Func: Func{
			Name:    "year",
			Doc:     "The year of a date as a number.",
			Example: "year(2026-05-14)",
			Result:  "2026",
			Params:  date1(),
			Ret:     lang.TInteger,
			Impl:    yearOf,
		}},
		{Func: Func{
			Name:    "year_of",
			Doc:     "The calendar year a date falls in, as a period.",
			Example: "year_of(2026-05-14)",
			Result:  "2026",
			Params:  date1(),
			Ret:     lang.TPeriod,
			Impl:    periodOf(types.PeriodYear),
		}},
	}
}

// ---- helpers shared by the Checks ----

func isBasic(t lang.Type, k lang.BasicKind) bool {
	b, ok := t.(*lang.Basic)
	return ok && b != nil && b.Kind == k
}

// isNumber reports whether t is integer or decimal.
func isNumber(t lang.Type) bool {
	return isBasic(t, lang.IntegerKind) || isBasic(t, lang.DecimalKind)
}

// moneyType returns t as money, or nil.
func moneyType(t lang.Type) *lang.Money {
	if m, ok := t.(*lang.Money); ok && m != nil {
		return m
	}
	return nil
}

// listType returns t as a list, or nil.
func listType(t lang.Type) *lang.List {
	if l, ok := t.(*lang.List); ok && l != nil {
		return l
	}
	return nil
}

// typeText names a type for a message; a missing type is "nothing".
func typeText(t lang.Type) string {
	if t == nil {
		return "nothing"
	}
	return t.String()
}

// arityMsg returns a message when n arguments are not between lo and hi
// (hi < 0: no upper bound), or "".
func arityMsg(n, lo, hi int) string {
	switch {
	case hi < 0 && n < lo:
		return fmt.Sprintf("needs at least %s, not %d", plural(lo, "argument"), n)
	case hi >= 0 && (n < lo || n > hi) && lo == hi:
		return fmt.Sprintf("takes %s, not %d", plural(lo, "argument"), n)
	case hi >= 0 && (n < lo || n > hi):
		return fmt.Sprintf("takes %d or %d arguments, not %d", lo, hi, n)
	}
	return ""
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// article returns "a" or "an" for a word, for messages.
func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}

// ---- helpers shared by the Impls ----

// valueType names the type of v as the checker names types: integer,
// money(USD), list.
func valueType(v types.Value) string {
	if v.Kind() == types.KindMoney {
		return "money(" + v.Currency() + ")"
	}
	return v.Kind().String()
}

// wantArgs reports an error unless there are lo to hi arguments (hi < 0:
// no upper bound).
func wantArgs(args []types.Value, lo, hi int) error {
	if msg := arityMsg(len(args), lo, hi); msg != "" {
		return errors.New(msg)
	}
	return nil
}

// wantKinds reports an error unless args are exactly of the given kinds.
func wantKinds(args []types.Value, kinds ...types.Kind) error {
	if err := wantArgs(args, len(kinds), len(kinds)); err != nil {
		return err
	}
	for i, k := range kinds {
		if args[i].Kind() != k {
			return argKindError(i, k.String(), args[i])
		}
	}
	return nil
}

// argKindError says that argument i (from 0) should have been a want.
func argKindError(i int, want string, got types.Value) error {
	return fmt.Errorf("argument %d must be %s %s, not %s", i+1, article(want), want, valueType(got))
}

// currencyError reports amounts in different currencies; it wraps
// ErrCurrency.
func funcCurrencyError(what string, a, b types.Value) error {
	return &EvalError{
		Msg: fmt.Sprintf("needs %s in one currency, not %s and %s", what, valueType(a), valueType(b)),
		Err: ErrCurrency,
	}
}

// intVal returns d, a whole number, as an integer value. Integers have the
// range of every number (60 digits), not that of int64.
func intVal(d types.Decimal) (types.Value, error) {
	return types.IntegerFromDecimal(d)
}

// smallInt returns the integer value v, a number of days or months, as an
// int.
func smallInt(v types.Value, unit string) (int, error) {
	n, ok := v.Num().Int64()
	if !ok || n < math.MinInt32 || n > math.MaxInt32 {
		return 0, &EvalError{
			Msg: fmt.Sprintf("%s %s is out of range", v.Num().String(), unit),
			Err: types.ErrOutOfRange,
		}
	}
	return int(n), nil
}
