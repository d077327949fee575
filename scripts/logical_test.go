package scripts

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestLogicalLines(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string // "Num Display"
	}{
		{"comments and blanks", "# head\n\n  # indented\nnoop\n\t\nselect INBOX # not a comment\n",
			[]string{"4 noop", "6 select INBOX # not a comment"}},
		{"blanks trimmed", "   capability   \n", []string{"1 capability"}},
		{"crlf and bom", "\uFEFFnoop\r\ncapability\r\n", []string{"1 noop", "2 capability"}},
		{"no final newline", "noop", []string{"1 noop"}},
		{"continuation", "fetch 1:5 \\\n    (UID FLAGS) \\\n  BODY\nnoop\n",
			[]string{"1 fetch 1:5 (UID FLAGS) BODY", "4 noop"}},
		{"tab before backslash", "fetch 1\t\\\n(FLAGS)\n", []string{"1 fetch 1 (FLAGS)"}},
		{"trailing blanks after backslash", "fetch 1 \\   \n(FLAGS)\n", []string{"1 fetch 1 (FLAGS)"}},
		{"flag at end is not a continuation", "uid store 1 +flags \\Seen\nnoop\n",
			[]string{`1 uid store 1 +flags \Seen`, "2 noop"}},
		{"meta command is not a continuation", "\\quit\nnoop\n", []string{`1 \quit`, "2 noop"}},
		{"backslash glued to text is not a continuation", "search text a\\\nnoop\n",
			[]string{`1 search text a\`, "2 noop"}},
		{"lone backslash continues", "\\\nnoop\n", []string{"2 noop"}},
		{"lone backslash after text", "fetch 1\n\\\n(FLAGS)\n", []string{"1 fetch 1", "3 (FLAGS)"}},
		{"comment inside continuation skipped", "fetch 1 \\\n# the items\n  (FLAGS)\n",
			[]string{"1 fetch 1 (FLAGS)"}},
		{"blank line ends continuation", "fetch 1 \\\n\nnoop\n", []string{"1 fetch 1", "3 noop"}},
		{"continuation at end of input", "fetch 1 \\\n", []string{"1 fetch 1"}},
		{"only lone backslashes", "\\\n\\\n", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, err := readAll(NewReader("t", strings.NewReader(tt.input), Options{}))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range lines {
				got = append(got, itoaLine(l))
				if l.File != "t" {
					t.Errorf("File = %q, want t", l.File)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func itoaLine(l Line) string { return strings.TrimPrefix(where([]Line{l})[0], l.File+":") }

func TestLineTooLong(t *testing.T) {
	input := "noop\n" + strings.Repeat("x", maxLineBytes+1) + "\n"
	r := NewReader("big", strings.NewReader(input), Options{})
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	_, err := r.Next()
	var se *Error
	if !errors.As(err, &se) || se.File != "big" || se.Line != 2 || !strings.Contains(err.Error(), "longer than") {
		t.Fatalf("err = %v, want big:2: line longer than ...", err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("after the error Next = %v, want io.EOF", err)
	}
}

func TestContinuedLineTooLong(t *testing.T) {
	part := strings.Repeat("x", 1000) + " \\\n"
	input := "noop\n" + strings.Repeat(part, maxLineBytes/1000+1) + "end\n"
	r := NewReader("big", strings.NewReader(input), Options{})
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	_, err := r.Next()
	var se *Error
	if !errors.As(err, &se) || se.Line != 2 || !strings.Contains(err.Error(), "continued line longer than") {
		t.Fatalf("err = %v, want big:2: continued line longer than ...", err)
	}
}
