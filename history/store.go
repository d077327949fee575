package history

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"imapsh/internal/outfile"
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

// openChecked opens path with flag|O_CREATE (mode 0600 when created),
// refusing a symbolic link or a special file at path before opening it
// (checkPath) and, through the open descriptor, anything but a regular
// file nobody but its owner can access. The open neither follows a link
// nor waits on a FIFO (openSafely), should one appear in between.
func openChecked(path string, flag int) (*os.File, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, flag|os.O_CREATE|openSafely, 0o600)
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

// checkPath refuses a history path that is a symbolic link (never
// followed: whoever planted it would choose where the history goes) or
// not a regular file (a FIFO would hang the shell).
func checkPath(path string) error {
	info, err := os.Lstat(path)
	switch {
	case err != nil:
		return nil // missing: created 0600; other errors show at the open
	case info.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(path)
		return fmt.Errorf("history: %s is a symbolic link (to %s), which imapsh does not follow (fix: set %s to the file itself)",
			path, target, EnvPath)
	}
	return checkMode(path, info)
}

func checkMode(path string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return fmt.Errorf("history: %s is %s, not a regular file", path, outfile.Kind(info.Mode()))
	}
	if info.Mode().Perm()&0o077 != 0 {
		return &ModeError{Path: path, Mode: info.Mode()}
	}
	return nil
}

// checkDir refuses a history directory that other users may write to
// (even with the sticky bit, as /tmp: they could plant the history file
// or hold its lock file forever) or that belongs to another user.
func checkDir(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	if perm := info.Mode().Perm(); perm&0o022 != 0 {
		return fmt.Errorf("history: directory %s has mode %04o and is writable by other users (fix: chmod 700 %s, or set %s to a file in a private directory)",
			dir, info.Mode()&(fs.ModePerm|fs.ModeSticky), dir, EnvPath)
	}
	if uid, ok := dirOwner(info); !ok {
		return fmt.Errorf("history: directory %s is owned by user %d, not by you (fix: set %s to a file in a directory of yours)", dir, uid, EnvPath)
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
