// Package render writes checked Pacta agreements as documents a lawyer
// reviews: one self-contained HTML file (or Markdown) with every clause in
// force on a date beside a plain-English reading of its logic, the
// versions made by amendments, redlines (each amendment, or what changed
// between two dates), a glossary of defined terms, worked examples from
// the test blocks, precedence graphs, tier charts (rate by band, and the
// cumulative amount owed against the base with thresholds, caps and
// floors marked) and waterfall charts as inline SVG, and, given a ledger, the statement for a period with the
// ledger rows behind each line.
//
// Render is the one entry point: it reads a compiled *interp.Program
// through interp's and lang's public API only, and is deterministic: the
// same program and options give the same bytes (no timestamps, every map
// walked in sorted order).
//
// Readings are generated from the syntax tree by fixed rules (reading.go,
// reading_clause.go), never by a language model: "OpenAI must not sell
// where the platform is neither Azure nor Direct." A party is named by its
// legal name without its corporate suffix (Inc., Ltd., Corporation, PBC,
// Group, ...); a defined term by its name in title case (net_revenue is
// "Net Revenue"), linked to the glossary.
package render
