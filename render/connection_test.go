package render

import (
	"bytes"
	"strings"
	"testing"

	"imapsh/client"
)

var preLogin = []string{"IMAP4rev1", "SASL-IR", "ID", "ENABLE", "IDLE", "LITERAL+", "STARTTLS", "AUTH=PLAIN"}

func TestCapsChange(t *testing.T) {
	tests := []struct {
		name          string
		before, after []string
		want          string
	}{
		{"unknown before", nil, preLogin, "8"},
		{"unchanged, other case", preLogin, []string{"imap4rev1", "SASL-IR", "ID", "ENABLE", "IDLE", "LITERAL+", "STARTTLS", "AUTH=PLAIN"}, "8 (unchanged)"},
		{"added and removed", preLogin, append(preLogin[:6:6], "MOVE", "ACL", "QUOTA", "BINARY", "CHILDREN"),
			"11 (+5 after login: ACL BINARY CHILDREN MOVE …; -2: AUTH=PLAIN STARTTLS)"},
		{"removed only", preLogin, preLogin[:7], "7 (-1: AUTH=PLAIN)"},
		{"hostile names", []string{"A"}, []string{"A", "B\x1b[2J"}, `2 (+1 after login: B\x1b[2J)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CapsChange(tt.before, tt.after, "after login"); got != tt.want {
				t.Errorf("CapsChange = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestConnectionLine(t *testing.T) {
	tests := []struct {
		name string
		c    Connection
		want string
	}{
		{"STARTTLS and SASL", Connection{URL: "imap://alice@mail.example.org", Security: "starttls", TLSVersion: "TLS 1.3",
			Cipher: "TLS_AES_128_GCM_SHA256", Greeting: "Dovecot (Debian) ready.", Login: "AUTHENTICATE SCRAM-SHA-256",
			Caps: dovecotCaps.Caps, CapsBefore: preLogin},
			`connected to imap://alice@mail.example.org (STARTTLS, TLS 1.3, TLS_AES_128_GCM_SHA256): "Dovecot (Debian) ready."; ` +
				`logged in with AUTHENTICATE SCRAM-SHA-256; capabilities: 42 (+35 after login: AUTH=SCRAM-SHA-256 BINARY CATENATE CHILDREN …; -1: STARTTLS)`},
		{"plaintext, not logged in", Connection{URL: "imap://127.0.0.1:1143", Security: "plaintext", Greeting: "hi", Caps: preLogin},
			`connected to imap://127.0.0.1:1143 (no TLS): "hi"; not logged in; capabilities: 8`},
		{"PREAUTH stream, long greeting", Connection{URL: "stream:imap", Security: "stream", Login: "PREAUTH",
			Greeting: strings.Repeat("x", 100)},
			`connected to stream:imap (a command's stdin and stdout): "` + strings.Repeat("x", 59) + `…"; logged in by the server (PREAUTH)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := ConnectionLine(&b, tt.c, Options{}); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(b.String(), "\n"); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestLoginCapabilityCodeSummed: the answer to a login shows its
// [CAPABILITY] code as what changed, not as the whole list; a short list
// with nothing to compare stays as sent, and the capability command's
// own answer is shown whole.
func TestLoginCapabilityCodeSummed(t *testing.T) {
	ok := func(caps []string) *client.StatusResponse {
		args := make([]client.Value, len(caps))
		for i, c := range caps {
			args[i] = client.Value{Kind: client.KindAtom, Str: c}
		}
		return &client.StatusResponse{Tag: "A1", Status: "OK", Text: "Logged in", Code: &client.Code{Name: "CAPABILITY", Args: args}}
	}
	tests := []struct {
		name   string
		res    *client.Result
		before []string
		want   string
	}{
		{"login, list before known", &client.Result{Command: "LOGIN", Status: ok(dovecotCaps.Caps)}, preLogin,
			"OK [CAPABILITY: 42 (+35: AUTH=SCRAM-SHA-256 BINARY CATENATE CHILDREN …; -1: STARTTLS)] Logged in\n"},
		{"login, unknown before", &client.Result{Command: "LOGIN", Status: ok(dovecotCaps.Caps)}, nil,
			"OK [CAPABILITY: 42 listed] Logged in\n"},
		{"short list", &client.Result{Command: "LOGIN", Status: ok([]string{"IMAP4rev1", "MOVE"})}, nil,
			"OK [CAPABILITY IMAP4rev1 MOVE] Logged in\n"},
		{"untagged in a login", &client.Result{Command: "AUTHENTICATE", Responses: []client.Response{dovecotCaps}}, preLogin,
			"CAPABILITY 42 (+35: AUTH=SCRAM-SHA-256 BINARY CATENATE CHILDREN …; -1: STARTTLS); capability lists them\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Result(&b, tt.res, Options{CapsBefore: tt.before}); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tt.want)
			}
		})
	}
	var b bytes.Buffer
	Result(&b, &client.Result{Command: "CAPABILITY", Responses: []client.Response{dovecotCaps}}, Options{CapsBefore: preLogin})
	if !strings.Contains(b.String(), "THREAD=ORDEREDSUBJECT") {
		t.Errorf("the capability command's answer is not shown whole:\n%s", b.String())
	}
}
