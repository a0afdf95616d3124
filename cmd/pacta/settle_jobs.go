package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"iter"
	"sync"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
)

// This file settles a ledger file with several workers (--jobs): one
// goroutine cuts the file into chunks of whole rows, workers read and
// settle each chunk into an interp.Partial (parsing, deciding and
// evaluating every row), and the partials are merged in ledger order and
// finished. The statement is the one a single pass gives, byte for byte;
// on any error the caller settles the ledger again in one pass, so that
// errors name the same row as ever.

// chunkBytes is about how much of the ledger one chunk holds (a variable
// for the tests, which cut small ledgers into many chunks).
var chunkBytes = 1 << 20

// maxChunkRow is the longest row cut into chunks: a longer one (over the
// default limit on a row) makes the ledger be settled in one pass, which
// reports it or, when --max-row-bytes allows it, reads it.
const maxChunkRow = 1<<20 + 64<<10

var errLongRow = errors.New("a row too long to settle in slices")

// ledgerChunk is a run of whole rows of a ledger: the rows' bytes and the
// line the first of them starts on.
type ledgerChunk struct {
	seq  int
	line int
	data []byte
}

// chunkLedger cuts r into chunks of whole rows and sends them in order.
// For CSV, the header row is returned on its own (it is given to every
// chunk's reader) and a row ends at a newline outside quotes: the number
// of quotes before it is even, which in valid CSV holds exactly at the
// ends of rows (a chunk of invalid CSV fails to read, and the ledger is
// read again in one pass). JSON Lines rows end at every newline. The
// ledger is read in blocks of about chunkBytes and cut at the last end
// of a row in each: a block without quotes costs two scans for bytes
// (the last newline, and the newlines counted), not a call per row.
func chunkLedger(ctx context.Context, r io.Reader, isCSV bool, header *[]byte, free chan []byte, out chan<- ledgerChunk) error {
	newBuf := func() []byte {
		select {
		case b := <-free:
			return b[:0]
		default:
			return make([]byte, 0, chunkBytes+64<<10)
		}
	}
	eof := false
	// fill reads about chunkBytes more into buf (less at the end of r).
	fill := func(buf []byte) ([]byte, error) {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		want := min(cap(buf), len(buf)+max(chunkBytes, 1))
		for len(buf) < want && !eof {
			n, err := r.Read(buf[len(buf):want])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				eof = true
			} else if err != nil {
				return buf, err
			}
			if n > 0 {
				break
			}
		}
		return buf, nil
	}
	// next reads until buf holds a whole row (or r ends) and returns
	// where the last whole row in it ends (0: none, at the end of r).
	next := func(buf []byte, one bool) ([]byte, int, error) {
		for {
			cut := lastRowEnd(buf, isCSV, one)
			if cut > 0 || eof {
				if cut == 0 {
					cut = len(buf)
				}
				return buf, cut, nil
			}
			if len(buf) > maxChunkRow {
				return buf, 0, errLongRow
			}
			var err error
			if buf, err = fill(buf); err != nil {
				return buf, 0, err
			}
		}
	}
	line := 1
	buf := newBuf()
	if isCSV {
		var cut int
		var err error
		if buf, cut, err = next(buf, true); err != nil {
			return err
		}
		*header = append([]byte(nil), buf[:cut]...)
		line += bytes.Count(*header, []byte{'\n'})
		buf = append(buf[:0], buf[cut:]...)
	}
	for seq := 0; ; seq++ {
		var cut int
		var err error
		for len(buf) < chunkBytes && !eof {
			if buf, err = fill(buf); err != nil {
				return err
			}
		}
		if buf, cut, err = next(buf, false); err != nil {
			return err
		}
		if cut == 0 {
			return nil // the end of r
		}
		rest := newBuf()
		rest = append(rest, buf[cut:]...)
		c := ledgerChunk{seq: seq, line: line, data: buf[:cut]}
		line += bytes.Count(c.data, []byte{'\n'})
		select {
		case out <- c:
		case <-ctx.Done():
			return ctx.Err()
		}
		buf = rest
	}
}

