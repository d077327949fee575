package clienttest

import (
	"crypto/x509"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseTranscript(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Step
	}{
		{"verbatim keeps trailing space", "S: + \n", []Step{{Kind: KindSend, Data: []byte("+ \r\n"), Line: 1}}},
		{"empty line", "S:", []Step{{Kind: KindSend, Data: []byte("\r\n"), Line: 1}}},
		{"CRLF transcript", "C: A1 NOOP\r\n", []Step{{Kind: KindExpect, Data: []byte("A1 NOOP\r\n"), Line: 1}}},
		{"verbatim backslash", `C: A1 STORE 1 +FLAGS (\Seen)`, []Step{{Kind: KindExpect, Data: []byte(`A1 STORE 1 +FLAGS (\Seen)` + "\r\n"), Line: 1}}},
		{"escapes", `Sx: a\r\n\tb\\\x00\xFF`, []Step{{Kind: KindSend, Data: []byte("a\r\n\tb\\\x00\xff\r\n"), Line: 1}}},
		{"no CRLF", `Cx: {3}\c`, []Step{{Kind: KindExpect, Data: []byte("{3}"), Line: 1}}},
		{"comments, blanks and directives", "# hi\n\n  !starttls\n!sleep 5ms\n!close\n", []Step{
			{Kind: KindStartTLS, Line: 3}, {Kind: KindSleep, Delay: 5 * time.Millisecond, Line: 4}, {Kind: KindClose, Line: 5},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTranscript(tt.src)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseTranscript(%q) = %+v, %v; want %+v", tt.src, got, err, tt.want)
			}
		})
	}
}

func TestParseTranscriptErrors(t *testing.T) {
	tests := []struct{ src, wantErr string }{
		{"S: ok\nX: what", "line 2: unknown line prefix"},
		{"no colon here", "line 1: want S:"},
		{`Sx: \q`, `unknown escape \q`},
		{`Sx: a\`, "trailing backslash"},
		{`Sx: \x4`, `\x wants two hex digits`},
		{`Sx: \xzz`, `\x wants two hex digits, got "zz"`},
		{`Cx: a\cb`, `\c must end the line`},
		{`Cx: \c`, "expects no bytes"},
		{"!sleep soon", "!sleep wants a positive duration"},
		{"!close now", "!close takes no argument"},
		{"!reboot", "unknown directive !reboot"},
		{"!close\nS: late", "line 2: nothing may follow !close (line 1)"},
		{"!eof\n!sleep 1ms", "line 2: nothing may follow !eof"},
	}
	for _, tt := range tests {
		_, err := ParseTranscript(tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParseTranscript(%q) error %v, want %q", tt.src, err, tt.wantErr)
		}
	}
}

func TestFormatTranscriptRoundTrip(t *testing.T) {
	steps := []Step{
		{Kind: KindSend, Data: []byte("* OK ready\r\n")},
		{Kind: KindSend, Data: []byte("\r\n")},
		{Kind: KindSend, Data: []byte("+ \r\n")},
		{Kind: KindExpect, Data: []byte("A1 LOGIN {5}\r\n")},
		{Kind: KindExpect, Data: []byte("a\\b\tc\x00\xff\x7fé\n")},
		{Kind: KindExpect, Data: []byte("no line end")},
		{Kind: KindStartTLS},
		{Kind: KindSleep, Delay: 50 * time.Millisecond},
		{Kind: KindEOF},
	}
	text := FormatTranscript(steps)
	got, err := ParseTranscript(text)
	if err != nil {
		t.Fatalf("parsing %q: %v", text, err)
	}
	for i := range got {
		got[i].Line = 0
	}
	if !reflect.DeepEqual(got, steps) {
		t.Fatalf("round trip of\n%s\ngave %+v\nwant %+v", text, got, steps)
	}
	wantLines := []string{"S: * OK ready", "S:", `Sx: +\x20`, "C: A1 LOGIN {5}", `Cx: a\\b\tc\x00\xff\x7fé\n\c`, `Cx: no line end\c`}
	if lines := strings.Split(text, "\n"); !reflect.DeepEqual(lines[:len(wantLines)], wantLines) {
		t.Errorf("formatted lines %q, want %q", lines[:len(wantLines)], wantLines)
	}
}

func TestServerLines(t *testing.T) {
	got := ServerLines("S: * OK\nC: A1 NOOP\nSx: * 1 EXISTS\\c\n!sleep 1ms\nS: A1 OK\n")
	want := [][]byte{[]byte("* OK\r\n"), []byte("* 1 EXISTS"), []byte("A1 OK\r\n")}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ServerLines = %q, want %q", got, want)
	}
}

func TestServerLinesPanicsOnBadTranscript(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "line 1") {
			t.Errorf("recover() = %v, want a panic naming line 1", r)
		}
	}()
	ServerLines("bogus")
}

func TestCertificateVerifiesForLoopbackOnly(t *testing.T) {
	leaf := testCert().pair.Leaf
	for name, wantOK := range map[string]bool{"localhost": true, "127.0.0.1": true, "imap.example.com": false} {
		_, err := leaf.Verify(x509.VerifyOptions{Roots: RootCAs(), DNSName: name})
		if (err == nil) != wantOK {
			t.Errorf("Verify(%s) error %v, want ok=%v", name, err, wantOK)
		}
	}
}
