package render

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// FuzzRender renders any agreement that compiles: no panic, no error, in
// both formats, as of a date given by the fuzzer.
func FuzzRender(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(examplesDir, "*", "*.pacta"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, uint16(0))
		}
	}
	for i, body := range bodies {
		f.Add([]byte(readingHeader+"  clause 1 \"C\" "+body+"\n}\n"), uint16(i*97))
	}
	f.Fuzz(func(t *testing.T, src []byte, day uint16) {
		prog, err := interp.Compile([]interp.Source{{Name: "fuzz.pacta", Text: src}})
		if err != nil || len(prog.Agreements()) == 0 {
			return
		}
		opts := Options{}
		if day > 0 {
			d, err := mustDateOK("2019-01-01")
			if err != nil {
				t.Fatal(err)
			}
			if opts.AsOf, err = d.AddDays(int(day)); err != nil {
				return
			}
		}
		for _, format := range []string{"html", "md"} {
			opts.Format = format
			var b bytes.Buffer
			if err := Render(context.Background(), &b, prog, opts); err != nil {
				t.Fatalf("render %s: %v\n%s", format, err, src)
			}
		}
	})
}
