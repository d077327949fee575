package history

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func tempPath(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "state", "imapsh", "history")
}

func mustOpen(t *testing.T, path string, max int) *File {
	t.Helper()
	f, err := Open(path, max)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func fileLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

func assertPerm(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s: mode %04o, want %04o", path, got, want)
	}
}

func TestAddRules(t *testing.T) {
	tests := []struct {
		name string
		adds []string
		want []string
	}{
		{"saves in order", []string{"select INBOX", "fetch 1 FLAGS"}, []string{"select INBOX", "fetch 1 FLAGS"}},
		{"ignorespace", []string{" login alice pw", "noop"}, []string{"noop"}},
		{"empty and blank", []string{"", "\t", "noop"}, []string{"noop"}},
		{"repeat of previous", []string{"noop", "noop", "list", "noop"}, []string{"noop", "list", "noop"}},
		{"repeat after redaction", []string{"login a x1", "login a x2"}, []string{"login a ***"}},
		{"raw login redacted", []string{"raw A1 LOGIN alice secret"}, []string{"raw A1 LOGIN alice ***"}},
		{"url redacted", []string{`\connect imaps://alice:pw@host`}, []string{`\connect imaps://alice:***@host`}},
		{"leading tab kept", []string{"\tnoop"}, []string{"\tnoop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tempPath(t)
			f := mustOpen(t, path, 0)
			for _, line := range tt.adds {
				if err := f.Add(line); err != nil {
					t.Fatalf("Add(%q): %v", line, err)
				}
			}
			if got := f.Entries(); !slices.Equal(got, tt.want) {
				t.Errorf("Entries() = %q, want %q", got, tt.want)
			}
			if got := mustOpen(t, path, 0).Entries(); !slices.Equal(got, tt.want) {
				t.Errorf("reloaded entries = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOpenCreatesPrivateFileAndDirs(t *testing.T) {
	path := tempPath(t)
	f := mustOpen(t, path, 0)
	if f.Path() != path || !f.Enabled() {
		t.Fatalf("Path() = %q, Enabled() = %v", f.Path(), f.Enabled())
	}
	assertPerm(t, path, 0o600)
	assertPerm(t, filepath.Dir(path), 0o700)
	assertPerm(t, filepath.Dir(filepath.Dir(path)), 0o700)
	if err := f.Add("noop"); err != nil {
		t.Fatal(err)
	}
	assertPerm(t, path, 0o600)
}

func TestOpenRefusesFileOpenToOthers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	if err := os.WriteFile(path, []byte("noop\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path, 0)
	var modeErr *ModeError
	if !errors.As(err, &modeErr) {
		t.Fatalf("Open on a 0644 file: err = %v, want *ModeError", err)
	}
	if !strings.Contains(err.Error(), "chmod 600 "+path) {
		t.Errorf("error %q lacks the chmod hint", err)
	}
	if f == nil || f.Enabled() {
		t.Fatalf("Open returned %v, want a disabled File", f)
	}
	if err := f.Add("login alice secret"); err != nil {
		t.Fatal(err)
	}
	assertPerm(t, path, 0o644)
	if got := fileLines(t, path); !slices.Equal(got, []string{"noop"}) {
		t.Errorf("file changed to %q", got)
	}
}

func TestAddRefusesFileLoosenedDuringSession(t *testing.T) {
	path := tempPath(t)
	f := mustOpen(t, path, 0)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	var modeErr *ModeError
	if err := f.Add("noop"); !errors.As(err, &modeErr) {
		t.Fatalf("Add: err = %v, want *ModeError", err)
	}
	if data, _ := os.ReadFile(path); len(data) != 0 {
		t.Errorf("file written despite mode: %q", data)
	}
}

func TestOpenRejectsDirectory(t *testing.T) {
	path := t.TempDir()
	if f, err := Open(path, 0); err == nil || f.Enabled() {
		t.Fatalf("Open(dir) = %v, %v; want disabled File and error", f, err)
	}
}

func writeEntries(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "cmd %d\n", i)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpenTrimsToNewest(t *testing.T) {
	path := tempPath(t)
	writeEntries(t, path, 25)
	f := mustOpen(t, path, 10)
	want := []string{"cmd 15", "cmd 16", "cmd 17", "cmd 18", "cmd 19", "cmd 20", "cmd 21", "cmd 22", "cmd 23", "cmd 24"}
	if got := f.Entries(); !slices.Equal(got, want) {
		t.Errorf("Entries() = %q, want %q", got, want)
	}
	if got := fileLines(t, path); !slices.Equal(got, want) {
		t.Errorf("file = %q, want %q", got, want)
	}
	assertPerm(t, path, 0o600)
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left behind: %q", left)
	}
}

func TestCloseTrimsWhatTheSessionAdded(t *testing.T) {
	path := tempPath(t)
	writeEntries(t, path, 3)
	f := mustOpen(t, path, 4)
	for _, line := range []string{"a", "b", "c"} {
		if err := f.Add(line); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := f.Entries(), []string{"cmd 2", "a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("Entries() = %q, want %q", got, want)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := fileLines(t, path), []string{"cmd 2", "a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("file after Close = %q, want %q", got, want)
	}
	assertPerm(t, path, 0o600)
	if err := f.Add("d"); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Add after Close: err = %v, want os.ErrClosed", err)
	}
}

func TestTrimFailureKeepsFile(t *testing.T) {
	path := tempPath(t)
	writeEntries(t, path, 5)
	testOnlyRename = func(string, string) error { return errors.New("disk on fire") }
	defer func() { testOnlyRename = os.Rename }()
	f, err := Open(path, 2)
	if err == nil || !strings.Contains(err.Error(), "disk on fire") || f.Enabled() {
		t.Fatalf("Open with a failing rename = %v, %v; want a disabled File and the error", f, err)
	}
	if got := fileLines(t, path); len(got) != 5 {
		t.Errorf("file after failed trim = %q, want all 5 entries", got)
	}
	assertPerm(t, path, 0o600)
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left behind: %q", left)
	}
}

func TestMultiLineEntriesRoundTrip(t *testing.T) {
	path := tempPath(t)
	want := []string{
		"append INBOX {11}\r\nHello world",
		"store 1 +flags (\\Seen \\Flagged)",
		`search subject "a\nb"`,
		"ends with backslash \\",
		"line one\nline two\n",
	}
	f := mustOpen(t, path, 0)
	for _, line := range want {
		if err := f.Add(line); err != nil {
			t.Fatal(err)
		}
	}
	if got := fileLines(t, path); len(got) != len(want) {
		t.Fatalf("file has %d lines, want %d: %q", len(got), len(want), got)
	}
	if got := mustOpen(t, path, 0).Entries(); !slices.Equal(got, want) {
		t.Errorf("reloaded %q, want %q", got, want)
	}
}

func TestDisabled(t *testing.T) {
	for name, f := range map[string]*File{"Disabled": Disabled(), "dev null": mustOpen(t, os.DevNull, 0)} {
		t.Run(name, func(t *testing.T) {
			if f.Enabled() || f.Path() != "" {
				t.Errorf("Enabled() = %v, Path() = %q", f.Enabled(), f.Path())
			}
			if err := f.Add("noop"); err != nil {
				t.Errorf("Add: %v", err)
			}
			if got := f.Entries(); len(got) != 0 {
				t.Errorf("Entries() = %q, want none", got)
			}
			if err := f.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
}

// TestConcurrentAdds appends from several Files at once, as separate imapsh
// processes would, while others open the file with a small maximum and trim
// it. Every line left must be whole.
func TestConcurrentAdds(t *testing.T) {
	const writers, perWriter = 6, 60
	path := tempPath(t)
	mustOpen(t, path, 0)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			f, err := Open(path, 0)
			if err != nil {
				t.Error(err)
				return
			}
			defer f.Close()
			for i := range perWriter {
				if err := f.Add(fmt.Sprintf("writer %d line %d\nsecond half %d", w, i, i)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Go(func() {
		for range 20 {
			if f, err := Open(path, 50); err != nil {
				t.Error(err)
			} else {
				f.Close()
			}
		}
	})
	wg.Wait()
	entries := mustOpen(t, path, 0).Entries()
	for _, e := range entries {
		var w, i, j int
		if n, err := fmt.Sscanf(e, "writer %d line %d\nsecond half %d", &w, &i, &j); n != 3 || err != nil || i != j {
			t.Errorf("corrupt entry %q", e)
		}
	}
	if len(entries) < 50 {
		t.Errorf("only %d entries survived, want at least the last trim's 50", len(entries))
	}
	assertPerm(t, path, 0o600)
}

// TestOpenRefusesSymlink: a history path that is a symbolic link is
// refused, never followed (whoever planted it would choose where the
// history goes); the error names the target to use instead, and neither
// the link nor its target is touched.
func TestOpenRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "target"), filepath.Join(dir, "link")
	if err := os.WriteFile(target, []byte("noop\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	f, err := Open(link, 10)
	if err == nil || !strings.Contains(err.Error(), "symbolic link") || !strings.Contains(err.Error(), target) {
		t.Fatalf("err = %v, want a refused symlink naming its target", err)
	}
	if f.Enabled() {
		t.Error("history enabled through a symlink")
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", fi.Mode(), err)
	}
	if data, _ := os.ReadFile(target); string(data) != "noop\n" {
		t.Errorf("target holds %q", data)
	}
}

// TestOpenRefusesFIFO: a FIFO (or any special file) is refused at once:
// opening it must not wait for a writer.
func TestOpenRefusesFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Open(path, 10)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "FIFO") {
			t.Errorf("err = %v, want the FIFO refused", err)
		}
	case <-time.After(20 * time.Second): // a hang, not a timing check
		f, _ := os.OpenFile(path, os.O_WRONLY, 0) // release Open
		f.Close()
		<-done
		t.Fatal("Open hung on a FIFO")
	}
}

// TestOpenRefusesSharedDirectory: a state directory others may write to
// (even with the sticky bit, as /tmp) is refused: another user could
// plant the history file, or hold its lock file forever.
func TestOpenRefusesSharedDirectory(t *testing.T) {
	for _, mode := range []fs.FileMode{0o770, 0o777, 0o1777} {
		dir := filepath.Join(t.TempDir(), "shared")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, mode); err != nil {
			t.Fatal(err)
		}
		f, err := Open(filepath.Join(dir, "history"), 10)
		if err == nil || !strings.Contains(err.Error(), "writable by other users") || f.Enabled() {
			t.Errorf("mode %04o: err = %v, want the directory refused", mode, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "history")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("mode %04o: a history file was created there", mode)
		}
	}
}

// TestOpenRefusesForeignDirectory: a state directory owned by another
// user (not root) is refused. Making one needs root.
func TestOpenRefusesForeignDirectory(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("chown to another user needs root")
	}
	dir := filepath.Join(t.TempDir(), "theirs")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Skipf("chown: %v", err)
	}
	if _, err := Open(filepath.Join(dir, "history"), 10); err == nil || !strings.Contains(err.Error(), "owned by") {
		t.Errorf("err = %v, want the directory refused", err)
	}
}
