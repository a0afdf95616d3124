package playground

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestLoadData: every example with .pacta files is offered, with its
// files, its ledger and an action taken from the ledger's first row
// that is an action.
func TestLoadData(t *testing.T) {
	d, err := LoadData()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Example{}
	for _, ex := range d.Examples {
		byName[ex.Name] = ex
		if len(ex.Files) == 0 || ex.Ledger == "" {
			t.Errorf("%s: %d files, ledger %q", ex.Name, len(ex.Files), ex.Ledger)
		}
	}
	oma, ok := byName["openai-microsoft-aws"]
	if !ok {
		t.Fatalf("no openai-microsoft-aws among %v", d.Examples)
	}
	if len(oma.Files) != 2 || oma.Files[0].Name != "examples/openai-microsoft-aws/agreement.pacta" || oma.Files[1].Name != "examples/openai-microsoft-aws/amendment.pacta" {
		t.Errorf("files: %v", oma.Files)
	}
	// The ledger's first row: sell,openai,2026-07-03,ChatGPT Enterprise,
	// Azure,US,"USD 800,000.00",USD 20000.00, with model empty.
	want := `{"action": "sell", "actor": "openai", "date": "2026-07-03", "product": "ChatGPT Enterprise", "platform": "Azure", "region": "US", "gross": "USD 800,000.00", "refunds": "USD 20000.00"}`
	if oma.Action != want {
		t.Errorf("action:\n got %s\nwant %s", oma.Action, want)
	}
	// co-marketing's ledger starts with a payment (an event, no actor):
	// the first action is the delivery on the next line.
	if cm := byName["co-marketing"]; !strings.Contains(cm.Action, `"action": "deliver"`) {
		t.Errorf("co-marketing action: %s", cm.Action)
	}
	if !json.Valid([]byte(oma.Action)) {
		t.Errorf("not JSON: %s", oma.Action)
	}
	if len(d.Keywords) == 0 || d.Keywords[0] != "agreement" {
		t.Errorf("keywords: %v", d.Keywords)
	}
}
