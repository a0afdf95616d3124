package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const badAgreement = `agreement a "A" {
  effective 2026-01-01
  currency USD
  party seller "Seller"
  action sell {
    gross money
  }
  clause 1 "One"
    sellr may sell where gross > EUR 5.00
}
`

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.pacta", badAgreement)
	out, errOut, code := runCLI(t, "", "check", bad)
	if code != 1 || out != "" {
		t.Fatalf("check bad: code %d, stdout %q", code, out)
	}
	// Two problems, sorted, each with its line and a caret: the misspelt
	// party at 9:5 and the currency mismatch at 9:34: EUR follows the four
	// spaces of indentation and the 29 characters of "sellr may sell where
	// gross > ", so it starts at column 4 + 29 + 1 = 34.
	want := bad + `:9:5: unknown party "sellr"` + "\n" +
		"        sellr may sell where gross > EUR 5.00\n" +
		"        ^\n"
	if !strings.HasPrefix(errOut, want) {
		t.Errorf("check output starts\n%s\nwant\n%s", errOut, want)
	}
	if !strings.Contains(errOut, `did you mean "seller"?`) {
		t.Errorf("no did-you-mean hint in\n%s", errOut)
	}
	if !strings.Contains(errOut, ":9:34: ") || !strings.HasSuffix(errOut, "2 problems\n") {
		t.Errorf("the currency problem is missing or the count is wrong:\n%s", errOut)
	}

	if _, _, code := runCLI(t, "", "check"); code != 2 {
		t.Errorf("check with no files: code %d, want 2", code)
	}
	_, errOut, code = runCLI(t, "", "check", filepath.Join(dir, "missing.pacta"))
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: code %d, %q", code, errOut)
	}
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	_, errOut, code = runCLI(t, "", "check", empty)
	if code != 1 || !strings.Contains(errOut, "no .pacta files") {
		t.Errorf("empty directory: code %d, %q", code, errOut)
	}
	out, _, code = runCLI(t, "", "check", exampleDir)
	if code != 0 || !strings.HasPrefix(out, "ok: 2 files checked") {
		t.Errorf("check example: code %d, %q", code, out)
	}
}

func TestCheckDeepNesting(t *testing.T) {
	dir := t.TempDir()
	src := "agreement a \"A\" {\n  effective 2026-01-01\n  term t = " +
		strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000) + "\n}\n"
	p := writeFile(t, dir, "deep.pacta", src)
	_, errOut, code := runCLI(t, "", "check", p)
	if code != 1 || !strings.Contains(errOut, "nested too deeply") || !strings.Contains(errOut, p+":3:") {
		t.Errorf("deep nesting: code %d, %.300q", code, errOut)
	}
}

func TestFmt(t *testing.T) {
	dir := t.TempDir()
	messy := "agreement a \"A\" {\neffective 2026-01-01\n   party   x \"X\"   // the seller\n}\n"
	p := writeFile(t, dir, "m.pacta", messy)
	out, _, code := runCLI(t, "", "fmt", "-l", p)
	if code != 1 || out != p+"\n" {
		t.Errorf("fmt -l: code %d, %q", code, out)
	}
	out, _, code = runCLI(t, "", "fmt", "-d", p)
	if code != 1 || !strings.Contains(out, "-effective 2026-01-01\n-   party   x \"X\"   // the seller\n+  effective 2026-01-01\n") {
		t.Errorf("fmt -d: code %d\n%s", code, out)
	}
	if _, _, code = runCLI(t, "", "fmt", "-w", p); code != 0 {
		t.Fatalf("fmt -w: code %d", code)
	}
	b, _ := os.ReadFile(p)
	want := "agreement a \"A\" {\n  effective 2026-01-01\n\n  party x \"X\" // the seller\n}\n"
	if string(b) != want {
		t.Errorf("fmt -w wrote\n%s\nwant\n%s", b, want)
	}
	out, _, code = runCLI(t, "", "fmt", "-l", p)
	if code != 0 || out != "" {
		t.Errorf("fmt -l after -w: code %d, %q", code, out)
	}
	if _, _, code = runCLI(t, "", "fmt", "-w", "-l", p); code != 2 {
		t.Errorf("fmt -w -l: code %d, want 2", code)
	}
	bad := writeFile(t, dir, "bad.pacta", "agreement a \"A\" { effective }\n")
	if _, errOut, code := runCLI(t, "", "fmt", "-w", bad); code != 1 || !strings.Contains(errOut, bad+":1:") {
		t.Errorf("fmt of a broken file: code %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(bad); string(b) != "agreement a \"A\" { effective }\n" {
		t.Errorf("fmt -w changed a file with a syntax error")
	}
}

func TestEval(t *testing.T) {
	cases := []struct {
		args []string
		out  string
		code int
	}{
		// 20% of 1,000.00 = 200.00
		{[]string{"eval", "20% of USD 1,000.00"}, "USD 200.00\n", 0},
		// 250,000,000,000.00 / 20 = 12,500,000,000.00
		{[]string{"eval", "-f", exampleDir, "azure_commitment / 20"}, "USD 12,500,000,000.00\n", 0},
		// 12.5% of 80 = 10.000 (exact; no rounding in expressions)
		{[]string{"eval", "12.5% of 80"}, "10.000\n", 0},
		{[]string{"eval", "1 / 0"}, "", 1},
		{[]string{"eval", "USD 1.00 + EUR 1.00"}, "", 1},
		{[]string{"eval"}, "", 2},
	}
	for _, c := range cases {
		out, errOut, code := runCLI(t, "", c.args...)
		if out != c.out || code != c.code {
			t.Errorf("%v: got %q (code %d, stderr %q), want %q (code %d)", c.args, out, code, errOut, c.out, c.code)
		}
	}
	_, errOut, _ := runCLI(t, "", "eval", "1 / 0")
	if !strings.Contains(errOut, "<expr>:1:1: division by zero") || !strings.Contains(errOut, "    ^\n") {
		t.Errorf("division by zero error: %q", errOut)
	}
}
