package scripts

import (
	"fmt"
	"strings"

	"imapsh/internal/cmdline"
)

// Joiner joins physical lines into one logical line, by the same rules
// for a script, piped stdin and the interactive prompt:
//
//   - a line that ends in " \" (or is a lone "\") continues, the
//     backslash dropped ("\Seen" at the end of a line is a flag);
//   - a line that leaves a double quote, a parenthesis or a bracket open
//     (as the lexer reads it: cmdline.Pending) continues, except an
//     \expect or \echo line, whose rest is text (a regexp may match "(");
//   - a blank line ends the logical line, open or not, so that a missing
//     ")" cannot swallow the rest of a script;
//   - the parts are joined with one space: a line break and the blanks
//     around it become one space, inside quotes too; outside quotes none
//     after "(" or "[" or before ")" or "]", where IMAP has no blank
//     (Cyrus answers "UID FETCH 1:* ( UID FLAGS )" with BAD).
//
// The zero value is ready for the first line.
type Joiner struct {
	parts    []string
	size     int
	text     bool // a part with text was added
	pending  cmdline.Pending
	single   bool // no continuation: each line stands alone (-c)
	verbatim bool // an \expect or \echo line: an open group does not continue it
	last     int  // the index of the last part with text
}

// Add adds one physical line (without its line end) and reports whether
// the logical line goes on. A logical line longer than maxLineBytes is an
// error.
func (j *Joiner) Add(line string) (more bool, err error) {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" {
		return false, nil
	}
	body, cont := cutContinuation(trimmed)
	if j.single {
		body, cont = trimmed, false
	}
	if j.size += len(body) + 1; j.size > maxLineBytes {
		return false, fmt.Errorf("continued line longer than %d bytes", maxLineBytes)
	}
	if body != "" {
		sep := j.separator(body)
		if !j.text {
			j.verbatim = verbatimLine(body)
		}
		j.pending, j.text = j.pending.After(sep+body), true
		if sep == "" && len(j.parts) > 0 {
			j.parts[j.last] += body
			body = ""
		} else {
			j.last = len(j.parts)
		}
	}
	j.parts = append(j.parts, body)
	return cont || (!j.single && !j.verbatim && j.pending.Open()), nil
}

// separator is what joins body to the text so far: nothing at the start,
// one space, or nothing outside quotes after "(" or "[" or before ")" or
// "]".
func (j *Joiner) separator(body string) string {
	if !j.text {
		return ""
	}
	prev := j.parts[j.last]
	if !j.pending.Quote && (strings.ContainsAny(prev[len(prev)-1:], "([") || strings.ContainsAny(body[:1], ")]")) {
		return ""
	}
	return " "
}

// Unexpanded reports whether a line is an \echo, which prints its text as
// written: its ${NAME} references are neither expanded nor required to be
// defined (a variable may hold a secret).
func Unexpanded(line string) bool {
	return strings.EqualFold(firstWord(line), `\echo`)
}

// firstWord is the line's first blank-separated word ("" for none).
func firstWord(line string) string {
	first, _, _ := strings.Cut(strings.TrimLeft(line, " \t"), " ")
	first, _, _ = strings.Cut(first, "\t")
	return first
}

// verbatimLine reports whether a line is an \expect or \echo, whose
// rest is text as written (the shell's table marks them Verbatim).
func verbatimLine(line string) bool {
	return strings.EqualFold(firstWord(line), `\expect`) || Unexpanded(line)
}

// Started reports whether a line with text was added.
func (j *Joiner) Started() bool { return j.text }

// Empty reports whether no line was added, not even a lone "".
func (j *Joiner) Empty() bool { return len(j.parts) == 0 }

// Pending is what the text so far leaves open: what a continuation
// prompt may show.
func (j *Joiner) Pending() cmdline.Pending { return j.pending }

// Text is the logical line: the non-empty parts joined by one space.
func (j *Joiner) Text() string { return joinParts(j.parts) }

// Reset empties the joiner for the next logical line.
func (j *Joiner) Reset() { *j = Joiner{single: j.single} }
