package lang

import (
	_ "github.com/alecthomas/participle/v2"
)
