package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/ledgerfmt"
	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
)

func runSettle(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("settle", "pacta settle FILE|DIR... --ledger PATH|- [--ledger-format csv|jsonl] [--period PERIOD | --from DATE --to DATE] [--as-of DATE] [--agreement ID] [--format text|json] [--breaches summary|all] [--jobs N]",
		`Settle a ledger: apply every payment and share clause to the actions and
events in the ledger, and print the statement per period and per pair of
parties (each line with its clause, base, rate, amount and due date),
the prohibited actions found in the ledger (breaches), and what is
overdue.

The ledger is CSV (.csv) or JSON Lines (.jsonl, .json, .ndjson), one row
per action or event, in date order. --ledger - reads it from standard
input (its rows are then named stdin:LINE); its format is then the one
--ledger-format gives, or else JSON Lines if its first character other
than a space is "{", and CSV otherwise. --ledger-format also overrides
the extension of a file's name. A CSV ledger starts with a header row
naming its columns: action, actor (empty for events), date, then the
fields of the actions and events. A JSON Lines ledger has one object per
line: {"action":"sell","actor":"openai","date":"2026-10-15",...}. Every
field of a row's action or event must be given. A list of items (an
invoice's lines) is an array of objects, {"lines":[{"sku":"W-1",...}]},
which only JSON Lines can hold: a CSV ledger refuses such rows.

The statement covers --period (2027-Q1, 2027-H1, 2027-03, 2027, or a
fiscal period of the agreement: FY2027, FY2027-Q1, FY2027-H1), or --from and
--to (both inclusive); by default, from the agreement's effective date to
the date of the last row. Rows before the range still count towards
running totals (tiers, caps, recoupment).

Breaches are listed in ledger order. With --breaches summary (the
default) the first 100 are listed, then how many more each clause
prohibited; with --breaches all every one is listed, kept meanwhile in a
temporary file so that memory stays flat however many there are.

A ledger file is settled by --jobs workers (by default as many as the
CPUs Go uses), each reading, deciding and evaluating a slice of it, the
slices merged in order: the statement is the same, byte for byte, as
with --jobs 1. An agreement that needs its ledger in order (one that asks
what was owed for an earlier period) and a ledger with an error are
settled again in one pass, so errors name the same row.

Exit status: 0 settled, 1 a bad ledger row or agreement (nothing else is
printed), 2 usage error.`, stderr)
	ledger := fs.String("ledger", "", "the ledger to settle: a .csv or .jsonl `file`, or - for standard input")
	ledgerFormat := fs.String("ledger-format", "", "the ledger's `format`, csv or jsonl (default: from the file's extension; for standard input, from its first character)")
	period := fs.String("period", "", "settle this `period`: a quarter like 2027-Q1, a half year like 2027-H1, a month like 2027-03, a year, or a fiscal period like FY2027-Q1")
	from := fs.String("from", "", "the first `date` of the statement (YYYY-MM-DD)")
	to := fs.String("to", "", "the last `date` of the statement (YYYY-MM-DD)")
	asOf := fs.String("as-of", "", "report what is overdue as of this `date` (default: the end of the statement)")
	agreement := fs.String("agreement", "", "the `agreement` to settle, when several are loaded")
	format := fs.String("format", "text", "output format: text or json")
	breaches := fs.String("breaches", "summary", "which breaches to list: summary (the first 100, and counts per clause) or all")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "settle a ledger file with this many `workers` (the statement is the same with any number; standard input is read with one)")
	limits := limitFlags(fs, true)
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageError(fs, stderr, "settle", "no agreement files given")
	}
	if *ledger == "" {
		return usageError(fs, stderr, "settle", "no ledger given: use --ledger FILE")
	}
	if *format != "text" && *format != "json" {
		return usageError(fs, stderr, "settle", fmt.Sprintf("unknown format %q: use text or json", *format))
	}
	if *jobs < 1 {
		return usageError(fs, stderr, "settle", fmt.Sprintf("--jobs %d: give 1 or more workers", *jobs))
	}
	if *breaches != "summary" && *breaches != "all" {
		return usageError(fs, stderr, "settle", fmt.Sprintf("unknown --breaches %q: use summary or all", *breaches))
	}
	var read ledgerFunc
	switch {
	case *ledgerFormat != "":
		if read, ok = ledgerReader("." + *ledgerFormat); !ok || (*ledgerFormat != "csv" && *ledgerFormat != "jsonl") {
			return usageError(fs, stderr, "settle", fmt.Sprintf("unknown --ledger-format %q: use csv or jsonl", *ledgerFormat))
		}
	case *ledger == "-":
		// Chosen from the first character, once it is read.
	default:
		if read, ok = ledgerReader(*ledger); !ok {
			return usageError(fs, stderr, "settle", fmt.Sprintf("%s: cannot tell the ledger's format from its name; use a .csv or .jsonl file, or give --ledger-format", *ledger))
		}
	}
	opts := interp.SettleOptions{Agreement: *agreement}
	if *period != "" {
		if *from != "" || *to != "" {
			return usageError(fs, stderr, "settle", "give either --period or --from and --to, not both")
		}
		// The period is read once the agreements are loaded: a fiscal
		// period counts by the agreement's fiscal year.
	}
	for _, f := range []struct {
		name, text string
		dst        *types.Date
	}{{"from", *from, &opts.From}, {"to", *to, &opts.To}, {"as-of", *asOf, &opts.AsOf}} {
		if f.text == "" {
			continue
		}
		d, err := types.ParseDate(f.text)
		if err != nil {
			return usageError(fs, stderr, "settle", fmt.Sprintf("--%s: %v", f.name, err))
		}
		*f.dst = d
	}
	if !opts.From.IsZero() && !opts.To.IsZero() && opts.To.Before(opts.From) {
		return usageError(fs, stderr, "settle", fmt.Sprintf("--to %s is before --from %s", opts.To, opts.From))
	}
	p, err := loadProgram(paths, limits()...)
	if err != nil {
		printCmdError(stderr, "settle", err)
		return 1
	}
	if *period != "" {
		per, err := readPeriod(p, *agreement, *period)
		if err != nil {
			return usageError(fs, stderr, "settle", fmt.Sprintf("--period: %v", err))
		}
		opts.From, opts.To = per.Start(), per.End()
	}
	var in io.Reader
	var file *os.File
	source := *ledger
	if *ledger == "-" {
		source = "stdin"
		br := bufio.NewReader(stdin)
		if read == nil {
			read = sniffLedger(br)
		}
		in = br
	} else {
		f, err := os.Open(*ledger)
		if err != nil {
			printCmdError(stderr, "settle", fileError(*ledger, err))
			return 1
		}
		defer f.Close()
		in = f
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			file = f // read again from the start if settling in slices fails
		}
	}
	var spool *result.BreachSpool
	var newSpool func() error // a fresh spool, when the breaches are spooled
	if *breaches == "all" {
		tmp, err := os.CreateTemp("", "pacta-breaches-*.jsonl")
		if err != nil {
			printCmdError(stderr, "settle", fmt.Errorf("cannot make a temporary file for the breaches: %v", err))
			return 1
		}
		defer os.Remove(tmp.Name())
		defer tmp.Close()
		spool = result.NewBreachSpool(tmp)
		opts.OnBreach = spool.Add
		newSpool = func() error {
			if _, err := tmp.Seek(0, io.SeekStart); err != nil {
				return err
			}
			if err := tmp.Truncate(0); err != nil {
				return err
			}
			spool = result.NewBreachSpool(tmp)
			opts.OnBreach = spool.Add
			return nil
		}
	}
	var st *result.Statement
	if file != nil && *jobs > 1 {
		// In slices, by workers; on any error, again in one pass, which
		// names the row at fault as ever.
		isCSV := *ledgerFormat == "csv" || *ledgerFormat == "" && strings.EqualFold(filepath.Ext(*ledger), ".csv")
		st, err = settleJobs(p, *agreement, source, file, isCSV, *jobs, opts)
		if err != nil {
			st = nil
			if _, err := file.Seek(0, io.SeekStart); err != nil {
				printCmdError(stderr, "settle", fileError(*ledger, err))
				return 1
			}
			if newSpool != nil {
				if err := newSpool(); err != nil {
					printCmdError(stderr, "settle", fmt.Errorf("cannot make a temporary file for the breaches: %v", err))
					return 1
				}
			}
		}
	}
	if st == nil {
		st, err = p.Settle(context.Background(), read(p, *agreement, source, in), opts)
	}
	if errors.Is(err, interp.ErrTooLarge) {
		fmt.Fprintf(stderr, "%v (raise the limit with --max-row-bytes)\n", err)
		return 1
	}
	if err != nil {
		printCmdError(stderr, "settle", err)
		return 1
	}
	// The statement is written as it is made.
	if *format == "json" {
		err = st.WriteJSONAll(stdout, spool)
	} else {
		err = st.WriteTextAll(stdout, spool)
	}
	if err != nil {
		printCmdError(stderr, "settle", err)
		return 1
	}
	return 0
}

