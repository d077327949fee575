// Package outfile opens the files imapsh writes for the user: fetched mail
// (fetch ... > FILE), recordings (--record, \record), wire traces
// (--trace-file) and copies of the output (\o). They hold mail or
// transcripts, so they are private: created 0600, and an existing regular
// file that others may read is made 0600 before a byte is written (or
// refused when its mode cannot be changed). Devices and pipes (/dev/null,
// /dev/stdout, a FIFO) are written as they are: they keep no data.
package outfile

import (
	"fmt"
	"io/fs"
	"os"
)

// Create opens path for writing a stream from its start (a recording, a
// trace, an \o copy): see the package comment for the mode rules. An
// existing regular file is emptied only once it is private.
func Create(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := makePrivate(f, path); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// makePrivate narrows a regular file to 0600 and empties it; other kinds
// of file are left alone.
func makePrivate(f *os.File, path string) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return nil
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		if err := f.Chmod(0o600); err != nil {
			return &ModeError{Path: path, Mode: perm, Err: err}
		}
	}
	return f.Truncate(0)
}

// ModeError is an existing file open to other users whose mode could not
// be narrowed (it belongs to someone else): imapsh does not write mail or
// transcripts into it.
type ModeError struct {
	Path string
	Mode fs.FileMode
	Err  error
}

// Error names the file, its mode and why it stays so.
func (e *ModeError) Error() string {
	return fmt.Sprintf("%s has mode %04o, readable by others, and cannot be made private (%v); not writing to it",
		e.Path, e.Mode, e.Err)
}

// Unwrap returns the chmod error.
func (e *ModeError) Unwrap() error { return e.Err }
