package repl

import (
	"context"
	"fmt"
	"strings"
)

// This file lets a session with several agreements loaded choose the one
// its questions and declarations go to: :agreement NAME (and `pacta repl
// --agreement NAME`).

// agreementsWords says which agreements are loaded and which one questions
// go to, when there are several ("" for one or none).
func (s *Session) agreementsWords() string {
	if s.base == nil || len(s.base.Agreements()) < 2 {
		return ""
	}
	return fmt.Sprintf("questions go to %s (:agreement NAME chooses another of %s)", s.agreement(), strings.Join(s.base.Agreements(), ", "))
}

// chooseAgreement runs :agreement [NAME].
func (s *Session) chooseAgreement(ctx context.Context, args []string) bool {
	if s.base == nil {
		s.println("no agreement is loaded; declarations go into the session's own agreement (:load FILE loads one)")
		return len(args) == 0
	}
	ids := s.base.Agreements()
	if len(args) == 0 {
		s.printf("questions go to %s; the agreements loaded are %s\n", s.agreement(), strings.Join(ids, ", "))
		return true
	}
	if len(args) > 1 {
		s.println(":agreement takes one name: :agreement " + ids[0])
		return false
	}
	name := args[0]
	if !slicesContains(ids, name) {
		msg := fmt.Sprintf("no agreement called %q is loaded", name)
		if near := nearest(name, ids); near != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", near)
		}
		s.printf("%s; the agreements are %s\n", msg, strings.Join(ids, ", "))
		return false
	}
	if name == s.agreement() {
		s.printf("questions already go to %s\n", name)
		return true
	}
	if len(s.decls) > 0 {
		s.printf("this session has %s to %s: :save FILE keeps them, :reset drops them; then choose another agreement\n",
			plural(len(s.decls), "change"), s.agreement())
		return false
	}
	old := s.chosen
	s.chosen = name
	tgt := makeTarget(s.base, s.srcs, name)
	prog, ss, err := s.build(ctx, s.srcs, tgt, nil)
	if err == nil {
		err = s.refreshGivens(ctx, prog, tgt)
	}
	if err != nil {
		s.chosen = old
		s.println(plainError(err))
		return false
	}
	s.tgt, s.prog, s.ss, s.last, s.statement, s.ledger, s.terminated = tgt, prog, ss, nil, nil, "", nil
	s.printf("questions now go to %s\n", name)
	return true
}
