package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imapsh/internal/testfs"
)

// TestBinaryTraceFileFailure: a trace file that cannot be written (a full
// device, a full disk) is an error at once and a non-zero exit status,
// not a transcript silently cut short.
func TestBinaryTraceFileFailure(t *testing.T) {
	targets := map[string]func(t *testing.T) string{
		"/dev/full": func(t *testing.T) string {
			if _, err := os.Stat("/dev/full"); err != nil {
				t.Skip("no /dev/full here")
			}
			return "/dev/full"
		},
		"full tmpfs": func(t *testing.T) string {
			dir := testfs.SmallTmpfs(t, "64k")
			testfs.Fill(t, dir)
			return filepath.Join(dir, "trace.txt")
		},
	}
	for name, target := range targets {
		t.Run(name, func(t *testing.T) {
			path := target(t)
			r := imapsh(t, testEnv(t), "", "--demo", "--trace-file", path, "-c", "select INBOX", "-c", "fetch 1:5 (ENVELOPE)")
			if r.code == 0 || !strings.Contains(r.stderr, "no space left on device") || !strings.Contains(r.stderr, "trace") {
				t.Errorf("want an error naming the trace and a non-zero exit:\n%s", r)
			}
			if n := strings.Count(r.stderr, "no space left"); n != 1 {
				t.Errorf("the error is reported %d times, want once:\n%s", n, r)
			}
		})
	}
}

// TestBinaryTraceFileIsPrivate: an existing trace file readable by others
// is made 0600 before the transcript goes in.
func TestBinaryTraceFileIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trace.txt")
	os.WriteFile(path, []byte("old\n"), 0o644)
	os.Chmod(path, 0o644)
	if r := imapsh(t, testEnv(t), "", "--demo", "--trace-file", path, "-c", "noop"); r.code != 0 {
		t.Fatal(r)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("trace file mode %v (%v), want 0600", fi.Mode(), err)
	}
}

// TestBinaryScriptStatusIgnoresMode: a script with a line over the limit
// exits with the same status whatever its mode (once only 0644 files were
// scanned ahead, for literal secrets, and failed before running).
func TestBinaryScriptStatusIgnoresMode(t *testing.T) {
	codes := map[os.FileMode]int{}
	for _, mode := range []os.FileMode{0o644, 0o600} {
		path := filepath.Join(t.TempDir(), "long.imap")
		os.WriteFile(path, []byte("noop\n"+strings.Repeat("x", 2<<20)+"\nnoop\n"), mode)
		os.Chmod(path, mode)
		r := imapsh(t, testEnv(t), "", "--demo", "-f", path)
		if !strings.Contains(r.stderr, "longer than") {
			t.Errorf("mode %04o: %s", mode, r)
		}
		codes[mode] = r.code
	}
	if codes[0o644] != codes[0o600] {
		t.Errorf("exit status %d for mode 0644, %d for 0600", codes[0o644], codes[0o600])
	}
}
