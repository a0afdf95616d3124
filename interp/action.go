package interp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pacta-lang/pacta/interp/types"
	"github.com/pacta-lang/pacta/lang"
)

// fieldType is what a schema field accepts.
type fieldType struct {
	kind     types.Kind
	currency string         // money
	members  map[string]int // enum: member name → index
	kindName string         // enum: the kind's name
	elem     *fieldType     // list
	item     *schema        // record: the items' record type (SPEC 4.5.1)
}

func (t *fieldType) String() string {
	switch t.kind {
	case types.KindMoney:
		return "money(" + t.currency + ")"
	case types.KindEnum:
		return t.kindName
	case types.KindList:
		return "list of " + t.elem.String()
	case types.KindRecord:
		if t.item != nil {
			return t.item.Name()
		}
	}
	return t.kind.String()
}

// resolveFieldTypes gives every field of every schema of a its type.
func (a *agreement) resolveFieldTypes() {
	for _, s := range a.schemaDecls {
		s.types = make([]*fieldType, len(s.Fields()))
		for i, name := range s.Fields() {
			switch name {
			case "actor":
				s.types[i] = &fieldType{kind: types.KindParty}
				continue
			case "date":
				s.types[i] = &fieldType{kind: types.KindDate}
			}
			for _, f := range s.decl.Fields {
				if f.Name.Name == name {
					s.types[i] = a.typeOf(f.Type)
				}
			}
		}
	}
}

func (a *agreement) typeOf(te *lang.TypeExpr) *fieldType {
	if te == nil {
		return &fieldType{kind: types.KindInvalid}
	}
	if te.Name == nil {
		return &fieldType{kind: types.KindList, elem: a.typeOf(te.ListOf)}
	}
	switch te.Name.Name {
	case "integer":
		return &fieldType{kind: types.KindInteger}
	case "decimal":
		return &fieldType{kind: types.KindDecimal}
	case "percent":
		return &fieldType{kind: types.KindPercent}
	case "money":
		return &fieldType{kind: types.KindMoney, currency: a.currency}
	case "date":
		return &fieldType{kind: types.KindDate}
	case "duration":
		return &fieldType{kind: types.KindDuration}
	case "timestamp":
		return &fieldType{kind: types.KindTimestamp}
	case "period":
		return &fieldType{kind: types.KindPeriod}
	case "text":
		return &fieldType{kind: types.KindText}
	case "bool":
		return &fieldType{kind: types.KindBool}
	case "party":
		return &fieldType{kind: types.KindParty}
	}
	if it, ok := a.itemsByName[te.Name.Name]; ok {
		return &fieldType{kind: types.KindRecord, item: it}
	}
	if k, ok := a.kinds[te.Name.Name]; ok {
		t := &fieldType{kind: types.KindEnum, kindName: k.Name.Name, members: map[string]int{}}
		for i, m := range k.Members {
			t.members[m.Name] = i
		}
		return t
	}
	return &fieldType{kind: types.KindInvalid}
}

