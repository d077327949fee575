package cli

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/internal/demo"
)

// startDemo runs the demo server for one test and returns its endpoint.
func startDemo(t *testing.T) Endpoint {
	t.Helper()
	srv, err := demo.Start(demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return endpointOf(t, srv.Addr)
}

func endpointOf(t *testing.T, addr string) Endpoint {
	t.Helper()
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(port)
	return Endpoint{Security: client.Plaintext, Host: host, Port: n}
}

func noEnv(string) string { return "" }

func TestConnectDemo(t *testing.T) {
	base := startDemo(t)
	tests := []struct {
		name      string
		edit      func(*Endpoint, *Connector)
		password  string // remembered for demo@addr; "" = none
		state     client.State
		errSubstr string // "" = success
		stderr    string // expected warning
	}{
		{"login and select", func(e *Endpoint, c *Connector) { e.User, e.Mailbox = "demo", "INBOX" }, "demo", client.StateSelected, "", ""},
		{"explicit mechanism", func(e *Endpoint, c *Connector) { e.User, e.Mech = "demo", "plain" }, "demo", client.StateAuthenticated, "", ""},
		{"no user", func(e *Endpoint, c *Connector) {}, "", client.StateNotAuthenticated, "", ""},
		{"no password", func(e *Endpoint, c *Connector) { e.User = "demo" }, "", client.StateNotAuthenticated, "", "not logged in"},
		{"wrong password", func(e *Endpoint, c *Connector) { e.User = "demo" }, "wrong", client.StateNotAuthenticated, "login as demo failed", ""},
		{"unknown mailbox", func(e *Endpoint, c *Connector) { e.User, e.Mailbox = "demo", "NoSuchBox" }, "demo", client.StateAuthenticated, "SELECT", ""},
		{"starttls required", func(e *Endpoint, c *Connector) { e.Security = client.StartTLS }, "", 0, "STARTTLS", ""},
		{"--plaintext downgrades imap://", func(e *Endpoint, c *Connector) { e.Security, e.User, c.Plaintext = client.StartTLS, "demo", true }, "demo", client.StateAuthenticated, "", "WITHOUT TLS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			e := base
			c := &Connector{Stderr: &stderr, Passwords: &Passwords{Getenv: noEnv}}
			tt.edit(&e, c)
			if tt.password != "" {
				c.Passwords.Remember("demo", e.Addr(), tt.password)
			}
			cl, err := c.Connect(context.Background(), e)
			if cl != nil {
				defer cl.Close()
			}
			if tt.errSubstr == "" && err != nil || tt.errSubstr != "" && (err == nil || !strings.Contains(err.Error(), tt.errSubstr)) {
				t.Fatalf("err = %v, want %q", err, tt.errSubstr)
			}
			if tt.state != 0 && (cl == nil || cl.State() != tt.state) {
				t.Errorf("state = %v, want %v", stateOf(cl), tt.state)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.stderr)
			}
		})
	}
}

func stateOf(cl *client.Client) any {
	if cl == nil {
		return "no client"
	}
	return cl.State()
}

func TestConnectTraceHidesPassword(t *testing.T) {
	e := startDemo(t)
	e.User = "demo"
	var trace bytes.Buffer
	c := &Connector{Stderr: &bytes.Buffer{}, Trace: client.TextTrace(&trace), Passwords: &Passwords{Getenv: noEnv}}
	c.Passwords.Remember("demo", e.Addr(), "demo")
	cl, err := c.Connect(context.Background(), e)
	if err != nil {
		t.Fatal(err)
	}
	cl.Close()
	blob := base64.StdEncoding.EncodeToString([]byte("\x00demo\x00demo"))
	if !strings.Contains(trace.String(), "AUTHENTICATE PLAIN ***") || strings.Contains(trace.String(), blob) {
		t.Errorf("trace:\n%s", trace.String())
	}
}

func TestConnectErrorsHaveHints(t *testing.T) {
	tlsSrv := httptest.NewUnstartedServer(http.NotFoundHandler())
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0)
	tlsSrv.StartTLS()
	defer tlsSrv.Close()
	tlsEnd := endpointOf(t, tlsSrv.Listener.Addr().String())
	tlsEnd.Security = client.ImplicitTLS
	refused := Endpoint{Security: client.ImplicitTLS, Host: "127.0.0.1", Port: 1}
	tests := []struct {
		name string
		e    Endpoint
		tls  client.TLSOptions
		hint string
	}{
		{"refused", refused, client.TLSOptions{}, "nothing listens"},
		{"unknown CA", tlsEnd, client.TLSOptions{}, "--cafile FILE or --pin"},
		{"pin mismatch", tlsEnd, client.TLSOptions{Insecure: true, Pins: []string{"sha256//" + base64.StdEncoding.EncodeToString(make([]byte, 32))}}, "pin is wrong"},
	}
	for _, tt := range tests {
		c := &Connector{TLS: tt.tls, Stderr: &bytes.Buffer{}, Passwords: &Passwords{Getenv: noEnv}}
		_, err := c.Connect(context.Background(), tt.e)
		if err == nil {
			t.Fatalf("%s: connected", tt.name)
		}
		var out bytes.Buffer
		Report(&out, err)
		if !strings.HasPrefix(out.String(), "error: ") || !strings.Contains(out.String(), "\nhint: ") || !strings.Contains(out.String(), tt.hint) {
			t.Errorf("%s: report:\n%s", tt.name, out.String())
		}
		if strings.Contains(out.String(), "client: ") {
			t.Errorf("%s: package prefix left in %q", tt.name, out.String())
		}
	}
}

func TestHintLogin(t *testing.T) {
	err := &LoginError{User: "alice", Err: &client.Error{Command: "LOGIN", StatusResponse: &client.StatusResponse{Status: "NO"}}}
	if h := Hint(err); !strings.Contains(h, EnvPassword) {
		t.Errorf("Hint(login NO) = %q", h)
	}
	if h := Hint(errors.New("other")); h != "" {
		t.Errorf("Hint(other) = %q", h)
	}
}

// TestConnectAsksCapabilities: a PREAUTH greeting without [CAPABILITY]
// (Courier-IMAP's "* PREAUTH Ready.") is followed by CAPABILITY, so the
// session knows what the server offers.
func TestConnectAsksCapabilities(t *testing.T) {
	server := `printf '* PREAUTH Ready.\r\n'
while read -r tag cmd rest; do
  case "$cmd" in
    CAPABILITY*) printf '* CAPABILITY IMAP4rev1 NAMESPACE UTF8=ACCEPT\r\n%s OK done\r\n' "$tag";;
    *) printf '%s BAD unexpected\r\n' "$tag";;
  esac
done`
	c := &Connector{Stderr: io.Discard, Passwords: &Passwords{Getenv: noEnv}}
	cl, err := c.Connect(context.Background(), Endpoint{Stream: []string{"/bin/sh", "-c", server}})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if !cl.HasCap("UTF8=ACCEPT") || cl.HasCap("MOVE") {
		t.Errorf("capabilities after a PREAUTH greeting without them: %v", cl.Caps())
	}
}
