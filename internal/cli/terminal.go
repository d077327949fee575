package cli

import (
	"os"
	"strconv"
	"strings"

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

// Height returns the number of rows of the terminal f, or 0 when f is not
// a terminal.
func Height(f *os.File) int {
	if _, h, err := term.GetSize(int(f.Fd())); err == nil && h > 0 {
		return h
	}
	return 0
}

// DefaultPager is the pager when neither IMAPSH_PAGER nor PAGER is set:
// less quitting when the text fits one screen (-F), passing colours (-R)
// and leaving the text on the screen when it quits (-X), as psql and git
// use it.
const DefaultPager = "less -FRX"

// PagerCommand is the pager to run (by /bin/sh -c): $IMAPSH_PAGER, else
// $PAGER, else DefaultPager; a variable set empty means no pager (""), as
// in psql. lookup is os.LookupEnv.
func PagerCommand(lookup func(string) (string, bool)) string {
	for _, name := range []string{"IMAPSH_PAGER", "PAGER"} {
		if v, ok := lookup(name); ok {
			return strings.TrimSpace(v)
		}
	}
	return DefaultPager
}
