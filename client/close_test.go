package client

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"imapsh/client/clienttest"
)

// TestCloseFromAnotherGoroutine: Close may interrupt a command that waits
// for the server (run with -race); the command ends with ErrClosed.
func TestCloseFromAnotherGoroutine(t *testing.T) {
	conn := clienttest.Serve(t, "S: * OK ready\nC: A1 NOOP\n!sleep 300ms\n!close\n")
	c, err := New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(50 * time.Millisecond)
		c.Close()
	}()
	if _, err := c.Noop(context.Background()); !errors.Is(err, ErrClosed) {
		t.Errorf("Noop after a concurrent Close: %v, want ErrClosed", err)
	}
	if c.State() != StateLogout {
		t.Errorf("state %v after Close, want logout", c.State())
	}
}

// TestCancelledCommandWaitsForTheAnswer: after Ctrl-C (the context ends)
// IMAP has no cancel, so the client reads on to the tagged answer however
// long the server takes (issue 11, defect 7: no grace timer of its own),
// keeps none of the data that came after the cancel, and the connection
// stays in sync for the next command.
func TestCancelledCommandWaitsForTheAnswer(t *testing.T) {
	conn := clienttest.Serve(t, "S: * OK ready\nC: A1 SEARCH BODY x\n!sleep 300ms\n"+
		"S: * SEARCH 1 2 3\nS: A1 OK done\nC: A2 NOOP\nS: A2 OK noop\n")
	c, err := New(conn, &Options{CommandTimeout: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	c.state = StateSelected
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	res, err := c.Search(ctx, "BODY x", SearchOptions{})
	if err != nil || !res.OK() {
		t.Fatalf("cancelled SEARCH: %v, %+v; want its OK, read after the cancel", err, res)
	}
	if len(res.Responses) != 0 {
		t.Errorf("cancelled SEARCH kept %d responses, want none", len(res.Responses))
	}
	if res, err := c.Noop(context.Background()); err != nil || !res.OK() {
		t.Errorf("NOOP after the cancelled SEARCH: %v, %+v", err, res)
	}
}

// TestCancelledCommandKeepsTheTimeout: the command timeout still bounds a
// cancelled command whose server stays silent.
func TestCancelledCommandKeepsTheTimeout(t *testing.T) {
	conn := clienttest.Serve(t, "S: * OK ready\nC: A1 NOOP\n!sleep 2s\n!close\n")
	c, err := New(conn, &Options{CommandTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	_, err = c.Noop(ctx)
	if err == nil || !strings.Contains(err.Error(), "timeout") {
		t.Fatalf("Noop on a silent server after cancel: %v, want the command timeout", err)
	}
}

// TestUnsolicitedEnabledIgnored: ENABLED counts only as the answer to
// ENABLE (RFC 5161); one slipped into another command changes nothing.
func TestUnsolicitedEnabledIgnored(t *testing.T) {
	conn := clienttest.Serve(t, "S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE UTF8=ACCEPT] hi\n"+
		"C: A1 NOOP\nS: * ENABLED UTF8=ACCEPT\nS: A1 OK\n"+
		"C: A2 ENABLE CONDSTORE\nS: * ENABLED CONDSTORE\nS: A2 OK\n")
	c, err := New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if _, err := c.Noop(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Enable(ctx, "CONDSTORE"); err != nil {
		t.Fatal(err)
	}
	if c.Enabled("UTF8=ACCEPT") || !c.Enabled("CONDSTORE") {
		t.Errorf("enabled: UTF8=ACCEPT %v (want false), CONDSTORE %v (want true)", c.Enabled("UTF8=ACCEPT"), c.Enabled("CONDSTORE"))
	}
}

// TestStreamGreetingTimeout: a command that never greets (DialCommand,
// like --stream) times out instead of hanging.
func TestStreamGreetingTimeout(t *testing.T) {
	_, err := DialCommand(context.Background(), []string{"sleep", "30"}, nil, &Options{GreetingTimeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrNoGreeting) || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("DialCommand(sleep) = %v, want a time-out", err)
	}
}
