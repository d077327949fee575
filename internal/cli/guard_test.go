package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// TestTerminalGuardRestoresOnPanic: a panic while the terminal is raw
// gives it back its echo before the panic goes on.
func TestTerminalGuardRestoresOnPanic(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	var stderr bytes.Buffer
	guard := GuardTerminal(tty, &stderr)
	if guard == nil {
		t.Fatal("a pty is not seen as a terminal")
	}
	if _, err := term.MakeRaw(int(tty.Fd())); err != nil {
		t.Fatal(err)
	}
	if echoes(t, tty.Fd()) {
		t.Fatal("MakeRaw left echo on; the test proves nothing")
	}
	got := func() (r any) {
		defer func() { r = recover() }()
		defer guard.OnPanic()
		panic("boom")
	}()
	if got != "boom" {
		t.Errorf("the panic went on as %v, want boom", got)
	}
	if !echoes(t, tty.Fd()) {
		t.Error("echo is still off after the panic")
	}
	if !strings.Contains(stderr.String(), "internal error") || !strings.Contains(stderr.String(), "boom") {
		t.Errorf("stderr: %q", stderr.String())
	}
}

// TestTerminalGuardNotATerminal: no guard for a pipe, and a nil guard's
// OnPanic still lets the panic through.
func TestTerminalGuardNotATerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	g := GuardTerminal(r, os.Stderr)
	if g != nil {
		t.Fatal("a pipe got a terminal guard")
	}
	got := func() (v any) {
		defer func() { v = recover() }()
		defer g.OnPanic()
		panic(42)
	}()
	if got != 42 {
		t.Errorf("nil guard: panic went on as %v", got)
	}
}

func echoes(t *testing.T, fd uintptr) bool {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(fd), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio.Lflag&unix.ECHO != 0
}
