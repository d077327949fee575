package cli

import (
	"os"
	"strconv"

	"golang.org/x/term"
)

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// NoLimit is the layout width for output that is not a terminal: tables
// keep whole cells, so that grep and friends see complete subjects.
const NoLimit = 1 << 16

// Width returns the width output to f is laid out for: the terminal's,
// else $COLUMNS when it is a number (getenv is os.Getenv), else NoLimit.
func Width(f *os.File, getenv func(string) string) int {
	if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
		return w
	}
	if n, err := strconv.Atoi(getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return NoLimit
}

// TerminalPrompt returns a no-echo password prompt on the terminal f
// (golang.org/x/term), writing the prompt to out; nil when f is not a
// terminal. It must not be used while readline owns the terminal.
func TerminalPrompt(f *os.File, out *os.File) func(string) (string, error) {
	if !IsTerminal(f) {
		return nil
	}
	return func(prompt string) (string, error) {
		out.WriteString(prompt)
		pw, err := term.ReadPassword(int(f.Fd()))
		out.WriteString("\n")
		return string(pw), err
	}
}
