package scripts

import "fmt"

// Error is a problem in a script, located at a file and line.
// Its message reads "file:line: ...", or "file: ..." when Line is 0.
type Error struct {
	File string // the script's name as given to Open or NewReader, or an included path
	Line int    // 1-based line number of the logical line's first physical line; 0 if none
	Err  error  // what went wrong
}

// Error formats the location and the cause.
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }
