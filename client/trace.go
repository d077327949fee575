package client

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// tracer writes the wire in "C: " / "S: " lines. Server bytes are split
// into lines as they arrive (a tee under the bufio.Reader); client lines
// are written by the command writer with secret parts replaced by ***.
type tracer struct {
	mu      sync.Mutex
	w       io.Writer
	partial []byte // server bytes not yet ended by LF, at most maxTraceLine
	dropped int64  // bytes of the current line beyond maxTraceLine
	out     []byte // the S: line being written, reused
}

// maxTraceLine bounds the server line held for the trace: a hostile server
// sending endless bytes without a line feed (or a binary literal streamed
// to a file) costs at most this much.
const maxTraceLine = 64 << 10

func (t *tracer) enabled() bool { return t != nil && t.w != nil }

// client records a complete client line (without CRLF).
func (t *tracer) client(line []byte) {
	if !t.enabled() {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.flushPartial()
	t.w.Write(append(append([]byte("C: "), line...), '\n'))
}

// server records raw bytes read from the server.
func (t *tracer) server(p []byte) {
	if !t.enabled() {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			t.keep(p)
			return
		}
		t.keep(bytes.TrimSuffix(p[:i], []byte("\r")))
		line := bytes.TrimSuffix(t.partial, []byte("\r")) // a CR at the end of the previous read
		if t.dropped > 0 {
			line = append(line, fmt.Sprintf(" [... %d more bytes without a line break]", t.dropped)...)
		}
		t.out = append(append(append(t.out[:0], "S: "...), line...), '\n')
		t.w.Write(t.out)
		t.partial, t.dropped = t.partial[:0], 0
		p = p[i+1:]
	}
}

// keep adds bytes to the current line up to maxTraceLine and counts the rest.
func (t *tracer) keep(p []byte) {
	room := maxTraceLine - len(t.partial)
	if len(p) > room {
		t.dropped += int64(len(p) - room)
		p = p[:room]
	}
	t.partial = append(t.partial, p...)
}

func (t *tracer) flushPartial() {
	if len(t.partial) > 0 {
		t.w.Write(append(append([]byte("S: "), t.partial...), '\n'))
		t.partial, t.dropped = t.partial[:0], 0
	}
}

// teeReader passes reads through and shows them to the tracer.
type teeReader struct {
	r io.Reader
	t *tracer
}

func (r *teeReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.t.server(p[:n])
	}
	return n, err
}
