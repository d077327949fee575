package cli

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// TerminalGuard remembers the settings of the terminal the shell reads
// from, so that a panic does not leave it raw (no echo, no line editing)
// after the process is gone (issue 11, defect 1).
type TerminalGuard struct {
	fd     int
	state  *term.State
	stderr io.Writer
}

// GuardTerminal saves the current (cooked) settings of f; nil when f is
// not a terminal. A nil guard does nothing.
func GuardTerminal(f *os.File, stderr io.Writer) *TerminalGuard {
	fd := int(f.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return nil
	}
	return &TerminalGuard{fd: fd, state: state, stderr: stderr}
}

// OnPanic is deferred at the top of each goroutine of ours that runs while
// the terminal may be raw (the main loop, the tab completer that readline
// calls). On a panic it puts the terminal back as it was, says so, and
// panics on with the same value, so the stack trace still shows the bug.
func (g *TerminalGuard) OnPanic() {
	r := recover()
	if r == nil {
		return
	}
	if g != nil {
		g.Restore()
		fmt.Fprintf(g.stderr, "\r\nimapsh: internal error (a bug, please report it): %v\r\nimapsh: the terminal settings were restored\r\n", r)
	}
	panic(r)
}

// Restore puts the terminal back to the saved settings.
func (g *TerminalGuard) Restore() {
	if g != nil {
		term.Restore(g.fd, g.state)
	}
}
