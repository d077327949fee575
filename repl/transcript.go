package repl

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
)

// TranscriptWriter turns the client's wire trace ("C: "/"S: " lines,
// secrets already ***) into a transcript that client/clienttest replays
// (--trace-file FILE), so a session against a real server becomes a
// regression test:
//
//   - a LOGIN password, traced as ***, is written as the quoted string
//     "***": exactly what the client sends when the replay logs in with
//     the password *** (the placeholder convention);
//   - an OK to STARTTLS is followed by !starttls;
//   - masked SASL data (AUTHENTICATE, its continuation answers, a secret
//     literal) cannot replay: a comment before the line says so;
//   - a server line ending in a CR the trace kept is written escaped (Sx:).
//
// What the trace itself loses does not replay byte for byte either: a
// server line ended by a bare LF comes back with CRLF, client literals of
// more than 64 KiB are traced as a size, and \trace off leaves a gap.
type TranscriptWriter struct {
	mu       sync.Mutex
	w        io.Writer
	partial  []byte
	started  bool
	starttls string // tag of a STARTTLS waiting for its answer
	err      error  // the first write error, returned from then on
}

// transcriptHeader opens every transcript.
const transcriptHeader = `# imapsh wire transcript (client/clienttest format: S: server, C: client).
# Replay: clienttest.ServeFile, logging in with the password *** (LOGIN is
# written as "***"); masked AUTHENTICATE data does not replay.
`

// NewTranscriptWriter returns a writer producing a transcript on w.
func NewTranscriptWriter(w io.Writer) *TranscriptWriter { return &TranscriptWriter{w: w} }

// Write takes trace bytes; complete lines are converted and written.
func (t *TranscriptWriter) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.partial = append(t.partial, p...)
	for t.err == nil {
		i := bytes.IndexByte(t.partial, '\n')
		if i < 0 {
			break
		}
		line := string(t.partial[:i])
		t.partial = t.partial[i+1:]
		t.err = t.writeLine(line)
	}
	if t.err != nil {
		return 0, t.err
	}
	return len(p), nil
}

// writeLine converts one trace line.
func (t *TranscriptWriter) writeLine(line string) error {
	var out []string
	if !t.started {
		t.started = true
		out = append(out, strings.TrimSuffix(transcriptHeader, "\n"))
	}
	switch {
	case strings.HasPrefix(line, "C: ") || line == "C:":
		out = append(out, t.clientLines(strings.TrimPrefix(strings.TrimPrefix(line, "C:"), " "))...)
	case strings.HasPrefix(line, "S: ") || line == "S:":
		out = append(out, t.serverLines(strings.TrimPrefix(strings.TrimPrefix(line, "S:"), " "))...)
	default:
		out = append(out, "# "+line) // not wire data: keep it visible, out of the replay
	}
	_, err := io.WriteString(t.w, strings.Join(out, "\n")+"\n")
	return err
}

// clientLines converts a client line: LOGIN's masked password becomes
// "***", other masked data gets a warning comment.
func (t *TranscriptWriter) clientLines(text string) []string {
	tag, rest, _ := strings.Cut(text, " ")
	name, args, _ := strings.Cut(rest, " ")
	switch {
	case strings.EqualFold(name, "LOGIN") && strings.HasSuffix(args, " ***"):
		return []string{"C: " + strings.TrimSuffix(text, "***") + `"***"`}
	case strings.EqualFold(name, "STARTTLS"):
		t.starttls = tag
	case text == "***" || strings.HasSuffix(text, " ***"):
		return []string{"# masked secret: this exchange does not replay as recorded", "C: " + text}
	}
	return []string{"C: " + text}
}

// serverLines converts a server line, adding !starttls after the OK to
// a STARTTLS.
func (t *TranscriptWriter) serverLines(text string) []string {
	out := []string{serverLine(text)}
	if t.starttls == "" {
		return out
	}
	tag, rest, _ := strings.Cut(text, " ")
	if tag != t.starttls {
		return out
	}
	t.starttls = ""
	if status, _, _ := strings.Cut(rest, " "); strings.EqualFold(status, "OK") {
		out = append(out, "!starttls")
	}
	return out
}

// serverLine writes text verbatim unless it ends in CR, which the
// transcript parser would drop: then escaped.
func serverLine(text string) string {
	if !strings.HasSuffix(text, "\r") {
		return "S: " + text
	}
	var b strings.Builder
	b.WriteString("Sx: ")
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
