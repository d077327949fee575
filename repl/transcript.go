package repl

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"imapsh/client"
)

// TranscriptWriter turns the client's wire trace events into a transcript
// that client/clienttest replays (--trace-file FILE), so a session against
// a real server becomes a regression test:
//
//   - a LOGIN password, a secret part of the event, is written as the
//     quoted string "***": exactly what the client sends when the replay
//     logs in with the password *** (the placeholder convention);
//   - an OK to STARTTLS (the tagged status event of its tag) is followed
//     by !starttls;
//   - other secret data (AUTHENTICATE, its continuation answers, a secret
//     literal) cannot replay: a comment before the line says so;
//   - a server line ending in a CR the trace kept is written escaped (Sx:).
//
// What the trace itself loses does not replay byte for byte either: a
// server line ended by a bare LF comes back with CRLF, client literals of
// more than 64 KiB are traced as a size, and \trace off leaves a gap.
type TranscriptWriter struct {
	mu       sync.Mutex
	w        io.Writer
	started  bool
	starttls string // tag of a STARTTLS waiting for its answer
	err      error  // the first write error; nothing is written after it
}

// transcriptHeader opens every transcript.
const transcriptHeader = `# imapsh wire transcript (client/clienttest format: S: server, C: client).
# Replay: clienttest.ServeFile, logging in with the password *** (LOGIN is
# written as "***"); masked AUTHENTICATE data does not replay.
`

// NewTranscriptWriter returns a tracer writing a transcript on w.
func NewTranscriptWriter(w io.Writer) *TranscriptWriter { return &TranscriptWriter{w: w} }

// Trace implements client.Tracer.
func (t *TranscriptWriter) Trace(e client.TraceEvent) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err != nil {
		return
	}
	var out []string
	if !t.started {
		t.started = true
		out = append(out, strings.TrimSuffix(transcriptHeader, "\n"))
	}
	if e.Dir == client.FromClient {
		out = append(out, t.clientLines(&e)...)
	} else {
		out = append(out, t.serverLines(&e)...)
	}
	_, t.err = io.WriteString(t.w, strings.Join(out, "\n")+"\n")
}

// clientLines converts a client line: LOGIN's secret password becomes
// "***", other secret data gets a warning comment.
func (t *TranscriptWriter) clientLines(e *client.TraceEvent) []string {
	switch {
	case strings.EqualFold(e.Command, "LOGIN") && e.HasSecret():
		return []string{"C: " + string(e.AppendText(nil, `"***"`))}
	case strings.EqualFold(e.Command, "STARTTLS"):
		t.starttls = e.Tag
	case e.HasSecret():
		return []string{"# masked secret: this exchange does not replay as recorded", "C: " + string(e.AppendText(nil, "***"))}
	}
	return []string{"C: " + string(e.AppendText(nil, "***"))}
}

// serverLines converts a server line, adding !starttls after the OK to
// a STARTTLS.
func (t *TranscriptWriter) serverLines(e *client.TraceEvent) []string {
	out := []string{serverLine(string(e.AppendText(nil, "***")))}
	if t.starttls == "" || e.Tag != t.starttls {
		return out
	}
	t.starttls = ""
	if e.Status == "OK" {
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
