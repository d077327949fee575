package repl

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// shellOverTranscript runs script lines with \pipeline on against a
// transcript server whose lines after the greeting are wire, and returns
// the client's wire order (C:/S: lines as written and read) and stdout.
func shellOverTranscript(t *testing.T, lines []string, wire string) (order, stdout string) {
	t.Helper()
	conn := clienttest.Serve(t, "S: * PREAUTH ready\n"+wire)
	trace := &lockedBuffer{}
	tap := NewWireTap(client.TextTrace(trace))
	c, err := client.New(conn, &client.Options{Trace: tap, CommandTimeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	out := &lockedBuffer{}
	s := NewSession(Config{Stdout: out, Stderr: out, Tap: tap, Pipeline: true, ContinueOnError: true}, c, &Target{})
	s.Run(context.Background(), &scripted{lines: lines})
	got := strings.SplitN(trace.String(), "\n", 2)[1] // without the greeting
	return got, out.String()
}

// TestPipelineOrderThroughShell is the shell's side of RFC 9051 section
// 5.5 against a transcript server: which lines go out before earlier
// answers, and that the results come out in the order of the lines.
func TestPipelineOrderThroughShell(t *testing.T) {
	cases := []struct {
		name     string
		lines    []string
		wire     string
		inOutput []string // in this order
	}{
		{"uid stores go out together, a NO in the middle, a sequence-number fetch waits, select runs alone",
			[]string{"select INBOX", `uid store 1 +flags \Flagged`, `uid store 2 +flags \Flagged`, `uid store 3 +flags \Flagged`,
				"fetch 1 (FLAGS)", "search ALL", "select Archive", "noop"}, `C: A1 SELECT INBOX
S: * 3 EXISTS
S: A1 OK [READ-WRITE] selected
C: A2 UID STORE 1 +flags \Flagged
C: A3 UID STORE 2 +flags \Flagged
C: A4 UID STORE 3 +flags \Flagged
S: * 1 FETCH (UID 1 FLAGS (\Flagged))
S: A2 OK stored one
S: A3 NO [CANNOT] not two
S: * 3 FETCH (UID 3 FLAGS (\Flagged))
S: A4 OK stored three
C: A5 FETCH 1 (FLAGS)
C: A6 SEARCH ALL
S: * 1 FETCH (FLAGS (\Flagged))
S: A5 OK fetched
S: * SEARCH 1 2 3
S: A6 OK searched
C: A7 SELECT Archive
S: * 0 EXISTS
S: A7 OK [READ-WRITE] selected
C: A8 NOOP
S: A8 OK nothing
C: A9 LOGOUT
S: * BYE bye
S: A9 OK bye
`, []string{"stored one", "NO [CANNOT] not two", "stored three", "fetched", "SEARCH 1:3", "Archive  0 messages", "nothing"}},
		{"a line that cannot be pipelined shows what is in flight first",
			[]string{"select INBOX", "uid fetch 5 (FLAGS)", `\echo between`, "uid fetch 6 (FLAGS)"}, `C: A1 SELECT INBOX
S: A1 OK [READ-WRITE] selected
C: A2 UID FETCH 5 (FLAGS)
S: A2 OK five
C: A3 UID FETCH 6 (FLAGS)
S: A3 OK six
C: A4 LOGOUT
S: * BYE bye
S: A4 OK bye
`, []string{"five", "between", "six"}},
		{"at most 128 commands are in flight", windowLines(130), windowWire(130), []string{"stored 1 ", "stored 129 ", "stored 130 "}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			order, out := shellOverTranscript(t, tc.lines, tc.wire)
			if order != tc.wire {
				t.Errorf("wire order:\n%s\nwant:\n%s", order, tc.wire)
			}
			rest := out
			for _, want := range tc.inOutput {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("output lacks %q after the earlier results:\n%s", want, out)
				}
				rest = rest[i+len(want):]
			}
		})
	}
}

// windowLines is select INBOX and n uid stores.
func windowLines(n int) []string {
	lines := []string{"select INBOX"}
	for i := 1; i <= n; i++ {
		lines = append(lines, fmt.Sprintf(`uid store %d +flags \Seen`, i))
	}
	return lines
}

// windowWire is what windowLines must do: 128 stores go out, then each
// further one only after the oldest answer has been read.
func windowWire(n int) string {
	const window = 128 // as documented in \pipeline's help
	var b strings.Builder
	b.WriteString("C: A1 SELECT INBOX\nS: A1 OK [READ-WRITE] selected\n")
	store := func(i int) { fmt.Fprintf(&b, "C: A%d UID STORE %d +flags \\Seen\n", i+1, i) }
	answer := func(i int) { fmt.Fprintf(&b, "S: A%d OK stored %d \n", i+1, i) }
	for i := 1; i <= window; i++ {
		store(i)
	}
	for i := window + 1; i <= n; i++ {
		answer(i - window)
		store(i)
	}
	for i := n - window + 1; i <= n; i++ {
		answer(i)
	}
	fmt.Fprintf(&b, "C: A%d LOGOUT\nS: * BYE bye\nS: A%d OK bye\n", n+2, n+2)
	return b.String()
}
