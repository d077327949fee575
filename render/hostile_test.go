package render

import (
	"bytes"
	"errors"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/fatih/color"

	"imapsh/client"
)

// evil is a server string trying to clear the screen, set the title, and
// reverse the text that follows.
const evil = "\x1b[2J\x1b]0;pwned\x07\u202e\x9b\u009b"

func evilValue() client.Value {
	return list(atom(evil), str(evil), list(atom(evil)))
}

// hostileResponses puts evil in every string field of every response type.
func hostileResponses() []client.Response {
	e := []string{evil}
	entry := []client.MetadataEntry{me(evil, strp(evil)), me(evil, nil)}
	return []client.Response{
		&client.StatusResponse{Status: evil, Code: &client.Code{Name: evil, Args: []client.Value{evilValue()}}, Text: evil},
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "ALERT"}, Text: evil},
		&client.CapabilityData{Caps: []string{"IMAP4rev1", "AUTH=" + evil, evil}},
		&client.EnabledData{Caps: e},
		&client.ListData{Command: "LIST", Attrs: e, Delim: evil, Mailbox: evil, Extended: []client.Value{evilValue()}},
		&client.StatusData{Mailbox: evil, Items: []client.StatusItem{si(evil, 1)}},
		&client.StatusData{Mailbox: evil + "2", Items: []client.StatusItem{si(evil, 1)}},
		&client.NumberData{Name: evil, N: 1},
		&client.FlagsData{Flags: e},
		&client.SearchData{Command: evil, Nums: []uint32{1}},
		&client.ESearchData{Other: []client.Value{evilValue()}},
		&client.NamespaceData{Personal: []client.NamespaceDescr{{Prefix: evil, Delim: evil, Ext: []client.Value{evilValue()}}}},
		&client.QuotaRootData{Mailbox: evil, Roots: e},
		&client.QuotaData{Root: evil, Resources: []client.QuotaResource{{Name: evil, Usage: 1, Limit: 2}}},
		&client.ACLData{Mailbox: evil, Entries: []client.ACLEntry{ace(evil, evil)}},
		&client.ListRightsData{Mailbox: evil, Identifier: evil, Required: evil, Optional: e},
		&client.MyRightsData{Mailbox: evil, Rights: evil},
		&client.MetadataData{Mailbox: evil, Entries: entry},
		&client.AnnotationData{Mailbox: evil, Entry: evil, Attributes: entry},
		&client.IDData{Params: entry},
		&client.GenericData{Name: evil, Fields: []client.Value{evilValue()}},
		&client.ContinuationData{Text: evil},
		&client.FetchData{Seq: 1, Flags: e, HasFlags: true, RawDate: evil,
			Envelope: &client.Envelope{Date: evil, Subject: evil + "=?UTF-8?Q?=1B[2J?=", MessageID: evil, InReplyTo: evil,
				From: []client.Address{{Name: evil, Mailbox: evil, Host: evil}}, To: []client.Address{{Mailbox: evil}, {}}},
			BodyStructure: &client.BodyStructure{Type: evil, Subtype: evil, Params: []client.Param{prm("charset", evil), prm("name", evil)},
				Encoding: evil, Disposition: evil, DispParams: []client.Param{prm("filename*", "UTF-8''"+url.PathEscape(evil))}, Envelope: &client.Envelope{Subject: evil}, Body: &client.BodyStructure{Type: "multipart", Subtype: evil, Parts: []*client.BodyStructure{{Type: evil}}}},
			Sections: []client.BodySection{{Name: evil, Data: []byte("text " + evil + "\nmore\r\n")}, {Section: evil, Nil: true}},
			Other:    []client.NamedValue{{Name: evil, Value: evilValue()}},
		},
		&client.FetchData{Seq: 2, Envelope: &client.Envelope{Subject: evil, From: []client.Address{{Name: evil, Mailbox: "a", Host: "b"}}}},
		&client.FetchData{Seq: 3, Envelope: &client.Envelope{Subject: evil, From: []client.Address{{Mailbox: evil, Host: evil}}}},
	}
}

var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

// assertClean fails when out holds an escape other than the theme's own
// SGR colour sequences, another control besides newline and the tab of
// body text, or a bidi control.
func assertClean(t *testing.T, out string) {
	t.Helper()
	for i, r := range sgr.ReplaceAllString(out, "") {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || isUnsafeRune(r) {
			t.Fatalf("output has %U at byte %d:\n%s", r, i, out)
		}
	}
}

