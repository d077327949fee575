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
	tr := &tracer{w: &out}
	chunk := bytes.Repeat([]byte("x"), 4096)
	for i := 0; i < 1000; i++ { // 4 MB, no LF
		tr.server(chunk)
	}
	if len(tr.partial) > maxTraceLine {
		t.Fatalf("held %d bytes, limit %d", len(tr.partial), maxTraceLine)
	}
	tr.server([]byte("\r\nS2\r\n"))
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := " [... " + strconv.Itoa(4096*1000-maxTraceLine) + " more bytes without a line break]"
	if len(lines) != 2 || !strings.HasSuffix(lines[0], want) || lines[1] != "S: S2" {
		t.Errorf("trace lines: %d, first ends %q, second %q", len(lines), lines[0][max(0, len(lines[0])-60):], lines[len(lines)-1])
	}
}
