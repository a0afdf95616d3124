package lang

import "github.com/alecthomas/participle/v2/lexer"

// gItemType is the braces after a list field's type that declare the record
// type of its items: `lines list of line { sku text, quantity integer }`
// (SPEC 4.5.1). Fields may be separated by commas or line breaks.
type gItemType struct {
	Pos    lexer.Position
	Fields []*gField   `parser:"'{' ( @@ ','? )*"`
	Close  lexer.Token `parser:"@'}'"`
}

// fieldDeclOf converts one field of a schema (or of an item).
func fieldDeclOf(f *gField) *FieldDecl {
	d := &FieldDecl{At: tokPos(f.Pos), Name: identTok(&f.Name), Type: typeExprOf(f.Type)}
	if f.Item == nil {
		return d
	}
	// The item type is named by the innermost type name: `line` in
	// `list of line`.
	name := &Ident{At: d.At, Name: ""}
	for t := d.Type; t != nil; t = t.ListOf {
		if t.Name != nil {
			name = t.Name
		}
	}
	item := &SchemaDecl{At: tokPos(f.Item.Pos), Event: true, Item: true, Name: name, End: tokPos(f.Item.Close.Pos)}
	for _, g := range f.Item.Fields {
		item.Fields = append(item.Fields, fieldDeclOf(g))
	}
	d.Item = item
	return d
}
