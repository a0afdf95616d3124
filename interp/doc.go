// Package interp evaluates checked Pacta agreements: it answers decisions
// (may this action be taken, and which clause says so), evaluates
// expressions, runs test blocks and settles ledgers, and is the API that Go
// programs embed. The package Example shows one embedding end to end.
//
// Compile (or LoadFiles, LoadFS) turns source into a Program, which is
// then immutable and safe for concurrent use; Program.Decide, Program.Eval,
// Program.Settle, Program.RunTests and Program.Vet answer with it. Each
// question carries its own state (context, step budget, as-of date).
// Errors are typed or unwrap to the sentinels below; each function says
// which.
//
// The answers are the types of package interp/result: they print for
// people with their WriteText methods and for programs as JSON
// (json.Marshaler and WriteJSON), in the shapes that package
// interp/schema documents and pins. Values, the records that actions and
// events are, and their exact numbers, dates and periods are the types of
// package interp/types (types.Value, types.Record).
package interp
