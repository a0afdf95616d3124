package lang

import (
	"cmp"
	"strconv"
	"strings"
)

// CompareClauseNums orders clause numbers by their dot-separated parts,
// numerically where both parts are numbers and as text otherwise: 2 <
// 9.2 < 9.10 < 10 < a1. It returns -1, 0 or +1. Every list of clauses
// (statements, the REPL's :clauses, rendered documents, the server's
// agreements) is in this order.
func CompareClauseNums(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		switch {
		case errx == nil && erry == nil:
			if x != y {
				return cmp.Compare(x, y)
			}
		case as[i] != bs[i]:
			return strings.Compare(as[i], bs[i])
		}
	}
	return cmp.Compare(len(as), len(bs))
}
