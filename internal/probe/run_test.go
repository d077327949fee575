package probe

import (
	"context"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// TestHangingCheck: a server that never answers one check costs that
// check its time limit; the probe goes on with the next one on a new
// connection.
func TestHangingCheck(t *testing.T) {
	defer func(g time.Duration) { stopGrace = g }(stopGrace)
	stopGrace = 50 * time.Millisecond
	r := session(t, preauth("ID NAMESPACE")+"C: A1 ID NIL\n!eof\n", Options{CheckTimeout: 100 * time.Millisecond})
	r.dial = func(ctx context.Context) (*Conn, error) {
		conn := clienttest.Serve(t, preauth("ID NAMESPACE")+"C: A1 NAMESPACE\nS: * NAMESPACE ((\"\" \"/\")) NIL NIL\nS: A1 OK done\n")
		rec := NewRecorder()
		c, err := client.New(conn, &client.Options{Trace: rec})
		return &Conn{Client: c, Wire: rec}, err
	}
	res := r.runCheck(context.Background(), checkByID("id"))
	if res.Status != CheckTimeout || !strings.Contains(res.Reason, "100ms") {
		t.Fatalf("hanging check: %+v", res)
	}
	res = r.runCheck(context.Background(), checkByID("namespace"))
	if res.Status != CheckRan || r.facts.delim != "/" {
		t.Fatalf("next check: %+v, delimiter %q", res, r.facts.delim)
	}
	if len(r.report.Notes) == 0 || !strings.Contains(r.report.Notes[0], "new one") {
		t.Errorf("notes %q", r.report.Notes)
	}
	r.conn.Client.Close()
}

// TestLostConnectionSkipsTheRest: on the shell's connection (no way to
// open another) the checks after a lost connection are skipped, saying so.
func TestLostConnectionSkipsTheRest(t *testing.T) {
	r := session(t, preauth("ID NAMESPACE")+"C: A1 ID NIL\n!close\n", Options{})
	if res := r.runCheck(context.Background(), checkByID("id")); res.Status != CheckError {
		t.Fatalf("id: %+v", res)
	}
	if res := r.runCheck(context.Background(), checkByID("namespace")); res.Status != CheckSkipped || res.Reason != "the connection was lost" {
		t.Fatalf("namespace: %+v", res)
	}
}

// TestSkipReasons: the conditions a check needs, in the words the report uses.
func TestSkipReasons(t *testing.T) {
	r := session(t, preauth("IDLE"), Options{})
	tests := []struct {
		chk  *Check
		want string
	}{
		{&Check{ID: "w", Write: true}, "needs --probe-write"},
		{&Check{ID: "c", Caps: []string{"COMPRESS=DEFLATE"}}, "not announced"},
		{&Check{ID: "o", OwnConn: true}, "needs a connection of its own (it cannot be undone); imapsh --probe runs it"},
		{&Check{ID: "i", Caps: []string{"IDLE"}}, ""},
	}
	for _, tt := range tests {
		if got := r.skip(context.Background(), tt.chk); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.chk.ID, got, tt.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := r.skip(ctx, &Check{ID: "x"}); got != "interrupted" {
		t.Errorf("cancelled: %q", got)
	}
}

// TestCheckList: IDs are unique and lower case, every check is complete.
func TestCheckList(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range checks {
		if seen[c.ID] || c.ID != strings.ToLower(c.ID) || c.Title == "" || c.Run == nil {
			t.Errorf("check %q: duplicate, not lower case, or incomplete", c.ID)
		}
		seen[c.ID] = true
	}
}
