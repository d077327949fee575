package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Atomic is a file written beside its destination (a hidden temporary
// file, mode 0600, in the same directory) and renamed over it by Commit,
// so the destination holds either its old content or the whole new one.
// A destination that is a symbolic link is resolved: its target is
// replaced and the link stays. A destination that is not a regular file
// (/dev/null, /dev/stdout, a FIFO) is written directly: Commit and Abort
// only close it.
type Atomic struct {
	f       *os.File
	dest    string // the file replaced (a symlink's target)
	existed bool   // dest existed before
	direct  bool   // dest is written in place
}

// NewAtomic prepares a replacement for path. It fails, before anything is
// written, when path is a directory or its directory takes no new file.
func NewAtomic(path string) (*Atomic, error) {
	dest, fi, err := resolve(path)
	if err != nil {
		return nil, err
	}
	a := &Atomic{dest: dest, existed: fi != nil}
	switch {
	case fi != nil && fi.IsDir():
		return nil, fmt.Errorf("%s is a directory", path)
	case fi != nil && !fi.Mode().IsRegular():
		a.direct = true
		a.f, err = os.OpenFile(dest, os.O_WRONLY, 0)
	default:
		a.f, err = os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.imapsh-tmp")
		var pe *fs.PathError
		if errors.As(err, &pe) { // named as typed, not by the hidden temporary
			err = fmt.Errorf("cannot create %s: %w", path, pe.Err)
		}
	}
	if err != nil {
		return nil, err
	}
	return a, nil
}

// resolve follows a symbolic link at path to the file it names, and
// returns that file's info (nil when it does not exist yet).
func resolve(path string) (string, os.FileInfo, error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", nil, fmt.Errorf("%s is a symbolic link to nothing: %w", path, err)
		}
		path = target
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return path, nil, nil
	case err != nil:
		return "", nil, err
	}
	return path, fi, nil
}

// Write writes to the temporary file (or the device).
func (a *Atomic) Write(p []byte) (int, error) { return a.f.Write(p) }

// Existed reports whether the destination existed before.
func (a *Atomic) Existed() bool { return a.existed }

// Direct reports whether the destination is written in place (a device or
// a pipe), so Abort cannot take back what was written.
func (a *Atomic) Direct() bool { return a.direct }

// Commit makes the new content the destination's: flushed to disk, then
// renamed over it. On error the destination is untouched and the
// temporary file removed.
func (a *Atomic) Commit() error {
	if a.direct {
		return a.f.Close()
	}
	err := a.f.Sync()
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.f.Name(), a.dest)
	}
	if err != nil {
		os.Remove(a.f.Name())
		return err
	}
	syncDir(filepath.Dir(a.dest))
	return nil
}

// Abort drops the new content: the destination stays as it was.
func (a *Atomic) Abort() {
	a.f.Close()
	if !a.direct {
		os.Remove(a.f.Name())
	}
}

// syncDir makes a rename durable; failure only weakens crash safety.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
