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

// TestPagerCommand: IMAPSH_PAGER, then PAGER, then less -FRX; a variable
// set empty turns the pager off, as psql's PAGER does.
func TestPagerCommand(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "less -FRX"},
		{map[string]string{"PAGER": "more"}, "more"},
		{map[string]string{"PAGER": "more", "IMAPSH_PAGER": "less -S"}, "less -S"},
		{map[string]string{"PAGER": ""}, ""},
		{map[string]string{"PAGER": "more", "IMAPSH_PAGER": " "}, ""},
	}
	for _, tt := range tests {
		lookup := func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
		if got := PagerCommand(lookup); got != tt.want {
			t.Errorf("PagerCommand(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

// TestHeightWhenNotATerminal: a file has no rows, so nothing is paged.
func TestHeightWhenNotATerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if h := Height(f); h != 0 {
		t.Errorf("Height(file) = %d", h)
	}
}
