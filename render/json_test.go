package render

import (
	"encoding/json"
	"strings"
	"testing"

	"imapsh/client"
)

// TestJSONKeepsZeroData: a zero that is data reaches the JSON output: a
// STATUS count of 0 (but not a non-numeric item's number), the empty
// mailbox name of LIST "" "", the "" personal namespace prefix and quota
// root, empty ACL rights, LISTRIGHTS' empty required rights, a body part
// of 0 bytes and 0 lines, an empty parameter value.
func TestJSONKeepsZeroData(t *testing.T) {
	nilValue := client.Value{Kind: client.KindNil}
	tests := []struct {
		resp client.Response
		want string
	}{
		{&client.StatusData{Mailbox: "INBOX", Items: []client.StatusItem{{Name: "MESSAGES"}, {Name: "APPENDLIMIT", Data: &nilValue}}},
			`"items":[{"name":"MESSAGES","value":0},{"name":"APPENDLIMIT","data":"NIL"}]`},
		{&client.ListData{Command: "LIST", Attrs: []string{`\Noselect`}, Delim: "/"}, `"mailbox":"","raw":""`},
		{&client.NamespaceData{Personal: []client.NamespaceDescr{{Delim: "/"}}}, `"personal":[{"prefix":"","delim":"/"}]`},
		{&client.QuotaData{Resources: []client.QuotaResource{{Name: "STORAGE", Limit: 10}}}, `{"kind":"QUOTA","root":"","resources":[{"name":"STORAGE","usage":0,"limit":10}]}`},
		{&client.ACLData{Mailbox: "INBOX", Entries: []client.ACLEntry{{Identifier: "anyone"}}}, `"entries":[{"identifier":"anyone","rights":""}]`},
		{&client.ListRightsData{Mailbox: "INBOX", Identifier: "bob", Optional: []string{"l"}}, `"required":""`},
		{&client.MyRightsData{Mailbox: "INBOX"}, `"rights":""`},
		{&client.FetchData{Seq: 1, BodyStructure: &client.BodyStructure{Type: "text", Subtype: "plain",
			Params: []client.Param{{Name: "format"}}}},
			`"bodystructure":{"type":"text","subtype":"plain","params":[{"name":"format","value":""}],"size":0,"lines":0}`},
		{&client.FetchData{Seq: 1, BodyStructure: &client.BodyStructure{Type: "multipart", Subtype: "mixed"}},
			`"bodystructure":{"type":"multipart","subtype":"mixed"}`},
	}
	for _, tt := range tests {
		b, err := MarshalJSON(ResponseJSON(tt.resp))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), tt.want) {
			t.Errorf("%s: %s\nlacks %s", tt.resp.Kind(), b, tt.want)
		}
	}
}

// TestMarshalJSONEscapesUnsafe: the runes Safe neutralises in text output
// (C1 controls, bidi overrides and isolates) are \u escapes in JSON, and
// the JSON decodes to the same string.
func TestMarshalJSONEscapesUnsafe(t *testing.T) {
	s := "a\u009b[2Jb \u202eevil\u202c \u2066x\u2069 \u200f é"
	b, err := MarshalJSON(map[string]string{"text": s})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"text":"a\u009b[2Jb \u202eevil\u202c \u2066x\u2069 \u200f é"}`
	if string(b) != want {
		t.Errorf("MarshalJSON = %s\nwant %s", b, want)
	}
	var back map[string]string
	if err := json.Unmarshal(b, &back); err != nil || back["text"] != s {
		t.Errorf("decodes to %q, %v", back["text"], err)
	}
}
