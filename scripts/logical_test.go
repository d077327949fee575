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
		// an open parenthesis, bracket or quote continues, as at the prompt
		{"open parenthesis continues", "search OR (FROM alice\n   SUBJECT \"a b\")\nnoop\n",
			[]string{`1 search OR (FROM alice SUBJECT "a b")`, "3 noop"}},
		{"nested groups", "select INBOX (QRESYNC (1 2\n1:9\n(1,3 5,7)))\n",
			[]string{"1 select INBOX (QRESYNC (1 2 1:9 (1,3 5,7)))"}},
		{"open bracket continues", "fetch 1 BODY.PEEK[HEADER.FIELDS (FROM\nTO)]\n",
			[]string{"1 fetch 1 BODY.PEEK[HEADER.FIELDS (FROM TO)]"}},
		{"open quote continues, the break is one space", "search SUBJECT \"hello  \n   world\"\nnoop\n",
			[]string{`1 search SUBJECT "hello world"`, "3 noop"}},
		{"comment inside a group skipped", "search (FROM a\n# why\nTO b)\n", []string{"1 search (FROM a TO b)"}},
		{"comment inside a quote is text", "search SUBJECT \"a\n# b\"\n", []string{`1 search SUBJECT "a # b"`}},
		{"blank line ends an open group", "search (FROM a\n\nnoop\n", []string{"1 search (FROM a", "3 noop"}},
		{"open group at end of input", "search (FROM a\n", []string{"1 search (FROM a"}},
		{"closing parenthesis alone is text", "search FROM a)\nnoop\n", []string{"1 search FROM a)", "2 noop"}},
		{"quoted parenthesis is text", "select \"a (b\"\nnoop\n", []string{`1 select "a (b"`, "2 noop"}},
		{"escaped quote stays open", "search SUBJECT \"a\\\"\nb\"\n", []string{`1 search SUBJECT "a\" b"`}},
		{"empty", "", nil},
		// \expect and \echo take the rest of the line as written: a regex
		// may match a lone "(" or "[", a text may hold one
		{"expect match with an open parenthesis", "\\expect match ^\\* 1 FETCH \\(FLAGS\nnoop\n",
			[]string{`1 \expect match ^\* 1 FETCH \(FLAGS`, "2 noop"}},
		{"expect match with an open bracket and quote", "\\EXPECT match \\[ALERT\\] \"x\nnoop\n",
			[]string{`1 \EXPECT match \[ALERT\] "x`, "2 noop"}},
		// IMAP has no blank after "(" or "[" or before ")" or "]": a break
		// there joins with none (Cyrus and the demo answered BAD to
		// "UID FETCH 1:* ( UID FLAGS )"); inside quotes it is one space
		{"break after an open parenthesis", "uid fetch 1:* (\n  UID\n  FLAGS\n)\nnoop\n",
			[]string{"1 uid fetch 1:* (UID FLAGS)", "5 noop"}},
		{"break inside brackets", "fetch 1 BODY.PEEK[\nHEADER.FIELDS (FROM\nTO\n)\n]\n",
			[]string{"1 fetch 1 BODY.PEEK[HEADER.FIELDS (FROM TO)]"}},
		{"break after a closing parenthesis is a space", "search OR (FROM a) \\\n(TO b)\n",
			[]string{"1 search OR (FROM a) (TO b)"}},
		{"break inside quotes stays a space", "search SUBJECT \"(\n)\"\n", []string{`1 search SUBJECT "( )"`}},
		{"echo with an open parenthesis", "\\echo note (see below\nnoop\n", []string{`1 \echo note (see below`, "2 noop"}},
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

// TestOneLine: with Options.OneLine (-c) each line stands alone, open or
// continued.
func TestOneLine(t *testing.T) {
	lines, err := readAll(NewReader("-c", strings.NewReader("search (FROM a\nfetch 1 \\\nnoop\n"), Options{OneLine: true}))
	if err != nil {
		t.Fatal(err)
	}
	if got := where(lines); !reflect.DeepEqual(got, []string{"-c:1 search (FROM a", `-c:2 fetch 1 \`, "-c:3 noop"}) {
		t.Errorf("got %q", got)
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
