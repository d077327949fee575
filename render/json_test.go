package render

import (
	"bytes"
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
		b := AppendResponseJSON(nil, tt.resp)
		if !strings.Contains(string(b), tt.want) {
			t.Errorf("%s: %s\nlacks %s", tt.resp.Kind(), b, tt.want)
		}
	}
}

// TestJSONStringEscapesUnsafe: the runes Safe neutralises in text output
// (C1 controls, bidi overrides and isolates) are \u escapes in JSON, and
// the JSON decodes to the same string.
func TestJSONStringEscapesUnsafe(t *testing.T) {
	s := "a\u009b[2Jb \u202eevil\u202c \u2066x\u2069 \u200f é"
	b := AppendAlertJSON(nil, client.Alert{StatusResponse: &client.StatusResponse{Text: s}})
	want := `{"alert":"a\u009b[2Jb \u202eevil\u202c \u2066x\u2069 \u200f é","status":"","command":""}`
	if string(b) != want {
		t.Errorf("AppendAlertJSON = %s\nwant %s", b, want)
	}
	var back map[string]string
	if err := json.Unmarshal(b, &back); err != nil || back["alert"] != s {
		t.Errorf("decodes to %q, %v", back["alert"], err)
	}
}

// blockWriter keeps what is written and the size of each write.
type blockWriter struct {
	bytes.Buffer
	sizes []int
}

func (b *blockWriter) Write(p []byte) (int, error) {
	b.sizes = append(b.sizes, len(p))
	return b.Buffer.Write(p)
}

// TestJSONStreamWritesInBlocks: a long FETCH reaches the writer in blocks
// of at least jsonFlushAt bytes (the last one excepted), or after every n
// responses with FlushEvery(n), and the line is the same either way.
func TestJSONStreamWritesInBlocks(t *testing.T) {
	fs := jsonBenchFetches(500)
	write := func(every int) *blockWriter {
		var out blockWriter
		j := OpenJSON(&out, "fetch 1:* (UID FLAGS ENVELOPE)").FlushEvery(every)
		for _, f := range fs {
			j.Add(f)
		}
		j.Close(JSONTail{Tag: "A1", Status: "OK"})
		return &out
	}
	blocks, each10 := write(0), write(10)
	if blocks.String() != each10.String() || !json.Valid(blocks.Bytes()) || !strings.HasSuffix(blocks.String(), "}\n") {
		t.Fatalf("the lines differ or are not JSON:\n%.300s\n%.300s", blocks.String(), each10.String())
	}
	for i, n := range blocks.sizes[:len(blocks.sizes)-1] {
		if n < jsonFlushAt {
			t.Errorf("write %d of %d: %d bytes, want at least %d", i, len(blocks.sizes), n, jsonFlushAt)
		}
	}
	if len(blocks.sizes) > blocks.Len()/jsonFlushAt+1 || len(each10.sizes) < len(fs)/10 {
		t.Errorf("%d writes in blocks, %d with FlushEvery(10) for %d responses", len(blocks.sizes), len(each10.sizes), len(fs))
	}
}
