package lang

// Keywords returns Pacta's reserved words (SPEC.md section 1.3), in the
// order the grammar lists them. The slice is new on each call. Tools such
// as the REPL use it for completion.
func Keywords() []string { return append([]string(nil), keywordList...) }

// IsKeyword reports whether word is a reserved word.
func IsKeyword(word string) bool { return keywordSet[word] }

// contextWords are identifiers that take a meaning from where they stand
// in the grammar of splits, shares and tests (SPEC 2.7) without being
// reserved, so that existing names such as a field called `shares` keep
// working.
var contextWords = []string{"shares", "whether", "owes", "overdue", "unmet", "fails", "points", "less", "more", "clauses", "together"}

// ContextWords returns the words of the grammar that are not reserved but
// have a meaning in some positions (SPEC 2.7): `shares`, `whether`,
// `owes`, `overdue`, `unmet`, `fails`, `points`, `less`, `more` in
// tiers (SPEC 7.3.1), `clauses`, `together` (SPEC 7.4.1), the words of
// termination (SPEC 5.6), and `choose` and `maximise` of a choice (SPEC
// 4.9). The slice is new on each call. Tools such as the REPL offer them
// for completion with the keywords.
func ContextWords() []string {
	return append(append(append([]string(nil), contextWords...), terminationWords...), choiceWords...)
}