func TestHostileServerStringsAreSafe(t *testing.T) {
	rs := hostileResponses()
	for _, c := range []bool{false, true} {
		var buf bytes.Buffer
		r := &client.Result{Responses: rs, Status: &client.StatusResponse{Status: "NO", Code: &client.Code{Name: evil}, Text: evil}}
		if err := Result(&buf, r, Options{Color: c}); err != nil {
			t.Fatal(err)
		}
		for _, resp := range rs[len(rs)-2:] { // the table view of FETCH
			if err := Response(&buf, resp, Options{Color: c}); err != nil {
				t.Fatal(err)
			}
		}
		err := &client.Error{Command: evil, StatusResponse: r.Status}
		if err := Error(&buf, err, evil, Options{Color: c}); err != nil {
			t.Fatal(err)
		}
		m := &client.Mailbox{Name: evil, Flags: []string{evil}, PermanentFlags: []string{evil}}
		if err := Mailbox(&buf, m, Options{Color: c}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		assertClean(t, out)
		if !c && strings.Contains(out, "\x1b") {
			t.Fatalf("colour off but output has ESC:\n%s", out)
		}
		if n := strings.Count(out, `\x1b[2J`); n < 40 {
			t.Errorf("escaped sequence shown %d times; are server strings dropped instead of escaped?", n)
		}
	}
}

func TestTableViewOfHostileFetch(t *testing.T) {
	var buf bytes.Buffer
	if err := Result(&buf, &client.Result{Responses: hostileResponses()[23:]}, Options{Width: 200}); err != nil {
		t.Fatal(err)
	}
	assertClean(t, buf.String())
	if !strings.Contains(buf.String(), "SUBJECT") {
		t.Fatalf("expected the one-line-per-message table:\n%s", buf.String())
	}
}

func TestThemeIgnoresGlobalNoColor(t *testing.T) {
	saved := color.NoColor
	defer func() { color.NoColor = saved }()
	r := &client.Result{Status: &client.StatusResponse{Status: "OK", Text: "done"}}
	for _, global := range []bool{false, true} {
		color.NoColor = global
		var on, off bytes.Buffer
		if err := Result(&on, r, Options{Color: true}); err != nil {
			t.Fatal(err)
		}
		if err := Result(&off, r, Options{Color: false}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(on.String(), "\x1b[32mOK") {
			t.Errorf("NoColor=%v, Color on: %q has no green OK", global, on.String())
		}
		if off.String() != "OK done\n" {
			t.Errorf("NoColor=%v, Color off: %q", global, off.String())
		}
		if color.NoColor != global {
			t.Errorf("render changed color.NoColor")
		}
	}
}

func TestGroupResponses(t *testing.T) {
	list := func(cmd string) client.Response { return &client.ListData{Command: cmd} }
	status := &client.StatusData{}
	fetch := &client.FetchData{}
	exists := &client.NumberData{Name: "EXISTS"}
	tests := []struct {
		name string
		in   []client.Response
		want []int // group sizes
	}{
		{"list run", []client.Response{list("LIST"), list("LIST"), list("LIST")}, []int{3}},
		{"list-status", []client.Response{list("LIST"), status, list("LIST"), status}, []int{4}},
		{"lsub after list", []client.Response{list("LIST"), list("LSUB")}, []int{1, 1}},
		{"status run", []client.Response{status, status}, []int{2}},
		{"status then list", []client.Response{status, list("LIST")}, []int{1, 1}},
		{"fetch broken by exists", []client.Response{fetch, fetch, exists, fetch}, []int{2, 1, 1}},
		{"one-liners never group", []client.Response{exists, exists}, []int{1, 1}},
	}
	for _, tt := range tests {
		var got []int
		for _, g := range groupResponses(tt.in) {
			got = append(got, len(g))
		}
		if !equalInts(got, tt.want) {
			t.Errorf("%s: group sizes %v, want %v", tt.name, got, tt.want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// failWriter fails after n writes.
type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n--; f.n < 0 {
		return 0, errWrite
	}
	return len(p), nil
}

var errWrite = errors.New("disk full")

// TestWriteErrorIsReturned fails the first write of a short result (one
// block) and the second of a long one (blocks of flushAt bytes).
func TestWriteErrorIsReturned(t *testing.T) {
	long := &client.Result{}
	for _, f := range benchFetchRows(2000) {
		long.Responses = append(long.Responses, f)
	}
	for _, tt := range []struct {
		res    *client.Result
		writes int
	}{{selectResult, 0}, {long, 1}} {
		fw := &failWriter{n: tt.writes}
		if err := Result(fw, tt.res, Options{}); err != errWrite || fw.n != -1 {
			t.Errorf("Result error = %v after %d writes, want the writer's error on write %d", err, tt.writes-fw.n, tt.writes+1)
		}
	}
}
