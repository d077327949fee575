package repl

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"imapsh/client"
)

// idleServer answers IDLE with "+ idling" and a new message, and DONE
// with the tagged OK, as often as it is asked; it counts the IDLEs.
func idleServer(t *testing.T, conn net.Conn, rounds *atomic.Int32) {
	defer conn.Close()
	fmt.Fprint(conn, "* PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready\r\n")
	r := bufio.NewReader(conn)
	tag := ""
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		fields := strings.Fields(line)
		switch {
		case len(fields) == 2 && fields[1] == "IDLE":
			tag = fields[0]
			n := rounds.Add(1)
			fmt.Fprintf(conn, "+ idling\r\n* %d EXISTS\r\n", n)
		case len(fields) == 1 && fields[0] == "DONE":
			fmt.Fprintf(conn, "%s OK IDLE terminated\r\n", tag)
		case len(fields) >= 2:
			fmt.Fprintf(conn, "%s OK done\r\n", fields[0])
		}
	}
}

func newIdleShell(t *testing.T) (*fakeShell, *atomic.Int32) {
	t.Helper()
	ours, theirs := net.Pipe()
	rounds := &atomic.Int32{}
	go idleServer(t, theirs, rounds)
	c, err := client.New(ours, &client.Options{CommandTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	sh := &fakeShell{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, trace: &lockedBuffer{}}
	sh.sess = NewSession(Config{Stdout: sh.stdout, Stderr: sh.stderr}, c, &Target{})
	return sh, rounds
}

// TestIdleForADuration: "idle DURATION" ends by itself with DONE and the
// script goes on; the updates that came are shown.
func TestIdleForADuration(t *testing.T) {
	sh, rounds := newIdleShell(t)
	if code := sh.sess.Run(context.Background(), &scripted{lines: []string{"idle 200ms", `\echo after`}}); code != 0 {
		t.Fatalf("exit %d\nstderr: %s", code, sh.stderr)
	}
	out := sh.stdout.String()
	if rounds.Load() != 1 || !strings.Contains(out, "EXISTS 1") || !strings.Contains(out, "after") {
		t.Errorf("%d IDLE commands, stdout:\n%s", rounds.Load(), out)
	}
}

// TestIdleDurationChecked: a wrong DURATION is a usage error, nothing is sent.
func TestIdleDurationChecked(t *testing.T) {
	sh, rounds := newIdleShell(t)
	sh.sess.Run(context.Background(), &scripted{lines: []string{"idle soon"}})
	if rounds.Load() != 0 || !strings.Contains(sh.stderr.String(), "not a duration") {
		t.Errorf("%d IDLEs, stderr: %s", rounds.Load(), sh.stderr)
	}
}
