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
	for _, tt := range tests {
		got, err := ParseURL(tt.in)
		if err != nil {
			t.Errorf("ParseURL(%q): %v", tt.in, err)
			continue
		}
		tt.want.URL = tt.in
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("ParseURL(%q) = %+v, want %+v", tt.in, *got, tt.want)
		}
	}
	for _, bad := range []string{"http://h", "imap://", "imaps://alice:secret@h", "imap://h:99999", "imap://h:x"} {
		if _, err := ParseURL(bad); err == nil {
			t.Errorf("ParseURL(%q) succeeded", bad)
		}
	}
}

// TestParseURLErrorsHidePassword: a bad URL carrying a password is
// reported without it, whatever is wrong with it.
func TestParseURLErrorsHidePassword(t *testing.T) {
	for _, in := range []string{"imapx://alice:hunter2@host", "imap://alice:hunter2@host:99999999", "imap://alice:hunter2@ho st/%zz", "imap://alice:hunter2@host"} {
		_, err := ParseURL(in)
		if err == nil || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("ParseURL(%q) error %v", in, err)
		}
	}
}
