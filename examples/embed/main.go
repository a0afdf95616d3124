// Command embed is a small marketplace that embeds Pacta: before each sale
// it asks the OpenAI–Microsoft agreement whether the sale is permitted, and
// at the end of the quarter it settles the sales it made.
//
// Run it from the repository root:
//
//	go run ./examples/embed
//	go run ./examples/embed -deal examples/openai-microsoft-aws
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/pacta-lang/pacta/interp"
	"github.com/pacta-lang/pacta/interp/result"
	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

func main() {
	log.SetFlags(0)
	deal := flag.String("deal", "", "directory holding the agreement's .pacta files (default: examples/openai-microsoft-aws)")
	flag.Parse()
	dir := *deal
	if dir == "" {
		dir = findDeal()
	}

	// Compile once, from any fs.FS; the Program is immutable and may be
	// shared by every request handler.
	prog, err := interp.LoadFS(os.DirFS(dir), []string{"*.pacta"})
	if err != nil {
		log.Fatalf("loading %s: %v", dir, err)
	}
	ctx := context.Background()

	// The marketplace's orders for 2026-Q4, in date order.
	orders := []map[string]string{
		{"actor": "openai", "product": "ChatGPT Enterprise", "platform": "Azure", "region": "US", "date": "2026-10-15", "gross": "USD 1,000,000.00", "refunds": "USD 50,000.00"},
		{"actor": "openai", "product": "OpenAI API", "platform": "AWS", "region": "US", "date": "2026-10-31", "gross": "USD 50,000.00", "refunds": "USD 0.00"},
		{"actor": "openai", "product": "OpenAI API", "platform": "AWS", "region": "EU", "date": "2026-11-20", "gross": "USD 2,000,000.00", "refunds": "USD 100,000.00"},
		{"actor": "openai", "product": "OpenAI API", "platform": "GoogleCloud", "region": "US", "date": "2026-12-01", "gross": "USD 75,000.00", "refunds": "USD 0.00"},
		{"actor": "openai", "product": "OpenAI API", "platform": "AWS", "region": "US", "date": "2026-12-05", "gross": "USD 10.02", "refunds": "USD 0.00"},
		{"actor": "openai", "product": "ChatGPT Enterprise", "platform": "Azure", "region": "US", "date": "2026-12-10", "gross": "USD 500,000.00", "refunds": "USD 0.00"},
		{"actor": "microsoft", "product": "Azure OpenAI Service", "platform": "AWS", "region": "US", "date": "2026-12-15", "gross": "USD 9,000.00", "refunds": "USD 0.00"},
	}

	fmt.Println("Orders")
	var sold []*types.Record
	var d result.Decision
	for _, o := range orders {
		sale, err := prog.NewAction("", "sell", o)
		if err != nil {
			log.Fatalf("order %v: %v", o, err)
		}
		// DecideInto reuses d, so deciding in a loop allocates nothing.
		if err := prog.DecideInto(ctx, sale, interp.DecideOptions{}, &d); err != nil {
			log.Fatalf("order %v: %v", o, err)
		}
		status := "refused"
		if d.Effect == lang.Permitted {
			status = "sold"
			sold = append(sold, sale)
		}
		fmt.Printf("  %s  %-9s %-11s %18s  %-7s  %s\n", o["date"], o["actor"], o["platform"], o["gross"], status, d.String())
	}

	// Settle the quarter over the sales actually made: Settle takes any
	// iterator of events, here a slice held in memory.
	ledger := func(yield func(interp.Event, error) bool) {
		for i, r := range sold {
			if !yield(interp.Event{Record: r, Source: "orders", Line: i + 1}, nil) {
				return
			}
		}
	}
	from, _ := types.ParseDate("2026-10-01")
	to, _ := types.ParseDate("2026-12-31")
	st, err := prog.Settle(ctx, ledger, interp.SettleOptions{From: from, To: to})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println()
	if err := st.WriteText(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// findDeal looks for the example deal from the repository root or from
// this directory.
func findDeal() string {
	for _, dir := range []string{"examples/openai-microsoft-aws", "../openai-microsoft-aws"} {
		if _, err := os.Stat(dir + "/agreement.pacta"); err == nil {
			return dir
		}
	}
	log.Fatal("cannot find the example deal; run from the repository root or give -deal DIR")
	return ""
}
