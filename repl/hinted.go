package repl

import "errors"

// hintedError is an error a handler found, with the hint that goes with
// it on the "hint:" line (Session.errorHint).
type hintedError struct {
	err  error
	hint string
}

func (e *hintedError) Error() string { return e.err.Error() }
func (e *hintedError) Unwrap() error { return e.err }

// WithHint returns err with the hint the shell prints after it, or err
// itself when hint is "". main gives the Connector's errors the hints of
// internal/cli (a port of the other scheme, an unknown CA, a refused
// login), which repl does not import, so that \connect and \reconnect
// say what to try as the command line does.
func WithHint(err error, hint string) error {
	if err == nil || hint == "" {
		return err
	}
	return &hintedError{err, hint}
}

// metaHint is the hint after a meta-command's error: the one it came with
// (WithHint), else the usage hint.
func metaHint(err error) string {
	var he *hintedError
	if errors.As(err, &he) {
		return he.hint
	}
	return usageHint(err)
}

// withMoreHint returns err with line added under the hint it has.
func withMoreHint(err error, line string) error {
	if hint := metaHint(err); hint != "" {
		line = hint + "\n" + line
	}
	return WithHint(err, line)
}
