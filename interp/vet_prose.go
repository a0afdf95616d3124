package interp

func (v *vetter) prose() {}
