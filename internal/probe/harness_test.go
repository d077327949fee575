package probe

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// session starts a client on a transcript (client/clienttest) with a
// recorder on its trace, inside a run ready for checks. The transcript's
// first line is the greeting.
func session(t *testing.T, transcript string, opts Options) *run {
	t.Helper()
	conn := clienttest.Serve(t, transcript)
	rec := NewRecorder()
	c, err := client.New(conn, &client.Options{Trace: rec, AllowPlaintextAuth: true, CommandTimeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("greeting: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	if opts.CheckTimeout == 0 {
		opts.CheckTimeout = 5 * time.Second
	}
	if opts.Suffix == "" {
		opts.Suffix = "t"
	}
	r := newRun(opts, "test")
	r.conn = &Conn{Client: c, Wire: rec}
	r.facts.caps = func() []string { return r.conn.Client.Caps() }
	return r
}

// runChecks runs checks by ID, as the probe would but without the
// conditions of skip (the transcript decides what the server offers).
func runChecks(t *testing.T, r *run, ids ...string) {
	t.Helper()
	for _, id := range ids {
		chk := checkByID(id)
		if chk == nil {
			t.Fatalf("no check %q", id)
		}
		r.check = id
		if err := chk.Run(context.Background(), r); err != nil {
			t.Fatalf("check %s: %v", id, err)
		}
	}
}

// mustDo runs a client call outside the exchange (test set-up).
func mustDo(t *testing.T, res *client.Result, err error) {
	t.Helper()
	if err != nil || !res.OK() {
		t.Fatalf("set-up: %v %v", res, err)
	}
}

// findings returns the deviations a detector found in the run's steps.
func findings(r *run, id string) []Deviation {
	var out []Deviation
	for _, d := range detect(r.steps) {
		if d.ID == id {
			out = append(out, d)
		}
	}
	return out
}

// detectorByID returns a detector of the list, or nil.
func detectorByID(id string) *Detector {
	for _, d := range detectors {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// literal formats bytes a client sends as a literal as C: lines, the
// last one continued by rest (what follows the literal on its line).
func literal(data []byte, rest string) string {
	lines := strings.Split(string(data), "\r\n")
	lines[len(lines)-1] += rest
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "C: %s\n", l)
	}
	return b.String()
}

// preauth is a greeting that logs the session in with capabilities.
func preauth(caps string) string {
	return "S: * PREAUTH [CAPABILITY IMAP4rev1 " + caps + "] ready\n"
}
