package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's log and the test to
// share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `pacta serve args... --addr 127.0.0.1:0` as the command
// runs it, under a context the test cancels in place of a signal, and
// returns the address it listens on, its log, the cancel function and a
// channel for its exit status.
func startServe(t *testing.T, args ...string) (addr string, log *syncBuffer, stop func(), exit chan int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	old := serveContext
	serveContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	t.Cleanup(func() { serveContext = old })
	log = &syncBuffer{}
	exit = make(chan int, 1)
	go func() {
		exit <- run(append(append([]string{"serve"}, args...), "--addr", "127.0.0.1:0"), io.Discard, log)
	}()
	listening := regexp.MustCompile(`"msg":"listening","addr":"([^"]+)"`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := listening.FindStringSubmatch(log.String()); m != nil {
			addr = m[1]
			break
		}
		select {
		case code := <-exit:
			t.Fatalf("pacta serve exited with %d: %s", code, log.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("pacta serve did not listen within 10s: %s", log.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Cleanup(cancel)
	return addr, log, cancel, exit
}

// TestServeREADME: the curl command of the README's Serve section, sent
// to `pacta serve examples/`, gets the answer the README shows.
func TestServeREADME(t *testing.T) {
	t.Chdir("../..") // serve examples/ as the README does
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := fencedBlocks(string(readme))
	var curl, want string
	for i, b := range blocks {
		if strings.Contains(b, "pacta serve examples/") && strings.Contains(b, "curl ") && i+1 < len(blocks) {
			curl, want = b, blocks[i+1]
		}
	}
	if curl == "" {
		t.Fatal("README.md has no block with pacta serve examples/ and a curl command")
	}
	if !strings.Contains(curl, "pacta serve examples/ --addr 127.0.0.1:8080 &\n") {
		t.Errorf("README's serve command changed: %s", curl)
	}
	_, cmd, _ := strings.Cut(strings.ReplaceAll(curl, "\\\n", " "), "curl ")
	cmd, _, _ = strings.Cut(cmd, "\n")
	words := shellWords(t, cmd)
	addr, _, stop, exit := startServe(t, "examples/", "--poll", "0")
	var url, body string
	header := http.Header{}
	for i := 0; i < len(words); i++ {
		switch w := words[i]; {
		case w == "-s":
		case w == "-H" && i+1 < len(words):
			k, v, _ := strings.Cut(words[i+1], ":")
			header.Set(k, strings.TrimSpace(v))
			i++
		case w == "-d" && i+1 < len(words):
			body = words[i+1]
			i++
		case strings.HasPrefix(w, "localhost:8080/"):
			url = "http://" + addr + strings.TrimPrefix(w, "localhost:8080")
		default:
			t.Fatalf("the README's curl has %q, which this test does not know", w)
		}
	}
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var wantCompact bytes.Buffer
	if err := json.Compact(&wantCompact, []byte(want)); err != nil {
		t.Fatalf("the README's answer is not JSON: %v\n%s", err, want)
	}
	if resp.StatusCode != 200 || string(got) != wantCompact.String()+"\n" {
		t.Errorf("the README's curl gets %d\n%s\nthe README shows\n%s", resp.StatusCode, got, wantCompact.String())
	}
	stop()
	if code := <-exit; code != 0 {
		t.Errorf("exit status %d after the signal", code)
	}
}

// TestServePlayground: pacta serve serves the playground's page at /,
// with the bundled examples, unless --playground=false. (The page's
// WebAssembly, built on the first request for it, and the page at work
// are tested in cmd/pacta/internal/playground/browsertest.)
func TestServePlayground(t *testing.T) {
	get := func(addr, path string) (int, string, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
	}
	addr, _, stop, exit := startServe(t, "../../examples/royalty", "--poll", "0")
	if code, ct, body := get(addr, "/"); code != 200 || ct != "text/html; charset=utf-8" || !strings.Contains(body, "<title>Pacta playground</title>") {
		t.Errorf("GET /: %d %s %.100s", code, ct, body)
	}
	if code, _, body := get(addr, "/playground.json"); code != 200 || !strings.Contains(body, `"name":"openai-microsoft-aws"`) {
		t.Errorf("GET /playground.json: %d %.100s", code, body)
	}
	stop()
	<-exit
	addr, _, stop, exit = startServe(t, "../../examples/royalty", "--poll", "0", "--playground=false")
	if code, _, body := get(addr, "/"); code != 404 || !strings.Contains(body, `"not_found"`) {
		t.Errorf("GET / with --playground=false: %d %s", code, body)
	}
	stop()
	<-exit
}

// shellWords splits a command line as a shell would, for the words the
// README uses: plain words and single-quoted ones.
func shellWords(t *testing.T, s string) []string {
	var out []string
	var cur strings.Builder
	in, quoted := false, false
	for _, r := range s {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			cur.WriteRune(r)
		case r == '\'':
			quoted, in = true, true
		case r == ' ' || r == '\t':
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			if r == '"' || r == '\\' || r == '$' {
				t.Fatalf("shellWords does not handle %q in %s", r, s)
			}
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}

// TestServeGracefulShutdown: told to stop while a settlement is still
// receiving its ledger, pacta serve stops listening, answers that request
// in full, logs that it stopped and exits 0.
func TestServeGracefulShutdown(t *testing.T) {
	active := make(chan struct{}, 16)
	serveConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateActive {
			active <- struct{}{}
		}
	}
	defer func() { serveConnState = nil }()
	addr, log, stop, exit := startServe(t, exampleDir, "--poll", "0")
	pr, pw := io.Pipe()
	type result struct {
		code int
		body string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := http.Post("http://"+addr+"/v1/settle?period=2026-Q3", "text/csv", pr)
		if err != nil {
			done <- result{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- result{resp.StatusCode, string(b), err}
	}()
	ledger, err := os.ReadFile(exampleDir + "/ledger.csv")
	if err != nil {
		t.Fatal(err)
	}
	head, rest, _ := bytes.Cut(ledger, []byte("\n"))
	if _, err := pw.Write(append(head, '\n')); err != nil {
		t.Fatal(err)
	}
	<-active // the server has begun reading the request
	stop()
	for !strings.Contains(log.String(), `"msg":"shutting down`) {
		time.Sleep(time.Millisecond)
	}
	// The server stops taking connections while the request in flight
	// is still waiting for its ledger.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("still answering new requests 5s after the signal")
		}
	}
	select {
	case r := <-done:
		t.Fatalf("the request in flight ended before its ledger did: %+v", r)
	default:
	}
	pw.Write(rest)
	pw.Close()
	r := <-done
	if r.err != nil || r.code != 200 || !strings.Contains(r.body, `"period": "2026-Q3"`) {
		t.Errorf("the request in flight: %v %d %.300s", r.err, r.code, r.body)
	}
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("exit status %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("pacta serve did not stop")
	}
	if !strings.Contains(log.String(), `"msg":"stopped"`) {
		t.Errorf("log: %s", log.String())
	}
}

// TestEvalJSONMatchesServe: pacta eval --format json and POST /v1/eval
// answer one expression with the same value, text and type fields. The
// expression is worked by hand: 20% of 1,900,000.00 is 380,000.00.
func TestEvalJSONMatchesServe(t *testing.T) {
	t.Chdir("../..")
	const expr = "20% of USD 1,900,000.00"
	var cli bytes.Buffer
	if code := run([]string{"eval", "-f", "examples/openai-microsoft-aws", "--format", "json", expr}, &cli, io.Discard); code != 0 {
		t.Fatalf("pacta eval exited %d: %s", code, cli.String())
	}
	addr, _, _, _ := startServe(t, "examples/openai-microsoft-aws", "--poll", "0")
	body, _ := json.Marshal(map[string]string{"expr": expr})
	resp, err := http.Post("http://"+addr+"/v1/eval", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	served, _ := io.ReadAll(resp.Body)
	var a, b struct {
		Value json.RawMessage `json:"value"`
		Text  string          `json:"text"`
		Type  string          `json:"type"`
	}
	if err := json.Unmarshal(cli.Bytes(), &a); err != nil {
		t.Fatalf("cli: %v: %s", err, cli.String())
	}
	if err := json.Unmarshal(served, &b); err != nil {
		t.Fatalf("serve: %v: %s", err, served)
	}
	if a.Text != "USD 380,000.00" || a.Type != "money(USD)" {
		t.Errorf("cli answered %s", cli.String())
	}
	var av, bv any
	json.Unmarshal(a.Value, &av)
	json.Unmarshal(b.Value, &bv)
	if a.Text != b.Text || a.Type != b.Type || !reflect.DeepEqual(av, bv) {
		t.Errorf("cli %s\nserve %s", cli.String(), served)
	}
}
