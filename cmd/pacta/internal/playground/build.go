package playground

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
)

// The WebAssembly interpreter is not committed: it is built from Pacta's
// own source by the local Go toolchain, once per version of the source,
// and kept in the user's cache directory. This keeps the set-up at two
// commands (the toolchain that runs them builds the playground too).

// ModulePath is Pacta's module path; the source to build from is a
// directory whose go.mod declares it.
const ModulePath = "github.com/pacta-lang/pacta"

// WasmPackage is the package built for the browser, relative to the
// module's root.
const WasmPackage = "./cmd/pacta/internal/playground/wasm"

// Built is a built interpreter: pacta.wasm and the wasm_exec.js of the
// toolchain that built it (they must match).
type Built struct {
	Wasm     []byte
	WasmExec []byte
	// Dir is where they are kept (the cache).
	Dir string
}

// ErrNoSource is the error of Build when no Pacta source is found.
var ErrNoSource = errors.New("the playground's WebAssembly is built from Pacta's source, and none was found: run this from a clone of github.com/pacta-lang/pacta, or set PACTA_SOURCE to one")

// ErrNoToolchain is the error of Build when no go command is found.
var ErrNoToolchain = errors.New("the playground's WebAssembly is built with the Go toolchain, and no go command is on PATH: install Go (https://go.dev/dl/) or set PACTA_GO")

// FindSource returns the root of Pacta's source: $PACTA_SOURCE if set,
// else the first directory from the current one upwards whose go.mod
// declares ModulePath, else, for a pacta installed with go install
// ...@VERSION, that version's source in the module cache (where go
// install left it).
func FindSource() (string, error) {
	if dir := os.Getenv("PACTA_SOURCE"); dir != "" {
		if !isPactaRoot(dir) {
			return "", fmt.Errorf("PACTA_SOURCE=%s: no go.mod of %s there", dir, ModulePath)
		}
		return dir, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if isPactaRoot(dir) {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			if dir := installedSource(); dir != "" {
				return dir, nil
			}
			return "", ErrNoSource
		}
		dir = up
	}
}

func isPactaRoot(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`) == ModulePath
		}
	}
	return false
}

// Build builds the interpreter from the source at root with the Go
// toolchain ($PACTA_GO, else go on PATH), or returns the one already
// built from the same source with the same toolchain. cache is the
// directory builds are kept in ("" for the user's cache directory).
// log, if set, is told when a build starts.
func Build(ctx context.Context, root, cache string, log func(msg string)) (*Built, error) {
	goBin := os.Getenv("PACTA_GO")
	if goBin == "" {
		var err error
		if goBin, err = exec.LookPath("go"); err != nil {
			return nil, ErrNoToolchain
		}
	}
	out, err := exec.CommandContext(ctx, goBin, "env", "GOROOT", "GOVERSION").Output()
	if err != nil {
		return nil, fmt.Errorf("%s env: %v", goBin, err)
	}
	env := strings.Fields(string(out))
	if len(env) != 2 {
		return nil, fmt.Errorf("%s env GOROOT GOVERSION: unexpected output %q", goBin, out)
	}
	goroot, goversion := env[0], env[1]
	key, err := sourceKey(root, goversion)
	if err != nil {
		return nil, err
	}
	if cache == "" {
		if cache, err = os.UserCacheDir(); err != nil {
			return nil, fmt.Errorf("no cache directory for the playground: %v", err)
		}
		cache = filepath.Join(cache, "pacta", "playground")
	}
	dir := filepath.Join(cache, key)
	if b, err := load(dir); err == nil {
		return b, nil
	}
	if log != nil {
		log(fmt.Sprintf("building the playground's WebAssembly with %s (%s) into %s", goBin, goversion, dir))
	}
	var execJS []byte
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if execJS, err = os.ReadFile(filepath.Join(goroot, p)); err == nil {
			break
		}
	}
	if execJS == nil {
		return nil, fmt.Errorf("no wasm_exec.js in %s (lib/wasm or misc/wasm)", goroot)
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(cache, "build-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.CommandContext(ctx, goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(tmp, "pacta.wasm"), WasmPackage)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("building the playground's WebAssembly (GOOS=js GOARCH=wasm go build %s in %s): %v\n%s", WasmPackage, root, err, stderr.Bytes())
	}
	if err := os.WriteFile(filepath.Join(tmp, "wasm_exec.js"), execJS, 0o644); err != nil {
		return nil, err
	}
	// Another process may have built the same key meanwhile: either
	// copy is good.
	if err := os.Rename(tmp, dir); err != nil {
		if b, lerr := load(dir); lerr == nil {
			return b, nil
		}
		return nil, err
	}
	prune(cache, keepBuilds)
	return load(dir)
}

// keepBuilds is how many builds the cache keeps: each is about 10 MB,
// and a new one is made whenever the source changes.
const keepBuilds = 4

// prune removes all but the keep newest builds in cache (by the time
// they were made). Builds under way (build-*) are left alone.
func prune(cache string, keep int) {
	entries, err := os.ReadDir(cache)
	if err != nil {
		return
	}
	type build struct {
		path string
		made int64
	}
	var builds []build
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), "build-") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		builds = append(builds, build{filepath.Join(cache, e.Name()), info.ModTime().UnixNano()})
	}
	sort.Slice(builds, func(i, j int) bool { return builds[i].made > builds[j].made })
	for i := keep; i < len(builds); i++ {
		os.RemoveAll(builds[i].path)
	}
}

func load(dir string) (*Built, error) {
	w, err := os.ReadFile(filepath.Join(dir, "pacta.wasm"))
	if err != nil {
		return nil, err
	}
	x, err := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	if err != nil {
		return nil, err
	}
	return &Built{Wasm: w, WasmExec: x, Dir: dir}, nil
}

// sourceKey sums up what the interpreter is built from: the toolchain's
// version, go.mod and go.sum, and every Go file (tests left out) under
// lang, interp, stdlib and cmd/pacta/internal. A change to any of them
// gives another key, so another build.
func sourceKey(root, goversion string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", goversion)
	add := func(path string) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(root, path)
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		_, err = io.Copy(h, f)
		h.Write([]byte{0})
		return err
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := add(filepath.Join(root, f)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	for _, d := range []string{"lang", "interp", "stdlib", "cmd/pacta/internal"} {
		if _, err := os.Stat(filepath.Join(root, d)); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		err := filepath.WalkDir(filepath.Join(root, d), func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && e.Name() == "testdata" {
				return filepath.SkipDir
			}
			if e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			return add(path)
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}

// installedSource is the source of the running pacta in the module
// cache, when it was installed as a version of ModulePath (go install
// github.com/pacta-lang/pacta/cmd/pacta@VERSION) and the source is still
// there; "" otherwise.
func installedSource() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Path != ModulePath {
		return ""
	}
	goBin := os.Getenv("PACTA_GO")
	if goBin == "" {
		goBin = "go"
	}
	out, err := exec.Command(goBin, "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	return cachedSource(strings.TrimSpace(string(out)), info.Main.Version)
}

// cachedSource is the directory of version of ModulePath in the module
// cache modcache, if it holds Pacta's source; "" otherwise (and for a
// build from a checkout, whose version is "(devel)" or "").
func cachedSource(modcache, version string) string {
	if modcache == "" || version == "" || version == "(devel)" {
		return ""
	}
	// ModulePath is all lower case, so its cache path is itself.
	dir := filepath.Join(modcache, filepath.FromSlash(ModulePath)+"@"+version)
	if !isPactaRoot(dir) {
		return ""
	}
	return dir
}
