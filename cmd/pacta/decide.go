package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// stdin is where commands read standard input; tests replace it.
var stdin io.Reader = os.Stdin

// maxInputLine bounds one line of JSON read from standard input.
const maxInputLine = 16 << 20

func runDecide(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("decide", "pacta decide FILE|DIR... [--action JSON] [--as-of DATE] [--format text|json] [--fail-on prohibited|conflict]",
		`Decide whether actions may be taken: permitted, prohibited, a conflict,
or not covered (and then the agreement's default), with the deciding
clause and every clause that applied.

An action is a JSON object: "action" names it, "actor" the party taking
it, "date" its date, and every other member is a field; every field must
be given. For example
  {"action":"sell","actor":"openai","date":"2026-12-01","product":"OpenAI API",
   "platform":"AWS","region":"US","gross":"USD 50,000.00","refunds":"USD 0.00"}
"agreement" may say which agreement, when several are loaded. Without
--action, actions are read from standard input as JSON Lines, one per
line, and one decision is written per action, in order (with --format
json, one JSON object per line). A line that is not a valid action is
reported on standard error as stdin:LINE: field "NAME": problem, and the
other lines are still decided and written; so is a line longer than
16 MiB (stdin:LINE: the line is longer than 16 MiB).

With --fail-on prohibited, the exit status is 3 when any action decided
may not be taken: prohibited by a clause, a conflict, or not covered and
prohibited by the agreement's default. With --fail-on conflict, it is 3
when any action meets a conflict. Every action is still decided and
written. This is for scripts and CI gates:
  pacta decide deal/ --action "$sale" --fail-on prohibited || exit 1

Exit status: 0 every action decided (and, with --fail-on, none failed),
1 a bad action (after deciding the others) or agreement, 2 usage error,
3 with --fail-on, an action's answer was the one named.`, stderr)
	action := fs.String("action", "", "the action to decide, as a JSON object")
	asOf := fs.String("as-of", "", "decide as the agreement stood on `DATE` (YYYY-MM-DD): amendments effective later are left out")
	format := fs.String("format", "text", "output format: text or json")
	ledger := fs.String("ledger", "", "decide after the termination recorded in the ledger `FILE` (.csv or .jsonl), if any (SPEC 5.6)")
	failOn := fs.String("fail-on", "", "exit with status 3 if any answer is this `kind`: prohibited (the action may not be taken) or conflict")
	limits := limitFlags(fs, false)
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	actionSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "action" {
			actionSet = true
		}
	})
	if len(paths) == 0 {
		return usageError(fs, stderr, "decide", "no agreement files given")
	}
	if *format != "text" && *format != "json" {
		return usageError(fs, stderr, "decide", fmt.Sprintf("unknown format %q: use text or json", *format))
	}
	if *failOn != "" && *failOn != "prohibited" && *failOn != "conflict" {
		return usageError(fs, stderr, "decide", fmt.Sprintf("unknown --fail-on %q: use prohibited or conflict", *failOn))
	}
	var opts interp.DecideOptions
	if *asOf != "" {
		d, err := types.ParseDate(*asOf)
		if err != nil {
			return usageError(fs, stderr, "decide", fmt.Sprintf("--as-of: %v", err))
		}
		opts.AsOf = d
	}
	p, err := loadProgram(paths, limits()...)
	if err != nil {
		printCmdError(stderr, "decide", err)
		return 1
	}
	ctx := context.Background()
	if *ledger != "" {
		t, err := ledgerTermination(ctx, p, *ledger, opts.AsOf)
		if err != nil {
			printCmdError(stderr, "decide", err)
			return 1
		}
		opts.Terminated = t
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	n := 0          // decisions written
	failed := false // an answer --fail-on names
	decideOne := func(text []byte) error {
		rec, err := p.ParseActionJSON(text)
		if err != nil {
			return err
		}
		d, err := p.Decide(ctx, rec, opts)
		if err != nil {
			return err
		}
		n++
		failed = failed || failsOn(*failOn, d)
		if *format == "json" {
			return d.WriteJSON(out)
		}
		if n > 1 {
			out.WriteByte('\n')
		}
		return d.WriteText(out)
	}
	if actionSet {
		if err := decideOne([]byte(*action)); err != nil {
			fmt.Fprintf(stderr, "pacta decide: %v\n", err)
			return 1
		}
		return failStatus(failed)
	}
	// Standard input: every line is decided; a bad one is reported with
	// its line number and the others are still decided and written.
	rd := bufio.NewReaderSize(stdin, 64<<10)
	var buf []byte
	line, actions, bad := 0, 0, 0
	for {
		text, tooLong, err := readLine(rd, buf[:0], maxInputLine)
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			out.Flush()
			fmt.Fprintf(stderr, "stdin:%d: %v\n", line, err)
			return 1
		}
		if tooLong {
			// The line is skipped to its end, counted as a bad action,
			// and the lines after it are still decided.
			actions++
			bad++
			out.Flush()
			fmt.Fprintf(stderr, "stdin:%d: the line is longer than %d MiB; give one action per line\n", line, maxInputLine>>20)
			continue
		}
		buf = text
		text = bytes.TrimSpace(text)
		if line == 1 {
			text = bytes.TrimPrefix(text, []byte("\uFEFF"))
		}
		if len(text) == 0 {
			continue
		}
		actions++
		if err := decideOne(text); err != nil {
			bad++
			out.Flush() // keep stdout and stderr in step for a reader of both
			fmt.Fprintf(stderr, "stdin:%d: %v\n", line, nameAgreementFlag("decide", err))
		}
	}
	if actions == 0 {
		fmt.Fprintln(stderr, "pacta decide: no actions on standard input; give one JSON object per line, or use --action")
		return 1
	}
	if bad > 0 {
		out.Flush()
		fmt.Fprintf(stderr, "pacta decide: %d of %d %s could not be decided\n", bad, actions, plural(actions, "action", "actions"))
		return 1
	}
	return failStatus(failed)
}

