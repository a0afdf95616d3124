package interp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// Program is a set of compiled agreements. It is immutable once built and
// safe for concurrent use by any number of goroutines.
type Program struct {
	files      []*lang.File
	sources    map[string][]byte
	info       *lang.Info
	funcs      *funcTable
	agreements []*agreement
	byID       map[string]*agreement
	budget     int64
	maxRow     int       // the longest ledger row read, in bytes
	frames     sync.Pool // *frame, reused between evaluations
	readFile   fileReader
	maxSource  int64
}

// Option configures Compile and the Load functions.
type Option func(*config)

type config struct {
	funcs     []*Func
	noStdlib  bool
	budget    int64
	maxSource int64
	maxRow    int
	files     fileReader // the files an agreement names (files.go); nil: none
}

// newConfig applies opts over the defaults.
func newConfig(opts []Option) config {
	cfg := config{maxSource: DefaultMaxSourceBytes, maxRow: DefaultMaxRowBytes}
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

// DefaultMaxSourceBytes is the largest agreement source file accepted unless
// WithMaxSourceBytes says otherwise: 4 MiB, so that a wrong path (a log
// file, /dev/zero) is refused at once.
const DefaultMaxSourceBytes = 4 << 20

// DefaultMaxRowBytes is the longest ledger row (a CSV record, a line of JSON
// Lines) the readers accept unless WithMaxRowBytes says otherwise: 1 MiB.
// It bounds a reader's memory, which holds about one row.
const DefaultMaxRowBytes = 1 << 20

// WithMaxSourceBytes sets the largest agreement source file accepted, in
// bytes (DefaultMaxSourceBytes when not given). A file is read only up to
// the limit, so an endless one is refused at once.
func WithMaxSourceBytes(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxSource = n
		}
	}
}

// WithMaxRowBytes sets the longest ledger row Program.ReadCSV and ReadJSONL accept,
// in bytes (DefaultMaxRowBytes when not given).
func WithMaxRowBytes(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxRow = n
		}
	}
}

// ErrTooLarge reports an input over one of the limits of SPEC section 13:
// an agreement source file or a ledger row.
var ErrTooLarge = errors.New("too large")

// sizeText writes a byte count for people: 4 MiB, 64 KiB, 1000 bytes.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// tooLargeError is a source file over the limit.
func tooLargeError(name string, limit int64) error {
	return &sourceSizeError{name: name, limit: limit}
}

type sourceSizeError struct {
	name  string
	limit int64
}

func (e *sourceSizeError) Error() string {
	return fmt.Sprintf("%s: the file is larger than %s, the most an agreement source file may be", e.name, sizeText(e.limit))
}

func (e *sourceSizeError) Unwrap() error { return ErrTooLarge }

// readLimited reads r up to limit bytes; more is an error naming name.
func readLimited(name string, r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, tooLargeError(name, limit)
	}
	return b, nil
}

// WithFuncs makes the host's own functions callable from agreements, beside
// the standard library's (Builtins); a later function replaces one of the
// same name. Compile fails for a name that is not an identifier or is
// reserved, and for a function with no Impl or with neither Ret nor
// Check. A call whose result is not of the declared type fails the
// question.
func WithFuncs(fns ...*Func) Option {
	return func(c *config) { c.funcs = append(c.funcs, fns...) }
}

// WithoutStdlib leaves the standard library out: agreements can call only
// the functions given with WithFuncs.
func WithoutStdlib() Option {
	return func(c *config) { c.noStdlib = true }
}

// WithStepBudget bounds every question asked of the program (a decision, an
// expression, a test, a settlement event) to n steps (DefaultStepBudget says
// what a step is; the default for n <= 0); a question that would spend more
// fails with ErrBudget.
func WithStepBudget(n int64) Option {
	return func(c *config) { c.budget = n }
}

// Source is one agreement source file.
type Source struct {
	Name string
	Text []byte
}

// LoadFiles reads, parses, checks and compiles the named files. A file
// larger than the source limit (WithMaxSourceBytes) is an error.
//
// An error unwraps to the file system's error (fs.ErrNotExist, ...) for a
// file that cannot be read, or is one Compile returns.
func LoadFiles(paths []string, opts ...Option) (*Program, error) {
	cfg := newConfig(opts)
	srcs := make([]Source, 0, len(paths))
	for _, p := range paths {
		b, err := readFileLimited(p, cfg.maxSource)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, Source{p, b})
	}
	if cfg.files == nil {
		opts = append([]Option{WithLocalFiles()}, opts...)
	}
	return Compile(srcs, opts...)
}

// readFileLimited reads a file of at most limit bytes; a path that cannot
// be read is an error in one line that names it.
func readFileLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, pathError(name, err)
	}
	defer f.Close()
	b, err := readLimited(name, f, limit)
	if err != nil && !errors.Is(err, ErrTooLarge) {
		return nil, pathError(name, err)
	}
	return b, err
}

