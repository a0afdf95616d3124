// Package ledgerfmt tells a ledger's format from its first bytes, one way
// for pacta settle's standard input and the playground: a first
// character other than a byte order mark or white space that is "{"
// starts JSON Lines; anything else is CSV (SPEC 7.6.1).
package ledgerfmt

import "bytes"

// JSONLines reports whether a ledger that begins with head is JSON Lines,
// and whether head was enough to tell: known is false while head holds
// nothing but a byte order mark (or the start of one) and white space
// (read more, or, at the end of the ledger, take it as CSV).
func JSONLines(head []byte) (json, known bool) {
	bom := []byte("\uFEFF")
	if len(head) < len(bom) && bytes.HasPrefix(bom, head) {
		return false, false // part of a byte order mark: read more
	}
	rest := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(rest) == 0 {
		return false, false
	}
	return rest[0] == '{', true
}
