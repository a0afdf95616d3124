package lang

// This file holds whether a share counts prohibited instances (SPEC
// 7.1.1): `of each permitted sell` counts only the instances the
// agreement permitted; `of each sell whether permitted or not` (the
// default, written out) counts them all.

// CountRule says which instances of its action a share counts.
type CountRule uint8

const (
	CountDefault   CountRule = iota // nothing written: every instance, permitted or not
	CountPermitted                  // `of each permitted ACTION`
	CountAll                        // `of each ACTION whether permitted or not`
)
