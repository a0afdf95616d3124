// Package browsertest opens the documents pacta render writes in a real
// browser. It is a module of its own, so that the browser driver it
// needs (chromedp) is no dependency of Pacta: run it from this directory
// with go test ./...
package browsertest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/render"
	"github.com/pacta-lang/pacta/interp/types"
)

// This file opens the rendered documents in a real browser: headless
// Chromium (Debian's chromium package), driven through the DevTools
// protocol with chromedp. It takes about half a minute. Without a
// Chromium it is skipped with a message saying what to install;
// PACTA_CHROMIUM names another binary.
// On a failure a screenshot goes to $PACTA_ARTIFACTS (or the test's
// temporary directory) and its path is logged.

// findChromium returns the Chromium to use, or "".
func findChromium() string {
	if p := os.Getenv("PACTA_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// pageReport is what the page says of itself, worked out in the browser.
type pageReport struct {
	Broken      []string `json:"broken"`      // in-page links with no target
	SVGs        int      `json:"svgs"`        // SVG pictures
	EmptySVGs   int      `json:"emptySVGs"`   // SVG pictures with nothing drawn
	Graphs      int      `json:"graphs"`      // precedence graphs
	Arrows      int      `json:"arrows"`      // their arrows
	Bands       int      `json:"bands"`       // tier chart bars
	Clauses     int      `json:"clauses"`     // clause articles
	External    []string `json:"external"`    // resources from outside the file
	PrintWide   []string `json:"printWide"`   // tables wider than the page in print
	SVGRendered int      `json:"svgRendered"` // SVGs with a box on screen
}

const inspectJS = `(() => {
  const r = {broken: [], svgs: 0, emptySVGs: 0, graphs: 0, arrows: 0, bands: 0, clauses: 0, external: [], printWide: [], svgRendered: 0};
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (!document.getElementById(id)) r.broken.push(id);
  }
  for (const s of document.querySelectorAll('svg')) {
    r.svgs++;
    if (!s.querySelector('rect, line, path, text')) r.emptySVGs++;
    const b = s.getBoundingClientRect();
    if (b.width > 0 && b.height > 0) r.svgRendered++;
  }
  r.graphs = document.querySelectorAll('svg.precedence').length;
  r.arrows = document.querySelectorAll('svg.precedence line.overrides').length;
  r.bands = document.querySelectorAll('svg.tiers rect.band').length;
  r.clauses = document.querySelectorAll('article.clause').length;
  for (const e of document.querySelectorAll('[src], link[href]')) r.external.push(e.outerHTML.slice(0, 80));
  return r;
})()`

// printJS lists the tables that overflow their container once the print
// style sheet applies.
const printJS = `(() => {
  const out = [];
  for (const t of document.querySelectorAll('table')) {
    const p = t.parentElement;
    if (t.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || t.scrollWidth > p.clientWidth + 1) {
      out.push((t.className || 'table') + ' in ' + (p.id || p.className || p.tagName));
    }
  }
  return out;
})()`

func TestInBrowser(t *testing.T) {
	chrome := findChromium()
	if chrome == "" {
		t.Skip("no Chromium found: install Debian's chromium package (apt-get install -y chromium) or set PACTA_CHROMIUM to run the browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(1200, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[int]("1 + 2")); err != nil {
		t.Skipf("Chromium at %s does not start: %v", chrome, err)
	}
	dir := t.TempDir()
	artifacts := os.Getenv("PACTA_ARTIFACTS")
	if artifacts == "" {
		artifacts = dir
	}
	cases := documents(t)
	names := make([]string, 0, len(cases))
	for n := range cases {
		if strings.HasSuffix(n, ".html") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(cases[name]()), 0o644); err != nil {
				t.Fatal(err)
			}
			tab, cancel := chromedp.NewContext(bctx)
			defer cancel()
			if _, err := chromedp.Run(tab, chromedp.Evaluate[int]("1")); err != nil {
				t.Fatalf("new tab: %v", err)
			}
			ctx, cancelT := context.WithTimeout(tab, 60*time.Second)
			defer cancelT()

			// Gather what the page writes to the console while it loads.
			sub, stop := context.WithCancel(ctx)
			messages := chromedp.Console(sub)
			var mu sync.Mutex
			var problems []string
			done := make(chan struct{})
			go func() {
				defer close(done)
				for m, err := range messages {
					if err != nil {
						return
					}
					if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleWarning {
						mu.Lock()
						problems = append(problems, m.String())
						mu.Unlock()
					}
				}
			}()
			if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path), chromedp.WaitReady("body")); err != nil {
				t.Fatalf("load: %v", err)
			}
			rep, err := chromedp.Run(ctx, chromedp.Evaluate[pageReport](inspectJS))
			if err != nil {
				t.Fatalf("inspect: %v", err)
			}
			printMedia := func(media string) chromedp.Action[chromedp.Void] {
				return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
					return chromedp.Void{}, err
				}
			}
			if err := chromedp.Do(ctx, printMedia("print"), chromedp.EmulateViewport(794, 1123)); err != nil {
				t.Fatalf("print media: %v", err)
			}
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](printJS))
			if err != nil {
				t.Fatalf("print layout: %v", err)
			}
			pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPrintBackground()))
			if err != nil {
				t.Fatalf("print to PDF: %v", err)
			}
			stop()
			<-done
			rep.PrintWide = wide
			if len(problems) > 0 {
				t.Errorf("console messages: %q", problems)
			}
			if len(rep.Broken) > 0 {
				t.Errorf("links with no target: %q", rep.Broken)
			}
			if len(rep.External) > 0 {
				t.Errorf("resources from outside the file: %q", rep.External)
			}
			if rep.EmptySVGs > 0 || rep.SVGRendered != rep.SVGs {
				t.Errorf("%d SVGs, %d empty, %d drawn on screen", rep.SVGs, rep.EmptySVGs, rep.SVGRendered)
			}
			if rep.Clauses == 0 {
				t.Error("no clause is shown")
			}
			if len(rep.PrintWide) > 0 {
				t.Errorf("tables clipped in print: %q", rep.PrintWide)
			}
			if !strings.HasPrefix(string(pdf), "%PDF") {
				t.Error("printing to PDF gave no PDF")
			}
			// The seed deal: two precedence graphs, disclose (10.1 alone,
			// no arrow) and sell, with one arrow, 3.2 over 3.1.
			// Before the amendment, no arrow.
			if strings.HasPrefix(name, "openai-microsoft-aws.") {
				arrows := 1
				if strings.Contains(name, "2026-06-30") {
					arrows = 0
				}
				if rep.Graphs != 2 || rep.Arrows != arrows {
					t.Errorf("seed deal: %d graphs with %d arrows, want 2 and %d", rep.Graphs, rep.Arrows, arrows)
				}
			}
			// The reseller deal: a chart of three tiers.
			if name == "saas-reseller.html" && rep.Bands != 3 {
				t.Errorf("reseller deal: %d tier bands, want 3", rep.Bands)
			}
			if t.Failed() {
				shot, err := chromedp.Run(ctx, chromedp.Steps(printMedia("")))
				_ = shot
				if err == nil {
					if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80)); err == nil {
						p := filepath.Join(artifacts, strings.TrimSuffix(name, ".html")+".jpg")
						if os.WriteFile(p, png, 0o644) == nil {
							t.Logf("screenshot: %s", p)
						}
					}
				}
			}
		})
	}
}

