package lang

import "fmt"

// Scope checks expressions after Check, in the scope of one agreement as
// amended by all its amendments: its parties, kinds, actions, terms and
// the functions of the check's Config. The REPL and Program.Eval use it.
// A Scope only reads what Check built, so one Scope may check expressions
// from several goroutines at once.
type Scope struct {
	c *checker
	v *view
}

// Scope returns the scope of the agreement called id ("" for the only
// agreement).
func (info *Info) Scope(id string) (*Scope, error) {
	c := info.checker
	if c == nil {
		return nil, fmt.Errorf("the program was not checked")
	}
	var fam *family
	switch {
	case id != "":
		fam = c.byID[id]
		if fam == nil {
			return nil, fmt.Errorf("no agreement called %q is loaded", id)
		}
	case len(c.families) == 1:
		fam = c.families[0]
	case len(c.families) == 0:
		return nil, fmt.Errorf("no agreement is loaded")
	default:
		return nil, fmt.Errorf("several agreements are loaded; say which")
	}
	if len(fam.views) == 0 {
		return nil, fmt.Errorf("agreement %q has errors", id)
	}
	return &Scope{c: c, v: fam.views[len(fam.views)-1]}, nil
}

// Binding is a name bound before an expression is checked, such as a
// `given` in the REPL; its value is supplied when evaluating.
type Binding struct {
	Given *Given
	Type  Type
}

// CheckExpr types e. The result holds the types and uses of e's nodes
// only; names in e that refer to terms resolve to the terms of the
// checked program. bindings are visible by name.
func (s *Scope) CheckExpr(e Expr, bindings []Binding) (*Info, Type, ErrorList) {
	c := *s.c
	c.info = &Info{Types: make(map[Expr]Type), Uses: make(map[*Ident]Object)}
	c.errs = nil
	c.reported = make(map[string]bool)
	c.hints = 0
	env := &env{v: s.v, locals: make(map[string]*local)}
	for _, b := range bindings {
		if b.Given != nil && b.Given.Name != nil {
			env.locals[b.Given.Name.Name] = &local{obj: &GivenObj{Given: b.Given}, typ: b.Type}
		}
	}
	t := c.expr(env, e)
	c.errs.Sort()
	return c.info, t, c.errs
}
