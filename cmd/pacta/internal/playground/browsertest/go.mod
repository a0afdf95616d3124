module github.com/pacta-lang/pacta/cmd/pacta/internal/playground/browsertest

go 1.25

require (
	github.com/chromedp/chromedp v0.23.1
	github.com/pacta-lang/pacta v0.0.0
)

require (
	github.com/alecthomas/participle/v2 v2.1.4 // indirect
	github.com/chromedp/cdproto v0.160.1 // indirect
	github.com/cockroachdb/apd/v3 v3.2.3 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
)

replace github.com/pacta-lang/pacta => ../../../../..
