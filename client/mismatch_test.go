package client_test

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// tlsAlert is a TLS 1.2 fatal alert record (handshake_failure).
var tlsAlert = []byte{0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28}

// tlsHandshake is the start of a TLS handshake record (what a server that
// spoke first would send).
var tlsHandshake = []byte{0x16, 0x03, 0x03, 0x00, 0x31, 0x02, 0x00, 0x00}

// TestWrongSecurity: a port that speaks the other kind of connection is
// recognised from its first bytes and reported as such, at once (a long
// greeting timeout would make a missed case hang, not pass), or, for a
// silent TLS port, as a greeting that never came.
func TestWrongSecurity(t *testing.T) {
	tlsPort := httptest.NewUnstartedServer(http.NotFoundHandler())
	tlsPort.Config.ErrorLog = log.New(io.Discard, "", 0) // our client hangs up mid-handshake
	tlsPort.StartTLS()
	defer tlsPort.Close()
	tests := []struct {
		name      string
		addr      string
		sec       client.Security
		greeting  time.Duration
		serverTLS bool   // want a SecurityMismatchError with this ServerTLS
		quiet     bool   // want ErrNoGreeting instead
		seen      string // the greeting text the error quotes
	}{
		{"alert where the greeting belongs", clienttest.SayFirst(t, tlsAlert), client.StartTLS, time.Minute, true, false, ""},
		{"handshake where the greeting belongs", clienttest.SayFirst(t, tlsHandshake), client.Plaintext, time.Minute, true, false, ""},
		{"plaintext greeting to imaps", clienttest.SayFirst(t, []byte("* OK [CAPABILITY IMAP4rev1 STARTTLS] fake ready\r\n")), client.ImplicitTLS, time.Minute, false, false, "* OK [CAPABILITY IMAP4rev1 STARTTLS] fake ready"},
		{"PREAUTH greeting to imaps", clienttest.SayFirst(t, []byte("* PREAUTH hi\x1b[2J\r\n")), client.ImplicitTLS, time.Minute, false, false, "* PREAUTH hi?[2J"},
		{"silent TLS port dialled for STARTTLS", tlsPort.Listener.Addr().String(), client.StartTLS, 300 * time.Millisecond, false, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			c, err := client.Dial(ctx, tt.addr, client.DialOptions{
				Security: tt.sec,
				TLS:      client.TLSOptions{Insecure: true},
				Options:  client.Options{GreetingTimeout: tt.greeting},
			})
			if c != nil {
				c.Close()
				t.Fatal("the dial succeeded")
			}
			if tt.quiet {
				if !errors.Is(err, client.ErrNoGreeting) {
					t.Fatalf("err = %v, want ErrNoGreeting", err)
				}
				return
			}
			var mismatch *client.SecurityMismatchError
			if !errors.As(err, &mismatch) {
				t.Fatalf("err = %T %v, want a SecurityMismatchError", err, err)
			}
			if mismatch.ServerTLS != tt.serverTLS || mismatch.Greeting != tt.seen {
				t.Errorf("got %+v, want ServerTLS %v and greeting %q", mismatch, tt.serverTLS, tt.seen)
			}
			if tt.seen != "" && !strings.Contains(err.Error(), "plaintext IMAP greeting") {
				t.Errorf("message: %v", err)
			}
		})
	}
}

// TestDialCancelledWhileGreetingAwaited: Ctrl-C (the context) ends the
// wait for a greeting that does not come, as it ends the TCP connect and
// the TLS handshake; \connect imap://host:993 waited out the whole
// greeting timeout (30 s) whatever the user pressed.
func TestDialCancelledWhileGreetingAwaited(t *testing.T) {
	addr := clienttest.SayFirst(t, nil) // accepts, never greets
	for _, sec := range []client.Security{client.Plaintext, client.StartTLS} {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			c, err := client.Dial(ctx, addr, client.DialOptions{Security: sec, TLS: client.TLSOptions{Insecure: true},
				Options: client.Options{GreetingTimeout: 10 * time.Minute}})
			if c != nil {
				c.Close()
			}
			done <- err
		}()
		time.AfterFunc(50*time.Millisecond, cancel)
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("security %v: err = %v, want context.Canceled", sec, err)
			}
		case <-time.After(30 * time.Second): // a hang, not a timing check
			t.Fatalf("security %v: Dial went on waiting for the greeting after its context ended", sec)
		}
		cancel()
	}
}
