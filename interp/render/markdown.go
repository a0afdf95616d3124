package render

import "io"

func writeMarkdown(w io.Writer, doc *document) error { return nil }
