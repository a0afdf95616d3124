// Package browsertest drives the playground in a real browser: headless
// Chromium through chromedp. It is a module of its own, so that chromedp
// is no dependency of Pacta (as interp/render/browsertest); run it from
// this directory with go test ./... . It builds the playground's
// WebAssembly with the local Go toolchain first (kept in the user cache
// directory, so only the first run pays for it).
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pacta-lang/pacta/cmd/pacta/internal/playground"
	"github.com/pacta-lang/pacta/cmd/pacta/internal/server"
)

// root is the repository's root, seen from this directory.
const root = "../../../../.."

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

// slack scales the hang detectors below (PACTA_TIME_SLACK, default 1).
func slack() time.Duration {
	if f, err := strconv.ParseFloat(os.Getenv("PACTA_TIME_SLACK"), 64); err == nil && f > 0 {
		return time.Duration(f * float64(time.Second))
	}
	return time.Second
}

// site builds the interpreter and returns the playground's data and
// handler.
func site(t *testing.T) (*playground.Data, *playground.Built, http.Handler) {
	t.Helper()
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	built, err := playground.Build(context.Background(), abs, "", func(msg string) { t.Log(msg) })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("interpreter ready in %v: pacta.wasm %d bytes", time.Since(start).Round(time.Millisecond), len(built.Wasm))
	data, err := playground.LoadData()
	if err != nil {
		t.Fatal(err)
	}
	h, err := playground.Handler(data, func(context.Context) (*playground.Built, error) { return built, nil })
	if err != nil {
		t.Fatal(err)
	}
	return data, built, h
}

// browser starts Chromium, or skips the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	chrome := findChromium()
	if chrome == "" {
		t.Skip("no Chromium found: install Debian's chromium package (apt-get install -y chromium) or set PACTA_CHROMIUM to run the browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 800),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[int]("1 + 2")); err != nil {
		t.Skipf("Chromium at %s does not start: %v", chrome, err)
	}
	return bctx
}

// tab is one page, with the console messages that are problems (errors,
// exceptions, warnings) gathered as it runs.
type tab struct {
	t        *testing.T
	ctx      context.Context
	mu       sync.Mutex
	problems []string
	stop     func()
}

func newTab(t *testing.T, bctx context.Context) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(bctx)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int]("1")); err != nil {
		t.Fatalf("new tab: %v", err)
	}
	ctx, cancelT := context.WithTimeout(ctx, 300*slack())
	tb := &tab{t: t, ctx: ctx}
	sub, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range chromedp.Console(sub) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleWarning {
				tb.mu.Lock()
				tb.problems = append(tb.problems, m.String())
				tb.mu.Unlock()
			}
		}
	}()
	tb.stop = func() { stop(); <-done; cancelT(); cancel() }
	return tb
}

// consoleProblems ends the gathering and returns what was gathered.
func (tb *tab) consoleProblems() []string {
	tb.stop()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return tb.problems
}

// eval evaluates a JavaScript expression and decodes its value into v.
func (tb *tab) eval(js string, v any) {
	tb.t.Helper()
	raw, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", js, err)
	}
	if v != nil {
		if err := json.Unmarshal(raw, v); err != nil {
			tb.t.Fatalf("evaluating %s: %v (%s)", js, err, raw)
		}
	}
}

func (tb *tab) str(js string) string {
	tb.t.Helper()
	var s string
	tb.eval(js, &s)
	return s
}

// waitFor waits until the JavaScript expression is true.
func (tb *tab) waitFor(js, what string) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(60*slack()), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		tb.t.Fatalf("waiting for %s (%s): %v\nbanner: %q; status: %q", what, js, err, tb.tryText("banner"), tb.tryText("status"))
	}
}

func (tb *tab) tryText(id string) string {
	raw, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](fmt.Sprintf("(document.getElementById(%q) || {}).textContent || ''", id)))
	if err != nil {
		return err.Error()
	}
	return raw
}

func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// open loads the page at url and waits for the interpreter.
func (tb *tab) open(url string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(url), chromedp.WaitReady("body"))
	tb.waitFor(`document.body.dataset.ready === 'true'`, "the interpreter")
}

