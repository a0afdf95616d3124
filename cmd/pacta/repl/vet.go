package repl

import (
	"context"

	"github.com/pacta-lang/pacta/interp/result"
)

// vet runs :vet: the findings of Program.Vet over the loaded files and
// this session's declarations, each with its position and witness.
func (s *Session) vet(ctx context.Context) bool {
	if s.prog == nil {
		s.println("nothing to vet: load agreement files with :load FILE, or declare one")
		return false
	}
	rep, err := s.prog.Vet(ctx)
	if err != nil {
		s.printErr(err, s.srcs, s.ss, "")
		return false
	}
	for _, f := range rep.Findings {
		s.printf("%s: %s: %s [%s]\n", s.posWords(f.Pos, ""), f.Severity, f.Message, f.Kind)
		if w := f.Witness; w != nil {
			if !w.AsOf.IsZero() {
				s.printf("    witness (as of %s): %s\n", w.AsOf, w.Action)
			} else {
				s.printf("    witness: %s\n", w.Action)
			}
			s.printf("    %s\n", w.Answer)
		}
	}
	e, wn, in := rep.Count(result.VetError), rep.Count(result.VetWarning), rep.Count(result.VetInfo)
	if e+wn == 0 {
		s.printf("no errors or warnings (%s)\n", plural(in, "note"))
		return true
	}
	s.printf("%s, %s, %s\n", plural(e, "error"), plural(wn, "warning"), plural(in, "note"))
	return true
}
