package lang

// Keywords returns Pacta's reserved words (SPEC.md section 1.3), in the
// order the grammar lists them. The slice is new on each call. Tools such
// as the REPL use it for completion.
func Keywords() []string { return append([]string(nil), keywordList...) }

// IsKeyword reports whether word is a reserved word.
func IsKeyword(word string) bool { return keywordSet[word] }
