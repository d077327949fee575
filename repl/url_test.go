package repl

import (
	"reflect"
	"strings"
	"testing"

	"imapsh/client"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		in   string
		want Target
	}{
		{"imaps://mail.example.org", Target{Security: client.ImplicitTLS, Host: "mail.example.org", Port: 993}},
		{"imap://alice@localhost:1143/INBOX", Target{Security: client.StartTLS, Host: "localhost", Port: 1143, User: "alice", Mailbox: "INBOX"}},
		{"imaps://alice;AUTH=SCRAM-SHA-256@h/Sent%20Items", Target{Security: client.ImplicitTLS, Host: "h", Port: 993, User: "alice", Mech: "SCRAM-SHA-256", Mailbox: "Sent Items"}},
		{"imap://bob%40corp;auth=*@[::1]/Archive/2024", Target{Security: client.StartTLS, Host: "::1", Port: 143, User: "bob@corp", Mailbox: "Archive/2024"}},
	}
	bare := []struct {
		in, url string
		want    Target
	}{ // no scheme: the port decides (issue 11, defect 8)
		{"mail.example.org", "imaps://mail.example.org", Target{Security: client.ImplicitTLS, Host: "mail.example.org", Port: 993}},
		{"h:993", "imaps://h:993", Target{Security: client.ImplicitTLS, Host: "h", Port: 993}},
		{"alice@h:143/INBOX", "imap://alice@h:143/INBOX", Target{Security: client.StartTLS, Host: "h", Port: 143, User: "alice", Mailbox: "INBOX"}},
		{"h:10993", "imaps://h:10993", Target{Security: client.ImplicitTLS, Host: "h", Port: 10993}},
		{"[::1]:143", "imap://[::1]:143", Target{Security: client.StartTLS, Host: "::1", Port: 143}},
	}
	for _, b := range bare {
		b.want.URL = b.url
		tests = append(tests, struct {
			in   string
			want Target
		}{b.in, b.want})
	}
	for _, tt := range tests {
		got, err := ParseURL(tt.in)
		if err != nil {
			t.Errorf("ParseURL(%q): %v", tt.in, err)
			continue
		}
		if tt.want.URL == "" {
			tt.want.URL = tt.in
		}
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("ParseURL(%q) = %+v, want %+v", tt.in, *got, tt.want)
		}
	}
	for _, bad := range []string{"http://h", "imap://", "imaps://alice:secret@h", "imap://h:99999", "imap://h:x", "alice:secret@h", "imap:h"} {
		if _, err := ParseURL(bad); err == nil {
			t.Errorf("ParseURL(%q) succeeded", bad)
		}
	}
}

// TestParseURLErrorsSayWhatToDo: a URL without a host shows the forms,
// a bad port the range.
func TestParseURLErrorsSayWhatToDo(t *testing.T) {
	for in, want := range map[string]string{
		"imap://":        "no host; want imaps://",
		"imap://h:99999": "the port must be a number from 1 to 65535",
		"imap://h:0":     "from 1 to 65535",
	} {
		if _, err := ParseURL(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseURL(%q) error %v, want one that says %q", in, err, want)
		}
	}
}

// TestParseURLErrorsHidePassword: a bad URL carrying a password is
// reported without it, whatever is wrong with it.
func TestParseURLErrorsHidePassword(t *testing.T) {
	for _, in := range []string{"alice:hunter2@ho st:99999999", "imapx://alice:hunter2@host", "imap://alice:hunter2@host:99999999", "imap://alice:hunter2@ho st/%zz", "imap://alice:hunter2@host"} {
		_, err := ParseURL(in)
		if err == nil || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("ParseURL(%q) error %v", in, err)
		}
	}
}
