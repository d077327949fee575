package render

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"imapsh/client"
)

// rowsCase is one command's responses as --format tsv and csv print them:
// testdata/rows/<name>.tsv and .csv.
type rowsCase struct {
	name  string
	opt   RowOptions
	mbox  *client.Mailbox
	resps []client.Response
	notes []string
}

var hostileSubject = &client.FetchData{Seq: 7, UID: 70, HasFlags: true, Flags: []string{`\Seen`},
	InternalDate: time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC), HasSize: true, Size: 123456789,
	Envelope: &client.Envelope{Subject: "=HYPERLINK(\"http://evil\")\tand\nmore \x1b[31m", Date: "not a date",
		From: []client.Address{addr("-Mallory", "m", "evil.example")}}}

var rowsCases = []rowsCase{
	{name: "fetch", resps: fetchSummaries},
	{name: "fetch_hostile", resps: []client.Response{hostileSubject}},
	{name: "fetch_detailed", resps: []client.Response{fetchDetailed},
		notes: []string{"FETCH rows leave out BODY[HEADER.FIELDS (SUBJECT X-EVIL)] BODY[1.1]<0> BINARY[2] ...: --format table or json shows them, fetch ... > FILE saves body sections"}},
	{name: "list_status", resps: listStatus},
	{name: "list", resps: cyrusList},
	{name: "status", resps: statuses},
	{name: "search", resps: []client.Response{&client.SearchData{Command: "SEARCH", Nums: []uint32{1, 2, 3, 5}}}},
	{name: "uid_search_modseq", opt: RowOptions{UID: true}, resps: []client.Response{&client.SearchData{Command: "SEARCH", Nums: []uint32{42}, ModSeq: 5012}},
		notes: []string{"SEARCH rows leave out its MODSEQ 5012: --format table or json shows it"}},
	{name: "search_empty", resps: []client.Response{&client.SearchData{Command: "SEARCH"}}},
	{name: "esearch", resps: []client.Response{&client.ESearchData{Tag: "A5", UID: true, Min: u32p(3), Max: u32p(1201), Count: u32p(12),
		All: client.NumSet{{Start: 3, Stop: 5}, {Start: 1190, Stop: 1201}}, ModSeq: 5012}}},
	{name: "thread", resps: []client.Response{threadForest}},
	{name: "quota", resps: quotaResult.Responses},
	{name: "acl", resps: aclResponses},
	{name: "namespace", resps: []client.Response{namespace}},
	{name: "metadata", resps: metadataResponses},
	{name: "annotation", resps: annotationResponses},
	{name: "id", resps: []client.Response{&client.IDData{Params: []client.MetadataEntry{me("name", strp("Dovecot")), me("support-url", nil)}}}},
	{name: "capability", resps: []client.Response{dovecotCaps}},
	{name: "select", mbox: mailboxRW, resps: []client.Response{&client.VanishedData{Earlier: true, UIDs: client.NumSet{{Start: 1, Stop: 3}}}}},
	{name: "expunge", resps: []client.Response{&client.NumberData{Name: "EXPUNGE", N: 5}, &client.NumberData{Name: "EXPUNGE", N: 5},
		&client.NumberData{Name: "EXISTS", N: 40}}},
	{name: "no_rows", resps: []client.Response{
		&client.NumberData{Name: "EXISTS", N: 43}, &client.FlagsData{Flags: []string{`\Seen`}},
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "UNSEEN", Args: []client.Value{number(3)}}},
		&client.StatusResponse{Status: "NO", Code: &client.Code{Name: "OVERQUOTA"}, Text: "Quota exceeded"},
		&client.GenericData{Name: "XFOO"}},
		notes: []string{"server: NO [OVERQUOTA] Quota exceeded", "no rows for XFOO responses: --format table or json shows them"}},
}

func TestRowsGolden(t *testing.T) {
	for _, c := range rowsCases {
		for _, f := range []Format{FormatTSV, FormatCSV} {
			t.Run(c.name+"."+f.String(), func(t *testing.T) {
				var buf bytes.Buffer
				rw := NewRowWriter(&buf, f, c.opt)
				rw.Mailbox(c.mbox)
				for _, r := range c.resps {
					rw.Add(r)
				}
				if err := rw.Close(); err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(rw.Notes(), c.notes) {
					t.Errorf("notes:\n got %q\nwant %q", rw.Notes(), c.notes)
				}
				checkGoldenFile(t, filepath.Join("testdata", "rows", c.name+"."+f.String()), buf.Bytes())
			})
		}
	}
}

// checkGoldenFile compares got with the file, or rewrites it with -update.
func checkGoldenFile(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// TestRowsShape checks what every golden case must hold: each TSV line
// of a block has as many fields as its header, and the CSV parses back
// (RFC 4180, encoding/csv) into records of the header's width.
func TestRowsShape(t *testing.T) {
	for _, c := range rowsCases {
		var tsv, csvOut bytes.Buffer
		for _, out := range []struct {
			buf *bytes.Buffer
			f   Format
		}{{&tsv, FormatTSV}, {&csvOut, FormatCSV}} {
			rw := NewRowWriter(out.buf, out.f, c.opt)
			rw.Mailbox(c.mbox)
			for _, r := range c.resps {
				rw.Add(r)
			}
			rw.Close()
		}
		for _, block := range strings.Split(strings.TrimSuffix(tsv.String(), "\n"), "\n\n") {
			lines := strings.Split(block, "\n")
			width := strings.Count(lines[0], "\t")
			for _, l := range lines[1:] {
				if strings.Count(l, "\t") != width {
					t.Errorf("%s: TSV line %q has %d tabs, its header %d", c.name, l, strings.Count(l, "\t"), width)
				}
			}
		}
		for _, block := range strings.Split(csvOut.String(), "\r\n\r\n") {
			r := csv.NewReader(strings.NewReader(block))
			if _, err := r.ReadAll(); err != nil && block != "" {
				t.Errorf("%s: CSV block does not parse: %v\n%s", c.name, err, block)
			}
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, name := range FormatNames() {
		f, err := ParseFormat(strings.ToUpper(name))
		if err != nil || f.String() != name {
			t.Errorf("ParseFormat(%q) = %v, %v", name, f, err)
		}
	}
	if _, err := ParseFormat("yaml"); err == nil || !strings.Contains(err.Error(), "table, tsv, csv, json") {
		t.Errorf("ParseFormat(yaml) = %v", err)
	}
}
