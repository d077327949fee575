package cli

import (
	"os"

	"golang.org/x/term"
)

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// Width returns the terminal width of f, or 0 when f is not a terminal.
func Width(f *os.File) int {
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return w
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
