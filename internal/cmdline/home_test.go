package cmdline

import (
	"path/filepath"
	"testing"
)

func TestPathOf(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	tests := []struct {
		line string
		want string
	}{
		{`~/mail/x.eml`, filepath.Join(home, "mail/x.eml")},
		{`~`, home},
		{`~/`, home},
		{`"~/x.eml"`, "~/x.eml"}, // quoted: a directory named ~, as in sh
		{`~bob/x`, "~bob/x"},
		{`a/~/b`, "a/~/b"},
		{`x~`, "x~"},
		{`/tmp/x`, "/tmp/x"},
	}
	for _, tt := range tests {
		toks, err := Lex(tt.line)
		if err != nil || len(toks) != 1 {
			t.Fatalf("Lex(%q) = %v, %v", tt.line, toks, err)
		}
		if got := PathOf(toks[0]); got != tt.want {
			t.Errorf("PathOf(%s) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestExpandHomeWithoutHome(t *testing.T) {
	t.Setenv("HOME", "")
	if got := ExpandHome("~/x"); got != "~/x" {
		t.Errorf("ExpandHome without a home = %q, want it unchanged", got)
	}
}
