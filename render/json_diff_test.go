package render

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"imapsh/client"
)

// jsonHostile are strings that JSON output must escape or keep: quotes
// and backslashes, every C0 control, DEL, C1 controls (the 8-bit CSI),
// bidi overrides, isolates and marks, U+2028 and U+2029, </script>,
// invalid UTF-8, a lone surrogate's bytes, U+FFFD itself, emoji.
var jsonHostile = []string{
	"", "plain", `a "quoted" \back\slash`, "\x00\x01\x07\b\t\n\v\f\r\x1b[2J\x1f\x7f",
	"a\u009b[2Jb \u0085 \u0080\u009f", "\u202aL\u202bR\u202cP\u202dO\u202eE \u2066\u2067\u2068\u2069 \u200e\u200f\u061c",
	"line\u2028sep\u2029para", "</script><!-- & > <", "bad \xff\xfe utf-8 \xc3", "\xed\xa0\x80 surrogate",
	"real \ufffd", "Grüße 日本語 🎉", "=?utf-8?q?Gr=C3=BC=C3=9Fe?=", strings.Repeat("x", 300),
}

// TestJSONMatchesOracle: the appenders write, byte for byte, what the
// reflection encoder they replaced wrote (json_oracle_test.go), for every
// response type with hostile strings in every field and each optional
// part present and absent, and for the golden files' fixtures.
func TestJSONMatchesOracle(t *testing.T) {
	patterns := []uint16{0, 0xffff}
	for k := range 16 {
		patterns = append(patterns, 1<<k, ^uint16(1<<k))
	}
	for i, s := range jsonHostile {
		for j, bits := range patterns {
			next := jsonHostile[(i+j+1)%len(jsonHostile)]
			in := jsonInput{s: [3]string{s, next, "x"}, n: uint64(j) * 7919, bits: bits, data: []byte(next)}
			checkJSONSamples(t, in)
		}
	}
	fixtures := append(append(append([]client.Response{dovecotCaps, namespace, threadForest, fetchDetailed, singlePart},
		dovecotList...), cyrusList...), fetchSummaries...)
	for _, r := range append(fixtures, append(statuses, append(aclResponses, metadataResponses...)...)...) {
		checkJSONResponse(t, r)
	}
}

// TestJSONSamplesCoverEveryType: jsonSamples holds every type with a
// Kind method in package client, so that a response type added there
// without an appender fails TestJSONMatchesOracle.
func TestJSONSamplesCoverEveryType(t *testing.T) {
	have := map[string]bool{}
	for _, r := range jsonSamples(jsonInput{}) {
		have[strings.TrimPrefix(fmt.Sprintf("%T", r), "*client.")] = true
	}
	for _, name := range responseTypes(t) {
		if !have[name] {
			t.Errorf("client.%s is a Response missing from jsonSamples (and maybe from AppendResponseJSON)", name)
		}
	}
}

// responseTypes lists the receiver types of the Kind methods of package
// client, read from its source.
func responseTypes(t *testing.T) []string {
	files, err := filepath.Glob("../client/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("client sources: %v", err)
	}
	var names []string
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "Kind" && fn.Recv != nil {
				if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
					names = append(names, star.X.(*ast.Ident).Name)
				}
			}
		}
	}
	if len(names) < 20 {
		t.Fatalf("found only %d response types: %v", len(names), names)
	}
	return names
}

// FuzzJSONResponse feeds arbitrary strings, numbers and body data into
// every field of every response type, and checks the output against the
// oracle (byte for byte), against encoding/json's decoder (valid, one
// value, the strings and data back as the README says) and for the
// characters it must never hold raw.
func FuzzJSONResponse(f *testing.F) {
	for i, s := range jsonHostile {
		f.Add(s, jsonHostile[(i+3)%len(jsonHostile)], "x", uint64(i)*977, uint16(i*4099), []byte(jsonHostile[(i+5)%len(jsonHostile)]))
	}
	f.Fuzz(func(t *testing.T, a, b, c string, n uint64, bits uint16, data []byte) {
		in := jsonInput{s: [3]string{a, b, c}, n: n, bits: bits, data: data}
		checkJSONSamples(t, in)
		checkJSONRoundTrip(t, in)
		checkJSONSpooled(t, in)
	})
}

// checkJSONSpooled compares the FETCH samples written with their
// sections in memory and from files (AddFetch), with windows of 1 to 7
// bytes.
func checkJSONSpooled(t *testing.T, in jsonInput) {
	defer func(w int) { jsonWindow = w }(jsonWindow)
	jsonWindow = 1 + int(in.n%7)
	for _, r := range sampleFetchSamples(in) {
		f := r.(*client.FetchData)
		var want, got bytes.Buffer
		j := OpenJSON(&want, "")
		j.Add(f)
		j.Close(JSONTail{})
		g, src := spooledCopy(f)
		j = OpenJSON(&got, "")
		j.AddFetch(g, src)
		j.Close(JSONTail{})
		if got.String() != want.String() {
			t.Fatalf("window %d:\n got %s\nwant %s", jsonWindow, got.String(), want.String())
		}
	}
}

