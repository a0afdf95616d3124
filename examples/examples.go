// Package examples holds the bundled example agreements, with their
// ledgers, as files embedded in the program, for tools that offer them
// (the playground of pacta serve and pacta playground). The files are
// the ones in this directory: nothing is copied.
package examples

import "embed"

// FS holds every example: DIR/*.pacta, DIR/ledger.csv and
// DIR/ledger.jsonl for each directory DIR of examples/ that has them.
//
//go:embed */*.pacta */ledger.csv */ledger.jsonl
var FS embed.FS
