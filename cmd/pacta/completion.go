package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

func runCompletion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("completion", "pacta completion bash|zsh|fish",
		`Print a shell completion script for pacta: it completes the commands,
each command's flags (and the values of --format, --breaches and
--fail-on), .pacta files and directories where agreements go, and ledger
files after --ledger. Load it with

  bash:  source <(pacta completion bash)
  zsh:   source <(pacta completion zsh)    (or save it as _pacta in $fpath)
  fish:  pacta completion fish | source

Exit status: 0 success, 2 usage error.`, stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		return usageError(fs, stderr, "completion", "name one shell: bash, zsh or fish")
	}
	specs := commandSpecs()
	switch fs.Arg(0) {
	case "bash":
		writeBashCompletion(stdout, specs)
	case "zsh":
		writeZshCompletion(stdout, specs)
	case "fish":
		writeFishCompletion(stdout, specs)
	default:
		return usageError(fs, stderr, "completion", fmt.Sprintf("unknown shell %q: use bash, zsh or fish", fs.Arg(0)))
	}
	return 0
}

// cmdSpec is what completion knows of a command.
type cmdSpec struct {
	name, summary string
	flags         []flagSpec
	// args is what the positional arguments are: argFiles (agreement
	// files and directories), argNone, or a fixed list of words.
	args []string
}

var (
	argFiles = []string{"<files>"}
	argNone  = []string(nil)
)

// flagSpec is one flag of a command.
type flagSpec struct {
	name, usage string
	bool        bool     // takes no value
	repeatable  bool     // may be given more than once
	values      []string // the values it takes, when they are a fixed set
	files       []string // the extensions of the files it names, if it names files
}

// flagValues are the flags whose values are a fixed set.
var flagValues = map[string][]string{
	"format":        {"text", "json"},
	"breaches":      {"summary", "all"},
	"fail-on":       {"prohibited", "conflict"},
	"ledger-format": {"csv", "jsonl"},
}

// flagFiles are the flags that name files, with their extensions.
var flagFiles = map[string][]string{
	"f":      {"pacta"},
	"ledger": {"csv", "jsonl", "json", "ndjson"},
}

// flagCollector is the standard error a command's flag set is made with
// when completion asks for its flags (see newFlags): it keeps the flag set
// and discards the help text.
type flagCollector struct{ fs *flag.FlagSet }

func (*flagCollector) Write(p []byte) (int, error) { return len(p), nil }

// commandSpecs describes every command, its flags read from the flag set
// the command itself makes (by running it with --help), so that completion
// never lags behind the commands.
func commandSpecs() []cmdSpec {
	var specs []cmdSpec
	for _, c := range commands() {
		s := cmdSpec{name: c.name, summary: c.summary, args: argFiles}
		switch c.name {
		case "eval", "version":
			s.args = argNone
		case "completion":
			s.args = []string{"bash", "zsh", "fish"}
		}
		col := &flagCollector{}
		c.run([]string{"--help"}, io.Discard, col)
		if col.fs != nil {
			col.fs.VisitAll(func(f *flag.Flag) {
				_, usage := flag.UnquoteUsage(f)
				usage, _, _ = strings.Cut(usage, "\n")
				fl := flagSpec{name: f.Name, usage: usage, values: flagValues[f.Name], files: flagFiles[f.Name]}
				if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
					fl.bool = true
				}
				_, fl.repeatable = f.Value.(*multiFlag)
				s.flags = append(s.flags, fl)
			})
		}
		specs = append(specs, s)
	}
	var names []string
	for _, s := range specs {
		names = append(names, s.name)
	}
	specs = append(specs, cmdSpec{name: "help", summary: "print help about a command", args: names})
	return specs
}

