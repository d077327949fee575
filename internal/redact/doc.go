// Package redact decides what is a secret in a line, for everything that
// shows or keeps one: the history, the wire trace, recordings, --json
// output and error messages. It finds secrets as spans (byte ranges of
// the line as written), so each consumer replaces the same bytes: ***
// for display, ${IMAPSH_PASSWORD} for a recording, the wire's secret
// parts for the trace.
//
// It reads lines with package cmdline's tokenizer rules (the same blanks
// and quoting), so a password typed after a tab is found as surely as
// one typed after a space. It imports nothing else of imapsh.
package redact

import "strings"

// Mask replaces every secret the redactors remove.
const Mask = "***"

// Span is a secret's byte range [From, To) in a line.
type Span struct{ From, To int }

// Apply returns line with each span (in order, not overlapping) replaced
// by replace(span).
func Apply(line string, spans []Span, replace func(Span) string) string {
	if len(spans) == 0 {
		return line
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(line[last:sp.From])
		b.WriteString(replace(sp))
		last = sp.To
	}
	b.WriteString(line[last:])
	return b.String()
}

// Masked is Apply with Mask for every span.
func Masked(line string, spans []Span) string {
	return Apply(line, spans, func(Span) string { return Mask })
}
