package lang

import (
	"reflect"
	"testing"
)

// TestChildrenComplete: for every kind of expression, each field that
// holds an expression (directly, in a slice, or in a record literal's or
// chooser's fields) is among Children, so a walker built on it misses
// nothing. The test fills every such field by reflection and counts them.
func TestChildrenComplete(t *testing.T) {
	exprType := reflect.TypeOf((*Expr)(nil)).Elem()
	kinds := []Expr{&Call{}, &Binary{}, &Unary{}, &Paren{}, &If{}, &ListLit{}, &RecordLit{},
		&ActionLit{}, &Selector{}, &Aggregate{}, &Choose{}, &Owed{}, &Ident{}, &IntLit{},
		&DecimalLit{}, &PercentLit{}, &MoneyLit{}, &DateLit{}, &DurationLit{}, &PeriodLit{},
		&StringLit{}, &BoolLit{}, &TimestampLit{}}
	for _, k := range kinds {
		n := 0
		var fill func(v reflect.Value)
		fill = func(v reflect.Value) {
			for i := 0; i < v.NumField(); i++ {
				f := v.Field(i)
				switch {
				case f.Type() == exprType:
					f.Set(reflect.ValueOf(Expr(&IntLit{})))
					n++
				case f.Kind() == reflect.Slice && f.Type().Elem() == exprType:
					f.Set(reflect.ValueOf([]Expr{&IntLit{}, &IntLit{}}))
					n += 2
				case f.Kind() == reflect.Ptr && f.Type().Elem().Kind() == reflect.Struct && f.Type() != reflect.TypeOf(&Ident{}) && f.Type() != reflect.TypeOf(&ClauseRef{}):
					p := reflect.New(f.Type().Elem())
					fill(p.Elem())
					f.Set(p)
				case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Ptr && f.Type().Elem().Elem().Kind() == reflect.Struct:
					s := reflect.MakeSlice(f.Type(), 2, 2)
					for j := 0; j < 2; j++ {
						p := reflect.New(f.Type().Elem().Elem())
						fill(p.Elem())
						s.Index(j).Set(p)
					}
					f.Set(s)
				}
			}
		}
		fill(reflect.ValueOf(k).Elem())
		if got := len(Children(k)); got != n {
			t.Errorf("%T: Children gives %d, the node holds %d expressions", k, got, n)
		}
	}
	// Inspect visits a node and then its children, depth first.
	e := &Binary{X: &Paren{X: &IntLit{Text: "1"}}, Y: &IntLit{Text: "2"}}
	var seen []string
	Inspect(e, func(x Expr) bool { seen = append(seen, reflect.TypeOf(x).Elem().Name()); return true })
	if want := []string{"Binary", "Paren", "IntLit", "IntLit"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("Inspect order %v, want %v", seen, want)
	}
}