// replaceIn replaces the first from in the textarea id with to, as a
// person typing would (an input event follows).
func (tb *tab) replaceIn(id, from, to string) {
	tb.t.Helper()
	js := fmt.Sprintf(`(() => {
  const ta = document.getElementById(%q);
  const i = ta.value.indexOf(%q);
  if (i < 0) return false;
  ta.focus();
  ta.setSelectionRange(i, i + %d);
  return document.execCommand('insertText', false, %q);
})()`, id, from, len([]rune(from)), to)
	var ok bool
	tb.eval(js, &ok)
	if !ok {
		tb.t.Fatalf("%s: could not replace %q", id, from)
	}
}

// paste puts text in the textarea id in place of what it holds.
func (tb *tab) paste(id, text string) {
	tb.t.Helper()
	var ok bool
	tb.eval(fmt.Sprintf(`(() => {
  const ta = document.getElementById(%q);
  ta.focus();
  ta.select();
  return document.execCommand('insertText', false, %q);
})()`, id, text), &ok)
	if !ok {
		tb.t.Fatalf("%s: could not paste", id)
	}
}

// mark is an underline in the editor.
type mark struct {
	Line, Col int
	Text      string
	Top, Left float64 // where it is drawn, from the textarea's top left corner
	WantTop   float64 // where the textarea shows line Line (its metrics and scroll)
	WantLeft  float64 // where column Col starts
	Scroll    []float64
}

const marksJS = `(() => {
  const ta = document.getElementById('src');
  const pre = document.querySelector('.editor pre');
  const cs = getComputedStyle(ta);
  const lineHeight = parseFloat(cs.lineHeight);
  const padTop = parseFloat(cs.paddingTop), padLeft = parseFloat(cs.paddingLeft);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = cs.fontSize + ' ' + cs.fontFamily;
  const origin = ta.getBoundingClientRect();
  return [...document.querySelectorAll('#hl mark.diag')].map((m) => {
    const r = m.getBoundingClientRect();
    const line = +m.dataset.line, col = +m.dataset.col;
    const lineText = ta.value.split('\n')[line - 1] || '';
    return {
      Line: line, Col: col, Text: m.textContent,
      Top: r.top - origin.top, Left: r.left - origin.left,
      WantTop: padTop + (line - 1) * lineHeight - ta.scrollTop,
      WantLeft: padLeft + canvas.measureText([...lineText].slice(0, col - 1).join('')).width - ta.scrollLeft,
      Scroll: [ta.scrollTop, pre.scrollTop, ta.clientHeight, pre.clientHeight, ta.scrollHeight, pre.scrollHeight],
    };
  });
})()`

