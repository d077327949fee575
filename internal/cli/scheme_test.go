package cli

import (
	"bytes"
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// sayFirst is clienttest.SayFirst's port.
func sayFirst(t *testing.T, first string) int {
	_, port, _ := net.SplitHostPort(clienttest.SayFirst(t, []byte(first)))
	n, _ := strconv.Atoi(port)
	return n
}

// silentTLSPort is a TLS server that, like an imaps port, says nothing
// until the client starts the handshake.
func silentTLSPort(t *testing.T) int {
	t.Helper()
	s := httptest.NewUnstartedServer(http.NotFoundHandler())
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	return s.Listener.Addr().(*net.TCPAddr).Port
}

// TestSchemeHints: a port that speaks the other kind of connection gets
// an error and a hint naming the URL to try (issue 11, defect 8).
func TestSchemeHints(t *testing.T) {
	tests := []struct {
		name  string
		sec   client.Security
		port  int
		error string
		hint  string // {port} is replaced
	}{
		{"imaps to a plaintext port", client.ImplicitTLS, sayFirst(t, "* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n"),
			`plaintext IMAP greeting "* OK [CAPABILITY IMAP4rev1 STARTTLS] ready"`, "try imap://alice@127.0.0.1:{port}/INBOX"},
		{"imap to a port that sends a TLS alert", client.StartTLS, sayFirst(t, "\x15\x03\x03\x00\x02\x02\x28"),
			"TLS record where the IMAP greeting belongs", "try imaps://alice@127.0.0.1:{port}/INBOX"},
		{"imap to a silent TLS port", client.StartTLS, silentTLSPort(t),
			"timed out waiting for the server's greeting", "stays silent like this until the client starts TLS: try imaps://alice@127.0.0.1:{port}/INBOX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			c := &Connector{Stderr: &stderr, Passwords: &Passwords{Getenv: noEnv}, GreetingTimeout: 500 * time.Millisecond,
				TLS: client.TLSOptions{Insecure: true}}
			e := Endpoint{Security: tt.sec, Host: "127.0.0.1", Port: tt.port, User: "alice", Mailbox: "INBOX"}
			cl, err := c.Connect(context.Background(), e)
			if cl != nil {
				cl.Close()
				t.Fatal("connected")
			}
			var report bytes.Buffer
			Report(&report, err)
			hint := strings.ReplaceAll(tt.hint, "{port}", strconv.Itoa(tt.port))
			if !strings.Contains(report.String(), tt.error) || !strings.Contains(report.String(), "hint: ") || !strings.Contains(report.String(), hint) {
				t.Errorf("report:\n%s\nwant the error %q and the hint %q", report.String(), tt.error, hint)
			}
		})
	}
}

// TestImapsPortWarnedAtOnce: imap:// to port 993 warns before waiting.
func TestImapsPortWarnedAtOnce(t *testing.T) {
	var stderr bytes.Buffer
	warnImapsPort(&stderr, Endpoint{Host: "mail.example.org", Port: 993, User: "bob"}, client.StartTLS)
	if want := "use imaps://bob@mail.example.org:993\n"; !strings.Contains(stderr.String(), want) {
		t.Errorf("warning %q, want it to end with %q", stderr.String(), want)
	}
	for _, quiet := range []struct {
		e   Endpoint
		sec client.Security
	}{
		{Endpoint{Host: "h", Port: 993}, client.ImplicitTLS},
		{Endpoint{Host: "h", Port: 143}, client.StartTLS},
		{Endpoint{Host: "h", Port: 1993}, client.Plaintext},
	} {
		stderr.Reset()
		if warnImapsPort(&stderr, quiet.e, quiet.sec); stderr.Len() > 0 {
			t.Errorf("%+v %v: warned %q", quiet.e, quiet.sec, stderr.String())
		}
	}
}

// TestEndpointURL: the URL a hint suggests keeps the user, mechanism,
// port and mailbox, escaped.
func TestEndpointURL(t *testing.T) {
	e := Endpoint{Host: "::1", Port: 143, User: "bob@corp", Mech: "PLAIN", Mailbox: "Sent Items"}
	if got, want := e.URL(client.StartTLS), "imap://bob%40corp;AUTH=PLAIN@[::1]:143/Sent%20Items"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	if got, want := (Endpoint{Host: "h", Port: 993}).URL(client.ImplicitTLS), "imaps://h:993"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
}
