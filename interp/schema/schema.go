// Package schema holds the JSON Schemas (draft 2020-12) that pin the JSON
// shapes of Pacta's answers: interp.Decision, interp.Statement,
// interp.TestReport and interp.Value, as their MarshalJSON methods encode
// them and as `pacta decide|settle|test --format json` print them.
//
// The schemas are files in this directory, embedded in the package so that
// a host can validate what it receives or generate types from them. Each
// has an $id under BaseURL and refers to the definitions in Common by
// relative reference, so a validator loads all of them and compiles the
// one it needs:
//
//	for _, name := range schema.Names() {
//		doc, _ := fs.ReadFile(schema.FS(), name)
//		// add doc to the validator under schema.BaseURL + name
//	}
//
// The shapes are stable: members may be added in later versions, never
// renamed or removed.
package schema

import (
	"embed"
	"io/fs"
)

// BaseURL is the URL every schema's $id starts with; a schema's $id is
// BaseURL followed by its file name.
const BaseURL = "https://github.com/pacta-lang/pacta/interp/schema/"

// The schema files, by what they describe.
const (
	Common     = "common.schema.json"     // definitions the others share: amount, date, period, clause
	Decision   = "decision.schema.json"   // interp.Decision
	Statement  = "statement.schema.json"  // interp.Statement
	TestReport = "testreport.schema.json" // interp.TestReport
	Value      = "value.schema.json"      // interp.Value
)

//go:embed *.schema.json
var files embed.FS

// FS returns the schema files, read-only.
func FS() fs.FS { return files }

// Names returns the file names of every schema, Common first.
func Names() []string { return []string{Common, Decision, Statement, TestReport, Value} }
