package client

import (
	"bytes"
	"io"
	"strconv"
	"sync"
)

// Direction says which side sent a piece of the wire.
type Direction uint8

// The directions of trace events.
const (
	FromClient Direction = iota + 1
	FromServer
)

// TraceEvent is one line of the wire as the client wrote or read it: a
// line of protocol text, or (Literal) a line of literal data or a
// literal's size in its place. Events come in wire order; their bytes are
// valid only during the Trace call. Consumers never see a secret: a
// secret part has no Text, only Secret set.
type TraceEvent struct {
	Dir     Direction
	Literal bool        // the line lies inside literal data (or stands for it, LiteralSize)
	Parts   []TracePart // the line's bytes in order, without its line break
	// Tag is the command's tag on the line that starts a command (client)
	// or on a tagged status line (server: "A3 OK ...").
	Tag string
	// Command is the command name on the line that starts a command
	// ("LOGIN", "UID FETCH"); Status is OK, NO or BAD on a tagged status
	// line from the server.
	Command, Status string
	// LiteralSize stands for client literal data not shown (over 64 KiB).
	LiteralSize int64
	// Dropped counts the bytes of an endless server line left out (the
	// line is cut at 64 KiB so that tracing holds little).
	Dropped int64
}

// TracePart is a piece of a traced line; a Secret part carries no bytes.
type TracePart struct {
	Text   []byte
	Secret bool
}

// Tracer receives the wire as events (Options.Trace). Calls come one at
// a time, from the goroutine that reads or writes.
type Tracer interface {
	Trace(e TraceEvent)
}

// AppendText appends the event's text as the trace shows it: secret parts
// as mask, an omitted literal as "<N bytes of literal data>", a cut line
// with a note of what was left out.
func (e *TraceEvent) AppendText(dst []byte, mask string) []byte {
	if e.LiteralSize > 0 {
		return append(dst, "<"+strconv.FormatInt(e.LiteralSize, 10)+" bytes of literal data>"...)
	}
	for _, p := range e.Parts {
		if p.Secret {
			dst = append(dst, mask...)
		} else {
			dst = append(dst, p.Text...)
		}
	}
	if e.Dropped > 0 {
		dst = append(dst, " [... "+strconv.FormatInt(e.Dropped, 10)+" more bytes without a line break]"...)
	}
	return dst
}

// HasSecret reports whether a part of the line is secret.
func (e *TraceEvent) HasSecret() bool {
	for _, p := range e.Parts {
		if p.Secret {
			return true
		}
	}
	return false
}

// tracer turns the client's writes and the server's bytes into events.
// Server bytes are split into lines as they arrive (a tee under the
// bufio.Reader), following literal framing ({N} at the end of a line) so
// that a line of literal data is never taken for a response.
type tracer struct {
	mu  sync.Mutex
	out Tracer
	srv serverLines
}

func (t *tracer) enabled() bool { return t != nil && t.out != nil }

// emit hands one event to the consumer.
func (t *tracer) emit(e TraceEvent) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.srv.flush(t.out) // a server line without its line break yet goes first
	t.out.Trace(e)
}

// clientLine traces a line the client wrote; tag and name are set on the
// line that starts a command.
func (t *tracer) clientLine(tag, name string, parts ...TracePart) {
	if t.enabled() {
		t.emit(TraceEvent{Dir: FromClient, Tag: tag, Command: name, Parts: parts})
	}
}

// clientLiteral traces literal data the client sent: one event per line,
// the size alone over 64 KiB, *** for a secret.
func (t *tracer) clientLiteral(data []byte, size int64, secret bool) {
	switch {
	case !t.enabled():
	case secret:
		t.emit(TraceEvent{Dir: FromClient, Literal: true, Parts: []TracePart{{Secret: true}}})
	case data == nil:
		t.emit(TraceEvent{Dir: FromClient, Literal: true, LiteralSize: size})
	default:
		for len(data) > 0 {
			line, rest, _ := bytes.Cut(data, []byte("\n"))
			t.emit(TraceEvent{Dir: FromClient, Literal: true, Parts: []TracePart{{Text: bytes.TrimRight(line, "\r\n")}}})
			data = rest
		}
	}
}

// server traces raw bytes read from the server.
func (t *tracer) server(p []byte) {
	if !t.enabled() {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.srv.read(p, t.out)
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
