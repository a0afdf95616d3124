// Package difftest holds a differential test of the interpreter: random
// agreements and ledgers are generated as Go descriptions, rendered to
// Pacta source, and settled and decided both by the engine (through
// interp's public API) and by a deliberately simple reference evaluator
// that works on the descriptions with math/big.Rat, following SPEC.md
// sections 4 to 9. The package has no code outside its tests.
package difftest