func TestPlayground(t *testing.T) {
	bctx := browser(t)
	_, built, h := site(t)
	paths, err := filepath.Glob(filepath.Join(root, "examples/openai-microsoft-aws/*.pacta"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("the seed deal: %v", err)
	}
	srv, err := server.New(server.Config{Files: func() ([]string, error) { return paths, nil }, Poll: -1, Static: h})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()

	t.Run("routes", func(t *testing.T) {
		// The page and its files are served beside the API, which keeps
		// its own answers.
		for _, c := range []struct {
			method, path string
			code         int
			ctype        string
		}{
			{"GET", "/", 200, "text/html; charset=utf-8"},
			{"GET", "/playground.json", 200, "application/json"},
			{"GET", "/pacta.wasm", 200, "application/wasm"},
			{"GET", "/wasm_exec.js", 200, "text/javascript; charset=utf-8"},
			{"GET", "/healthz", 200, "application/json"},
			{"GET", "/nothing-here", 404, "text/plain; charset=utf-8"},
			{"GET", "/v1/nothing", 404, "application/json"},
			{"POST", "/", 404, "application/json"},
		} {
			req, _ := http.NewRequest(c.method, hs.URL+c.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.code || resp.Header.Get("Content-Type") != c.ctype {
				t.Errorf("%s %s: %d %s, want %d %s (%.80s)", c.method, c.path, resp.StatusCode, resp.Header.Get("Content-Type"), c.code, c.ctype, body)
			}
			if c.path == "/pacta.wasm" && string(body) != string(built.Wasm) {
				t.Errorf("/pacta.wasm: %d bytes, not the %d built", len(body), len(built.Wasm))
			}
		}
	})

	t.Run("session", func(t *testing.T) {
		tb := newTab(t, bctx)
		defer func() {
			if t.Failed() {
				screenshot(t, tb, "playground-failure.png")
			}
		}()
		tb.open(hs.URL + "/")

		// The seed deal is shown, and checks.
		tb.waitFor(`document.getElementById('status').textContent.includes('openai_microsoft checks')`, "the seed deal to check")
		if n := tb.str(`String(document.querySelectorAll('#examples button').length)`); n == "0" {
			t.Fatal("no example is offered")
		}

		// Edit it so that it no longer checks: the party of clause 3.1
		// misspelled. The line and column are the source's: the line
		// of clause 3.1's rule, indented by four spaces, so column 5.
		src, err := os.ReadFile(filepath.Join(root, "examples/openai-microsoft-aws/agreement.pacta"))
		if err != nil {
			t.Fatal(err)
		}
		const rule = "    openai must not sell where platform not in [Azure, Direct]"
		line := 0
		for i, l := range strings.Split(string(src), "\n") {
			if l == rule {
				line = i + 1
			}
		}
		if line == 0 {
			t.Fatalf("agreement.pacta has no line %q", rule)
		}
		tb.replaceIn("src", rule, strings.Replace(rule, "openai", "opena", 1))
		tb.waitFor(`document.getElementById('status').textContent === '1 problem'`, "the problem")
		// A click on the problem goes to it: the underline is in view.
		tb.do(chromedp.Click("#diags pre .problem"))
		var marks []mark
		tb.eval(marksJS, &marks)
		if len(marks) != 1 {
			t.Fatalf("underlines: %+v, want one", marks)
		}
		m := marks[0]
		if m.Line != line || m.Col != 5 || m.Text != "opena" {
			t.Errorf("underline at %d:%d under %q, want %d:5 under \"opena\"", m.Line, m.Col, m.Text, line)
		}
		// Drawn where the textarea shows that line and column (to a
		// pixel or two of rounding).
		if d := m.Top - m.WantTop; d < -2 || d > 2 {
			t.Errorf("underline drawn at y=%.1f, the line is at y=%.1f (scroll %v)", m.Top, m.WantTop, m.Scroll)
		}
		if d := m.Left - m.WantLeft; d < -2 || d > 2 {
			t.Errorf("underline drawn at x=%.1f, the column is at x=%.1f", m.Left, m.WantLeft)
		}
		if m.Top < 0 || m.Top > m.Scroll[2] {
			t.Errorf("underline at y=%.1f, out of the textarea's view (0 to %.0f)", m.Top, m.Scroll[2])
		}
		if sel := tb.str(`(() => { const ta = document.getElementById('src'); return ta.value.slice(ta.selectionStart, ta.selectionEnd); })()`); sel != "opena" {
			t.Errorf("the click selected %q, want the misspelled party", sel)
		}
		// The problem is listed with its position, the line, a caret
		// under the column and the hint, as pacta check prints it.
		caret := fmt.Sprintf("examples/openai-microsoft-aws/agreement.pacta:%d:5: unknown party \"opena\"\n        opena must not sell where platform not in [Azure, Direct]\n        ^\n    did you mean \"openai\"?\n", line)
		if got := tb.str(`document.querySelector('#diags pre').textContent`); got != caret {
			t.Errorf("problem shown as\n%s\nwant\n%s", got, caret)
		}

		if os.Getenv("PACTA_ARTIFACTS") != "" {
			screenshot(t, tb, "playground-problem.png")
		}
		// The file's tab counts its problem; the other file has none.
		if got := tb.str(`[...document.querySelectorAll('#files button')].map((b) => b.textContent).join(' ')`); got != "agreement.pacta1 amendment.pacta" {
			t.Errorf("file tabs %q, want the problem counted on agreement.pacta", got)
		}

		// Fix it: it checks again and nothing is underlined.
		tb.replaceIn("src", "    opena must", "    openai must")
		tb.waitFor(`document.getElementById('status').textContent.includes('checks') && !document.querySelector('#hl mark.diag')`, "the fix")

		// Decide the README's sale on AWS before the concessions (2026-06-01):
		// prohibited by 3.1, which alone applies.
		tb.do(chromedp.Click(`button[data-pane="decide"]`))
		tb.paste("action", `{"action": "sell", "actor": "openai", "date": "2026-06-01", "product": "OpenAI API", "platform": "AWS", "region": "US", "gross": "USD 50,000.00", "refunds": "USD 0.00"}`)
		tb.do(chromedp.Click("#decide"))
		tb.waitFor(`document.getElementById('decision').textContent.startsWith('prohibited by 3.1 "Azure exclusivity"')`, "the decision")
		if got := tb.str(`document.getElementById('decision').textContent`); !strings.Contains(got, "applied:\n    3.1 \"Azure exclusivity\" (openai_microsoft)\n      prohibits; decides: applies") {
			t.Errorf("the decision does not say why:\n%s", got)
		}
		if path := os.Getenv("PACTA_SCREENSHOT"); path != "" {
			// The README's picture: the editor at clause 3.1, beside
			// the decision it gives.
			tb.eval(fmt.Sprintf(`(() => {
  const ta = document.getElementById('src');
  ta.blur();
  ta.scrollTop = (%d - 12) * parseFloat(getComputedStyle(ta).lineHeight);
  ta.dispatchEvent(new Event('scroll'));
  return true;
})()`, line), nil)
			screenshot(t, tb, path)
		}

		// Settle a pasted ledger: the two sales of the test "Revenue share
		// for the first quarter of 2026". Clause 5.1 takes 20% of net
		// revenue: 20% × ((1,200,000.00 − 200,000.00) + 500,000.00) =
		// 20% × 1,500,000.00 = 300,000.00, beside clause 4.1's first
		// installment of 250,000,000,000.00 / 20 = 12,500,000,000.00.
		tb.do(chromedp.Click(`button[data-pane="settle"]`))
		ledger := "action,actor,date,product,platform,region,gross,refunds\n" +
			"sell,openai,2026-01-15,ChatGPT Enterprise,Azure,US,\"USD 1,200,000.00\",\"USD 200,000.00\"\n" +
			"sell,openai,2026-03-31,ChatGPT Plus,Direct,EU,\"USD 500,000.00\",USD 0.00\n"
		tb.paste("ledger", ledger)
		tb.paste("period", "2026-Q1")
		tb.do(chromedp.Click("#settle"))
		tb.waitFor(`document.getElementById('statement').textContent.startsWith('Statement for openai_microsoft')`, "the statement")
		stmt := tb.str(`document.getElementById('statement').textContent`)
		for _, want := range []string{"USD 1,500,000.00  20%          USD 300,000.00", "USD 12,500,000,000.00", "openai → microsoft  USD 12,500,300,000.00"} {
			if !strings.Contains(stmt, want) {
				t.Errorf("the statement lacks %q:\n%s", want, stmt)
			}
		}
		// A bad row is reported with its line and field, and no
		// statement.
		tb.paste("ledger", strings.Replace(ledger, "Direct", "Moon", 1))
		tb.do(chromedp.Click("#settle"))
		tb.waitFor(`document.getElementById('statement').classList.contains('error')`, "the ledger error")
		if got, want := tb.str(`document.getElementById('statement').textContent`), `ledger:3: field "platform": "Moon" is not a Platform (one of AWS, Azure, Direct, GoogleCloud)`; got != want {
			t.Errorf("ledger error %q, want %q", got, want)
		}
		tb.paste("ledger", ledger)
		tb.do(chromedp.Click("#settle"))
		tb.waitFor(`document.getElementById('statement').textContent.startsWith('Statement for')`, "the statement again")

		// The tests pass, and the document is rendered.
		tb.do(chromedp.Click(`button[data-pane="test"]`))
		tb.waitFor(`document.getElementById('tests').textContent.includes('PASS')`, "the tests")
		if got := tb.str(`document.getElementById('tests').textContent`); strings.Contains(got, "FAIL") {
			t.Errorf("a test fails:\n%s", got)
		}
		tb.do(chromedp.Click(`button[data-pane="render"]`), chromedp.Click("#render"))
		tb.waitFor(`(document.getElementById('doc').contentDocument || {}).querySelectorAll && document.getElementById('doc').contentDocument.querySelectorAll('article.clause').length > 0`, "the document")

		// Share: the link reproduces the session in a new tab — the
		// edited source (a comment added), the pane and the ledger.
		tb.do(chromedp.Click(`button[data-pane="settle"]`))
		tb.replaceIn("src", "agreement openai_microsoft", "// shared\nagreement openai_microsoft")
		tb.waitFor(`document.getElementById('status').textContent.includes('checks')`, "the edit")
		tb.do(chromedp.Click("#share"))
		link := tb.str(`document.getElementById('link').value`)
		if !strings.Contains(link, "#s=") {
			t.Fatalf("shared link %q holds no session", link)
		}
		source := tb.str(`document.getElementById('src').value`)
		if problems := tb.consoleProblems(); len(problems) > 0 {
			t.Errorf("console: %q", problems)
		}

		other := newTab(t, bctx)
		other.open(link)
		other.waitFor(`document.getElementById('statement').textContent.startsWith('Statement for openai_microsoft')`, "the shared statement")
		if got := other.str(`document.getElementById('src').value`); got != source {
			t.Errorf("the shared link's source differs (%d characters, want %d)", len(got), len(source))
		}
		if got := other.str(`document.getElementById('ledger').value`); got != ledger {
			t.Errorf("the shared link's ledger is %q", got)
		}
		if got := other.str(`document.querySelector('.tabs button.on').dataset.pane`); got != "settle" {
			t.Errorf("the shared link opens pane %q, want settle", got)
		}
		if got := other.str(`document.getElementById('statement').textContent`); got != stmt {
			t.Errorf("the shared link's statement differs:\n%s\nwant\n%s", got, stmt)
		}
		if problems := other.consoleProblems(); len(problems) > 0 {
			t.Errorf("console of the shared link: %q", problems)
		}
	})

	t.Run("static", func(t *testing.T) {
		// The same page as static files, with no Pacta server: every
		// example one click away checks, and its tests run.
		dir := t.TempDir()
		data, err := playground.LoadData()
		if err != nil {
			t.Fatal(err)
		}
		if err := playground.WriteSite(dir, data, built); err != nil {
			t.Fatal(err)
		}
		fs := httptest.NewServer(http.FileServer(http.Dir(dir)))
		defer fs.Close()
		tb := newTab(t, bctx)
		tb.open(fs.URL + "/")
		for _, ex := range data.Examples {
			tb.do(chromedp.Click(fmt.Sprintf(`#examples button[data-example=%q]`, ex.Name)))
			tb.waitFor(`document.getElementById('status').textContent.endsWith(' checks')`, ex.Name+" to check")
			tb.do(chromedp.Click(`button[data-pane="test"]`))
			tb.waitFor(`document.getElementById('tests').textContent.length > 0`, ex.Name+"'s tests")
			// The examples' tests pass (.ci/run runs pacta test examples/).
			if got := tb.str(`document.getElementById('tests').textContent`); tb.str(`document.getElementById('tests').className`) != "out" || strings.Contains(got, "FAIL") {
				t.Errorf("%s: tests:\n%s", ex.Name, got)
			}
			if ex.Action != "" {
				tb.do(chromedp.Click(`button[data-pane="decide"]`))
				tb.waitFor(`document.getElementById('decision').textContent.length > 0`, ex.Name+"'s decision")
				if tb.str(`document.getElementById('decision').className`) != "out" {
					t.Errorf("%s: deciding %s: %s", ex.Name, ex.Action, tb.str(`document.getElementById('decision').textContent`))
				}
			}
		}
		if problems := tb.consoleProblems(); len(problems) > 0 {
			t.Errorf("console: %q", problems)
		}
	})
}

// screenshot writes the page as a PNG to path (relative paths are under
// $PACTA_ARTIFACTS, or the test's temporary directory, for failures).
func screenshot(t *testing.T, tb *tab, path string) {
	if !filepath.IsAbs(path) && !strings.Contains(path, "/") {
		dir := os.Getenv("PACTA_ARTIFACTS")
		if dir == "" {
			dir = t.TempDir()
		}
		path = filepath.Join(dir, path)
	}
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Logf("screenshot: %v", err)
		return
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Logf("screenshot: %v", err)
		return
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(png))
}
