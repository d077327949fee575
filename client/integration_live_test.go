package client_test

// Integration tests against real Dovecot, Cyrus and Courier: live updates and
// transport (IDLE, COMPRESS, PREAUTH).
// Shared helpers and fixtures are in integration_common_test.go.

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"testing"
	"time"

	"imapsh/client"
)

func testIdle(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	other := l.user(t, "alice")
	name := l.box("T-idle")
	labMust(t)(c.Create(t.Context(), name))
	labMust(t)(c.Select(t.Context(), name, client.SelectOptions{}))

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exists := make(chan uint32, 16)
	type outcome struct {
		res *client.Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := c.Idle(ctx, func(r client.Response) {
			if n, ok := r.(*client.NumberData); ok && n.Name == "EXISTS" {
				exists <- n.N
			}
		})
		done <- outcome{res, err}
	}()
	msg := fixtureMessages()[0]
	deadline := time.After(15 * time.Second)
	got := uint32(0)
	for got == 0 {
		labMust(t)(other.Append(t.Context(), name, labAppendMsg(msg)))
		select {
		case got = <-exists:
		case <-time.After(2 * time.Second): // appended before IDLE started? try again
		case <-deadline:
			t.Fatal("no EXISTS during IDLE after APPEND from a second connection")
		}
	}
	cancel()
	select {
	case o := <-done:
		if o.err != nil || !o.res.OK() {
			t.Fatalf("IDLE ended with %v %+v", o.err, o.res)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("IDLE did not end after cancel (DONE not sent or not answered)")
	}
	labMust(t)(c.Noop(t.Context()))
	if c.Mailbox().Exists < got {
		t.Errorf("Mailbox().Exists = %d, IDLE reported %d", c.Mailbox().Exists, got)
	}
}

func testCompress(t *testing.T, l *lab) {
	var trace bytes.Buffer
	c, err := l.dial(t, client.ImplicitTLS, l.trusted(), client.Options{Trace: client.TextTrace(&trace)})
	if err != nil {
		t.Fatal(err)
	}
	labMust(t)(c.Login(t.Context(), "alice", l.Users["alice"]))
	if l.lacks("COMPRESS=DEFLATE") {
		_, err := c.Compress(t.Context())
		labRefused(t, err, "COMPRESS=DEFLATE")
		labMust(t)(c.Noop(t.Context()))
		return
	}
	labMust(t)(c.Compress(t.Context()))
	if !c.Compressed() || !c.Resumable().Compress {
		t.Error("Compressed() is false after COMPRESS")
	}
	labMust(t)(c.Noop(t.Context()))
	if got := labListNames(t, labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{}))); !slices.Contains(got, "INBOX") {
		t.Errorf("LIST over DEFLATE: %q", got)
	}
	labMust(t)(c.Select(t.Context(), "INBOX", client.SelectOptions{ReadOnly: true}))
	labMust(t)(c.Logout(t.Context()))
	if !regexp.MustCompile(`(?m)^C: A\d+ NOOP$`).MatchString(trace.String()) {
		t.Errorf("trace does not show the uncompressed protocol:\n%s", trace.String())
	}
}
