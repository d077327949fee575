package repl

// hintedError is an error a handler found, with the hint that goes with
// it on the "hint:" line (Session.errorHint).
type hintedError struct {
	err  error
	hint string
}

func (e *hintedError) Error() string { return e.err.Error() }
func (e *hintedError) Unwrap() error { return e.err }
