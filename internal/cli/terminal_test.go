package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWidthWhenNotATerminal: output to a file or pipe is laid out for
// $COLUMNS when set, else without a limit (no truncated cells).
func TestWidthWhenNotATerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	if w := Width(f, getenv); w != NoLimit {
		t.Errorf("no COLUMNS: width %d, want NoLimit", w)
	}
	env["COLUMNS"] = "132"
	if w := Width(f, getenv); w != 132 {
		t.Errorf("COLUMNS=132: width %d", w)
	}
	env["COLUMNS"] = "wide"
	if w := Width(f, getenv); w != NoLimit {
		t.Errorf("COLUMNS=wide: width %d, want NoLimit", w)
	}
}
