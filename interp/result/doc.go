// Package result holds the interpreter's answers as data: a Decision
// (may this action be taken, which clause says so, and every clause that
// applied with why it won or lost), a Statement (what a ledger settles to:
// lines, totals per party, breaches, overdue amounts, unmet obligations),
// a TestReport and a VetReport.
//
// Package interp makes them (interp.Program.Decide, interp.Program.Settle,
// interp.Program.RunTests, interp.Program.Vet); a host reads their fields, prints them
// for people with WriteText, and writes them for programs as JSON
// (json.Marshaler, WriteJSON) in the shapes that package interp/schema
// documents and pins. Each is plain data: a host may also build one
// itself and print it the same way.
package result
