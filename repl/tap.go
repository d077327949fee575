package repl

import (
	"bytes"
	"io"
	"strings"
	"sync"
)

// WireTap is the trace writer to create clients with (client.Options.Trace):
// it forwards the wire trace to a sink while tracing is on (--trace,
// \trace on|off) and keeps the server lines of the running command, which
// --raw prints and \expect match searches. main passes the same WireTap as
// Config.Trace and to its Connector; a plain writer in Config.Trace still
// traces, but then \trace, --raw and \expect match have nothing to see.
type WireTap struct {
	mu      sync.Mutex
	sink    io.Writer
	on      bool
	lines   []string // S: lines of the current command, prefix removed
	size    int      // bytes in lines, bounded by maxCapture
	partial []byte
}

// maxCapture bounds the server lines kept per command, so that a large
// FETCH streamed to a file stays in constant memory.
const maxCapture = 1 << 20

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
	t.partial = append(t.partial, p...)
	for {
		i := bytes.IndexByte(t.partial, '\n')
		if i < 0 {
			break
		}
		line := string(t.partial[:i])
		t.partial = t.partial[i+1:]
		if rest, ok := strings.CutPrefix(line, "S: "); ok && t.size+len(rest) <= maxCapture {
			t.lines = append(t.lines, rest)
			t.size += len(rest)
		}
	}
	return len(p), nil
}

// begin forgets the lines of the previous command.
func (t *WireTap) begin() {
	t.mu.Lock()
	t.lines, t.size, t.partial = nil, 0, t.partial[:0]
	t.mu.Unlock()
}

// serverLines returns the server lines since begin.
func (t *WireTap) serverLines() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.lines...)
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
