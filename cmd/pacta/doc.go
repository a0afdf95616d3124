// Pacta checks, formats, runs and tests agreements written in the Pacta
// language (see SPEC.md), and answers questions about them: may this
// action be taken, what does each party owe for a ledger of sales, what
// is this expression worth.
//
// Install it with
//
//	go install github.com/pacta-lang/pacta/cmd/pacta@latest
//
// Usage:
//
//	pacta COMMAND [arguments]
//
// The commands are:
//
//	check       parse and type-check agreements
//	fmt         format agreements in the canonical layout
//	eval        evaluate an expression
//	decide      decide whether actions are permitted
//	settle      settle a ledger and print the statement
//	test        run the test blocks of agreements
//	vet         find conflicts, dead clauses and money that does not add up
//	render      render agreements as a document for review (HTML or Markdown)
//	repl        ask questions and try clauses interactively
//	serve       answer decisions, settlements and checks over HTTP (JSON)
//	playground  write the playground (Pacta in the browser) as static files
//	version     print the version (also pacta --version)
//	completion  print a shell completion script (bash, zsh, fish)
//
// pacta help prints this list, and pacta help COMMAND or pacta COMMAND
// --help the options of one command. Flags may come before or after the
// files, and may be written -name or --name.
//
// # Files
//
// Agreements are read from the FILE and DIR arguments. A directory stands
// for the .pacta files below it, in lexical order, except in directories
// named testdata or vendor or whose names start with "." or "_", as the go
// tool's ./... leaves them out; a directory named on the command line is
// read whatever its name. Every command that reads agreements takes
// --max-source-bytes to raise the size limit of one source file (4 MiB).
//
// # Check
//
//	pacta check [-q] [--format text|json] FILE|DIR...
//
// Prints every problem as file:line:col: message, with the source line and
// a caret, sorted; -q prints nothing when there is none. With --format
// json it writes one JSON document instead, problems or not:
//
//	{"files": ["deal/agreement.pacta"],
//	 "problems": [{"file": "deal/agreement.pacta", "line": 9, "col": 5,
//	               "message": "unknown party \"sellr\"",
//	               "hint": "did you mean \"seller\"?"}],
//	 "omitted": 0}
//
// Every member is always present: hint is "" when there is none; line and
// col are 0 and file "" for a problem with no position (a file that cannot
// be read); omitted counts problems past the first 1,000, not listed.
//
// # Fmt
//
//	pacta fmt [-w | -l | -d] [FILE|DIR...]
//
// Prints the files in the one canonical layout (standard input when no
// file is given); -w rewrites them, -l lists those that would change, -d
// prints a unified diff of the changes (from name.orig to name, as gofmt
// -d does, in time O(n log n) and linear memory however large the file).
//
// # Eval
//
//	pacta eval [-f FILE|DIR]... [--agreement ID] [--as-of DATE] [--format text|json] EXPR
//
// Evaluates an expression exactly: pacta eval '20% of USD 1,000.00'
// prints USD 200.00. With -f (repeatable) it sees the terms, parties and
// kinds of the loaded agreements; --agreement chooses one when several are
// loaded, and --as-of the version in force on a date. With --format json
// it writes one line, whether or not the expression could be evaluated:
//
//	{"value": "USD 200.00", "type": "money(USD)", "problems": [], "omitted": 0}
//
// value (the result as Pacta writes it) and type are null when there is
// none; problems have the shape check --format json gives them, the
// expression being the file "<expr>".
//
// # Decide
//
//	pacta decide FILE|DIR... [--action JSON] [--as-of DATE] [--format text|json] [--fail-on prohibited|conflict]
//
// Decides one action given with --action, or one per line of standard
// input (JSON Lines), each a JSON object such as
//
//	{"action":"sell","actor":"openai","date":"2026-12-01","platform":"AWS",...}
//
// and prints the verdict (permitted, prohibited, a conflict, or not
// covered and then the agreement's default), the deciding clause and every
// clause that applied; with --format json, one JSON object per action.
// --as-of decides as the agreements stood on a date. With --fail-on
// prohibited the exit status is 3 if any action may not be taken
// (prohibited, a conflict, or a prohibiting default); with --fail-on
// conflict, if any meets a conflict. Every action is still decided.
//
// # Settle
//
//	pacta settle FILE|DIR... --ledger PATH|- [--ledger-format csv|jsonl]
//		[--period PERIOD | --from DATE --to DATE] [--as-of DATE] [--agreement ID]
//		[--format text|json] [--breaches summary|all] [--max-row-bytes N] [--jobs N]
//
// Settles a ledger (CSV or JSON Lines, chosen by the file's extension or
// --ledger-format; --ledger - reads standard input, JSON Lines if it
// starts with "{" and CSV otherwise) and prints the statement per period
// and per pair of parties, the breaches (prohibited actions found in the
// ledger: the first 100 and counts per clause, or --breaches all) and what
// is overdue as of --as-of. --period takes 2027-Q1, 2027-H1, 2027-03, 2027, or a fiscal period of the
// agreement (FY2028, FY2028-Q1, FY2028-H1).
// --max-row-bytes raises the limit on one ledger row (1 MiB). --jobs N
// (default: the number of CPUs Go uses) settles a ledger file with N
// workers that read, decide and evaluate slices of it, merged in order:
// the statement is byte for byte the one of a single pass, and an
// agreement that needs its ledger in order (`owed by`) or a ledger with
// an error is settled again in one pass.
//
// # Test
//
//	pacta test [--format text|json] [FILE|DIR...]
//
// Runs the test blocks of the agreements (by default those below the
// current directory) and prints PASS or FAIL for each, every failed
// expectation with its position, and the clauses no test exercises.
//
// # Vet
//
//	pacta vet [--format text|json] FILE|DIR...
//
// Analyses the agreements before anything runs (SPEC 14): unordered
// conflicts, dead and always-overridden clauses, overrides that never meet
// their target, actions no clause covers, money that does not add up and
// prose whose figures disagree with the logic. Each finding that claims an
// action can meet something gives a witness action that pacta decide
// answers as the finding says. Exit status 1 when any error or warning is
// found (info notes do not count), 2 when the agreements do not load.
//
// # Render
//
//	pacta render FILE|DIR... [--as-of DATE] [--since DATE] [--agreement ID] [--format html|md|pdf]
//		[--check] [--ledger PATH [--period P]] [-o FILE] [--max-row-bytes N]
//
// Writes the agreements as one self-contained HTML document (or Markdown
// with --format md, or PDF with --format pdf, printed by a headless
// Chromium: chromium, chromium-browser or google-chrome on the PATH, or
// $PACTA_CHROMIUM) to standard output or to the file -o names: every
// clause in force as of --as-of (by default with every amendment) with its
// prose and a generated plain-English reading, the versions, precedence
// graphs and tier charts (inline SVG), the glossary, the test blocks as
// worked examples (--check runs them and marks each passed or failed),
// each amendment as a redline (with --since, what changed from that date
// to --as-of), and with --ledger (for --period, or the whole ledger) the
// statement with each line's ledger rows. The same input gives the same
// bytes.
//
// # Repl
//
//	pacta repl [--as-of DATE] [--agreement ID] [--width N] [FILE|DIR]...
//
// Starts the interactive REPL; :help lists its commands. With piped input
// it reads entries line by line and prints only the answers; --width N
// wraps them at N columns, as a terminal that wide would.
//
// # Serve
//
//	pacta serve FILE|DIR... [--addr HOST:PORT] [--step-budget N] [--timeout D]
//		[--max-body BYTES] [--poll D] [--max-row-bytes N] [--playground=false]
//
// Answers over HTTP, as JSON, on --addr (127.0.0.1:8080): POST /v1/decide
// (one action, a JSON array of them, or JSON Lines), POST /v1/settle (a
// ledger in the body, text/csv or application/x-ndjson), POST /v1/eval,
// POST /v1/check, GET /v1/vet, GET /v1/agreements, /v1/openapi.json (which describes
// every route), /v1/schema/NAME, /healthz and /metrics. Answers are the
// JSON decide and settle print with --format json; errors are
// {"error": {"code", "message", "position"}}. The files are reloaded when
// they change (looked at every --poll, 1s; 0 never), and an edit that does
// not compile leaves the last good version served and is reported. Each
// request is bounded by --timeout (10s) and --max-body (32 MiB), each
// question by --step-budget (1,000,000 steps; a request may ask for fewer
// with ?step_budget=N). SIGINT or SIGTERM stops the server once the
// requests in flight are answered. GET / is the playground (see below),
// unless --playground=false.
//
// # Playground
//
//	pacta playground --out DIR
//
// Writes the playground, Pacta in the browser, as static files for any
// web server: an editor with highlighting and diagnostics, decisions
// with why, statements of a pasted ledger, tests with the clauses they
// leave unexercised, the rendered document, vet, the bundled examples,
// and the session in the link. Its interpreter (pacta.wasm) is built from
// Pacta's source by the local Go toolchain, once per version of the
// source, in the user cache directory. The source is the clone of Pacta
// the command runs in (or the one PACTA_SOURCE names), or, for a pacta
// installed with go install ...@VERSION, that version's source in the
// module cache.
//
// # Version and completion
//
// pacta version and pacta --version print the module version recorded in
// the binary: v0.1.0 when installed with go install, or, for a build from
// a checkout, "(devel)" or a pseudo-version with the commit, its time and
// whether the tree had local changes.
//
// pacta completion bash|zsh|fish prints a completion script for the
// commands, their flags and flag values, and .pacta and ledger files:
//
//	source <(pacta completion bash)
//	source <(pacta completion zsh)
//	pacta completion fish | source
//
// # Exit status
//
//	0  success
//	1  problems found: errors in agreements, ledgers or actions, failed
//	   tests, files that fmt -l or fmt -d would change, vet findings
//	2  usage error: an unknown command or flag, a missing argument; for
//	   vet, also agreements that do not load (its 1 is for findings)
//	3  pacta decide --fail-on: an action got the answer named
package main
