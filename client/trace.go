package client

import (
	"bytes"
	"io"
	"sync"
)

// tracer writes the wire in "C: " / "S: " lines. Server bytes are split
// into lines as they arrive (a tee under the bufio.Reader); client lines
// are written by the command writer with secret parts replaced by ***.
type tracer struct {
	mu      sync.Mutex
	w       io.Writer
	partial []byte // server bytes not yet ended by LF
}

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
			t.partial = append(t.partial, p...)
			return
		}
		line := append(t.partial, p[:i]...)
		line = bytes.TrimSuffix(line, []byte("\r"))
		t.w.Write(append(append([]byte("S: "), line...), '\n'))
		t.partial = t.partial[:0]
		p = p[i+1:]
	}
}

func (t *tracer) flushPartial() {
	if len(t.partial) > 0 {
		t.w.Write(append(append([]byte("S: "), t.partial...), '\n'))
		t.partial = t.partial[:0]
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
