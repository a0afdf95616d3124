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
	Decision   = "decision.schema.json"   // result.Decision
	Statement  = "statement.schema.json"  // result.Statement
	TestReport = "testreport.schema.json" // result.TestReport
	Value      = "value.schema.json"      // types.Value
)

//go:embed *.schema.json
var files embed.FS

// FS returns the schema files, read-only.
func FS() fs.FS { return files }

// Names returns the file names of every schema, Common first.
func Names() []string { return []string{Common, Decision, Statement, TestReport, Value} }
