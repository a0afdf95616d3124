package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// inputLine is one line of piped input.
type inputLine struct {
	text string // without its line ending
	num  int    // 1-based line number
	over int    // > 0: the line was longer than the limit (its size in bytes); text is empty
}

// lineReader reads piped input line by line. Unlike bufio.Scanner it does
// not stop at a line over its limit: such a line is read through and
// returned with its size only.
type lineReader struct {
	r     *bufio.Reader
	limit int
	num   int
	err   error // a read error other than the end of input
}

func newLineReader(r io.Reader, limit int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), limit: limit}
}

// next returns the next line; false at the end of the input or on a read
// error (then kept in err).
func (lr *lineReader) next() (inputLine, bool) {
	if lr.err != nil {
		return inputLine{}, false
	}
	var buf []byte
	size, eol := 0, 0
	for {
		chunk, err := lr.r.ReadSlice('\n')
		size += len(chunk)
		if size <= lr.limit+2 { // room for "\r\n"
			buf = append(buf, chunk...)
		} else {
			buf = nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == nil {
			eol = 1
		} else if !errors.Is(err, io.EOF) {
			lr.err = err
		}
		if size == 0 {
			return inputLine{}, false
		}
		break
	}
	lr.num++
	text := strings.TrimSuffix(string(buf), "\n")
	text = strings.TrimSuffix(text, "\r")
	if buf == nil || len(text) > lr.limit {
		return inputLine{num: lr.num, over: size - eol}, true
	}
	return inputLine{text: text, num: lr.num}, true
}

// byteWords writes a size: "1 MiB (1,048,576 bytes)", "70,001 bytes".
func byteWords(n int) string {
	s := groupDigits(n) + " bytes"
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB (%s)", n>>20, s)
	}
	return s
}

// groupDigits writes n with commas every three digits.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
