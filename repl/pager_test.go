package repl

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// pagedHarness is an interactive session on a 10-row terminal whose pager
// is the shell command pager.
func pagedHarness(t *testing.T, pager string, edit func(*Config)) *harness {
	t.Helper()
	return newHarness(t, func(c *Config) {
		c.Pager, c.HeightNow = pager, func() int { return 10 }
		if edit != nil {
			edit(c)
		}
	})
}

// runInteractive runs lines as typed at a terminal.
func (h *harness) runInteractive(lines ...string) int {
	return h.sess.Run(context.Background(), &scripted{lines: lines, interactive: true})
}

func TestPagerPagesLongOutput(t *testing.T) {
	h := pagedHarness(t, `sed 's/^/P: /'`, nil)
	h.runInteractive("login demo demo", "select INBOX", "fetch 1:23 (UID FLAGS)", "noop")
	out := h.stdout.String()
	if !strings.Contains(out, "P: 23   23") || !strings.Contains(out, "P: OK FETCH completed") {
		t.Errorf("the FETCH table did not go through the pager:\n%s", out)
	}
	for _, short := range []string{"OK [READ-WRITE] SELECT completed", "OK NOOP completed"} {
		if !strings.Contains(out, "\n"+short) && !strings.HasPrefix(out, short) {
			t.Errorf("%q should not be paged (shorter than the screen):\n%s", short, out)
		}
	}
}

// TestPagerNeverPages: --json, \pager off, --no-pager, scripts, output
// that is not a terminal and a pager set empty all print directly.
func TestPagerNeverPages(t *testing.T) {
	tests := []struct {
		name        string
		edit        func(*Config)
		interactive bool
		first       string
	}{
		{"json", func(c *Config) { c.JSON = true }, true, ""},
		{"pager off", nil, true, `\pager off`},
		{"--no-pager", func(c *Config) { c.NoPager = true }, true, ""},
		{"script", nil, false, ""},
		{"piped", func(c *Config) { c.Piped = true }, true, ""},
		{"no pager", func(c *Config) { c.Pager = "" }, true, ""},
		{"height unknown", func(c *Config) { c.HeightNow = func() int { return 0 } }, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := pagedHarness(t, `sed 's/^/P: /'`, tt.edit)
			lines := []string{"login demo demo", "select INBOX", "fetch 1:23 (UID FLAGS)"}
			if tt.first != "" {
				lines = append([]string{tt.first}, lines...)
			}
			h.sess.Run(context.Background(), &scripted{lines: lines, interactive: tt.interactive})
			if out := h.stdout.String(); strings.Contains(out, "P: ") || !strings.Contains(out, "23") {
				t.Errorf("paged, or output missing:\n%s", out)
			}
		})
	}
}

// TestPagerQuitEarly: a pager that stops reading (q in less) only stops
// the display: the command reads its answer to the end and the next one
// works on the same connection.
func TestPagerQuitEarly(t *testing.T) {
	h := pagedHarness(t, "head -n 2", nil)
	h.runInteractive("login demo demo", "select INBOX", "fetch 1:23 (UID FLAGS ENVELOPE)", "fetch 1:23 (UID)", `\pager off`, "fetch 23 (UID)")
	out := h.stdout.String()
	_, fetches, _ := strings.Cut(out, "SELECT completed\n")
	if n := strings.Count(out, "OK FETCH completed"); n != 1 || strings.Count(fetches, "\n") != 2+2+2 {
		t.Errorf("the pagers showed more than their two lines each (%d FETCH endings):\n%s", n, out)
	}
	if !strings.Contains(out, "OK FETCH completed") || !strings.Contains(out, "#23 uid 23") {
		t.Errorf("the connection is out of step after the pager quit:\n%s\nstderr:\n%s", out, h.stderr)
	}
}

// TestPagerThatDoesNotRun: a $PAGER that is not found is reported and
// nothing is lost: the output goes to the terminal.
func TestPagerThatDoesNotRun(t *testing.T) {
	h := pagedHarness(t, "imapsh-no-such-pager", nil)
	h.runInteractive("login demo demo", "select INBOX", "fetch 1:23 (UID FLAGS)")
	if out := h.stdout.String(); !strings.Contains(out, "\n 1    1") || !strings.Contains(out, "OK FETCH completed") {
		t.Errorf("output lost:\n%s", out)
	}
	if e := h.stderr.String(); !strings.Contains(e, `warning: the pager "imapsh-no-such-pager" did not run (exit status 127)`) || !strings.Contains(e, `\pager off`) {
		t.Errorf("stderr:\n%s", e)
	}
}

