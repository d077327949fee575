package render

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"imapsh/client"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenCase renders some data; its output must equal testdata/<name>.golden.
type goldenCase struct {
	name   string
	opt    Options
	render func(w io.Writer, opt Options) error
}

func responses(rs ...client.Response) func(io.Writer, Options) error {
	return func(w io.Writer, opt Options) error {
		return Result(w, &client.Result{Responses: rs}, opt)
	}
}

func each(rs ...client.Response) func(io.Writer, Options) error {
	return func(w io.Writer, opt Options) error {
		for _, r := range rs {
			if err := Response(w, r, opt); err != nil {
				return err
			}
		}
		return nil
	}
}

var goldenCases = []goldenCase{
	{"capability", Options{}, responses(dovecotCaps)},
	{"capability_narrow", Options{Width: 50}, responses(dovecotCaps)},
	{"enabled", Options{}, each(&client.EnabledData{Caps: []string{"CONDSTORE", "QRESYNC"}}, &client.EnabledData{})},
	{"list_dovecot", Options{}, responses(dovecotList...)},
	{"list_cyrus", Options{}, responses(cyrusList...)},
	{"list_status", Options{}, responses(listStatus...)},
	{"list_narrow", Options{Width: 40}, responses(dovecotList...)},
	{"status", Options{}, responses(statuses...)},
	{"acl", Options{}, responses(aclResponses...)},
	{"quota", Options{}, func(w io.Writer, opt Options) error { return Result(w, quotaResult, opt) }},
	{"quota_without_resources", Options{}, responses(&client.QuotaRootData{Mailbox: "INBOX", Roots: []string{"ROOT"}}, &client.QuotaData{Root: "ROOT"})},
	{"namespace", Options{}, each(namespace, &client.NamespaceData{Personal: []client.NamespaceDescr{{Prefix: "INBOX.", Delim: "."}}})},
	{"metadata", Options{}, responses(metadataResponses...)},
	{"annotation", Options{}, responses(annotationResponses...)},
	{"id", Options{}, each(&client.IDData{Params: []client.MetadataEntry{me("name", strp("Dovecot")), me("version", strp("2.3.21")), me("support-url", nil)}}, &client.IDData{})},
	{"search", Options{}, each(
		&client.SearchData{Command: "SEARCH", Nums: []uint32{1, 2, 3, 5}},
		&client.SearchData{Command: "SEARCH", Nums: []uint32{42}, ModSeq: 5012},
		&client.SearchData{Command: "SEARCH"},
		&client.SearchData{Command: "SORT", Nums: []uint32{9, 8, 7, 1, 2, 3}},
	)},
	{"esearch", Options{}, each(
		&client.ESearchData{Tag: "A5", UID: true, Min: u32p(3), Max: u32p(1201), Count: u32p(12),
			All: client.NumSet{{Start: 3, Stop: 5}, {Start: 7, Stop: 7}, {Start: 1190, Stop: 1201}}, ModSeq: 5012},
		&client.ESearchData{Tag: "A6", Count: u32p(0), Other: []client.Value{atom("PARTIAL"), list(atom("1:10"), atom("NIL"))}},
		&client.ESearchData{Tag: "A7", UID: true},
		&client.ESearchData{Tag: "A8", UID: true, Count: u32p(300), Partial: &client.PartialResult{Range: "-1:-100",
			Set: client.NumSet{{Start: 200, Stop: 250}, {Start: 252, Stop: 300}}}},
		&client.ESearchData{Tag: "A9", Partial: &client.PartialResult{Range: "101:200"}},
	)},
	{"search_wrapped", Options{Width: 40}, each(
		&client.SearchData{Command: "SEARCH", Nums: spread(1, 61, 3), ModSeq: 90210},
		&client.SearchData{Command: "SORT", Nums: spread(400, 1, -7)},
		&client.ESearchData{Tag: "A5", UID: true, Count: u32p(21), All: client.Compact(spread(1, 61, 3))},
	)},
	{"thread", Options{}, responses(threadForest)},
	{"oneliners", Options{}, each(
		&client.NumberData{Name: "EXISTS", N: 43}, &client.NumberData{Name: "RECENT", N: 1},
		&client.NumberData{Name: "EXPUNGE", N: 5}, &client.FlagsData{Flags: []string{`\Seen`, "$Junk"}},
		&client.VanishedData{Earlier: true, UIDs: client.NumSet{{Start: 1, Stop: 3}, {Start: 5, Stop: 5}}},
		&client.VanishedData{UIDs: client.NumSet{{Start: 1201, Stop: 1201}}},
		&client.ContinuationData{Text: "idling"},
	)},
	{"untagged_status", Options{}, each(
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "CAPABILITY", Args: []client.Value{atom("IMAP4rev1"), atom("STARTTLS")}}, Text: "Dovecot ready."},
		&client.StatusResponse{Status: "PREAUTH", Text: "Logged in as alice"},
		&client.StatusResponse{Status: "OK", Code: &client.Code{Name: "ALERT"}, Text: "Your mailbox is 95% full"},
		&client.StatusResponse{Status: "NO", Code: &client.Code{Name: "OVERQUOTA"}, Text: "Quota exceeded"},
		&client.StatusResponse{Status: "BAD", Text: "Invalid command"},
		&client.StatusResponse{Status: "BYE", Code: &client.Code{Name: "UNAVAILABLE"}, Text: "Server shutting down"},
	)},
	{"generic", Options{}, each(
		&client.GenericData{Num: u32p(3), Name: "XFOO", Fields: []client.Value{atom("a"), str("b c"), client.Value{Kind: client.KindNil}}},
		&client.GenericData{Name: "XLONG", Fields: []client.Value{list(str("a fairly long string value"), list(atom("NESTED"), number(1), number(2),
			str("another fairly long string to push this past the width")), atom("END"))}},
		&client.GenericData{Name: "XEMPTY"},
	)},
	{"fetch_table", Options{}, responses(fetchSummaries...)},
	{"fetch_block", Options{}, responses(fetchDetailed, singlePart)},
	{"fetch_charsets", Options{}, func(w io.Writer, opt Options) error {
		if err := Result(w, &client.Result{Responses: charsetMessages}, opt); err != nil {
			return err
		}
		return Response(w, charsetMessages[0], opt)
	}},
	{"fetch_rfc2231", Options{}, responses(rfc2231Structure)},
	{"fetch_table_emoji", Options{}, responses(emojiSummaries...)},
	{"fetch_sections_capped", Options{MaxSection: 400}, responses(sectionMessage)},
	{"fetch_flags_update", Options{}, each(&client.FetchData{Seq: 12, Flags: nil, HasFlags: true, ModSeq: 5013})},
	{"result_select", Options{}, func(w io.Writer, opt Options) error { return Result(w, selectResult, opt) }},
	{"result_no", Options{}, func(w io.Writer, opt Options) error { return Result(w, noResult, opt) }},
	{"mailbox", Options{}, func(w io.Writer, opt Options) error {
		if err := Mailbox(w, mailboxRW, opt); err != nil {
			return err
		}
		return Mailbox(w, mailboxRO, opt)
	}},
	{"error", Options{}, func(w io.Writer, opt Options) error {
		for _, c := range []struct {
			err  error
			hint string
		}{
			{&client.Error{Command: "SELECT", StatusResponse: &client.StatusResponse{Tag: "A4", Status: "NO", Code: &client.Code{Name: "NONEXISTENT"}, Text: "Mailbox doesn't exist: Foo"}}, "try: list \"\" *"},
			{fmt.Errorf("select: %w", &client.Error{Command: "SELECT", StatusResponse: &client.StatusResponse{Status: "BAD", Text: "Error in IMAP command"}}), ""},
			{client.ErrTLSRequired, "the server does not offer STARTTLS\nuse --insecure-plaintext to connect anyway"},
			{errors.New("dial tcp 127.0.0.1:143: connect: connection refused"), ""},
		} {
			if err := Error(w, c.err, c.hint, opt); err != nil {
				return err
			}
		}
		return nil
	}},
	{"color", Options{Color: true}, func(w io.Writer, opt Options) error {
		if err := Result(w, noResult, opt); err != nil {
			return err
		}
		if err := Result(w, &client.Result{Responses: cyrusList[:3], Status: selectResult.Status}, opt); err != nil {
			return err
		}
		if err := Result(w, quotaResult, opt); err != nil {
			return err
		}
		return Error(w, client.ErrClosed, "reconnect with \\connect", opt)
	}},
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := c.render(&buf, c.opt); err != nil {
				t.Fatalf("render: %v", err)
			}
			path := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./render -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("output differs from %s:\n--- got ---\n%s\n--- want ---\n%s", path, buf.Bytes(), want)
			}
		})
	}
}

// TestGoldenDeterministic renders every case twice: the same data must give
// the same bytes.
func TestGoldenDeterministic(t *testing.T) {
	for _, c := range goldenCases {
		var a, b bytes.Buffer
		if err := c.render(&a, c.opt); err != nil {
			t.Fatal(err)
		}
		if err := c.render(&b, c.opt); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two renderings differ", c.name)
		}
	}
}
