package main

import (
	"bufio"
	"io"
	"strings"
	"testing"
)

// TestReadLineSkipsLongLines: a line longer than the limit is reported as
// too long, read to its end, and the lines after it are read whole.
func TestReadLineSkipsLongLines(t *testing.T) {
	// Limit 5 bytes; a reader buffer of 16 bytes (the least bufio allows)
	// so that the 40-byte line spans several reads.
	in := "abc\n" + strings.Repeat("x", 40) + "\n12345\n123456\r\nlast"
	rd := bufio.NewReaderSize(strings.NewReader(in), 16)
	type got struct {
		line    string
		tooLong bool
	}
	want := []got{{"abc", false}, {"", true}, {"12345", false}, {"", true}, {"last", false}}
	// "123456\r" is 7 bytes (the \r is kept for the caller to trim): too long.
	for i, w := range want {
		line, tooLong, err := readLine(rd, nil, 5)
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if tooLong != w.tooLong || (!tooLong && string(line) != w.line) {
			t.Errorf("line %d: got %q, tooLong %v; want %q, tooLong %v", i+1, line, tooLong, w.line, w.tooLong)
		}
	}
	if _, _, err := readLine(rd, nil, 5); err != io.EOF {
		t.Errorf("after the last line: err %v, want io.EOF", err)
	}
}