// lastRowEnd is where the last whole row in buf ends (just after its
// newline), or 0; with one, where the first row ends. buf starts at the
// start of a row.
func lastRowEnd(buf []byte, isCSV bool, one bool) int {
	if !isCSV || bytes.IndexByte(buf, '"') < 0 {
		if one {
			return bytes.IndexByte(buf, '\n') + 1
		}
		return bytes.LastIndexByte(buf, '\n') + 1
	}
	end, odd := 0, false
	for i := 0; i < len(buf); {
		j := bytes.IndexAny(buf[i:], "\"\n")
		if j < 0 {
			break
		}
		i += j
		if buf[i] == '"' {
			odd = !odd
		} else if !odd {
			end = i + 1
			if one {
				break
			}
		}
		i++
	}
	return end
}

// settleJobs settles the ledger r (CSV or JSON Lines, named source) with
// jobs workers. Any error means: settle again in one pass.
func settleJobs(p *interp.Program, agreement, source string, r io.Reader, isCSV bool, jobs int, opts interp.SettleOptions) (*result.Statement, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	chunks := make(chan ledgerChunk, jobs)
	type result struct {
		seq int
		pt  *interp.Partial
		err error
	}
	results := make(chan result, jobs)
	var header []byte
	var readErr error
	var wg sync.WaitGroup
	// The cutter sets header before it sends the first chunk.
	free := make(chan []byte, 2*jobs+2)
	cut := make(chan struct{})
	go func() {
		defer close(cut)
		readErr = chunkLedger(ctx, r, isCSV, &header, free, chunks)
		close(chunks)
	}()
	// The cutter has stopped reading r before this returns: on an error,
	// the caller reads r again from the start.
	defer func() { cancel(); <-cut }()
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range chunks {
				pt, err := p.SettlePartial(ctx, chunkEvents(p, agreement, source, header, c, isCSV), opts)
				select {
				case free <- c.data:
				default:
				}
				select {
				case results <- result{c.seq, pt, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var acc *interp.Partial
	waiting := map[int]*interp.Partial{}
	next := 0
	var firstErr error
	for res := range results {
		if res.err != nil {
			if firstErr == nil {
				firstErr = res.err
				cancel()
			}
			continue
		}
		if firstErr != nil {
			continue
		}
		waiting[res.seq] = res.pt
		for waiting[next] != nil {
			pt := waiting[next]
			delete(waiting, next)
			next++
			if acc == nil {
				acc = pt
			} else if err := acc.Merge(pt); err != nil {
				firstErr = err
				cancel()
				break
			}
			if err := acc.HandBreaches(); err != nil {
				firstErr = err
				cancel()
				break
			}
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if readErr != nil {
		return nil, readErr
	}
	if acc == nil || len(waiting) > 0 {
		return nil, errors.New("no rows to settle in slices")
	}
	return acc.Finish()
}

// chunkEvents reads a chunk's rows with the reader of the whole ledger
// (given the CSV header first) and names each row by its line in the
// whole ledger.
func chunkEvents(p *interp.Program, agreement, source string, header []byte, c ledgerChunk, isCSV bool) iter.Seq2[interp.Event, error] {
	var in io.Reader = bytes.NewReader(c.data)
	first := 1 // the line the chunk's first row is on in what the reader reads
	if isCSV {
		in = io.MultiReader(bytes.NewReader(header), in)
		first += bytes.Count(header, []byte{'\n'})
	}
	offset := c.line - first
	read := p.ReadJSONL
	if isCSV {
		read = p.ReadCSV
	}
	return func(yield func(interp.Event, error) bool) {
		for ev, err := range read(agreement, source, in) {
			ev.Line += offset
			if !yield(ev, err) {
				return
			}
		}
	}
}