type ledgerFunc func(p *interp.Program, agreement, source string, r io.Reader) iter.Seq2[interp.Event, error]

// ledgerReader chooses the reader of a ledger from its file name.
func ledgerReader(name string) (ledgerFunc, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return (*interp.Program).ReadCSV, true
	case ".jsonl", ".json", ".ndjson":
		return (*interp.Program).ReadJSONL, true
	}
	return nil, false
}

// sniffLedger chooses the reader of a ledger read from r by its first
// bytes (package ledgerfmt), reading ahead without consuming anything;
// a ledger of nothing but white space is CSV.
func sniffLedger(r *bufio.Reader) ledgerFunc {
	for n := 1; ; n++ {
		b, err := r.Peek(n)
		json, known := ledgerfmt.JSONLines(b)
		switch {
		case known && json:
			return (*interp.Program).ReadJSONL
		case known, len(b) < n || err != nil, n >= r.Size():
			return (*interp.Program).ReadCSV
		}
	}
}

// readPeriod reads --period as Program.ParsePeriod does (2027-Q1, 2027-H1,
// 2027-03, 2027, or a fiscal period by the fiscal year of the agreement
// named, or the only one), naming the flag that chooses the agreement.
func readPeriod(p *interp.Program, agreement, text string) (types.Period, error) {
	per, err := p.ParsePeriod(agreement, text)
	if err != nil && agreement == "" && errors.Is(err, interp.ErrUnknownAgreement) {
		return per, fmt.Errorf("%v with --agreement", err)
	}
	return per, err
}
