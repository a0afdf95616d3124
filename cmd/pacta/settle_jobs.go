package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"iter"
	"sync"

	"github.com/pacta-lang/pacta/interp"
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
// read again in one pass). JSON Lines rows end at every newline.
func chunkLedger(ctx context.Context, r io.Reader, isCSV bool, header *[]byte, free chan []byte, out chan<- ledgerChunk) error {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 1
	odd := false // inside a quoted CSV field
	if isCSV {
		var h []byte
		for {
			part, err := br.ReadSlice('\n')
			h = append(h, part...)
			if len(h) > maxChunkRow {
				return errLongRow
			}
			odd = odd != (bytes.Count(part, []byte{'"'})%2 == 1)
			if err == bufio.ErrBufferFull {
				continue
			}
			if err != nil && err != io.EOF {
				return err
			}
			line += bytes.Count(part, []byte{'\n'})
			if !odd || err == io.EOF {
				break
			}
		}
		*header = h
	}
	seq := 0
	// Chunk buffers come back once a worker has read them.
	newBuf := func() []byte {
		select {
		case b := <-free:
			return b[:0]
		default:
			return make([]byte, 0, chunkBytes+64<<10)
		}
	}
	buf := newBuf()
	start := line
	rowStart := 0 // where in buf the row being read starts
	send := func() bool {
		select {
		case out <- ledgerChunk{seq: seq, line: start, data: buf}:
		case <-ctx.Done():
			return false
		}
		seq++
		buf, start, rowStart = newBuf(), line, 0
		return true
	}
	for {
		part, err := br.ReadSlice('\n')
		if err != nil && err != bufio.ErrBufferFull && err != io.EOF {
			return err
		}
		buf = append(buf, part...)
		nl := bytes.Count(part, []byte{'\n'})
		line += nl
		if isCSV {
			odd = odd != (bytes.Count(part, []byte{'"'})%2 == 1)
		}
		if nl > 0 && !odd {
			rowStart = len(buf)
		} else if len(buf)-rowStart > maxChunkRow {
			return errLongRow
		}
		if err == io.EOF {
			if len(buf) > 0 && !send() {
				return ctx.Err()
			}
			return nil
		}
		if nl > 0 && !odd && len(buf) >= chunkBytes && !send() {
			return ctx.Err()
		}
	}
}

// settleJobs settles the ledger r (CSV or JSON Lines, named source) with
// jobs workers. Any error means: settle again in one pass.
func settleJobs(p *interp.Program, agreement, source string, r io.Reader, isCSV bool, jobs int, opts interp.SettleOptions) (*interp.Statement, error) {
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
	go func() {
		readErr = chunkLedger(ctx, r, isCSV, &header, free, chunks)
		close(chunks)
	}()
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
