package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// update rewrites the expected outputs kept in testdata/script/*.txtar
// (the files a `cmp stdout FILE` or `cmp stderr FILE` compares with) to
// what the commands print. Read the diff before committing it: the
// figures in those files are checked by hand (see each script's comments).
var update = flag.Bool("update", false, "rewrite the expected outputs in testdata/script/*.txtar")

// TestMain lets the test binary be the pacta command: testscript puts a
// copy named pacta on the scripts' PATH, and when it runs as that copy,
// it is main (real process, real exit status, real standard input).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"pacta": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI transcripts in testdata/script. Each starts in
// a fresh directory holding the files of its archive and a copy of the
// bundled example deal under example/.
func TestScripts(t *testing.T) {
	example, err := filepath.Abs(exampleDir)
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			return copyDir(example, filepath.Join(env.WorkDir, "example"))
		},
		Condition: func(cond string) (bool, error) {
			// [bash]: a bash to check completion scripts with.
			if cond == "bash" {
				_, err := exec.LookPath("bash")
				return err == nil, nil
			}
			return false, errors.New("unknown condition " + strconv.Quote(cond))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitCode,
		},
	})
}

// cmdExitCode is the script command `exitcode N PROGRAM [ARGS...]`: it runs
// PROGRAM as exec does (standard input from `stdin`, output kept for
// `stdout`, `stderr` and `cmp`) and fails unless the exit status is N.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %q is not a number", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// copyDir copies the regular files of directory src (not its
// subdirectories) into a new directory dst.
func copyDir(src, dst string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
