package interp

func (v *vetter) money() {}
