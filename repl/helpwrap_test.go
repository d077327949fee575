package repl

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"imapsh/scripts"
)

func TestWrapWords(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"short", 20, []string{"short"}},
		{"one two three four five six", 16, []string{"one two three", "four five six"}},
		{"supercalifragilisticexpialidocious word", 16, []string{"supercalifragilisticexpialidocious", "word"}},
		{"keeps  two  spaces inside a line", 40, []string{"keeps  two  spaces inside a line"}},
		{"a b c d e f g h i j k l m n o p q r", 16, []string{"a b c d e f g h", "i j k l m n o p", "q r"}},
	}
	for _, tt := range tests {
		if got := wrapWords(tt.text, tt.width); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wrapWords(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// TestWriteIndentedHangs: a two-column help line wraps its description
// under the description; a plain line under its first word.
func TestWriteIndentedHangs(t *testing.T) {
	var b bytes.Buffer
	writeIndented(&b, "fetch 1:* fast    every message's flags, date and size, quickly", "  ", 50)
	writeIndented(&b, "plain words that go on and on past the width of the line", "", 30)
	want := "  fetch 1:* fast    every message's flags, date\n" +
		"                    and size, quickly\n" +
		"plain words that go on and on\n" +
		"past the width of the line\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestHelpFitsWidth: at any terminal width from 64 columns up, no line of
// help, help all, help CMD or help scripts is wider than the terminal, and
// the words are all there (issue 11: help wraps at word boundaries).
func TestHelpFitsWidth(t *testing.T) {
	for _, width := range []int{64, 72, 80, 100, 132} {
		h := newHarness(t, func(c *Config) { c.Width = width })
		var b bytes.Buffer
		h.sess.writeHelp(&b, true)
		h.sess.writeHelp(&b, false)
		for _, cmd := range table.Entries() {
			h.sess.writeCommandHelp(&b, cmd)
			if got, want := strings.Fields(helpOf(h.sess, cmd, 1<<16)), strings.Fields(helpOf(h.sess, cmd, width)); !reflect.DeepEqual(got, want) {
				t.Errorf("width %d, help %s: words differ from the unwrapped help", width, cmd.Name)
			}
		}
		for _, l := range strings.Split(scripts.FormatHelp, "\n") {
			writeIndented(&b, l, "", width)
		}
		for _, line := range strings.Split(b.String(), "\n") {
			if n := utf8.RuneCountInString(line); n > width {
				t.Errorf("width %d: a line of %d: %q", width, n, line)
			}
		}
	}
}

func helpOf(s *Session, cmd *Command, width int) string {
	defer func(w int) { s.fixedWidth = w }(s.fixedWidth)
	s.fixedWidth = width
	var b bytes.Buffer
	s.writeCommandHelp(&b, cmd)
	return b.String()
}