// examplesDir holds the bundled examples, one deal per directory.
const examplesDir = "../../../examples"

// documents renders, by file name, every example with its tests run, and
// the seed deal as of a date before its amendment and with a statement.
func documents(t *testing.T) map[string]func() string {
	t.Helper()
	doc := func(dir string, opts render.Options) func() string {
		return func() string {
			paths, _ := filepath.Glob(filepath.Join(dir, "*.pacta"))
			prog, err := interp.LoadFiles(paths)
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			var b bytes.Buffer
			if err := render.Render(context.Background(), &b, prog, opts); err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			return b.String()
		}
	}
	out := map[string]func() string{}
	dirs, err := os.ReadDir(examplesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		dir := filepath.Join(examplesDir, d.Name())
		if m, _ := filepath.Glob(filepath.Join(dir, "*.pacta")); len(m) > 0 {
			out[d.Name()+".html"] = doc(dir, render.Options{Check: true})
		}
	}
	seed := filepath.Join(examplesDir, "openai-microsoft-aws")
	early, _ := types.ParseDate("2026-06-30")
	out["openai-microsoft-aws.2026-06-30.html"] = doc(seed, render.Options{AsOf: early})
	data, err := os.ReadFile(filepath.Join(seed, "ledger.csv"))
	if err != nil {
		t.Fatal(err)
	}
	asOf, _ := types.ParseDate("2027-01-01")
	q4, _ := types.ParsePeriod("2026-Q4")
	out["openai-microsoft-aws.ledger-2026-Q4.html"] = doc(seed, render.Options{AsOf: asOf, Ledger: &render.Ledger{Name: "ledger.csv", Data: data, Format: "csv", Period: q4}})
	return out
}
