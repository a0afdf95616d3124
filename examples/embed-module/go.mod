module example.com/pacta-embed

go 1.24.0

require github.com/pacta-lang/pacta v0.0.0

require (
	github.com/alecthomas/participle/v2 v2.1.4 // indirect
	github.com/cockroachdb/apd/v3 v3.2.3 // indirect
)

replace github.com/pacta-lang/pacta => ../..
