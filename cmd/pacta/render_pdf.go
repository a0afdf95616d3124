package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// This file prints a rendered document to PDF with a headless Chromium,
// for pacta render --format pdf. The HTML is byte-stable; the PDF is not
// (Chromium stamps it with the time it was made).

// chromiumNames are the names Chromium goes by, in the order tried.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// findChromium returns the Chromium to print with: $PACTA_CHROMIUM, or
// the first of chromiumNames on the PATH.
func findChromium() (string, error) {
	if p := os.Getenv("PACTA_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, n := range chromiumNames {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", errors.New("--format pdf needs a headless Chromium, and none was found (tried " + strings.Join(chromiumNames, ", ") + "): install one (on Debian, apt-get install chromium) or set PACTA_CHROMIUM, or render HTML and print it from a browser")
}

// printPDF prints the HTML document html to PDF and returns the PDF.
func printPDF(html []byte) ([]byte, error) {
	chrome, err := findChromium()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pacta-render-")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary directory: %v", err)
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "document.html"), filepath.Join(dir, "document.pdf")
	if err := os.WriteFile(in, html, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := []string{"--headless", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=" + filepath.Join(dir, "profile"), "--print-to-pdf=" + out}
	if os.Geteuid() == 0 {
		args = append(args, "--no-sandbox") // Chromium refuses to run as root with its sandbox
	}
	cmd := exec.CommandContext(ctx, chrome, append(args, "file://"+in)...)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%s could not print the document: %v\n%s", chrome, err, lastLines(msg, 5))
	}
	pdf, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF") {
		return nil, fmt.Errorf("%s wrote no PDF\n%s", chrome, lastLines(msg, 5))
	}
	return pdf, nil
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