// TestPagerCommands: which commands may be paged: IMAP commands, and the
// meta-commands marked Paged; never idle.
func TestPagerCommands(t *testing.T) {
	h := pagedHarness(t, "cat", nil)
	h.sess.src = &scripted{interactive: true}
	for name, want := range map[string]bool{"fetch": true, "list": true, `\help`: true, `\history`: true,
		"idle": false, `\echo`: false, `\connect`: false, `\i`: false} {
		if got := h.sess.mayPage(commandNamed(name)); got != want {
			t.Errorf("mayPage(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestPagerSwitch(t *testing.T) {
	h := pagedHarness(t, "less -FRX", nil)
	h.runInteractive(`\pager`, `\pager off`, `\pager`, `\pager on`, `\pager`)
	want := "pager: on (less -FRX)\npager: off\npager: on (less -FRX)\n"
	if got := h.stdout.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	h = pagedHarness(t, "", nil)
	h.runInteractive(`\pager on`, `\pager`)
	if !strings.Contains(h.stderr.String(), "no pager to run") || !strings.Contains(h.stdout.String(), "set empty") {
		t.Errorf("stdout %q stderr %q", h.stdout, h.stderr)
	}
}

// TestPagerWriterCounts: the screen lines of what is held, long lines
// wrapped at the width, colour sequences not counted.
func TestPagerWriterCounts(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"a\nb\n", 2},
		{strings.Repeat("x", 25) + "\n", 3},
		{strings.Repeat("x", 10) + "\n", 1},
		{"\x1b[1;31m" + strings.Repeat("x", 10) + "\x1b[0m\n", 1},
		{strings.Repeat("ü", 10) + "\n", 1},
		{"no newline", 0},
	}
	for _, tt := range tests {
		p := newPagerWriter(&bytes.Buffer{}, &bytes.Buffer{}, "cat", 100, 10, func(error) {})
		if got := p.count([]byte(tt.in)); got != tt.want {
			t.Errorf("count(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestPagerWriterShowsTrickle: output that has not filled a screen when
// the hold ends is shown, and what follows goes straight through.
func TestPagerWriterShowsTrickle(t *testing.T) {
	defer func(d time.Duration) { pagerHold = d }(pagerHold)
	pagerHold = time.Hour // the test calls showHeld itself
	var term bytes.Buffer
	p := newPagerWriter(&term, &bytes.Buffer{}, "sed s/^/P:/", 5, 80, func(error) {})
	p.Write([]byte("one\n"))
	if term.Len() != 0 {
		t.Fatalf("shown before the hold ended: %q", term.String())
	}
	p.showHeld()
	p.Write([]byte("two\nthree\nfour\nfive\nsix\n"))
	p.Close()
	if got := term.String(); got != "one\ntwo\nthree\nfour\nfive\nsix\n" {
		t.Errorf("got %q", got)
	}
}

// TestPagerSpool: the writer never waits for the reader; the reader gets
// everything, then EOF; once the reader is gone, writes fail.
func TestPagerSpool(t *testing.T) {
	s, err := newPagerSpool()
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB: more than a pipe holds
	for range 4 {
		if _, err := s.Write(big); err != nil {
			t.Fatal(err)
		}
	}
	s.closeWrite()
	var got bytes.Buffer
	if _, err := got.ReadFrom(s); err != nil || got.Len() != 4*len(big) {
		t.Fatalf("read %d bytes, %v", got.Len(), err)
	}
	var replayed bytes.Buffer
	s.replay(&replayed)
	if replayed.Len() != 4*len(big) {
		t.Errorf("replayed %d bytes", replayed.Len())
	}
	s.gone = true
	if _, err := s.Write(big); err != errPagerGone {
		t.Errorf("write after the reader left: %v", err)
	}
}

// TestPagerWithTee: with \o FILE the file gets the whole output, as
// printed, while the terminal's copy goes through the pager.
func TestPagerWithTee(t *testing.T) {
	h := pagedHarness(t, `sed 's/^/P: /'`, nil)
	file := t.TempDir() + "/out.txt"
	h.runInteractive("login demo demo", "select INBOX", `\o `+file, "fetch 1:23 (UID FLAGS)", `\o`)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); strings.Contains(got, "P: ") || !strings.Contains(got, "\n23   23") {
		t.Errorf("the \\o file:\n%s", got)
	}
	if out := h.stdout.String(); !strings.Contains(out, "P: 23   23") {
		t.Errorf("the terminal's copy was not paged:\n%s", out)
	}
}