// exitFailOn is the exit status of decide when --fail-on names an answer
// it gave.
const exitFailOn = 3

// failsOn reports whether decision d is an answer --fail-on names:
// "prohibited" names every answer whose effect is that the action may not
// be taken (prohibited, a conflict, or a prohibiting default);
// "conflict" names conflicts; "" names nothing.
func failsOn(failOn string, d *result.Decision) bool {
	switch failOn {
	case "prohibited":
		return d.Effect == lang.Prohibited
	case "conflict":
		return d.Verdict == lang.Conflict
	}
	return false
}

func failStatus(failed bool) int {
	if failed {
		return exitFailOn
	}
	return 0
}

// usageError reports a usage problem and returns exit status 2.
func usageError(fs *flag.FlagSet, stderr io.Writer, cmd, msg string) int {
	fmt.Fprintf(stderr, "pacta %s: %s\n", cmd, msg)
	fmt.Fprintf(stderr, "Run `pacta %s --help` for usage.\n", cmd)
	return 2
}

// readLine reads the next line of r into buf and returns it without its
// newline. A line longer than max bytes is read to its end and dropped:
// tooLong reports it, and the next call reads the line after it. err is
// io.EOF when no input is left.
func readLine(r *bufio.Reader, buf []byte, max int) (line []byte, tooLong bool, err error) {
	read := false
	for {
		chunk, err := r.ReadSlice('\n')
		read = read || len(chunk) > 0
		chunk = bytes.TrimSuffix(chunk, []byte("\n"))
		if !tooLong {
			if len(buf)+len(chunk) > max {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && read:
			return buf, tooLong, nil
		case err != nil:
			return buf, tooLong, err
		}
		return buf, tooLong, nil
	}
}

// ledgerTermination settles the ledger in the file name to find the
// termination it records (SPEC 5.6), nil if none.
func ledgerTermination(ctx context.Context, p *interp.Program, name string, asOf types.Date) (*result.Termination, error) {
	read, ok := ledgerReader(name)
	if !ok {
		read = (*interp.Program).ReadCSV
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fileError(name, err)
	}
	defer f.Close()
	st, err := p.Settle(ctx, read(p, "", name, f), interp.SettleOptions{AsOf: asOf, OnBreach: func(*result.Breach) error { return nil }})
	if err != nil {
		return nil, err
	}
	return st.Terminated, nil
}
