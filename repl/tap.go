package repl

import (
	"io"
	"sync"

	"imapsh/client"
	"imapsh/render"
)

// WireTap is the tracer to create clients with (client.Options.Trace): it
// forwards the wire's events to a sink while tracing is on (--trace,
// --trace-file, \trace on|off), streams the server lines of the running
// command to the --raw writer as they arrive, and keeps the first
// maxCapture bytes of them for \expect match and the pipeline. main
// passes the same WireTap as Config.Tap and to its Connector.
type WireTap struct {
	mu        sync.Mutex
	sink      client.Tracer
	on        bool
	raw       io.Writer // --raw: the running command's server lines go here
	lines     []tapLine // server lines of the current command
	size      int       // bytes in lines, bounded by maxCapture
	total     int       // server lines seen since begin, kept or not
	truncated bool      // a line was left out of lines
	overflow  int       // tagged answers kept past the cap
	buf       []byte    // the line being looked at, reused
}

// tapLine is a server line as the tap keeps it: its text (secrets and
// cut bytes shown as the trace shows them), and the tag of a tagged
// status line.
type tapLine struct{ text, tag string }

// maxCapture bounds the server lines kept per command, so that a large
// FETCH streamed to a file stays in constant memory. --raw does not
// depend on it: it prints the lines as they arrive.
const maxCapture = 1 << 20

// maxOverflow bounds the tagged answers kept once maxCapture is reached,
// so that \expect match and the pipeline still see a command's status.
const maxOverflow = 1024

// NewWireTap returns a tap forwarding to sink; a nil sink starts with
// tracing off.
func NewWireTap(sink client.Tracer) *WireTap {
	return &WireTap{sink: sink, on: sink != nil}
}

// Trace implements client.Tracer.
func (t *WireTap) Trace(e client.TraceEvent) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.on && t.sink != nil {
		t.sink.Trace(e)
	}
	if e.Dir == client.FromServer {
		t.serverLine(&e)
	}
}

// serverLine prints a server line for --raw and keeps it while there is
// room (and a tagged answer a little beyond); a line it neither prints nor
// keeps costs no allocation (a server may flood millions).
func (t *WireTap) serverLine(e *client.TraceEvent) {
	t.total++
	t.buf = e.AppendText(t.buf[:0], "***")
	if t.raw != nil {
		io.WriteString(t.raw, render.Safe(string(t.buf))+"\n")
	}
	switch {
	case t.size+len(t.buf) <= maxCapture:
		t.size += len(t.buf)
	case t.overflow < maxOverflow && e.Tag != "":
		t.overflow++
		t.truncated = true
	default:
		t.truncated = true
		return
	}
	t.lines = append(t.lines, tapLine{text: string(t.buf), tag: e.Tag})
}

// begin forgets the lines of the previous command.
func (t *WireTap) begin() {
	t.mu.Lock()
	t.lines, t.size = nil, 0
	t.total, t.truncated, t.overflow = 0, false, 0
	t.mu.Unlock()
}

// take returns the server lines kept since begin and forgets them.
func (t *WireTap) take() []tapLine {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := t.lines
	t.lines, t.size = nil, 0
	t.total, t.truncated, t.overflow = 0, false, 0
	return lines
}

// capture returns the server lines kept since begin, how many came in all
// and whether some were left out.
func (t *WireTap) capture() (lines []string, total int, truncated bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return texts(t.lines), t.total, t.truncated
}

// texts are the lines' texts.
func texts(lines []tapLine) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text
	}
	return out
}

// streamRaw sends the server lines to w (made safe, one per line) as they
// arrive, until it is called with nil.
func (t *WireTap) streamRaw(w io.Writer) {
	t.mu.Lock()
	t.raw = w
	t.mu.Unlock()
}

// setTracing turns forwarding on or off; on with no sink uses fallback.
func (t *WireTap) setTracing(on bool, fallback client.Tracer) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if on && t.sink == nil {
		t.sink = fallback
	}
	t.on = on
}
