package main

import "github.com/pacta-lang/pacta/cmd/pacta/internal/problems"

// problem is a problem with no position.
func problem(msg string) problems.Problem { return problems.Problem{Message: msg} }
