package client

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// TestTracerBoundsLongLines: server bytes without a line feed cost at most
// maxTraceLine of memory; the trace line says how much was left out.
func TestTracerBoundsLongLines(t *testing.T) {
	var out bytes.Buffer
	tr := &tracer{out: TextTrace(&out)}
	chunk := bytes.Repeat([]byte("x"), 4096)
	for i := 0; i < 1000; i++ { // 4 MB, no LF
		tr.server(chunk)
	}
	if len(tr.srv.line) > maxTraceLine {
		t.Fatalf("held %d bytes, limit %d", len(tr.srv.line), maxTraceLine)
	}
	tr.server([]byte("\r\nS2\r\n"))
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := " [... " + strconv.Itoa(4096*1000-maxTraceLine) + " more bytes without a line break]"
	if len(lines) != 2 || !strings.HasSuffix(lines[0], want) || lines[1] != "S: S2" {
		t.Errorf("trace lines: %d, first ends %q, second %q", len(lines), lines[0][max(0, len(lines[0])-60):], lines[len(lines)-1])
	}
}

// eventLog keeps copies of the events a tracer emits.
type eventLog struct{ events []TraceEvent }

func (l *eventLog) Trace(e TraceEvent) {
	text := e.AppendText(nil, "***")
	e.Parts = []TracePart{{Text: text}}
	l.events = append(l.events, e)
}

// TestServerEventsFollowLiterals: a line inside literal data is marked
// Literal and never taken for a tagged answer, however the bytes arrive;
// a tagged status line carries its tag and status.
func TestServerEventsFollowLiterals(t *testing.T) {
	wire := "* 1 FETCH (BODY[] {24}\r\nA1 OK fake\r\nbody line\r\n BODY[1] {5}\r\nA1 NO)\r\n* 2 EXISTS\r\nA1 ok done\r\n"
	want := []struct {
		text, tag, status string
		literal           bool
	}{
		{"* 1 FETCH (BODY[] {24}", "", "", false},
		{"A1 OK fake", "", "", true},
		{"body line", "", "", true},
		{" BODY[1] {5}", "", "", true},
		{"A1 NO)", "", "", true},
		{"* 2 EXISTS", "", "", false},
		{"A1 ok done", "A1", "OK", false},
	}
	for _, size := range []int{1, 3, 7, len(wire)} {
		log := &eventLog{}
		tr := &tracer{out: log}
		for b := []byte(wire); len(b) > 0; b = b[min(size, len(b)):] {
			tr.server(b[:min(size, len(b))])
		}
		if len(log.events) != len(want) {
			t.Fatalf("reads of %d: %d events, want %d", size, len(log.events), len(want))
		}
		for i, e := range log.events {
			w := want[i]
			if string(e.Parts[0].Text) != w.text || e.Tag != w.tag || e.Status != w.status || e.Literal != w.literal || e.Dir != FromServer {
				t.Errorf("reads of %d, event %d: %q tag %q status %q literal %v; want %+v", size, i, e.Parts[0].Text, e.Tag, e.Status, e.Literal, w)
			}
		}
	}
}

// TestClientEventsHideSecrets: a LOGIN line carries its tag and command
// name and a secret part without bytes; a literal's data comes as literal
// lines.
func TestClientEventsHideSecrets(t *testing.T) {
	log := &eventLog{}
	tr := &tracer{}
	tr.out = log
	tr.clientLine("A1", "LOGIN", TracePart{Text: []byte("A1 LOGIN alice ")}, TracePart{Secret: true})
	tr.clientLiteral([]byte("a\r\nb"), 4, false)
	tr.clientLiteral(nil, 1<<20, false)
	got := []string{}
	for _, e := range log.events {
		got = append(got, string(e.Parts[0].Text))
	}
	if strings.Join(got, "|") != "A1 LOGIN alice ***|a|b|<1048576 bytes of literal data>" {
		t.Errorf("events: %q", got)
	}
	if e := log.events[0]; e.Tag != "A1" || e.Command != "LOGIN" || e.Dir != FromClient || !log.events[1].Literal {
		t.Errorf("first event %+v", e)
	}
}

type discardTracer struct{}

func (discardTracer) Trace(TraceEvent) {}

// TestServerTraceAllocatesNothing: following the server's lines and
// literals costs no allocation per line (a server may flood millions).
func TestServerTraceAllocatesNothing(t *testing.T) {
	tr := &tracer{out: discardTracer{}}
	lines := []byte("* 1 EXISTS\r\n* 1 FETCH (BODY[] {3}\r\nabc)\r\n")
	tr.server(lines) // grow the buffers once
	if allocs := testing.AllocsPerRun(100, func() { tr.server(lines) }); allocs != 0 {
		t.Errorf("%.1f allocations per pass, want 0", allocs)
	}
}
