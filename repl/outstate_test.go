package repl

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imapsh/client/clienttest"
)

// TestOutputState: errors go to stderr through render.Error, data to out,
// \o copies the data (without colours) to a private file, and the width
// follows the terminal.
func TestOutputState(t *testing.T) {
	var stdout, stderr clienttest.Buffer
	width := 0
	var o output
	o.configure(Config{Stdout: &stdout, Stderr: &stderr, Width: 80, WidthNow: func() int { return width }})
	if o.width() != 80 || o.renderOptions().Width != 80 {
		t.Errorf("width %d, want the fixed 80 while the terminal says 0", o.width())
	}
	width = 120
	if o.width() != 120 {
		t.Errorf("width %d, want the terminal's 120", o.width())
	}
	o.printError(errors.New("client: boom"), "try again")
	if got := stderr.String(); got != "error: boom\nhint: try again\n" {
		t.Errorf("stderr %q", got)
	}
	path := filepath.Join(t.TempDir(), "out.txt")
	if err := o.setTee(path); err != nil {
		t.Fatal(err)
	}
	o.writeJSONLine(map[string]string{"a": "\x1b[1mb"})
	o.closeTee()
	file, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if !strings.Contains(stdout.String(), `{"a":"\u001b[1mb"}`) || string(file) != stdout.String() || st.Mode().Perm() != 0o600 {
		t.Errorf("stdout %q, file %q (mode %v)", stdout.String(), file, st.Mode().Perm())
	}
}
