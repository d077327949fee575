package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"imapsh/client"
)

// testPortsSwapped dials each of the server's ports with the other kind
// of security (issue 11, defect 8): imaps to the plaintext port is told
// at once that a plaintext greeting came, quoting it; imap (STARTTLS) to
// the TLS port meets silence and reports the greeting that never came.
func testPortsSwapped(t *testing.T, l *lab) {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	_, err := client.Dial(ctx, l.IMAPAddr(), client.DialOptions{Security: client.ImplicitTLS, TLS: l.trusted()})
	var mismatch *client.SecurityMismatchError
	if !errors.As(err, &mismatch) || mismatch.ServerTLS || !strings.HasPrefix(mismatch.Greeting, "* OK") {
		t.Errorf("imaps to the plaintext port: %T %v, want a SecurityMismatchError quoting the greeting", err, err)
	}
	_, err = client.Dial(ctx, l.IMAPSAddr(), client.DialOptions{
		Security: client.StartTLS, TLS: l.trusted(),
		Options: client.Options{GreetingTimeout: time.Second},
	})
	if !errors.Is(err, client.ErrNoGreeting) {
		t.Errorf("STARTTLS to the TLS port: %v, want ErrNoGreeting", err)
	}
}
