package repl

import (
	"strings"
	"testing"
)

// TestWireTapLines: server lines are taken whole however the trace
// writes split them, client lines are skipped.
func TestWireTapLines(t *testing.T) {
	for _, writes := range [][]string{
		{"S: * 1 EXISTS\n", "C: A1 NOOP\n", "S: A1 OK done\n"},
		{"S: * 1 EXISTS\nC: A1 NOOP\nS: A1 OK done\n"},
		{"S: * 1 EX", "ISTS\nC: A1 NO", "OP\nS: A1", " OK done", "\n"},
		{"S", ": * 1 EXISTS\n", "C: A1 NOOP\nS: A1 OK done\nS: * 2 EXI", "STS\n"},
	} {
		tap := NewWireTap(nil)
		tap.begin()
		for _, w := range writes {
			tap.Write([]byte(w))
		}
		got := strings.Join(tap.serverLines(), "|")
		if want := "* 1 EXISTS|A1 OK done"; !strings.HasPrefix(got, want) || strings.Contains(got, "NOOP") {
			t.Errorf("writes %q: server lines %q, want %q first", writes, got, want)
		}
	}
}
