package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// pipeClient connects to a transcript; a client that waits where the
// transcript has it write ahead fails within the command timeout.
func pipeClient(t *testing.T, transcript string) (*client.Client, *lockedBuffer) {
	t.Helper()
	trace := &lockedBuffer{}
	conn := clienttest.Serve(t, transcript)
	c, err := client.New(conn, &client.Options{Trace: client.TextTrace(trace), CommandTimeout: 3 * time.Second})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, trace
}

// wireOrder is the trace without the greeting: C:/S: lines in the order
// the client wrote and read them (the empty line end after a literal left
// out, as a transcript writes it).
func wireOrder(trace string) string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(trace), "\n")[1:] {
		if l != "C: " {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func startAll(t *testing.T, c *client.Client, cmds ...string) []*client.Pending {
	t.Helper()
	var ps []*client.Pending
	for _, line := range cmds {
		name, args := splitCommand(line)
		p, err := c.Start(context.Background(), name, args)
		if err != nil {
			t.Fatalf("Start %s: %v", line, err)
		}
		ps = append(ps, p)
	}
	return ps
}

// splitCommand splits "UID STORE 1 +FLAGS x" into name and arguments.
func splitCommand(line string) (string, string) {
	words := strings.SplitN(line, " ", 3)
	if strings.EqualFold(words[0], "UID") && len(words) > 1 {
		rest := ""
		if len(words) == 3 {
			rest = words[2]
		}
		return words[0] + " " + words[1], rest
	}
	name, args, _ := strings.Cut(line, " ")
	return name, args
}

// TestPipelineWritesAheadAndMatchesTags: three commands go out before any
// answer; answers arriving out of order complete the right commands, the
// untagged data goes to the oldest command in flight, and a NO in the
// middle leaves the others intact.
func TestPipelineWritesAheadAndMatchesTags(t *testing.T) {
	c, trace := pipeClient(t, `S: * OK ready
C: A1 UID STORE 7 +FLAGS (\Flagged)
C: A2 UID STORE 8 +FLAGS (\Flagged)
C: A3 UID STORE 9 +FLAGS (\Flagged)
S: * 2 FETCH (UID 8 FLAGS (\Flagged))
S: A2 NO [CANNOT] not today
S: * 1 FETCH (UID 7 FLAGS (\Flagged))
S: A1 OK done 1
S: * 3 FETCH (UID 9 FLAGS (\Flagged))
S: A3 OK done 3
C: A4 NOOP
S: A4 OK still in sync
`)
	ps := startAll(t, c, `UID STORE 7 +FLAGS (\Flagged)`, `UID STORE 8 +FLAGS (\Flagged)`, `UID STORE 9 +FLAGS (\Flagged)`)
	eq(t, "in flight", c.InFlight(), 3)
	res3 := must(t)(ps[2].Wait()) // read all three answers
	eq(t, "A3 tag", res3.Tag, "A3")
	eq(t, "A3 FETCHes", res3.Count("FETCH"), 1)
	res1 := must(t)(ps[0].Wait())
	eq(t, "A1 text", res1.Status.Text, "done 1")
	eq(t, "A1 FETCHes (its own and A2's, which came while A1 was oldest)", res1.Count("FETCH"), 2)
	res2, err := ps[1].Wait()
	serverError(t, err, "NO", "CANNOT")
	eq(t, "A2 FETCHes", res2.Count("FETCH"), 0)
	if again, err2 := ps[1].Wait(); again != res2 || err2 != err {
		t.Errorf("second Wait differs: %v %v", again, err2)
	}
	eq(t, "in flight", c.InFlight(), 0)
	must(t)(c.Noop(context.Background()))
	if !strings.Contains(wireOrder(trace.String()), "C: A3 UID STORE 9 +FLAGS (\\Flagged)\nS: * 2 FETCH") {
		t.Errorf("commands were not all written before the first answer:\n%s", trace)
	}
}

// TestPipelineOrderingRules is RFC 9051 section 5.5 as a table: the wire
// order shows which commands went out before earlier answers arrived.
// Each C:/S: line is what the client must write and then read, in that
// order; the transcript server plays the same lines.
func TestPipelineOrderingRules(t *testing.T) {
	cases := []struct {
		name string
		caps string
		cmds []string
		wire string
	}{
		{"FETCH + STORE + SEARCH + NOOP is valid", "", []string{"FETCH 1 (FLAGS)", `STORE 2 +FLAGS (\Seen)`, "SEARCH UNSEEN", "NOOP"}, `
C: A1 FETCH 1 (FLAGS)
C: A2 STORE 2 +FLAGS (\Seen)
C: A3 SEARCH UNSEEN
C: A4 NOOP
S: A1 OK
S: A2 OK
S: A3 OK
S: A4 OK`},
		{"FETCH + NOOP + STORE: the STORE waits", "", []string{"FETCH 1 (FLAGS)", "NOOP", `STORE 2 +FLAGS (\Seen)`}, `
C: A1 FETCH 1 (FLAGS)
C: A2 NOOP
S: A1 OK
S: A2 OK
C: A3 STORE 2 +FLAGS (\Seen)
S: A3 OK`},
		{"STORE + COPY + EXPUNGE is valid", "", []string{`STORE 1 +FLAGS (\Deleted)`, "COPY 1 Trash", "EXPUNGE"}, `
C: A1 STORE 1 +FLAGS (\Deleted)
C: A2 COPY 1 Trash
C: A3 EXPUNGE
S: A1 OK
S: A2 OK
S: A3 OK`},
		{"STORE + COPY + FETCH: the FETCH waits", "", []string{`STORE 1 +FLAGS (\Seen)`, "COPY 1 Trash", "FETCH 1 (FLAGS)"}, `
C: A1 STORE 1 +FLAGS (\Seen)
C: A2 COPY 1 Trash
S: A1 OK
S: A2 OK
C: A3 FETCH 1 (FLAGS)
S: A3 OK`},
		{"COPY + COPY: the second waits", "", []string{"COPY 1 Trash", "COPY 2 Trash"}, `
C: A1 COPY 1 Trash
S: A1 OK
C: A2 COPY 2 Trash
S: A2 OK`},
		{"UID STORE after UID STORE is valid", "", []string{`UID STORE 10 +FLAGS (\Flagged)`, `UID STORE 11 +FLAGS (\Flagged)`, "UID COPY 10:11 Trash", "UID FETCH 10 (FLAGS)"}, `
C: A1 UID STORE 10 +FLAGS (\Flagged)
C: A2 UID STORE 11 +FLAGS (\Flagged)
C: A3 UID COPY 10:11 Trash
C: A4 UID FETCH 10 (FLAGS)
S: A1 OK
S: A2 OK
S: A3 OK
S: A4 OK`},
		{"UID FETCH + FETCH: the FETCH waits (EXPUNGE may come during UID FETCH)", "", []string{"UID FETCH 10 (FLAGS)", "FETCH 1 (FLAGS)"}, `
C: A1 UID FETCH 10 (FLAGS)
S: * 1 EXPUNGE
S: A1 OK
C: A2 FETCH 1 (FLAGS)
S: A2 OK`},
		{"UID SEARCH + UID SEARCH by UID is valid", "", []string{"UID SEARCH UID 1:5", "UID SEARCH RETURN (PARTIAL 1:10) LARGER 100"}, `
C: A1 UID SEARCH UID 1:5
C: A2 UID SEARCH RETURN (PARTIAL 1:10) LARGER 100
S: A1 OK
S: A2 OK`},
		{"UID SEARCH + UID SEARCH by sequence number: the second waits", "", []string{"UID SEARCH ALL", "UID SEARCH NOT 1:5"}, `
C: A1 UID SEARCH ALL
S: A1 OK
C: A2 UID SEARCH NOT 1:5
S: A2 OK`},
		{"SELECT waits for what is in flight, and what follows waits for it", "", []string{"NOOP", "SELECT Archive", "UID FETCH 1 (FLAGS)"}, `
C: A1 NOOP
S: A1 OK
C: A2 SELECT Archive
S: A2 OK [READ-WRITE] selected
C: A3 UID FETCH 1 (FLAGS)
S: A3 OK`},
		{"an unknown command runs alone", "", []string{"NOOP", "XFROB 1", "NOOP"}, `
C: A1 NOOP
S: A1 OK
C: A2 XFROB 1
S: A2 OK
C: A3 NOOP
S: A3 OK`},
		{"a synchronizing literal waits, and negotiates its continuation first", "", []string{"NOOP", `APPEND Drafts "caf` + "\u00e9" + `"`, "NOOP"}, `
C: A1 NOOP
S: A1 OK
C: A2 APPEND Drafts {5}
S: + go
C: café
C: A3 NOOP
S: A2 OK
S: A3 OK`},
		{"a LITERAL+ literal does not wait", "LITERAL+", []string{"NOOP", `APPEND Drafts "caf` + "\u00e9" + `"`}, `
C: A1 NOOP
C: A2 APPEND Drafts {5+}
C: café
S: A1 OK
S: A2 OK`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			greeting := "S: * OK ready\n"
			if tc.caps != "" {
				greeting = "S: * OK [CAPABILITY IMAP4rev1 " + tc.caps + "] ready\n"
			}
			want := strings.TrimSpace(tc.wire)
			c, trace := pipeClient(t, greeting+want+"\n")
			for _, p := range startAll(t, c, tc.cmds...) {
				if _, err := p.Wait(); err != nil {
					t.Fatalf("Wait %s: %v", p.Tag(), err)
				}
			}
			if got := wireOrder(trace.String()); got != want {
				t.Errorf("wire order:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestDeferTypedMethods: Defer pipelines a typed method with its own wire
// bytes, runs a state change in lockstep with its bookkeeping, and reports
// a command refused before sending as an error.
func TestDeferTypedMethods(t *testing.T) {
	c, trace := pipeClient(t, `S: * PREAUTH [CAPABILITY IMAP4rev1 MOVE] ready
C: A1 SELECT INBOX
S: * 3 EXISTS
S: A1 OK [READ-WRITE] selected
C: A2 UID STORE 5 +FLAGS (\Seen)
C: A3 UID MOVE 5 "Sent Items"
S: * 1 FETCH (UID 5 FLAGS (\Seen))
S: A2 OK stored
S: * 1 EXPUNGE
S: A3 OK moved
C: A4 CLOSE
S: A4 OK closed
`)
	ctx := context.Background()
	sel, err := c.Defer(ctx, func(ctx context.Context) (*client.Result, error) {
		return c.Select(ctx, "INBOX", client.SelectOptions{})
	})
	if err != nil {
		t.Fatal(err)
	}
	must(t)(sel.Wait())
	if m := c.Mailbox(); m == nil || m.Exists != 3 {
		t.Fatalf("SELECT under Defer did not update the mailbox: %+v", m)
	}
	store, err := c.Defer(ctx, func(ctx context.Context) (*client.Result, error) {
		return c.Store(ctx, "5", "+FLAGS", `(\Seen)`, client.StoreOptions{UID: true})
	})
	if err != nil {
		t.Fatal(err)
	}
	move, err := c.Defer(ctx, func(ctx context.Context) (*client.Result, error) {
		return c.Move(ctx, "5", "Sent Items", true)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Defer(ctx, func(ctx context.Context) (*client.Result, error) {
		return c.Fetch(ctx, "1:x", "FLAGS", client.FetchOptions{})
	}); !errors.Is(err, client.ErrBadSet) {
		t.Errorf("bad set: err = %v, want ErrBadSet", err)
	}
	eq(t, "in flight", c.InFlight(), 2)
	eq(t, "STORE FETCHes", must(t)(store.Wait()).Count("FETCH"), 1)
	eq(t, "MOVE EXPUNGEs", must(t)(move.Wait()).Count("EXPUNGE"), 1)
	eq(t, "exists after MOVE", c.Mailbox().Exists, uint32(2))
	must(t)(c.CloseMailbox(ctx))
	if !strings.Contains(trace.String(), "C: A3 UID MOVE 5 \"Sent Items\"\nS: * 1 FETCH") {
		t.Errorf("MOVE was not written before the STORE's answer:\n%s", trace)
	}
}

// TestLockstepAfterPipelinedUIDCommand: a plain method call that uses
// sequence numbers first reads the answer of a pipelined UID command.
func TestLockstepAfterPipelinedUIDCommand(t *testing.T) {
	c, trace := pipeClient(t, `S: * PREAUTH ready
C: A1 SELECT INBOX
S: A1 OK selected
C: A2 UID FETCH 9 (FLAGS)
S: * 4 EXPUNGE
S: A2 OK
C: A3 FETCH 4 (FLAGS)
S: A3 OK
`)
	must(t)(c.Select(context.Background(), "INBOX", client.SelectOptions{}))
	ps := startAll(t, c, "UID FETCH 9 (FLAGS)")
	must(t)(c.Fetch(context.Background(), "4", "(FLAGS)", client.FetchOptions{}))
	eq(t, "UID FETCH EXPUNGEs", must(t)(ps[0].Wait()).Count("EXPUNGE"), 1)
	want := "C: A1 SELECT INBOX\nS: A1 OK selected\nC: A2 UID FETCH 9 (FLAGS)\nS: * 4 EXPUNGE\nS: A2 OK\nC: A3 FETCH 4 (FLAGS)\nS: A3 OK"
	if got := wireOrder(trace.String()); got != want {
		t.Errorf("wire order:\n%s\nwant:\n%s", got, want)
	}
}

// TestPipelineConnectionLoss: when the server goes away, every pending
// command reports the loss instead of hanging.
func TestPipelineConnectionLoss(t *testing.T) {
	c, _ := pipeClient(t, `S: * OK ready
C: A1 NOOP
C: A2 NOOP
S: A1 OK
!close
`)
	ps := startAll(t, c, "NOOP", "NOOP")
	must(t)(ps[0].Wait())
	if _, err := ps[1].Wait(); !errors.Is(err, client.ErrClosed) {
		t.Errorf("A2: err = %v, want ErrClosed", err)
	}
}
