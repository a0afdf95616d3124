// Package lang is the Pacta language itself, with no evaluation: it turns
// source text into checked syntax trees.
//
//   - Parse reads one file into a *File (the syntax tree: agreements,
//     amendments, clauses, terms, tests; see ast*.go), ParseExpr an
//     expression and ParseInput an entry typed at the REPL (items or an
//     expression). The grammar is declared in grammar.go and read by
//     participle; the participle types stay inside this package and are
//     converted to the tree (convert.go).
//   - Check resolves every name and types every expression of a set of
//     files at once, and returns an *Info (every agreement with its
//     amendments, what each name refers to, the Type of each expression)
//     and every problem found.
//   - Format prints a tree in the one canonical layout (pacta fmt).
//
// Problems are an ErrorList of *Error, each with a Pos (file:line:col), a
// message in plain words and sometimes a hint; ErrorList.RenderList shows
// them with their source lines. The limits of SPEC section 13 (Max*) bound
// what hostile input can make the parser and checker do.
//
// Package interp compiles what Check accepts and answers questions with it.
package lang
