package probe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Bounds of the evidence a deviation carries: enough to see what
// happened, not a whole FETCH.
const (
	maxEvidenceSent     = 6
	maxEvidenceReceived = 10
	maxEvidenceWidth    = 240
)

// evidence is what a step sent and received, as transcript lines ("C: ",
// "S: "), shortened; without a trace, what the step did and its status.
func evidence(st *Step) (sent, received []string) {
	if len(st.Lines) == 0 {
		return []string{st.Label}, []string{statusLine(st)}
	}
	for _, l := range st.Lines {
		if l.From == 'C' {
			sent = append(sent, cut(l.String()))
		} else {
			received = append(received, cut(l.String()))
		}
	}
	if st.Dropped > 0 {
		received = append(received, fmt.Sprintf("[... %d more lines not kept]", st.Dropped))
	}
	return shorten(sent, maxEvidenceSent), shorten(received, maxEvidenceReceived)
}

// statusLine describes a step's outcome when its wire was not observed.
func statusLine(st *Step) string {
	switch {
	case st.Result != nil && st.Result.Status != nil:
		s := st.Result.Status
		code := ""
		if s.Code != nil {
			code = "[" + s.Code.Name + "] "
		}
		return fmt.Sprintf("%s %s %s%s", st.Result.Tag, s.Status, code, s.Text)
	case st.Err != nil:
		return "error: " + errText(st.Err)
	}
	return "(no answer recorded)"
}

// shorten keeps the first lines and the last two when there are too many.
func shorten(lines []string, max int) []string {
	if len(lines) <= max {
		return lines
	}
	head := lines[:max-3]
	tail := lines[len(lines)-2:]
	out := append(append([]string(nil), head...), fmt.Sprintf("[... %d more lines]", len(lines)-len(head)-len(tail)))
	return append(out, tail...)
}

// cut shortens a long line at a rune boundary.
func cut(s string) string {
	if len(s) <= maxEvidenceWidth {
		return s
	}
	i := maxEvidenceWidth
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + fmt.Sprintf(" [... %d more bytes]", len(s)-i)
}

// serverLines returns the S: lines of a step.
func serverLines(st *Step) []string {
	var out []string
	for _, l := range st.Lines {
		if l.From == 'S' {
			out = append(out, l.Text)
		}
	}
	return out
}

// foreignTagged returns the server lines of steps that are tagged
// responses with a tag other than the steps' own, or untagged BAD
// (a server reading data as a command).
func foreignTagged(steps ...*Step) []string {
	own := map[string]bool{}
	for _, st := range steps {
		if st.Result != nil && st.Result.Tag != "" {
			own[st.Result.Tag] = true
		}
	}
	var out []string
	for _, st := range steps {
		for _, l := range serverLines(st) {
			tag, rest, _ := strings.Cut(l, " ")
			status, _, _ := strings.Cut(rest, " ")
			switch {
			case tag == "*" && strings.EqualFold(status, "BAD"):
				out = append(out, l)
			case tag != "*" && tag != "+" && !own[tag] && isStatusWord(status):
				out = append(out, l)
			}
		}
	}
	return out
}

// isStatusWord reports OK, NO or BAD in any case.
func isStatusWord(s string) bool {
	return strings.EqualFold(s, "OK") || strings.EqualFold(s, "NO") || strings.EqualFold(s, "BAD")
}
