package repl

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
	"imapsh/internal/outfile"
)

// withSpoolMin lowers the size from which sections are spooled.
func withSpoolMin(t *testing.T, n int64) {
	old := spoolMin
	spoolMin = n
	t.Cleanup(func() { spoolMin = old })
}

// spoolWatcher is stdout noting, at each write, how many spool files the
// process has open (Linux: /proc/self/fd).
type spoolWatcher struct {
	clienttest.Buffer
	mu   sync.Mutex
	most int
}

func (w *spoolWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.most = max(w.most, openSpools())
	w.mu.Unlock()
	return w.Buffer.Write(p)
}

// openSpools counts the open files named imapsh-section-*.
func openSpools() int {
	fds, _ := filepath.Glob("/proc/self/fd/*")
	n := 0
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err == nil && strings.Contains(target, "imapsh-section-") {
			n++
		}
	}
	return n
}

// TestLargeSectionsSpooled: in a pipe, sections from spoolMin on are kept
// in a temporary file while the FETCH runs and shown from there exactly as
// from memory; the files are closed when the command ends and none stays
// in $TMPDIR. On a terminal, where sections are decoded for reading, none
// is spooled.
func TestLargeSectionsSpooled(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("needs /proc/self/fd")
	}
	fetch := "fetch 8:11 (UID BODY.PEEK[HEADER] BODY.PEEK[TEXT])"
	for _, piped := range []bool{true, false} {
		run := func(min int64) (string, int) {
			withSpoolMin(t, min)
			out := &spoolWatcher{}
			h := newHarness(t, func(c *Config) { c.Piped = piped; c.Stdout = out })
			if code := h.run("login demo demo", "examine INBOX", fetch, "noop"); code != ExitOK {
				t.Fatalf("exit %d\n%s", code, h.stderr)
			}
			return out.String(), out.most
		}
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)
		inMemory, _ := run(1 << 40)
		spooled, open := run(200)
		if spooled != inMemory {
			t.Errorf("piped=%v: spooled output differs:\n%s\nfrom memory:\n%s", piped, spooled, inMemory)
		}
		if (open > 0) != piped {
			t.Errorf("piped=%v: %d sections spooled at once", piped, open)
		}
		if n := openSpools(); n != 0 {
			t.Errorf("piped=%v: %d spool files still open", piped, n)
		}
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Errorf("piped=%v: files left in TMPDIR: %v", piped, left)
		}
	}
}

// TestSpoolWithoutTemporaryFiles: when no temporary file can be made,
// sections stay in memory and are shown as usual.
func TestSpoolWithoutTemporaryFiles(t *testing.T) {
	withSpoolMin(t, 200)
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	h := newHarness(t, func(c *Config) { c.Piped = true })
	if code := h.run("login demo demo", "examine INBOX", "fetch 10 BODY.PEEK[TEXT]"); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stderr)
	}
	if out := h.stdout.String(); !strings.Contains(out, "BODY[TEXT]") || strings.Contains(out, "written to file") {
		t.Errorf("section not shown from memory:\n%s", out)
	}
}

// TestSpoolWriteError: a section whose temporary file failed (a full
// disk) is shown as a note saying so.
func TestSpoolWriteError(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "spool")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sp := &spooled{seq: 3, file: f, guard: outfile.NewGuard(failingWriter{}, nil)}
	sp.Write([]byte("data"))
	l := &liveOutput{spools: []*spooled{sp}}
	src := l.sectionSource(&client.FetchData{Seq: 3, Sections: []client.BodySection{{Name: "BODY[]", Streamed: 4}}})
	if src == nil {
		t.Fatal("no source for the spooled section")
	}
	if _, err := src(3, 0); err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Errorf("source error %v, want the write error", err)
	}
	if err := l.closeSpools(true); err != nil {
		t.Errorf("close: %v", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }
