package main

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/pacta-lang/pacta/interp"
)

// FuzzLayoutKeepsMeaning is TestFormatKeepsMeaning with the random layout
// chosen by the fuzzer: an example deal, a seed for perturb, with or
// without added comments, formatted or not. The deal's meaning (its test
// report, its statements and its decisions on every action of its
// ledgers, source positions aside) must be that of the deal as written.
// It works in-process, through interp, so that each run is short.
func FuzzLayoutKeepsMeaning(f *testing.F) {
	for deal := uint8(0); deal < 8; deal++ {
		f.Add(deal, uint64(deal)+1, deal%2 == 0, deal%3 == 0)
	}
	deals := exampleDeals(f)
	var mu sync.Mutex
	want := map[string]map[string]string{}
	f.Fuzz(func(t *testing.T, which uint8, seed uint64, comments, format bool) {
		d := deals[int(which)%len(deals)]
		mu.Lock()
		w, ok := want[d.name]
		if !ok {
			w = dealMeaning(t, d, d.sources)
			want[d.name] = w
		}
		mu.Unlock()
		srcs := perturbSources(d.sources, seed, comments)
		if format {
			srcs = formatDealSources(t, srcs)
		}
		compareOutputs(t, d.name+" perturbed", w, dealMeaning(t, d, srcs))
	})
}

// dealMeaning compiles the sources and returns, by name, the test report
// (text and JSON), the statement of every ledger (text and JSON) and the
// decision on every action row of every ledger (text and JSON).
func dealMeaning(t *testing.T, d exampleDeal, srcs map[string][]byte) map[string]string {
	t.Helper()
	var in []source
	for _, name := range dealFileNames(srcs) {
		in = append(in, source{name, srcs[name]})
	}
	p, err := compileSources(in)
	if err != nil {
		t.Fatalf("%s does not compile: %v", d.name, err)
	}
	ctx := context.Background()
	out := map[string]string{}
	rep, err := p.RunTests(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var text, js bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	out["tests text"], out["tests json"] = text.String(), js.String()
	for _, ledger := range dealFileNames(d.ledgers) {
		read, ok := ledgerReader(ledger)
		if !ok {
			continue
		}
		st, err := p.Settle(ctx, read(p, "", ledger, bytes.NewReader(d.ledgers[ledger])), interp.SettleOptions{})
		if err != nil {
			t.Fatalf("%s: %v", ledger, err)
		}
		text.Reset()
		js.Reset()
		if err := st.WriteText(&text); err != nil {
			t.Fatal(err)
		}
		if err := st.WriteJSON(&js); err != nil {
			t.Fatal(err)
		}
		out["settle "+ledger+" text"], out["settle "+ledger+" json"] = text.String(), js.String()
		var dec bytes.Buffer
		for ev, err := range read(p, "", ledger, bytes.NewReader(d.ledgers[ledger])) {
			if err != nil {
				t.Fatalf("%s: %v", ledger, err)
			}
			if ev.Record.Schema.Event() {
				continue
			}
			dd, err := p.Decide(ctx, ev.Record, interp.DecideOptions{})
			if err != nil {
				t.Fatalf("%s line %d: %v", ledger, ev.Line, err)
			}
			if err := dd.WriteText(&dec); err != nil {
				t.Fatal(err)
			}
			if err := dd.WriteJSON(&dec); err != nil {
				t.Fatal(err)
			}
		}
		out["decide "+ledger] = dec.String()
	}
	return out
}
