package interp

import (
	"context"
	"testing"
)

func TestSmokeExample(t *testing.T) {
	p, err := LoadFiles([]string{"../examples/openai-microsoft-aws/agreement.pacta", "../examples/openai-microsoft-aws/amendment.pacta"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.RunTests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Results {
		t.Logf("%s: %v", r.Name, r.Failures)
	}
	for _, c := range rep.Unexercised {
		t.Logf("unexercised %s", c)
	}
}
