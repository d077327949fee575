package main

import (
	"slices"
	"testing"
)

// TestWithBaseline: with -baseline, each imapsh contender is followed by
// the same run of the other build; the other contenders are not copied.
func TestWithBaseline(t *testing.T) {
	s := &setup{cfg: config{User: "alice", Mailbox: "INBOX"}, imapsh: "/new/imapsh", spawner: "/spawn"}
	cs := []contender{s.phase("drain", "raw drain", "drain", nil), s.shell("json", "imapsh --json", toDevNull, []string{"--json"}, "noop")}
	if got := s.withBaseline(cs); len(got) != 2 {
		t.Fatalf("without -baseline: %d contenders, want 2", len(got))
	}
	s.baseline = "/old/imapsh"
	got := s.withBaseline(cs)
	var ids []string
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	if !slices.Equal(ids, []string{"drain", "json", "json-baseline"}) {
		t.Fatalf("contenders %v", ids)
	}
	tr := transport{Name: "plain", Addr: "127.0.0.1:10143", Security: "plain"}
	newArgv, oldArgv := got[1].proc(tr).Argv, got[2].proc(tr).Argv
	if newArgv[0] != "/new/imapsh" || oldArgv[0] != "/old/imapsh" || !slices.Equal(newArgv[1:], oldArgv[1:]) {
		t.Errorf("argv %q and %q", newArgv, oldArgv)
	}
	if got[2].Label != "imapsh --json (baseline)" {
		t.Errorf("label %q", got[2].Label)
	}
}
