package repl

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"imapsh/client"
)

// listCounter counts the LIST commands the client sends.
type listCounter struct {
	mu sync.Mutex
	n  int
}

func (l *listCounter) Trace(e client.TraceEvent) {
	if e.Dir == client.FromClient && strings.Contains(string(e.AppendText(nil, "***")), " LIST ") {
		l.mu.Lock()
		l.n++
		l.mu.Unlock()
	}
}

func (l *listCounter) count() int { l.mu.Lock(); defer l.mu.Unlock(); return l.n }

// tabHarness is a session whose client counts its LISTs, and a line source
// that presses Tab on line (completing it) before handing out line i.
func tabHarness(t *testing.T) (*harness, *listCounter) {
	t.Helper()
	lists := &listCounter{}
	h := newHarness(t, func(c *Config) { c.Tap.setTracing(true, nil); c.Tap.sink = lists })
	return h, lists
}

// tab completes line with the session's completer, as readline does.
func tab(h *harness, line string) []string {
	got, _ := h.sess.Completer().Do([]rune(line), len([]rune(line)))
	var out []string
	for _, g := range got {
		out = append(out, string(g))
	}
	return out
}

// TestCompletionListsOnFirstTab: the first Tab that needs mailbox names
// at the prompt runs one LIST; later Tabs use the cache; \expect match
// still sees the command before the Tab.
func TestCompletionListsOnFirstTab(t *testing.T) {
	h, lists := tabHarness(t)
	var first, second []string
	src := &scripted{interactive: true, lines: []string{"login demo demo", "noop", `\expect match NOOP completed`, "noop"}}
	src.before = func(i int) {
		switch i {
		case 2:
			first = tab(h, "select Arc")
		case 3:
			second = tab(h, "select Dra")
		}
	}
	h.sess.Run(context.Background(), src)
	if strings.Join(first, "|") != "hive |hive/2024 " || strings.Join(second, "|") != "fts " {
		t.Errorf("first Tab %q, second %q", first, second)
	}
	if n := lists.count(); n != 1 {
		t.Errorf("%d LIST commands, want 1", n)
	}
	if e := h.stderr.String(); strings.Contains(e, "error") || strings.Contains(e, "LIST") {
		t.Errorf("stderr: %s", e)
	}
}

// TestCompletionListsOnlyAtThePrompt: no LIST from a Tab outside the
// prompt (a script, a command running), before login, or after a LIST
// the user typed.
func TestCompletionListsOnlyAtThePrompt(t *testing.T) {
	tests := []struct {
		name        string
		interactive bool
		lines       []string
		tabAt       int
		lists       int // LIST commands in all
	}{
		{"script", false, []string{"login demo demo", "noop"}, 1, 0},
		{"not logged in", true, []string{"noop", "noop"}, 1, 0},
		{"after a typed list", true, []string{"login demo demo", "list", "noop"}, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, lists := tabHarness(t)
			src := &scripted{interactive: tt.interactive, lines: tt.lines}
			src.before = func(i int) {
				if i == tt.tabAt {
					tab(h, "select Arc")
				}
			}
			h.sess.Run(context.Background(), src)
			if n := lists.count(); n != tt.lists {
				t.Errorf("%d LIST commands, want %d", n, tt.lists)
			}
		})
	}
}

// TestCompletionListWhileCommandRuns: the gate is closed while a command
// runs, so a Tab then (readline cannot send one, but the rule holds)
// lists nothing.
func TestCompletionListWhileCommandRuns(t *testing.T) {
	h, lists := tabHarness(t)
	h.run("login demo demo")
	h.sess.cache.listed = false
	h.sess.listForCompletion()
	if n := lists.count(); n != 0 {
		t.Errorf("%d LIST commands with the gate closed", n)
	}
}

// TestCompletionListAfterReconnect: names belong to a connection; a new
// one lists again on the first Tab.
func TestCompletionListAfterReconnect(t *testing.T) {
	h, lists := tabHarness(t)
	src := &scripted{interactive: true, lines: []string{"login demo demo", "noop", `\connect imap://demo@` + h.srv.Addr, "noop"}}
	src.before = func(i int) {
		if i == 1 || i == 3 {
			tab(h, "select Arc")
		}
	}
	h.sess.Run(context.Background(), src)
	if n := lists.count(); n != 2 {
		t.Errorf("%d LIST commands, want one per connection", n)
	}
}

// TestCompletionListSlowerThanTheTab: a LIST that does not answer within
// the Tab's wait fills the cache when it comes, and the next command
// waits for it (the connection stays in step).
func TestCompletionListSlowerThanTheTab(t *testing.T) {
	defer func(d time.Duration) { completionListTimeout = d }(completionListTimeout)
	completionListTimeout = 0 // the Tab does not wait at all
	h, lists := tabHarness(t)
	var later []string
	src := &scripted{interactive: true, lines: []string{"login demo demo", "noop", "noop"}}
	src.before = func(i int) {
		switch i {
		case 1:
			tab(h, "select Arc")
		case 2:
			later = tab(h, "select Arc")
		}
	}
	h.sess.Run(context.Background(), src)
	if strings.Join(later, "|") != "hive |hive/2024 " || lists.count() != 1 {
		t.Errorf("later Tab %q after %d LISTs", later, lists.count())
	}
	if out := h.stdout.String(); strings.Count(out, "OK NOOP completed") != 2 {
		t.Errorf("the commands after the Tab:\n%s\n%s", out, h.stderr)
	}
}
