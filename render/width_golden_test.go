package render

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"imapsh/client"
)

// bigMailbox is a FETCH answer from a large mailbox: five-digit message
// numbers, six-digit UIDs, MODSEQ, long names and subjects, flags long and
// short.
var bigMailbox = []client.Response{
	&client.FetchData{Seq: 48211, UID: 120934, Flags: []string{`\Seen`, `\Answered`}, HasFlags: true, Size: 48213, HasSize: true, ModSeq: 991234,
		InternalDate: time.Date(2024, 3, 1, 10, 22, 5, 0, cet),
		Envelope: &client.Envelope{Subject: "Quarterly report: revenue, costs and the forecast for the second half",
			From: []client.Address{addr("Bartholomew Featherstonehaugh", "bart", "example.org")}}},
	&client.FetchData{Seq: 48212, UID: 120935, Flags: []string{`\Flagged`, "$Important", "NonJunk"}, HasFlags: true, Size: 1300000, HasSize: true, ModSeq: 991240,
		InternalDate: time.Date(2024, 3, 1, 11, 0, 0, 0, cet),
		Envelope: &client.Envelope{Subject: "日本語の件名がとても長い場合の表示について",
			From: []client.Address{addr("山田 由紀", "yuki", "example.jp")}}},
	&client.FetchData{Seq: 48213, UID: 120936, HasFlags: true, Size: 512, HasSize: true, ModSeq: 991241,
		InternalDate: time.Date(2024, 3, 2, 8, 30, 0, 0, cet),
		Envelope:     &client.Envelope{Subject: "short", From: []client.Address{addr("", "noreply", "shop.example")}}},
}

// noFlags is a FETCH of FLAGS where no message has one.
var noFlags = []client.Response{
	&client.FetchData{Seq: 1, UID: 7, HasFlags: true, Envelope: &client.Envelope{Subject: "unread"}},
	&client.FetchData{Seq: 2, UID: 8, HasFlags: true, Envelope: &client.Envelope{Subject: "also unread"}},
}

// tableWidths are the terminal widths the table goldens are made at.
var tableWidths = []int{40, 60, 80, 100, 132}

// TestTableWidthsGolden renders the FETCH table of a large mailbox at
// several widths (testdata/widths/fetch_<width>.golden): subjects are cut
// before names, flags last, and no line is wider than the terminal.
func TestTableWidthsGolden(t *testing.T) {
	for _, w := range tableWidths {
		var buf bytes.Buffer
		if err := Result(&buf, &client.Result{Responses: bigMailbox}, Options{Width: w}); err != nil {
			t.Fatal(err)
		}
		checkGoldenFile(t, filepath.Join("testdata", "widths", fmt.Sprintf("fetch_%d.golden", w)), buf.Bytes())
		checkLineWidths(t, fmt.Sprintf("fetch at %d", w), buf.String(), w)
	}
}

// TestFlagsColumnWithoutFlags: FLAGS was fetched, no message has a flag:
// the column is there, empty.
func TestFlagsColumnWithoutFlags(t *testing.T) {
	var buf bytes.Buffer
	Result(&buf, &client.Result{Responses: noFlags}, Options{Width: 80})
	if head, _, _ := strings.Cut(buf.String(), "\n"); !strings.HasSuffix(head, "FLAGS") {
		t.Errorf("no FLAGS column:\n%s", buf.String())
	}
	buf.Reset()
	Result(&buf, &client.Result{Responses: []client.Response{&client.FetchData{Seq: 1, UID: 7}, &client.FetchData{Seq: 2, UID: 8}}}, Options{Width: 80})
	if strings.Contains(buf.String(), "FLAGS") {
		t.Errorf("a FLAGS column without FLAGS fetched:\n%s", buf.String())
	}
}

// TestTablesFitTheLine renders the tables of the golden cases, and the
// large mailbox, from 30 to 140 columns, with and without colour: no line
// may be wider than the width (a wider line wraps on a terminal).
func TestTablesFitTheLine(t *testing.T) {
	tables := map[string][]client.Response{"fetch": fetchSummaries, "big": bigMailbox, "noflags": noFlags,
		"list": dovecotList, "cyrus": cyrusList, "liststatus": listStatus, "status": statuses,
		"metadata": metadataResponses, "annotation": annotationResponses, "quota": tablesOf(quotaResult.Responses),
		"namespace": {namespace}, "emoji": emojiSummaries}
	for name, rs := range tables {
		for w := 30; w <= 140; w++ {
			for _, colour := range []bool{false, true} {
				var buf bytes.Buffer
				Result(&buf, &client.Result{Responses: rs}, Options{Width: w, Color: colour})
				checkLineWidths(t, fmt.Sprintf("%s at %d (colour %v)", name, w, colour), buf.String(), w)
			}
		}
	}
}

// tablesOf leaves out the one-line QUOTAROOT, which is text, not a table.
func tablesOf(rs []client.Response) []client.Response {
	var out []client.Response
	for _, r := range rs {
		if _, ok := r.(*client.QuotaRootData); !ok {
			out = append(out, r)
		}
	}
	return out
}

// checkLineWidths fails when a line of out is wider than w columns.
func checkLineWidths(t *testing.T, what, out string, w int) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if n := displayWidth(line); n > w {
			t.Errorf("%s: a line of %d columns:\n%s", what, n, line)
			return
		}
	}
}

func TestClipLine(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"abcdef", 6, "abcdef"},
		{"abcdef", 5, "abcd…"},
		{"日本語です", 7, "日本語…"},
		{"\x1b[1mabc\x1b[0mdef", 4, "\x1b[1mabc\x1b[0m…\x1b[0m"},
		{"\x1b[1mab\x1b[0m", 2, "\x1b[1mab\x1b[0m"},
	}
	for _, tt := range tests {
		if got := clipLine(tt.in, tt.w); got != tt.want {
			t.Errorf("clipLine(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}
