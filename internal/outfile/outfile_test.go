package outfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, mode)
}

func state(t *testing.T, path string) (string, os.FileMode) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	return string(data), fi.Mode().Perm()
}

// TestCreate: new files are 0600; an existing one open to others is made
// 0600 and emptied; a device is written as it is.
func TestCreate(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name     string
		existing bool
	}{{"new", false}, {"existing 0644", true}} {
		path := filepath.Join(dir, tt.name)
		if tt.existing {
			write(t, path, "old content\n", 0o644)
		}
		f, err := Create(path)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("new\n")
		f.Close()
		if data, mode := state(t, path); data != "new\n" || mode != 0o600 {
			t.Errorf("%s: %q mode %04o, want %q mode 0600", tt.name, data, mode, "new\n")
		}
	}
	f, err := Create(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if fi, _ := os.Stat(os.DevNull); fi.Mode().Perm() != 0o666 {
		t.Errorf("%s has mode %v now", os.DevNull, fi.Mode())
	}
}

// TestAtomic: Commit replaces, Abort keeps; a symlink stays a symlink and
// its target is replaced; a directory is refused.
func TestAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "msg")
	write(t, path, "old\n", 0o644)
	a, err := NewAtomic(path)
	if err != nil || !a.Existed() || a.Direct() {
		t.Fatalf("NewAtomic: %v existed=%v direct=%v", err, a.Existed(), a.Direct())
	}
	a.Write([]byte("dropped\n"))
	a.Abort()
	if data, mode := state(t, path); data != "old\n" || mode != 0o644 {
		t.Errorf("after Abort: %q %04o", data, mode)
	}
	link := filepath.Join(dir, "link")
	os.Symlink("msg", link)
	a, _ = NewAtomic(link)
	a.Write([]byte("new\n"))
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, mode := state(t, path); data != "new\n" || mode != 0o600 {
		t.Errorf("after Commit: %q %04o", data, mode)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left in the directory: %v", entries)
	}
	if _, err := NewAtomic(dir); err == nil {
		t.Error("a directory was accepted")
	}
	if a, err := NewAtomic(os.DevNull); err != nil || !a.Direct() {
		t.Errorf("%s: %v, direct=%v", os.DevNull, err, a != nil && a.Direct())
	} else {
		a.Commit()
	}
}

// TestGuard: the first error is kept and reported once; later writes are
// dropped and succeed.
func TestGuard(t *testing.T) {
	fail := errors.New("disk full")
	w := writerFunc(func(p []byte) (int, error) { return 0, fail })
	var reported []error
	g := NewGuard(w, func(err error) { reported = append(reported, err) })
	for range 3 {
		if n, err := g.Write([]byte("abc")); n != 3 || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	if !errors.Is(g.Err(), fail) || len(reported) != 1 {
		t.Errorf("Err %v, reported %v", g.Err(), reported)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestAtomicErrorNamesTheFile: a file that cannot be made is named in
// the error as the user typed it, not by the hidden temporary beside it
// (fetch 1 BODY[] > /nonexistent/x.eml said "open
// /nonexistent/.x.eml.1020513029.imapsh-tmp: no such file or directory").
func TestAtomicErrorNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "x.eml")
	_, err := NewAtomic(path)
	if err == nil || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "imapsh-tmp") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("NewAtomic(%q) error = %v; want it to name the file and match fs.ErrNotExist", path, err)
	}
}
