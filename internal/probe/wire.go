package probe

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
)

// Line is one line of the observed exchange: what the client sent (From
// 'C') or what the server sent ('S'), as the client's trace shows it
// (secrets already ***).
type Line struct {
	From byte   // 'C' or 'S'
	Text string // without the "C: " / "S: " prefix and the line end
}

// String formats the line as in a transcript: "C: A1 NOOP".
func (l Line) String() string { return string(l.From) + ": " + l.Text }

// Bounds of what a Recorder keeps: the probe's own commands are small,
// but a server may answer them with anything.
const (
	maxStepLines = 400      // lines kept per step; the rest are counted
	maxLineBytes = 2 << 10  // bytes kept per line; the rest are counted
	maxPartial   = 64 << 10 // bytes of an unfinished trace line held
)

// Recorder is the one adapter between the client's wire trace and the
// probe: it is an io.Writer for client.Options.Trace (today "C: "/"S: "
// text lines; when the client emits structured trace events, only this
// type changes) and hands the lines of each probe step to the step.
//
// Lines arrive only between Begin and End; the rest of the session's
// traffic (latency samples, the shell's own commands) is not kept.
type Recorder struct {
	mu      sync.Mutex
	open    bool
	lines   []Line
	dropped int // lines of the open step beyond maxStepLines
	partial []byte
}

// NewRecorder returns a recorder with no step open.
func NewRecorder() *Recorder { return &Recorder{} }

// Write takes trace bytes and splits them into lines.
func (r *Recorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.partial = append(r.partial, p...)
	for {
		i := bytes.IndexByte(r.partial, '\n')
		if i < 0 {
			break
		}
		r.take(string(r.partial[:i]))
		r.partial = r.partial[i+1:]
	}
	if len(r.partial) > maxPartial { // the client's tracer ends every line; this is a guard
		r.take(string(r.partial))
		r.partial = r.partial[:0]
	}
	if len(r.partial) == 0 {
		r.partial = nil // let a large buffer go
	}
	return len(p), nil
}

// take keeps one trace line if a step is open.
func (r *Recorder) take(raw string) {
	if !r.open {
		return
	}
	l, ok := parseTraceLine(raw)
	if !ok {
		return
	}
	if len(r.lines) >= maxStepLines {
		r.dropped++
		return
	}
	if n := len(l.Text); n > maxLineBytes {
		l.Text = l.Text[:maxLineBytes] + " [... " + strconv.Itoa(n-maxLineBytes) + " more bytes]"
	}
	r.lines = append(r.lines, l)
}

// parseTraceLine reads "C: text" or "S: text".
func parseTraceLine(raw string) (Line, bool) {
	raw = strings.TrimSuffix(raw, "\r")
	for _, from := range []byte{'C', 'S'} {
		if text, ok := strings.CutPrefix(raw, string(from)+": "); ok {
			return Line{From: from, Text: text}, true
		}
		if raw == string(from)+":" {
			return Line{From: from}, true
		}
	}
	return Line{}, false
}

// Begin starts keeping lines for a step.
func (r *Recorder) Begin() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.open, r.lines, r.dropped = true, nil, 0
}

// End stops keeping lines and returns those of the step, with the number
// left out beyond the bound.
func (r *Recorder) End() (lines []Line, dropped int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	lines, dropped = r.lines, r.dropped
	r.open, r.lines, r.dropped = false, nil, 0
	return lines, dropped
}
