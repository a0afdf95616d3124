package lang

import "github.com/alecthomas/participle/v2/lexer"

// gWhether is `whether permitted or not`.
type gWhether struct {
	Pos lexer.Position
	Not bool `parser:"'whether' 'permitted' 'or' @'not'"`
}
