package client

import (
	"context"
	"errors"
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
