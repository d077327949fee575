package scripts

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxLineBytes bounds one physical line and one logical line, so a stray
// binary file or an endless continuation ends in an error instead of eating
// memory.
const maxLineBytes = 1 << 20

// rawLine is one logical line before expansion.
type rawLine struct {
	text string // continuation parts joined, blanks trimmed, not expanded
	num  int    // line number of its first physical line with text
}

// logicalScanner joins physical lines into logical ones: it drops blank and
// comment lines and follows continuations (Joiner).
type logicalScanner struct {
	sc   *bufio.Scanner
	num  int // physical lines read so far
	join Joiner
}

func newLogicalScanner(r io.Reader, single bool) *logicalScanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLineBytes)
	return &logicalScanner{sc: sc, join: Joiner{single: single}}
}

// errNoText says a continuation held only lone backslashes.
var errNoText = errors.New("continuation without text")

// next returns the next logical line, or io.EOF. Other errors carry the
// physical line number in an *Error with an empty File for the caller to fill.
func (s *logicalScanner) next() (rawLine, error) {
	for {
		raw, err := s.collect()
		if err != errNoText {
			return raw, err
		}
	}
}

// collect reads the physical lines of one logical line. A comment line
// is skipped, also between the lines of one logical line, except inside
// an open quote, where it is text.
func (s *logicalScanner) collect() (rawLine, error) {
	j := &s.join
	j.Reset()
	start := 0
	for {
		line, ok := s.physical()
		if !ok {
			return s.finish(start)
		}
		trimmed := strings.TrimSpace(line)
		if (isComment(trimmed) && !j.Pending().Quote) || (trimmed == "" && j.Empty()) {
			continue
		}
		more, err := j.Add(line)
		if err != nil {
			return rawLine{}, &Error{Line: cmp.Or(start, s.num), Err: err}
		}
		if start == 0 && j.Started() {
			start = s.num
		}
		if !more {
			return s.finish(start)
		}
	}
}

// physical returns the next physical line without its CR, and without a
// UTF-8 byte order mark on the first line.
func (s *logicalScanner) physical() (string, bool) {
	if !s.sc.Scan() {
		return "", false
	}
	s.num++
	line := strings.TrimSuffix(s.sc.Text(), "\r")
	if s.num == 1 {
		line = strings.TrimPrefix(line, "\uFEFF")
	}
	return line, true
}

// finish builds the logical line from the joiner, or reports why there
// is none.
func (s *logicalScanner) finish(start int) (rawLine, error) {
	if text := s.join.Text(); text != "" {
		return rawLine{text: text, num: start}, nil
	}
	if err := s.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line longer than %d bytes", maxLineBytes)
		}
		return rawLine{}, &Error{Line: s.num + 1, Err: err}
	}
	if !s.join.Empty() {
		return rawLine{}, errNoText
	}
	return rawLine{}, io.EOF
}

// joinParts joins the non-empty continuation parts with single spaces.
func joinParts(parts []string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// isComment reports whether a trimmed line is a comment.
func isComment(trimmed string) bool { return strings.HasPrefix(trimmed, "#") }

// cutContinuation splits a trimmed physical line into its text and whether it
// continues: it does when it ends in a backslash that is the whole line or
// follows a space or tab. "\Seen", "\quit" and "a\" do not continue.
func cutContinuation(trimmed string) (string, bool) {
	if trimmed == `\` {
		return "", true
	}
	if strings.HasSuffix(trimmed, ` \`) || strings.HasSuffix(trimmed, "\t\\") {
		return strings.TrimSpace(trimmed[:len(trimmed)-1]), true
	}
	return trimmed, false
}
