package client

import "io"

// TextTrace returns a Tracer writing the wire to w as text, one line per
// event: "C: " for the client, "S: " for the server, *** for secrets (the
// format client/clienttest replays). Write errors are w's to report.
func TextTrace(w io.Writer) Tracer { return &textTrace{w: w} }

type textTrace struct {
	w   io.Writer
	buf []byte
}

// Trace implements Tracer.
func (t *textTrace) Trace(e TraceEvent) {
	t.buf = append(t.buf[:0], "S: "...)
	if e.Dir == FromClient {
		t.buf[0] = 'C'
	}
	t.buf = append(e.AppendText(t.buf, "***"), '\n')
	t.w.Write(t.buf)
}

// TeeTrace returns a Tracer handing each event to every one of ts in turn.
func TeeTrace(ts ...Tracer) Tracer { return teeTrace(ts) }

type teeTrace []Tracer

// Trace implements Tracer.
func (ts teeTrace) Trace(e TraceEvent) {
	for _, t := range ts {
		t.Trace(e)
	}
}
