package repl

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// writeColumns writes rows as "  left  right" with the right column
// aligned and wrapped at word boundaries so that no line is wider than
// width (issue 11: help wraps at word boundaries). When the left column
// leaves the right one fewer than 24 columns, the right text goes on the
// following lines, indented by 6.
func writeColumns(w io.Writer, rows [][2]string, width int) {
	left := 0
	for _, r := range rows {
		left = max(left, utf8.RuneCountInString(r[0]))
	}
	indent := 2 + left + 2
	stacked := width-indent < 24
	for _, r := range rows {
		if stacked {
			fmt.Fprintf(w, "  %s\n", r[0])
			writeIndented(w, r[1], strings.Repeat(" ", 6), width)
			continue
		}
		lines := wrapWords(r[1], width-indent)
		pad := strings.Repeat(" ", left-utf8.RuneCountInString(r[0]))
		fmt.Fprintf(w, "  %s%s  %s\n", r[0], pad, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(w, "%s%s\n", strings.Repeat(" ", indent), l)
		}
	}
}

// writeIndented writes text after prefix, wrapped at word boundaries to
// width. A line laid out in two columns ("fetch 1:* fast   what it does",
// a gap of two or more spaces) keeps its first column and wraps the
// second under itself; other lines continue under their own first word.
// An empty text is an empty line.
func writeIndented(w io.Writer, text, prefix string, width int) {
	if strings.TrimSpace(text) == "" {
		fmt.Fprintln(w)
		return
	}
	head, body := splitColumns(text)
	hang := strings.Repeat(" ", utf8.RuneCountInString(head))
	if width-len(prefix)-len(hang) < 20 { // too narrow for two columns
		body = strings.TrimLeft(text, " ")
		head = strings.Repeat(" ", min(len(text)-len(body), 4))
		hang = head + "    "
	}
	for i, l := range wrapWords(body, width-len(prefix)-len(hang)) {
		if i == 0 {
			fmt.Fprintf(w, "%s%s%s\n", prefix, head, l)
		} else {
			fmt.Fprintf(w, "%s%s%s\n", prefix, hang, l)
		}
	}
}

// writeUsage writes "usage: " and the command's usage line; one wider
// than width wraps its arguments under the first one.
func writeUsage(w io.Writer, cmd *Command, width int) {
	line := "usage: " + cmd.Usage()
	head := "usage: " + cmd.Name + " "
	if utf8.RuneCountInString(line) <= width || !strings.HasPrefix(line, head) {
		fmt.Fprintln(w, line)
		return
	}
	hang := strings.Repeat(" ", utf8.RuneCountInString(head))
	for i, l := range wrapWords(line[len(head):], width-len(hang)) {
		if i == 0 {
			fmt.Fprintf(w, "%s%s\n", head, l)
		} else {
			fmt.Fprintf(w, "%s%s\n", hang, l)
		}
	}
}

// splitColumns splits a help line at the end of its last gap of two or
// more spaces (the start of its description column), or else after its
// leading spaces: head is kept as it is, body may wrap.
func splitColumns(text string) (head, body string) {
	body = strings.TrimLeft(text, " ")
	head = text[:len(text)-len(body)]
	if i := strings.LastIndex(body, "  "); i > 0 {
		j := i + len(body[i:]) - len(strings.TrimLeft(body[i:], " "))
		if j < len(body) {
			return head + body[:j], body[j:]
		}
	}
	return head, body
}

// wrapWords breaks text into lines of at most width runes at spaces; a
// word longer than width stands alone on its line. Runs of spaces inside
// a line are kept (help aligns examples with them).
func wrapWords(text string, width int) []string {
	width = max(width, 16)
	var lines []string
	for utf8.RuneCountInString(text) > width {
		cut := breakAt(text, width)
		if cut <= 0 {
			break
		}
		lines = append(lines, strings.TrimRight(text[:cut], " "))
		text = strings.TrimLeft(text[cut:], " ")
	}
	return append(lines, text)
}

// breakAt returns the byte offset of the last space at or before rune
// width, or of the first space after it when the first word is longer;
// -1 when there is no space at all.
func breakAt(text string, width int) int {
	last, runes := -1, 0
	for i, r := range text {
		if runes > width && last > 0 {
			return last
		}
		if r == ' ' && i > 0 {
			last = i
			if runes >= width {
				return last
			}
		}
		runes++
	}
	return last
}

// helpWidth is the width help is wrapped to: the layout width, 80 when
// unknown (as in render).
func (s *Session) helpWidth() int {
	if w := s.width(); w > 0 {
		return w
	}
	return 80
}
