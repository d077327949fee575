package probe

import (
	"strconv"
	"sync"

	"imapsh/client"
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
	maxStepLines = 400     // lines kept per step; the rest are counted
	maxLineBytes = 2 << 10 // bytes kept per line; the rest are counted
)

// Recorder is the one adapter between the client's wire trace and the
// probe: a client.Tracer that hands the lines of each probe step to the
// step (secret parts as ***, as the trace shows them).
//
// Lines arrive only between Begin and End; the rest of the session's
// traffic (latency samples, the shell's own commands) is not kept.
type Recorder struct {
	mu      sync.Mutex
	open    bool
	lines   []Line
	dropped int // lines of the open step beyond maxStepLines
}

// NewRecorder returns a recorder with no step open.
func NewRecorder() *Recorder { return &Recorder{} }

// Trace implements client.Tracer: it keeps one line if a step is open.
func (r *Recorder) Trace(e client.TraceEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.open {
		return
	}
	if len(r.lines) >= maxStepLines {
		r.dropped++
		return
	}
	l := Line{From: 'S', Text: string(e.AppendText(nil, "***"))}
	if e.Dir == client.FromClient {
		l.From = 'C'
	}
	if n := len(l.Text); n > maxLineBytes {
		l.Text = l.Text[:maxLineBytes] + " [... " + strconv.Itoa(n-maxLineBytes) + " more bytes]"
	}
	r.lines = append(r.lines, l)
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
