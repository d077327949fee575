package scripts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
)

// maxFileBytes bounds a script file read into memory.
const maxFileBytes = 16 << 20

// scriptFile is a script's bytes and permission bits.
type scriptFile struct {
	data []byte
	perm fs.FileMode
}

// readScriptFile reads a script file whole, refusing directories and files
// over maxFileBytes. The mode comes from the opened file, not a second lookup.
func readScriptFile(path string) (scriptFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return scriptFile{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return scriptFile{}, err
	}
	if info.IsDir() {
		return scriptFile{}, errors.New("is a directory")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return scriptFile{}, err
	}
	if len(data) > maxFileBytes {
		return scriptFile{}, fmt.Errorf("larger than %d bytes", maxFileBytes)
	}
	return scriptFile{data: data, perm: info.Mode().Perm()}, nil
}

// isPrivate reports whether only the owner may read the file (0600 or
// stricter). Windows has no such bits; every file counts as private there.
func isPrivate(perm fs.FileMode) bool {
	return runtime.GOOS == "windows" || perm&0o077 == 0
}

// checkSecrets refuses a file readable by group or others when one of its
// logical lines, unexpanded, holds a literal secret. It stops at the first
// malformed line (one too long): the reader stops there too, so no later
// line ever runs, and that error is the reader's to report when the script
// reaches it, the same way whatever the file's mode.
func checkSecrets(name string, file scriptFile, hasSecret func(string) bool) error {
	if hasSecret == nil || isPrivate(file.perm) {
		return nil
	}
	lines := newLogicalScanner(bytes.NewReader(file.data), false)
	for {
		raw, err := lines.next()
		if err != nil {
			return nil // io.EOF, or the malformed line that ends reading
		}
		if hasSecret(raw.text) {
			return &Error{File: name, Line: raw.num, Err: fmt.Errorf(
				"holds a literal secret but is readable by others (mode %04o); "+
					"chmod 600 %s, or write the secret as ${VAR}", file.perm, name)}
		}
	}
}

// locate fills in the file name of a scanner *Error.
func locate(err error, name string) error {
	var se *Error
	if errors.As(err, &se) && se.File == "" {
		se.File = name
	}
	return err
}
