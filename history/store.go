package history

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ModeError reports an existing history file that other users may read or
// write. imapsh refuses to touch it rather than silently changing its mode.
type ModeError struct {
	Path string
	Mode fs.FileMode
}

// Error names the file, its mode and the fix.
func (e *ModeError) Error() string {
	return fmt.Sprintf("history file %s has mode %04o and is open to other users; not saving history (fix: chmod 600 %s)",
		e.Path, e.Mode.Perm(), e.Path)
}

// openChecked opens path with flag|O_CREATE (mode 0600 when created) and
// checks through the open descriptor that it is a regular file nobody but its
// owner can access.
func openChecked(path string, flag int) (*os.File, error) {
	f, err := os.OpenFile(path, flag|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	info, err := f.Stat()
	if err == nil {
		err = checkMode(path, info)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func checkMode(path string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return fmt.Errorf("history: %s is not a regular file", path)
	}
	if info.Mode().Perm()&0o077 != 0 {
		return &ModeError{Path: path, Mode: info.Mode()}
	}
	return nil
}

// readEntries loads every entry of the file at path, oldest first, creating
// the file when it does not exist yet.
func readEntries(path string) ([]string, error) {
	f, err := openChecked(path, os.O_RDONLY)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return parseEntries(string(data)), nil
}

func parseEntries(data string) []string {
	var entries []string
	for line := range strings.SplitSeq(data, "\n") {
		if line = strings.TrimSuffix(line, "\r"); line != "" {
			entries = append(entries, unescapeEntry(line))
		}
	}
	return entries
}

func formatEntry(entry string) string {
	return escapeEntry(entry) + "\n"
}

// appendEntry writes one entry with a single write(2) on an O_APPEND
// descriptor, so lines from concurrent processes never interleave.
func appendEntry(path, entry string) error {
	unlock, err := lock(path, false)
	if err != nil {
		return fmt.Errorf("history: lock: %w", err)
	}
	defer unlock()
	f, err := openChecked(path, os.O_WRONLY|os.O_APPEND)
	if err != nil {
		return err
	}
	_, err = f.WriteString(formatEntry(entry))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	return nil
}

// trimFile keeps the newest max entries of the file at path and returns them.
// It rewrites through a 0600 temporary file in the same directory (write,
// fsync, rename), so an error at any step leaves the old file in place.
func trimFile(path string, max int) ([]string, error) {
	unlock, err := lock(path, true)
	if err != nil {
		return nil, fmt.Errorf("history: lock: %w", err)
	}
	defer unlock()
	entries, err := readEntries(path)
	if err != nil || len(entries) <= max {
		return entries, err
	}
	entries = entries[len(entries)-max:]
	if err := replaceFile(path, entries); err != nil {
		return nil, fmt.Errorf("history: trim: %w", err)
	}
	return entries, nil
}

// testOnlyRename lets a test make the final step of a rewrite fail.
var testOnlyRename = os.Rename

func replaceFile(path string, entries []string) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp") // mode 0600
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(formatEntry(e))
	}
	if _, err := tmp.WriteString(b.String()); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := testOnlyRename(tmp.Name(), path); err != nil {
		return err
	}
	committed = true
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable; failure only weakens crash safety, so it is
// not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