// Schema returns the schema of the named action or event of an agreement
// ("" for the only agreement).
//
// The error unwraps to ErrUnknownAgreement or ErrUnknownAction.
func (p *Program) Schema(agreementID, name string) (types.Schema, error) {
	s, err := p.schemaNamed(agreementID, name)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func (p *Program) schemaNamed(agreementID, name string) (*schema, error) {
	a, err := p.agreementFor(agreementID)
	if err != nil {
		return nil, err
	}
	s, ok := a.schemas[name]
	if !ok {
		names := make([]string, 0, len(a.schemas))
		for n := range a.schemas {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, errorf(ErrUnknownAction, "unknown action %s%s", shown(name), suggest(name, names))
	}
	return s, nil
}

// FieldType returns the type of field i, as the language writes it.
func (s *schema) FieldType(i int) string { return s.types[i].String() }

// ParseField converts the text of field i (as found in a ledger or given
// on the command line) to a value of the field's type. Money may be
// written `USD 1,250.00` or `1250.00` (the agreement's currency); percents
// as `20%`; dates as 2026-11-01; timestamps as 2027-03-04T17:45:00+01:00;
// kinds and parties by name. An error
// says in words what is wrong with text; it carries no position, as the
// caller knows the field and where the text came from.
func (s *schema) ParseField(i int, text string) (types.Value, error) {
	text = strings.TrimSpace(text)
	v, err := s.parseText(s.types[i], text)
	if err != nil && s.types[i].kind == types.KindDate && looksLikeTimestamp(text) {
		return types.Value{}, dateNotTimestamp(text, s.Fields()[i] == "date") // only on the error path: dates are read on every row
	}
	return v, err
}

// looksLikeTimestamp reports whether text is a date followed by a time,
// as a timestamp is written (SPEC 11.7).
func looksLikeTimestamp(text string) bool {
	_, err := types.ParseDate(text[:min(len(text), 10)])
	return err == nil && len(text) > 10 && (text[10] == 'T' || text[10] == 't' || text[10] == ' ')
}

// dateNotTimestamp is the error for a timestamp given where a date is
// wanted. implicit is true for the implicit `date` of every action and
// event (declared `date date` or not), which is always a date.
func dateNotTimestamp(text string, implicit bool) error {
	if implicit {
		return fmt.Errorf("%s is a timestamp, but an action's or event's date is a day: write %s, and record the time in a timestamp field of its own", shown(text), text[:10])
	}
	return fmt.Errorf("%s is a timestamp, but this field is a date; write %s, or declare the field a timestamp", shown(text), text[:10])
}

func (s *schema) parseText(t *fieldType, text string) (types.Value, error) {
	switch t.kind {
	case types.KindInteger:
		d, err := types.ParseDecimal(text)
		if err != nil {
			if allDigits(strings.TrimPrefix(text, "-")) {
				return types.Value{}, fmt.Errorf("%s is too large: a whole number has at most %d digits", shown(text), types.MaxDecimalDigits)
			}
			return types.Value{}, fmt.Errorf("%s is not a whole number", shown(text))
		}
		v, err := types.IntegerFromDecimal(d)
		if err != nil {
			return types.Value{}, fmt.Errorf("%s is not a whole number", shown(text))
		}
		return v, nil
	case types.KindDecimal:
		d, err := types.ParseDecimal(text)
		if err != nil {
			return types.Value{}, fmt.Errorf("%s is not a number", shown(text))
		}
		return types.DecimalValue(d), nil
	case types.KindPercent:
		num, ok := strings.CutSuffix(text, "%")
		d, err := types.ParseDecimal(strings.TrimSpace(num))
		if !ok || err != nil {
			return types.Value{}, fmt.Errorf("%s is not a percentage like 20%% or 12.5%%", shown(text))
		}
		frac, err := d.MulPow10(-2)
		return types.PercentValue(frac), err
	case types.KindMoney:
		return parseMoneyText(text, t.currency)
	case types.KindDate:
		d, err := types.ParseDate(text)
		if err != nil {
			return types.Value{}, err
		}
		return types.DateValue(d), nil
	case types.KindDuration:
		n, unit, ok := strings.Cut(text, " ")
		d, err := types.ParseDecimal(n)
		u, uok := types.ParseDurationUnit(strings.TrimSuffix(strings.TrimSpace(unit), "s"))
		i, iok := d.Int64()
		if !ok || err != nil || !uok || !iok {
			return types.Value{}, fmt.Errorf("%s is not a duration like 30 days", shown(text))
		}
		return types.DurationValue(types.Duration{N: i, Unit: u}), nil
	case types.KindTimestamp:
		ts, err := types.ParseTimestamp(text)
		if err != nil {
			return types.Value{}, err
		}
		return types.TimestampValue(ts), nil
	case types.KindPeriod:
		pd, err := types.ParsePeriod(text)
		if err != nil {
			return types.Value{}, err
		}
		return types.PeriodValue(pd), nil
	case types.KindText:
		return types.TextValue(text), nil
	case types.KindBool:
		switch text {
		case "true":
			return types.BoolValue(true), nil
		case "false":
			return types.BoolValue(false), nil
		}
		return types.Value{}, fmt.Errorf("%s is not true or false", shown(text))
	case types.KindParty:
		if !s.agreement.parties[text] {
			return types.Value{}, fmt.Errorf("unknown party %s%s", shown(text), suggest(text, s.agreement.partyNames()))
		}
		return types.PartyValue(text), nil
	case types.KindEnum:
		i, ok := t.members[text]
		if !ok {
			names := make([]string, 0, len(t.members))
			for n := range t.members {
				names = append(names, n)
			}
			sort.Strings(names)
			return types.Value{}, fmt.Errorf("%s is not a %s (one of %s)%s", shown(text), t.kindName, strings.Join(names, ", "), suggest(text, names))
		}
		return types.EnumValue(text, i), nil
	}
	return types.Value{}, fmt.Errorf("a field of type %s cannot be given as text", t)
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseMoneyText reads `USD 1,250.00`, `1,250.00` or `1250.00` as money in
// currency. Amounts may not be negative.
func parseMoneyText(text, currency string) (types.Value, error) {
	amount := text
	if len(text) > 3 && text[0] >= 'A' && text[0] <= 'Z' {
		code, rest, _ := strings.Cut(text, " ")
		if code != currency {
			return types.Value{}, fmt.Errorf("amount %s is in %s, but the agreement's currency is %s", shown(text), clip(code), currency)
		}
		amount = strings.TrimSpace(rest)
	}
	plain, ok := stripThousands(amount)
	d, err := types.ParseDecimal(plain)
	if !ok || err != nil {
		return types.Value{}, fmt.Errorf("%s is not an amount like %s 1,250.00", shown(text), currency)
	}
	if d.Sign() < 0 {
		return types.Value{}, fmt.Errorf("amount %s is negative; amounts in actions and ledgers must be zero or more", shown(text))
	}
	return types.MoneyValue(currency, d), nil
}

// stripThousands removes thousands separators, checking they are placed
// every three digits.
func stripThousands(s string) (string, bool) {
	if !strings.Contains(s, ",") {
		return s, true
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", false
		}
	}
	out := strings.Join(groups, "")
	if hasFrac {
		out += "." + frac
	}
	return out, true
}

func (a *agreement) partyNames() []string {
	names := make([]string, 0, len(a.parties))
	for n := range a.parties {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// FieldError is a problem with one field of an action given as data.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Msg
	}
	return fmt.Sprintf("field %s: %s", shown(e.Field), e.Msg)
}

// NewAction builds an action of an agreement ("" for the only one) from
// field texts, each read as types.Schema.ParseField reads it: every declared
// field, `actor` (for actions) and `date`, and no other. (A RecordBuilder
// builds records from Go values in a loop without allocating.) An error
// unwraps to ErrUnknownAgreement or ErrUnknownAction, or is a *FieldError.
func (p *Program) NewAction(agreementID, action string, fields map[string]string) (*types.Record, error) {
	return p.newAction(agreementID, action, fields, nil)
}

// newAction is NewAction with the fields given as JSON lists (lists),
// which are read by their field's type: a list of items is an array of
// objects (SPEC 4.5.1).
func (p *Program) newAction(agreementID, action string, fields map[string]string, lists map[string]jsonVal) (*types.Record, error) {
	s, err := p.schemaNamed(agreementID, action)
	if err != nil {
		return nil, err
	}
	r := &types.Record{Schema: s, Fields: make([]types.Value, len(s.Fields()))}
	// An unknown field is named in name order, so that the same input
	// gives the same error every run (maps iterate in any order).
	var unknown []string
	for name := range fields {
		if s.FieldIndex(name) < 0 {
			unknown = append(unknown, name)
		}
	}
	for name := range lists {
		if s.FieldIndex(name) < 0 {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		name := slices.Min(unknown)
		return nil, &FieldError{name, fmt.Sprintf("%s has no such field%s", s.Name(), suggest(name, s.Fields()))}
	}
	for i, name := range s.Fields() {
		if jv, ok := lists[name]; ok {
			v, err := s.jsonFieldValue(s.types[i], jv)
			if err != nil {
				return nil, &FieldError{name, err.Error()}
			}
			r.Fields[i] = v
			continue
		}
		text, ok := fields[name]
		if !ok {
			return nil, &FieldError{name, fmt.Sprintf("missing; %s needs %s", s.Name(), strings.Join(s.Fields(), ", "))}
		}
		if s.types[i].holdsItems() {
			return nil, &FieldError{name, fmt.Sprintf("is a list of %s items: give it as a JSON array of objects", s.types[i].elem)}
		}
		v, err := s.ParseField(i, text)
		if err != nil {
			return nil, &FieldError{name, err.Error()}
		}
		r.Fields[i] = v
	}
	return r, nil
}

// ParseActionJSON reads one action as a JSON object: `action` names it,
// `agreement` optionally its agreement, and every other member is a field
// ({"action":"sell","actor":"openai","date":"2026-12-01",...}; numbers and
// strings as text, lists as arrays). An error unwraps to
// ErrUnknownAgreement or ErrUnknownAction, or is a *FieldError.
func (p *Program) ParseActionJSON(data []byte) (*types.Record, error) {
	if r, ok := p.parseFlatAction(data); ok {
		return r, nil
	}
	return p.parseActionJSON(data)
}

// parseActionJSON is ParseActionJSON read by encoding/json: every shape,
// and every error.
func (p *Program) parseActionJSON(data []byte) (*types.Record, error) {
	obj, err := actionMembers(data)
	if err != nil {
		return nil, err
	}
	action, _ := obj["action"].(string)
	if action == "" {
		return nil, &FieldError{"action", "missing: say which action, like \"action\": \"sell\""}
	}
	agreementID, _ := obj["agreement"].(string)
	delete(obj, "action")
	delete(obj, "agreement")
	fields := make(map[string]string, len(obj))
	var lists map[string]jsonVal
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the same error for the same line, every run
	for _, k := range keys {
		switch v := obj[k].(type) {
		case string:
			fields[k] = v
		case json.Number:
			if strings.ContainsAny(v.String(), "eE") {
				// As in a ledger, a number is written out in digits (SPEC 7.6).
				return nil, &FieldError{k, fmt.Sprintf("%s has an exponent: write the number without an exponent", shown(v.String()))}
			}
			fields[k] = v.String()
		case bool:
			fields[k] = fmt.Sprint(v)
		case jsonVal:
			if lists == nil {
				lists = map[string]jsonVal{}
			}
			lists[k] = v
		default:
			return nil, &FieldError{k, "must be a string or a number"}
		}
	}
	return p.newAction(agreementID, action, fields, lists)
}

// actionMembers reads the members of one JSON object, refusing a member
// named twice (as the ledger reader does) and saying in plain words where
// the text stops being JSON.
func actionMembers(data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	bad := func(err error) error {
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			// The column after the last character of the text.
			col := utf8.RuneCount(bytes.TrimRight(data, " \t\r\n")) + 1
			return fmt.Errorf("the line ends before the JSON object is complete (column %d)", col)
		}
		return fmt.Errorf("not valid JSON: %s", jsonMsg(data, err))
	}
	tok, err := dec.Token()
	if err == io.EOF {
		return nil, fmt.Errorf(`no action: give one as a JSON object like {"action": "sell", ...}`)
	}
	if err != nil {
		return nil, bad(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf(`not a JSON object: give one action as an object like {"action": "sell", ...}`)
	}
	obj := map[string]any{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, bad(err)
		}
		key := tok.(string) // object keys are always strings
		if _, dup := obj[key]; dup {
			return nil, &FieldError{key, "appears twice in the object"}
		}
		// A value is read as one token; a list is read whole, as deep as
		// a list of items goes (SPEC 4.5.1), and an object is refused at
		// its bracket.
		v, err := dec.Token()
		if err != nil {
			return nil, bad(err)
		}
		if d, ok := v.(json.Delim); ok {
			if d != '[' {
				return nil, &FieldError{key, "must be a string or a number"}
			}
			lv, err := readJSONValue(dec, d, 0)
			if err == errItemDepth {
				return nil, &FieldError{key, err.Error()}
			}
			if err != nil {
				return nil, bad(err)
			}
			obj[key] = lv
			continue
		}
		obj[key] = v
	}
	if _, err := dec.Token(); err != nil { // '}'
		return nil, bad(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("more than one JSON value; give one action per line")
	}
	return obj, nil
}

// suggest returns ` (did you mean "x"?)` for the closest of names, or "".
func suggest(name string, names []string) string {
	if best := lang.Closest(name, names); best != "" {
		return fmt.Sprintf(" (did you mean %s?)", shown(best))
	}
	return ""
}

// check reports a record that does not fit its schema: a host may build
// records by hand, and a malformed one must be an error, never a panic.
func (s *schema) check(r *types.Record) error {
	if s.item {
		return fmt.Errorf("%s is the type of the items of a list, not an action or event: it has no date and cannot be decided or settled", s.Name())
	}
	if len(r.Fields) != len(s.Fields()) {
		return fmt.Errorf("%s has %d fields, but the record gives %d; build records with NewAction", s.Name(), len(s.Fields()), len(r.Fields))
	}
	for i, t := range s.types {
		if t != nil && t.kind != types.KindInvalid && r.Fields[i].Kind() != t.kind &&
			!(t.kind == types.KindDecimal && r.Fields[i].Kind() == types.KindInteger) {
			return &FieldError{s.Fields()[i], fmt.Sprintf("must be %s, not %s", t, r.Fields[i].Kind())}
		}
	}
	return nil
}
