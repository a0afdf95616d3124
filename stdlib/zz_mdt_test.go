package stdlib
import ("testing";"fmt")
func TestPrintMD(t *testing.T){ fmt.Print(MarkdownTable()) }
