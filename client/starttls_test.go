package client_test

import (
	"context"
	"crypto/tls"
	"errors"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// dialStartTLS dials a transcript with required STARTTLS, trusting the
// fake server's certificate, and captures the trace.
func dialStartTLS(t *testing.T, transcript string) (*client.Client, error, *lockedBuffer) {
	t.Helper()
	addr := clienttest.Listen(t, transcript)
	trace := &lockedBuffer{}
	c, err := client.Dial(context.Background(), addr, client.DialOptions{
		Security: client.StartTLS,
		TLS:      client.TLSOptions{CAFile: clienttest.CAFile(t)},
		Options:  client.Options{Trace: client.TextTrace(trace)},
	})
	return c, err, trace
}

// noCredential fails if a client line of the trace authenticates or
// carries the password.
func noCredential(t *testing.T, trace string) {
	t.Helper()
	for _, line := range strings.Split(trace, "\n") {
		cmd, ok := strings.CutPrefix(line, "C: ")
		if !ok {
			continue
		}
		if strings.Contains(cmd, " LOGIN ") || strings.Contains(cmd, " AUTHENTICATE ") || strings.Contains(cmd, "secret") {
			t.Errorf("credential on the wire: %q", line)
		}
	}
}

// TestStartTLSAttacks: each server misbehaviour must make Dial fail with
// ErrTLSRequired (or a protocol error), close the connection (!eof) and
// leave no credential on the wire.
func TestStartTLSAttacks(t *testing.T) {
	tests := []struct {
		name, transcript string
	}{
		{"not advertised in greeting", `
S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready
!eof`},
		{"not advertised by CAPABILITY", `
S: * OK ready
C: A1 CAPABILITY
S: * CAPABILITY IMAP4rev1 AUTH=PLAIN
S: A1 OK done
!eof`},
		{"NO instead of OK", `
S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
C: A1 STARTTLS
S: A1 NO TLS is broken today
!eof`},
		{"BAD instead of OK", `
S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
C: A1 STARTTLS
S: A1 BAD what?
!eof`},
		{"continuation instead of OK", `
S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
C: A1 STARTTLS
S: + send your password
!eof`},
		{"PREAUTH greeting", `
S: * PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] logged in already
!eof`},
		{"bytes injected after the OK", `
S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
C: A1 STARTTLS
S: A1 OK begin
S: * CAPABILITY IMAP4rev1 AUTH=PLAIN
!eof`},
		{"BYE instead of OK", `
S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready
C: A1 STARTTLS
S: * BYE go away
!close`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err, trace := dialStartTLS(t, tt.transcript)
			if err == nil {
				c.Close()
				t.Fatal("Dial succeeded")
			}
			if c != nil {
				t.Error("Dial returned a client with its error")
			}
			var perr *client.ProtocolError
			if !errors.Is(err, client.ErrTLSRequired) && !errors.As(err, &perr) {
				t.Errorf("err %v, want ErrTLSRequired", err)
			}
			noCredential(t, trace.String())
		})
	}
}

// TestStartTLSRefusedThenLoginSendsNothing drives StartTLS on New: after
// the refusal LOGIN must fail locally, even with plaintext auth allowed.
func TestStartTLSRefusedThenLoginSendsNothing(t *testing.T) {
	conn := clienttest.Serve(t, `
S: * OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] ready
C: A1 STARTTLS
S: A1 NO not now
!eof`)
	c, err := client.New(conn, &client.Options{AllowPlaintextAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.StartTLS(bg, &tls.Config{RootCAs: clienttest.RootCAs(), ServerName: "localhost"}); !errors.Is(err, client.ErrTLSRequired) {
		t.Fatalf("StartTLS: %v", err)
	}
	if _, err := c.Login(bg, "alice", "secret"); err == nil {
		t.Fatal("LOGIN went out after a refused STARTTLS")
	}
}

// TestStartTLSCapabilityAskedAgain: a [CAPABILITY] code on the OK is
// dropped and CAPABILITY is asked over TLS; LOGIN only happens after TLS.
func TestStartTLSCapabilityAskedAgain(t *testing.T) {
	c, err, trace := dialStartTLS(t, `
S: * OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready
C: A1 STARTTLS
S: A1 OK [CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=EVIL] begin TLS
!starttls
C: A2 CAPABILITY
S: * CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=SCRAM-SHA-256
S: A2 OK done
C: A3 LOGIN alice secret
S: A3 OK welcome
C: A4 CAPABILITY
S: * CAPABILITY IMAP4rev1 IDLE
S: A4 OK done
`)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	eq(t, "IsTLS", c.IsTLS(), true)
	eq(t, "cap from the OK dropped", c.HasCap("AUTH=EVIL"), false)
	eq(t, "cap learnt over TLS", c.HasCap("AUTH=SCRAM-SHA-256"), true)
	eq(t, "cleartext cap dropped", c.HasCap("LOGINDISABLED"), false)
	beforeLogin := trace.String()
	noCredential(t, beforeLogin)
	must(t)(c.Login(bg, "alice", "secret"))
}

// TestStartTLSHappyPath: CAPABILITY first when the greeting has none, and
// LOGIN works (without AllowPlaintextAuth) only because TLS is on.
func TestStartTLSHappyPath(t *testing.T) {
	c, err, trace := dialStartTLS(t, `
S: * OK ready
C: A1 CAPABILITY
S: * CAPABILITY IMAP4rev1 STARTTLS
S: A1 OK done
C: A2 STARTTLS
S: A2 OK go
!starttls
C: A3 CAPABILITY
S: * CAPABILITY IMAP4rev1 AUTH=PLAIN
S: A3 OK done
C: A4 LOGIN alice secret
S: A4 OK welcome
C: A5 CAPABILITY
S: * CAPABILITY IMAP4rev1 IDLE
S: A5 OK done
`)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	noCredential(t, trace.String())
	must(t)(c.Login(bg, "alice", "secret"))
	if !strings.Contains(trace.String(), "C: A4 LOGIN alice ***") {
		t.Errorf("trace:\n%s", trace)
	}
}

// TestPlaintextLoginRefused: without TLS and without AllowPlaintextAuth,
// LOGIN and AUTHENTICATE PLAIN never reach the wire.
func TestPlaintextLoginRefused(t *testing.T) {
	conn := clienttest.Serve(t, `
S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready
!eof`)
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Login(bg, "alice", "secret"); !errors.Is(err, client.ErrPlaintext) {
		t.Errorf("Login: %v", err)
	}
	mech, _ := client.NewMechanism("PLAIN", client.Credentials{User: "alice", Password: "secret"})
	if _, err := c.Authenticate(bg, mech); !errors.Is(err, client.ErrPlaintext) {
		t.Errorf("Authenticate: %v", err)
	}
	c.Close()
}