// LoadFS reads every file matching the glob patterns in fsys (for example
// "*.pacta" or "deals/*.pacta"), then parses, checks and compiles them. A
// file larger than the source limit (WithMaxSourceBytes) is an error.
//
// A pattern that matches no file is an error unwrapping to ErrNoFiles;
// other errors are as for LoadFiles.
func LoadFS(fsys fs.FS, patterns []string, opts ...Option) (*Program, error) {
	cfg := newConfig(opts)
	var names []string
	for _, pat := range patterns {
		m, err := fs.Glob(fsys, pat)
		if err != nil {
			return nil, err
		}
		if len(m) == 0 {
			return nil, errorf(ErrNoFiles, "%s: no files match", pat)
		}
		names = append(names, m...)
	}
	sort.Strings(names)
	srcs := make([]Source, 0, len(names))
	for i, n := range names {
		if i > 0 && n == names[i-1] {
			continue
		}
		f, err := fsys.Open(n)
		if err != nil {
			return nil, pathError(n, err)
		}
		b, err := readLimited(path.Clean(n), f, cfg.maxSource)
		f.Close()
		if err != nil {
			if !errors.Is(err, ErrTooLarge) {
				err = pathError(n, err)
			}
			return nil, err
		}
		srcs = append(srcs, Source{path.Clean(n), b})
	}
	if cfg.files == nil {
		opts = append([]Option{WithFiles(fsys)}, opts...)
	}
	return Compile(srcs, opts...)
}

// Compile parses, checks and compiles sources into a Program. Problems are
// returned as a lang.ErrorList, every one positioned.
//
// A file over the source limit is an error unwrapping to ErrTooLarge.
func Compile(srcs []Source, opts ...Option) (*Program, error) {
	cfg := newConfig(opts)
	for _, s := range srcs {
		if int64(len(s.Text)) > cfg.maxSource {
			return nil, tooLargeError(s.Name, cfg.maxSource)
		}
	}
	for _, f := range cfg.funcs {
		if err := checkFunc(f); err != nil {
			return nil, err
		}
	}
	funcs := cfg.funcs
	if !cfg.noStdlib {
		funcs = append(Builtins(), cfg.funcs...)
	}
	p := &Program{
		maxRow:   cfg.maxRow,
		sources:  map[string][]byte{},
		funcs:    newFuncTable(funcs),
		byID:     map[string]*agreement{},
		budget:   cfg.budget,
		readFile: cfg.files, maxSource: cfg.maxSource,
	}
	if p.budget <= 0 {
		p.budget = DefaultStepBudget
	}
	var errs lang.ErrorList
	for _, s := range srcs {
		p.sources[s.Name] = s.Text
		f, perrs := lang.Parse(s.Name, s.Text)
		errs = append(errs, perrs...)
		if len(perrs) == 0 {
			p.files = append(p.files, f)
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	info, cerrs := lang.Check(p.files, &lang.Config{Funcs: p.funcs})
	if len(cerrs) > 0 {
		cerrs.Sort()
		return nil, cerrs
	}
	p.info = info
	for _, ai := range info.Agreements {
		a, err := p.compileAgreement(ai)
		if err != nil {
			return nil, err
		}
		p.agreements = append(p.agreements, a)
		p.byID[a.id] = a
	}
	return p, nil
}

// Source returns the text of a loaded file, for rendering errors.
func (p *Program) Source(name string) []byte { return p.sources[name] }

// Info returns what the checker learned about the program.
func (p *Program) Info() *lang.Info { return p.info }

// Agreements returns the identifiers of the program's agreements in file
// order.
func (p *Program) Agreements() []string {
	out := make([]string, len(p.agreements))
	for i, a := range p.agreements {
		out[i] = a.id
	}
	return out
}

// agreementFor finds an agreement by id, or the only one when id is "".
func (p *Program) agreementFor(id string) (*agreement, error) {
	if id == "" {
		if len(p.agreements) == 1 {
			return p.agreements[0], nil
		}
		if len(p.agreements) == 0 {
			return nil, errorf(ErrUnknownAgreement, "no agreement is loaded")
		}
		return nil, errorf(ErrUnknownAgreement, "several agreements are loaded (%s); say which", strings.Join(p.Agreements(), ", "))
	}
	a, ok := p.byID[id]
	if !ok {
		return nil, errorf(ErrUnknownAgreement, "no agreement called %q is loaded", id)
	}
	return a, nil
}

func (p *Program) newFrame(ctx context.Context, asOf types.Date) *frame {
	if ctx == nil {
		ctx = context.Background()
	}
	return newFrame(ctx, p.budget, asOf)
}

// getFrame takes a frame from the pool, reset for a new evaluation;
// putFrame gives it back.
func (p *Program) getFrame(ctx context.Context, asOf types.Date) *frame {
	if ctx == nil {
		ctx = context.Background()
	}
	fr, _ := p.frames.Get().(*frame)
	if fr == nil {
		return newFrame(ctx, p.budget, asOf)
	}
	fr.ctx, fr.budget, fr.event, fr.args, fr.owed = ctx, p.budget, nil, nil, nil
	fr.stack = fr.stack[:0]
	fr.depth = 0
	fr.call = Caller{ctx: ctx, asOf: asOf, fr: fr}
	return fr
}

func (p *Program) putFrame(fr *frame) {
	fr.ctx, fr.event, fr.args, fr.call.ctx, fr.exc = nil, nil, nil, nil, nil
	p.frames.Put(fr)
}
