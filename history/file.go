// Package history keeps imapsh's own history file.
//
// The file lives at DefaultPath, is created 0600 inside a 0700 directory
// (a symbolic link, a special file, or a directory others may write to are
// refused), holds one logical command per line (embedded newlines escaped)
// and is trimmed to a maximum number of entries. Appends and trims from
// several imapsh processes coordinate through flock(2) on a sibling
// FILE.lock. Secrets are the caller's to mask (package redact); Add masks
// raw credentials and URL passwords again as a safety net.
package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"imapsh/internal/redact"
)

// DefaultMax is the number of entries kept when Open is given max <= 0.
const DefaultMax = 1000

// File is an open history file. A disabled File (see Disabled) accepts every
// call and stores nothing, so callers never need nil checks. Its methods are
// safe for concurrent use.
type File struct {
	mu      sync.Mutex
	path    string // "" when disabled
	max     int
	entries []string // newest max entries, oldest first
	lines   int      // entries this process knows to be in the file
	closed  bool
}

// Disabled returns a File that saves nothing: for --no-history, and what Open
// returns alongside an error.
func Disabled() *File {
	return &File{}
}

// Open loads the history file at path, creating it (0600) and its parent
// directories (0700) if needed, and trims it to the newest max entries
// (DefaultMax when max <= 0). The path /dev/null gives a disabled File.
//
// Open never returns nil: on error it returns a disabled File with the error,
// so the caller can print a warning and carry on. An existing file open to
// other users is refused with a *ModeError; a symbolic link, a FIFO or
// other special file, and a directory other users may write to or that
// belongs to another user are refused too, never followed or waited on.
func Open(path string, max int) (*File, error) {
	if path == os.DevNull {
		return Disabled(), nil
	}
	if path == "" {
		return Disabled(), errors.New("history: empty file path")
	}
	if max <= 0 {
		max = DefaultMax
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return Disabled(), fmt.Errorf("history: %w", err)
	}
	if err := checkDir(filepath.Dir(path)); err != nil {
		return Disabled(), err
	}
	entries, err := readEntries(path)
	if err == nil && len(entries) > max {
		entries, err = trimFile(path, max)
	}
	if err != nil {
		return Disabled(), err
	}
	return &File{path: path, max: max, entries: entries, lines: len(entries)}, nil
}

// Path returns the file's path, or "" for a disabled File.
func (f *File) Path() string {
	return f.path
}

// Enabled reports whether Add writes anything.
func (f *File) Enabled() bool {
	return f.path != ""
}

// Entries returns the loaded history plus what Add saved since, oldest first,
// for feeding readline's in-memory history.
func (f *File) Entries() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.entries...)
}

// Add saves one command. The caller passes a line already redacted by the
// command table; Add applies redact.Raw and redact.URL again as a safety net.
// Empty lines, lines starting with a space (the shell's ignorespace) and exact
// repeats of the previous entry are not saved.
func (f *File) Add(line string) error {
	if !f.Enabled() || !worthSaving(line) {
		return nil
	}
	line = redact.URL(redact.Raw(line))
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return fmt.Errorf("history: %w", os.ErrClosed)
	}
	if n := len(f.entries); n > 0 && f.entries[n-1] == line {
		return nil
	}
	f.remember(line)
	return appendEntry(f.path, line)
}

func worthSaving(line string) bool {
	return strings.TrimSpace(line) != "" && !strings.HasPrefix(line, " ")
}

func (f *File) remember(line string) {
	f.entries = append(f.entries, line)
	if len(f.entries) > f.max {
		f.entries = f.entries[1:]
	}
	f.lines++
}

// Close trims the file if this session pushed it past its maximum. Further
// calls to Add fail; Close itself may be called more than once.
func (f *File) Close() error {
	if !f.Enabled() {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil
	}
	f.closed = true
	if f.lines <= f.max {
		return nil
	}
	_, err := trimFile(f.path, f.max)
	return err
}
