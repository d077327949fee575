package repl

import (
	"bytes"
	"io"
	"regexp"
	"sync"

	"imapsh/render"
)

// WireTap is the trace writer to create clients with (client.Options.Trace):
// it forwards the wire trace to a sink while tracing is on (--trace,
// \trace on|off), streams the server lines of the running command to the
// --raw writer as they arrive, and keeps the first maxCapture bytes of them
// for \expect match. main passes the same WireTap as Config.Trace and to
// its Connector; a plain writer in Config.Trace still traces, but then
// \trace, --raw and \expect match have nothing to see.
type WireTap struct {
	mu        sync.Mutex
	sink      io.Writer
	on        bool
	raw       io.Writer // --raw: the running command's S: lines go here
	lines     []string  // S: lines of the current command, prefix removed
	size      int       // bytes in lines, bounded by maxCapture
	total     int       // S: lines seen since begin, kept or not
	truncated bool      // a line was left out of lines
	overflow  int       // tagged answers kept past the cap
	partial   []byte
}

// maxCapture bounds the server lines kept per command, so that a large
// FETCH streamed to a file stays in constant memory. --raw does not
// depend on it: it prints the lines as they arrive.
const maxCapture = 1 << 20

// maxOverflow bounds the tagged answers kept once maxCapture is reached,
// so that \expect match and the pipeline still see a command's status.
const maxOverflow = 1024

// taggedAnswerRE matches a tagged status line the client can have sent
// the tag of (A1, A2, ...).
var taggedAnswerRE = regexp.MustCompile(`^A[0-9]+ (?i:OK|NO|BAD)( |$)`)

// NewWireTap returns a tap forwarding to sink; a nil sink starts with
// tracing off.
func NewWireTap(sink io.Writer) *WireTap {
	return &WireTap{sink: sink, on: sink != nil}
}

// Write receives whole "C: ..." and "S: ..." lines from the client.
func (t *WireTap) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.on && t.sink != nil {
		t.sink.Write(p)
	}
	rest := p
	if len(t.partial) > 0 { // a line split across writes: join it first
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			t.partial = append(t.partial, p...)
			return len(p), nil
		}
		t.partial = append(t.partial, p[:i+1]...)
		t.line(t.partial[:len(t.partial)-1])
		t.partial, rest = t.partial[:0], p[i+1:]
	}
	for {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		t.line(rest[:i])
		rest = rest[i+1:]
	}
	t.partial = append(t.partial, rest...)
	return len(p), nil
}

// line takes one whole trace line: the server's lines count.
func (t *WireTap) line(line []byte) {
	if rest, ok := bytes.CutPrefix(line, []byte("S: ")); ok {
		t.serverLine(rest)
	}
}

// serverLine prints a server line for --raw and keeps it while there is
// room (and a tagged answer a little beyond); a line it neither prints nor
// keeps costs no allocation (a server may flood millions).
func (t *WireTap) serverLine(line []byte) {
	t.total++
	if t.raw != nil {
		io.WriteString(t.raw, render.Safe(string(line))+"\n")
	}
	switch {
	case t.size+len(line) <= maxCapture:
		t.size += len(line)
	case t.overflow < maxOverflow && len(line) > 0 && line[0] == 'A' && taggedAnswerRE.Match(line):
		t.overflow++
		t.truncated = true
	default:
		t.truncated = true
		return
	}
	t.lines = append(t.lines, string(line))
}

// begin forgets the lines of the previous command.
func (t *WireTap) begin() {
	t.mu.Lock()
	t.lines, t.size, t.partial = nil, 0, t.partial[:0]
	t.total, t.truncated, t.overflow = 0, false, 0
	t.mu.Unlock()
}

// serverLines returns the server lines since begin.
func (t *WireTap) serverLines() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.lines...)
}

// capture returns the server lines kept since begin, how many came in all
// and whether some were left out.
func (t *WireTap) capture() (lines []string, total int, truncated bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.lines...), t.total, t.truncated
}

// streamRaw sends the server lines to w (made safe, one per line) as they
// arrive, until it is called with nil.
func (t *WireTap) streamRaw(w io.Writer) {
	t.mu.Lock()
	t.raw = w
	t.mu.Unlock()
}

// setTracing turns forwarding on or off; on with no sink uses fallback.
func (t *WireTap) setTracing(on bool, fallback io.Writer) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if on && t.sink == nil {
		t.sink = fallback
	}
	t.on = on
}