// checkJSONSamples compares every sample, the tail and an alert.
func checkJSONSamples(t *testing.T, in jsonInput) {
	t.Helper()
	for _, r := range jsonSamples(in) {
		checkJSONResponse(t, r)
	}
	tail := JSONTail{Tag: in.str(0), Status: in.str(1), Code: in.str(2), CodeArgs: sampleStrings(in, 0), CodeRaw: in.str(1),
		Text: in.str(2), ElapsedMS: float64(in.n%1e9) / 1000, Error: in.str(0), Alerts: sampleStrings(in, 1),
		Dropped:   []droppedJSON{{Kind: in.str(0), Reason: in.str(1), Count: int(in.num32()), Bytes: int64(in.num())}},
		ShellJSON: sampleShell(in)}
	var out bytes.Buffer
	if err := OpenJSON(&out, in.str(0)).Close(tail); err != nil {
		t.Fatal(err)
	}
	got := bytes.TrimSuffix(out.Bytes(), []byte("\n"))
	got = got[bytes.Index(got, []byte(`,"responses":[]`))+len(`,"responses":[]`):]
	if want := oracleTailJSON(tail); !bytes.Equal(got, append([]byte{','}, want[1:]...)) {
		t.Errorf("tail:\n got %s\nwant %s", got, want)
	}
	alert := client.Alert{Command: in.str(2), StatusResponse: &client.StatusResponse{Status: in.str(0), Text: in.str(1)}}
	if got, want := AppendAlertJSON(nil, alert), mustOracle(t, oracleAlert(alert)); !bytes.Equal(got, want) {
		t.Errorf("alert:\n got %s\nwant %s", got, want)
	}
}

// checkJSONResponse compares one response with the oracle and checks
// that the output is one valid JSON value with nothing raw that must be
// escaped.
func checkJSONResponse(t *testing.T, r client.Response) {
	t.Helper()
	got := AppendResponseJSON([]byte("prefix:"), r)
	if !bytes.HasPrefix(got, []byte("prefix:")) {
		t.Fatalf("%T: dst's bytes were overwritten: %q", r, got)
	}
	got = got[len("prefix:"):]
	if want := mustOracle(t, oracleResponse(r)); !bytes.Equal(got, want) {
		t.Errorf("%T:\n got %s\nwant %s", r, got, want)
	}
	if !json.Valid(got) {
		t.Errorf("%T: invalid JSON %s", r, got)
	}
	if i := rawUnsafe(got); i >= 0 {
		t.Errorf("%T: raw unsafe character at %d: %q", r, i, got[max(0, i-10):min(len(got), i+10)])
	}
}

func mustOracle(t *testing.T, v any) []byte {
	t.Helper()
	b, err := oracleMarshal(v)
	if err != nil {
		t.Fatalf("oracle: %v", err)
	}
	return b
}

// rawUnsafe returns the offset of the first character JSON output must
// not hold as it is: a C0 or C1 control, invalid UTF-8, a bidi control
// or mark, U+2028 or U+2029 (the list is written out here, not taken
// from isUnsafeRune, so that a change there fails); -1 when there is none.
func rawUnsafe(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		bidi := r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
		if r < 0x20 || r >= 0x80 && r <= 0x9f || bidi || r == 0x2028 || r == 0x2029 || r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// checkJSONRoundTrip decodes a FETCH and a LIST with encoding/json and
// checks the strings come back as sent (each invalid byte as U+FFFD) and
// the body data byte for byte (as text when UTF-8, else from base64).
func checkJSONRoundTrip(t *testing.T, in jsonInput) {
	t.Helper()
	list := &client.ListData{Command: "LIST", Mailbox: in.s[0], Raw: in.s[1], Attrs: []string{in.s[2]}}
	var l struct {
		Mailbox, Raw string
		Attrs        []string
	}
	if err := json.Unmarshal(AppendResponseJSON(nil, list), &l); err != nil {
		t.Fatalf("LIST: %v", err)
	}
	if l.Mailbox != asDecoded(in.s[0]) || l.Raw != asDecoded(in.s[1]) || len(l.Attrs) != 1 || l.Attrs[0] != asDecoded(in.s[2]) {
		t.Errorf("LIST decodes to %q %q %q, want %q %q %q", l.Mailbox, l.Raw, l.Attrs, in.s[0], in.s[1], in.s[2])
	}
	fetch := &client.FetchData{Seq: 1, Sections: []client.BodySection{{Name: "BODY[]", Data: append([]byte{}, in.data...)}}}
	var fd struct{ Sections []struct{ Data any } }
	if err := json.Unmarshal(AppendResponseJSON(nil, fetch), &fd); err != nil || len(fd.Sections) != 1 {
		t.Fatalf("FETCH: %v", err)
	}
	if got := jsonSectionData(t, fd.Sections[0].Data); !bytes.Equal(got, in.data) {
		t.Errorf("section data decodes to %q, want %q", got, in.data)
	}
}

// asDecoded is s as a JSON decoder returns it: each byte of invalid
// UTF-8 becomes U+FFFD.
func asDecoded(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += size
	}
	return b.String()
}

// jsonSectionData is a section's "data": a string, or {"base64": ...}.
func jsonSectionData(t *testing.T, v any) []byte {
	t.Helper()
	switch v := v.(type) {
	case string:
		return []byte(v)
	case map[string]any:
		b, err := base64.StdEncoding.DecodeString(v["base64"].(string))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	t.Fatalf("section data is %T", v)
	return nil
}
