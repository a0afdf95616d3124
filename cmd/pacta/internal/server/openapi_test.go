package server

import (
	"bytes"
	"io/fs"
	"mime"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pacta-lang/pacta/interp/schema"
)

// openAPIURL is where the tests pretend the OpenAPI document lives: beside
// the library's schema directory, so that its relative references
// ("schema/decision.schema.json") reach the schemas by their $id.
var openAPIURL = strings.TrimSuffix(schema.BaseURL, "schema/") + "openapi.json"

// openAPIValidator compiles the response schemas of the OpenAPI document
// (with the library's schemas it refers to) as JSON Schema 2020-12.
type openAPIValidator struct {
	c   *jsonschema.Compiler
	doc map[string]any
}

func newOpenAPIValidator(t *testing.T) *openAPIValidator {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	for _, name := range schema.Names() {
		b, err := fs.ReadFile(schema.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(schema.BaseURL+name, doc); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPIDoc))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource(openAPIURL, doc); err != nil {
		t.Fatal(err)
	}
	return &openAPIValidator{c: c, doc: doc.(map[string]any)}
}

// check validates a response against the schema the document gives for
// its route, method, status and media type; the response must be
// documented.
func (v *openAPIValidator) check(t *testing.T, path, method string, status int, ctype string, body []byte) {
	t.Helper()
	mt, _, _ := mime.ParseMediaType(ctype)
	esc := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1") }
	ptr := "#/paths/" + esc(path) + "/" + strings.ToLower(method) + "/responses/" + strconv.Itoa(status)
	resp := v.at(ptr)
	if resp == nil {
		t.Errorf("%s %s: status %d is not documented", method, path, status)
		return
	}
	if ref, ok := resp["$ref"].(string); ok {
		ptr = ref
		resp = v.at(ref)
	}
	content, _ := resp["content"].(map[string]any)
	if _, ok := content[mt]; !ok {
		t.Errorf("%s %s %d: media type %s is not documented", method, path, status, mt)
		return
	}
	sch, err := v.c.Compile(openAPIURL + ptr + "/content/" + esc(mt) + "/schema")
	if err != nil {
		t.Fatalf("%s: %v", ptr, err)
	}
	if mt != ctJSON {
		return // text: nothing to validate
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s %s: not JSON: %v", method, path, err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s %s %d does not match openapi.json: %v\n%.1000s", method, path, status, err, body)
	}
}

// at follows a JSON pointer (#/a/b) into the document.
func (v *openAPIValidator) at(ptr string) map[string]any {
	var cur any = v.doc
	for _, part := range strings.Split(strings.TrimPrefix(ptr, "#/"), "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[part]
	}
	m, _ := cur.(map[string]any)
	return m
}

// TestResponsesMatchOpenAPI sends requests to every route, good and bad,
// and checks each response against the schema openapi.json gives for it.
func TestResponsesMatchOpenAPI(t *testing.T) {
	v := newOpenAPIValidator(t)
	s := dealServer(t, Config{MaxBody: 2000})
	for _, tc := range []struct {
		method, target, ctype, body string
	}{
		{"POST", "/v1/decide", "application/json", webSale},
		{"POST", "/v1/decide", "application/json", "[" + webSale + "," + storeSale + "]"},
		{"POST", "/v1/decide", "application/x-ndjson", webSale + "\n" + storeSale},
		{"POST", "/v1/decide", "application/json", "{"},
		{"POST", "/v1/decide", "text/csv", webSale},
		{"POST", "/v1/decide", "application/json", strings.Replace(webSale, "Web", "Shop", 1)},
		{"POST", "/v1/decide", "application/json", strings.Replace(webSale, `{`, `{"agreement":"nope",`, 1)},
		{"POST", "/v1/decide", "application/json", strings.Repeat(" ", 3000)},
		{"POST", "/v1/settle?period=2026-Q1", "text/csv", ledgerCSV},
		{"POST", "/v1/settle", "text/csv", ledgerCSV + "sell,seller,2026-02-11,Shop,USD 5.00\n"},
		{"POST", "/v1/settle?period=2026-Q9", "text/csv", ledgerCSV},
		{"POST", "/v1/eval", "application/json", `{"expr":"10% of USD 1,234.50"}`},
		{"POST", "/v1/eval", "application/json", `{"expr":"USD 1.00 / 0"}`},
		{"POST", "/v1/eval", "application/json", `{"expr":"1 +"}`},
		{"POST", "/v1/check", "text/plain", dealSrc},
		{"POST", "/v1/check", "text/plain", "agreement x {"},
		{"GET", "/v1/agreements", "", ""},
		{"GET", "/v1/vet", "", ""},
		{"GET", "/v1/openapi.json", "", ""},
		{"GET", "/v1/schema/statement.schema.json", "", ""},
		{"GET", "/v1/schema/nope.json", "", ""},
		{"GET", "/healthz", "", ""},
		{"GET", "/metrics", "", ""},
	} {
		rec := doRec(s, tc.method, tc.target, tc.ctype, tc.body)
		path, _, _ := strings.Cut(tc.target, "?")
		if strings.HasPrefix(path, "/v1/schema/") {
			path = "/v1/schema/{name}"
		}
		ctype := rec.Header().Get("Content-Type")
		if ctype == "application/schema+json" {
			continue // the library's own schema file, as it is
		}
		v.check(t, path, tc.method, rec.Code, ctype, rec.Body.Bytes())
	}
}
