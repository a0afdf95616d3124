package interp

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pacta-lang/pacta/interp/types"
)

// This file reads the items of a list field (SPEC 4.5.1) from JSON: in a
// JSON Lines ledger and in an action given as JSON (ParseActionJSON), a
// list of items is an array of objects, one member per field of the item:
//
//	"lines": [{"sku": "W-1", "quantity": 150, "price": "USD 2.00"}, ...]
//
// Each value is read as the field of an action is (Schema.ParseField): a
// string, a number written out in digits, true or false, or an array of
// those for a list field of the item.

// jsonVal is one JSON value of a list: a scalar (kind 's' string, '#'
// number, 'b' bool, 'n' null), an array ('l', elems) or an object ('o',
// members in the order written).
type jsonVal struct {
	kind    byte
	text    string
	elems   []jsonVal
	members []jsonKV
}

type jsonKV struct {
	key string
	val jsonVal
}

// maxItemJSONDepth is how deeply arrays and objects may nest in one field:
// a list of items whose fields are lists of plain values is three deep.
const maxItemJSONDepth = 3

// readJSONValue reads the value that begins with tok from dec.
func readJSONValue(dec *json.Decoder, tok json.Token, depth int) (jsonVal, error) {
	switch v := tok.(type) {
	case string:
		return jsonVal{kind: 's', text: v}, nil
	case json.Number:
		return jsonVal{kind: '#', text: v.String()}, nil
	case bool:
		return jsonVal{kind: 'b', text: fmt.Sprint(v)}, nil
	case nil:
		return jsonVal{kind: 'n'}, nil
	case json.Delim:
		if depth >= maxItemJSONDepth {
			return jsonVal{}, errItemDepth
		}
		if v == '[' {
			out := jsonVal{kind: 'l'}
			for dec.More() {
				t, err := dec.Token()
				if err != nil {
					return jsonVal{}, err
				}
				e, err := readJSONValue(dec, t, depth+1)
				if err != nil {
					return jsonVal{}, err
				}
				out.elems = append(out.elems, e)
			}
			_, err := dec.Token() // ']'
			return out, err
		}
		out := jsonVal{kind: 'o'}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return jsonVal{}, err
			}
			key := t.(string) // object keys are always strings
			t, err = dec.Token()
			if err != nil {
				return jsonVal{}, err
			}
			e, err := readJSONValue(dec, t, depth+1)
			if err != nil {
				return jsonVal{}, err
			}
			out.members = append(out.members, jsonKV{key, e})
		}
		_, err := dec.Token() // '}'
		return out, err
	}
	return jsonVal{}, fmt.Errorf("unexpected %v", tok)
}

// errItemDepth is the error of arrays and objects nested deeper than a
// list of items can be.
var errItemDepth = fmt.Errorf("arrays and objects nest deeper than a list of items can: an item's fields hold plain values or lists of them")

// hasObjects reports whether a list holds an object or an array.
func (v jsonVal) hasObjects() bool {
	for _, e := range v.elems {
		if e.kind == 'o' || e.kind == 'l' {
			return true
		}
	}
	return false
}

// jsonFieldValue reads v as a value of type t, a field of s. The error
// says which item and which of its fields is wrong: `item 2, field
// quantity: "x" is not a whole number`.
func (s *schema) jsonFieldValue(t *fieldType, v jsonVal) (types.Value, error) {
	switch {
	case t.kind == types.KindList && v.kind == 'l':
		elems := make([]types.Value, len(v.elems))
		for k, e := range v.elems {
			ev, err := s.jsonFieldValue(t.elem, e)
			if err != nil {
				if t.elem.kind == types.KindRecord {
					return types.Value{}, fmt.Errorf("item %d%s", k+1, err)
				}
				return types.Value{}, fmt.Errorf("element %d: %v", k+1, err)
			}
			elems[k] = ev
		}
		return types.ListValue(elems), nil
	case t.kind == types.KindList:
		return types.Value{}, fmt.Errorf("must be a list (a JSON array), not %s", jsonKindText(v))
	case t.kind == types.KindRecord && t.item != nil:
		if v.kind != 'o' {
			return types.Value{}, fmt.Errorf(": must be an object with the fields of a %s (%s), not %s", t.item.Name(), strings.Join(t.item.Fields(), ", "), jsonKindText(v))
		}
		return t.item.jsonItem(v)
	case v.kind == 'l':
		return types.Value{}, fmt.Errorf("must be %s, not a list", t)
	case v.kind == 'o':
		return types.Value{}, fmt.Errorf("must be %s, not an object", t)
	case v.kind == 'n':
		return types.Value{}, fmt.Errorf("missing: null is no value")
	case t.kind == types.KindText:
		return types.TextValue(v.text), nil // a JSON string is the text as it is
	case v.kind == '#' && strings.ContainsAny(v.text, "eE"):
		return types.Value{}, fmt.Errorf("%s has an exponent: write the number without an exponent", shown(v.text))
	}
	return s.parseText(t, strings.TrimSpace(v.text))
}

// jsonItem reads one item, an object with every field of the item type s.
func (s *schema) jsonItem(v jsonVal) (types.Value, error) {
	r := &types.Record{Schema: s, Fields: make([]types.Value, len(s.Fields()))}
	seen := make([]bool, len(s.Fields()))
	for _, m := range v.members {
		i := s.FieldIndex(m.key)
		if i < 0 {
			return types.Value{}, fmt.Errorf(", field %s: a %s has no such field%s", shown(m.key), s.Name(), suggest(m.key, s.Fields()))
		}
		if seen[i] {
			return types.Value{}, fmt.Errorf(", field %s: appears twice in the item", shown(m.key))
		}
		seen[i] = true
		fv, err := s.jsonFieldValue(s.types[i], m.val)
		if err != nil {
			return types.Value{}, fmt.Errorf(", field %s: %v", shown(m.key), err)
		}
		r.Fields[i] = fv
	}
	for i, ok := range seen {
		if !ok {
			return types.Value{}, fmt.Errorf(", field %s: missing: every %s gives %s", shown(s.Fields()[i]), s.Name(), strings.Join(s.Fields(), ", "))
		}
	}
	return types.RecordValue(r), nil
}

func jsonKindText(v jsonVal) string {
	switch v.kind {
	case 's':
		return "a string"
	case '#':
		return "a number"
	case 'b':
		return "true or false"
	case 'n':
		return "null"
	case 'l':
		return "a list"
	}
	return "an object"
}

// csvItemsError is the message for a list of items in a CSV ledger, which
// has one cell per field and no way to hold records (SPEC 7.6).
func csvItemsError(s *schema, i int) string {
	return fmt.Sprintf("%s holds a list of %s items, which a CSV ledger cannot: a cell holds one value. Write the ledger as JSON Lines (.jsonl), with the items as an array of objects", s.Fields()[i], s.types[i].elem)
}

// holdsItems reports whether t is a list of items.
func (t *fieldType) holdsItems() bool {
	return t != nil && t.kind == types.KindList && t.elem != nil && t.elem.kind == types.KindRecord
}
