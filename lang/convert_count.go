package lang

// countRule sets the share's count rule from its head; writing both
// `permitted` and `whether permitted or not` is an error.
func (c *treeBuilder) countRule(s *Share, h *gShareHead) {
	switch {
	case h.Permitted != nil && h.Whether != nil:
		c.errs.AddHint(tokPos(h.Whether.Pos), "keep `permitted` to count only permitted instances, or `whether permitted or not` to count them all",
			"a share counts `permitted` instances or all of them `whether permitted or not`, not both")
		s.Count = CountPermitted
	case h.Permitted != nil:
		s.Count = CountPermitted
	case h.Whether != nil:
		s.Count = CountAll
	}
}