// dash is the flag as the documentation writes it: -x for one letter,
// --name otherwise (Go's flag package takes either form).
func dash(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func writeBashCompletion(w io.Writer, specs []cmdSpec) {
	var names []string
	for _, s := range specs {
		names = append(names, s.name)
	}
	fmt.Fprintf(w, `# bash completion for pacta. Load it with
#   source <(pacta completion bash)

# _pacta_files completes directories and the files with the extensions
# given in $1 (separated by spaces).
_pacta_files() {
	local ext exts=($1)
	local IFS=$'\n'
	COMPREPLY=($(compgen -d -- "$cur"))
	for ext in "${exts[@]}"; do
		COMPREPLY+=($(compgen -f -X "!*.$ext" -- "$cur"))
	done
}

_pacta() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} flags=
	COMPREPLY=()
	if ((COMP_CWORD == 1)); then
		COMPREPLY=($(compgen -W '%s --help --version' -- "$cur"))
		return
	fi
	case ${COMP_WORDS[1]} in
`, strings.Join(names, " "))
	for _, s := range specs {
		fmt.Fprintf(w, "\t%s)\n", s.name)
		var flags []string
		var valued []flagSpec
		for _, f := range s.flags {
			flags = append(flags, dash(f.name))
			if !f.bool {
				valued = append(valued, f)
			}
		}
		if len(valued) > 0 {
			fmt.Fprintf(w, "\t\tcase $prev in\n")
			for _, f := range valued {
				fmt.Fprintf(w, "\t\t-%s | --%s)\n", f.name, f.name)
				switch {
				case len(f.values) > 0:
					fmt.Fprintf(w, "\t\t\tCOMPREPLY=($(compgen -W '%s' -- \"$cur\"))\n", strings.Join(f.values, " "))
				case len(f.files) > 0:
					fmt.Fprintf(w, "\t\t\t_pacta_files '%s'\n", strings.Join(f.files, " "))
				}
				fmt.Fprintf(w, "\t\t\treturn\n\t\t\t;;\n")
			}
			fmt.Fprintf(w, "\t\tesac\n")
		}
		fmt.Fprintf(w, "\t\tflags='%s'\n", strings.Join(append(flags, "--help"), " "))
		fmt.Fprintf(w, "\t\tif [[ $cur == -* ]]; then\n\t\t\tCOMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n")
		switch {
		case sameArgs(s.args, argFiles):
			fmt.Fprintf(w, "\t\telse\n\t\t\t_pacta_files pacta\n")
		case len(s.args) > 0:
			fmt.Fprintf(w, "\t\telse\n\t\t\tCOMPREPLY=($(compgen -W '%s' -- \"$cur\"))\n", strings.Join(s.args, " "))
		}
		fmt.Fprintf(w, "\t\tfi\n\t\t;;\n")
	}
	fmt.Fprintf(w, "\tesac\n}\n\ncomplete -o filenames -F _pacta pacta\n")
}

func writeZshCompletion(w io.Writer, specs []cmdSpec) {
	fmt.Fprintf(w, `#compdef pacta
# zsh completion for pacta. Load it with
#   source <(pacta completion zsh)
# or save it as _pacta in a directory of $fpath.

_pacta() {
	local -a commands
	commands=(
`)
	for _, s := range specs {
		fmt.Fprintf(w, "\t\t%s\n", zshQuote(s.name+":"+s.summary))
	}
	fmt.Fprintf(w, `	)
	if ((CURRENT == 2)); then
		_describe -t commands 'pacta command' commands
		compadd -- --help --version
		return
	fi
	local cmd=$words[2]
	shift words
	((CURRENT--))
	case $cmd in
`)
	for _, s := range specs {
		fmt.Fprintf(w, "\t%s)\n\t\t_arguments \\\n", s.name)
		for _, f := range s.flags {
			spec := dash(f.name) + "[" + zshEscape(f.usage) + "]"
			if f.repeatable {
				spec = "*" + spec
			}
			if !f.bool {
				switch {
				case len(f.values) > 0:
					spec += ":" + f.name + ":(" + strings.Join(f.values, " ") + ")"
				case len(f.files) > 0:
					spec += ":" + f.name + ":_files -g '*.(" + strings.Join(f.files, "|") + ")'"
				default:
					spec += ":" + f.name + ": "
				}
			}
			fmt.Fprintf(w, "\t\t\t%s \\\n", zshQuote(spec))
		}
		switch {
		case sameArgs(s.args, argFiles):
			fmt.Fprintf(w, "\t\t\t%s\n", zshQuote("*:agreement:_files -g '*.pacta'"))
		case len(s.args) > 0:
			fmt.Fprintf(w, "\t\t\t%s\n", zshQuote("1:argument:("+strings.Join(s.args, " ")+")"))
		default:
			fmt.Fprintf(w, "\t\t\t%s\n", zshQuote("*:argument: "))
		}
		fmt.Fprintf(w, "\t\t;;\n")
	}
	fmt.Fprintf(w, `	esac
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
	_pacta "$@"
else
	compdef _pacta pacta
fi
`)
}

func writeFishCompletion(w io.Writer, specs []cmdSpec) {
	fmt.Fprintf(w, "# fish completion for pacta. Load it with\n#   pacta completion fish | source\n\ncomplete -c pacta -f\n")
	for _, s := range specs {
		fmt.Fprintf(w, "complete -c pacta -n __fish_use_subcommand -a %s -d %s\n", s.name, fishQuote(s.summary))
	}
	fmt.Fprintf(w, "complete -c pacta -n __fish_use_subcommand -l version -d 'print the version'\n")
	for _, s := range specs {
		cond := fishQuote("__fish_seen_subcommand_from " + s.name)
		for _, f := range s.flags {
			opt := "-l " + f.name
			if len(f.name) == 1 {
				opt = "-s " + f.name
			}
			extra := ""
			switch {
			case f.bool:
			case len(f.values) > 0:
				extra = " -x -a " + fishQuote(strings.Join(f.values, " "))
			case len(f.files) > 0:
				var sfx []string
				for _, e := range f.files {
					sfx = append(sfx, "."+e)
				}
				extra = " -r -a " + fishQuote("(__fish_complete_suffix "+strings.Join(sfx, " ")+")")
			default:
				extra = " -x"
			}
			fmt.Fprintf(w, "complete -c pacta -n %s %s%s -d %s\n", cond, opt, extra, fishQuote(f.usage))
		}
		switch {
		case sameArgs(s.args, argFiles):
			fmt.Fprintf(w, "complete -c pacta -n %s -a '(__fish_complete_suffix .pacta)'\n", cond)
		case len(s.args) > 0:
			fmt.Fprintf(w, "complete -c pacta -n %s -a %s\n", cond, fishQuote(strings.Join(s.args, " ")))
		}
	}
}

func sameArgs(a, b []string) bool { return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) }

// zshQuote quotes s as one word for zsh (single quotes).
func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// zshEscape escapes the characters _arguments gives a meaning to in a
// flag's description.
func zshEscape(s string) string {
	return strings.NewReplacer(`[`, `\[`, `]`, `\]`, `:`, `\:`).Replace(s)
}

// fishQuote quotes s as one word for fish (single quotes).
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
