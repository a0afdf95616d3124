package main

import (
	"bytes"
	"strings"
	"testing"
)

// With no Chromium on the PATH, --format pdf fails with a message saying
// what to install, and writes nothing.
func TestRenderPDFWithoutChromium(t *testing.T) {
	t.Setenv("PACTA_CHROMIUM", "")
	t.Setenv("PATH", t.TempDir())
	var out, errb bytes.Buffer
	code := run([]string{"render", exampleDir, "--format", "pdf"}, &out, &errb)
	if code != 1 || out.Len() != 0 {
		t.Fatalf("exit %d, %d bytes out", code, out.Len())
	}
	if !strings.Contains(errb.String(), "needs a headless Chromium, and none was found") || !strings.Contains(errb.String(), "apt-get install chromium") {
		t.Errorf("message: %s", errb.String())
	}
}

// With a Chromium, --format pdf writes a PDF.
func TestRenderPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("printing with Chromium takes seconds")
	}
	if _, err := findChromium(); err != nil {
		t.Skip("no Chromium: install Debian's chromium package (apt-get install chromium) to print to PDF")
	}
	var out, errb bytes.Buffer
	if code := run([]string{"render", exampleDir, "--format", "pdf"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("%PDF")) {
		t.Errorf("not a PDF: %q", out.Bytes()[:min(20, out.Len())])
	}
}
