package main

import "testing"

// Completion reads each command's flags from the command itself; the
// flags it knows values or file kinds for must be flags some command has,
// and every command but completion's pseudo-command help has its flags.
func TestCompletionSpecs(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range commandSpecs() {
		for _, f := range s.flags {
			seen[f.name] = true
		}
		if s.name == "settle" {
			found := false
			for _, f := range s.flags {
				if f.name == "ledger" && !f.bool && len(f.files) > 0 {
					found = true
				}
			}
			if !found {
				t.Errorf("settle's --ledger is not a file flag in %+v", s.flags)
			}
		}
	}
	for name := range flagValues {
		if !seen[name] {
			t.Errorf("completion knows values for --%s, which no command has", name)
		}
	}
	for name := range flagFiles {
		if !seen[name] {
			t.Errorf("completion knows files for %s, which no command has", dash(name))
		}
	}
}
