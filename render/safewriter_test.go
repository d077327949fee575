package render

import (
	"bytes"
	"strings"
	"testing"
)

func TestSafeWriter(t *testing.T) {
	var out bytes.Buffer
	w := SafeWriter(&out)
	w.Write([]byte("S: * OK \x1b]0;title\x07hi\nS: * BYE \u202egnp"))
	if got := out.String(); got != "S: * OK \\x1b]0;title\\x07hi\n" {
		t.Errorf("first line: %q", got)
	}
	w.Write([]byte(".exe\n"))
	if got := out.String(); strings.ContainsAny(got, "\x1b\a\u202e") || !strings.HasSuffix(got, "S: * BYE \\u202egnp.exe\n") {
		t.Errorf("output %q", got)
	}
	out.Reset()
	w.Write(bytes.Repeat([]byte("x"), safeWriterMax+10))
	if out.Len() != safeWriterMax+1 {
		t.Errorf("a line without LF is flushed at %d bytes, got %d", safeWriterMax, out.Len())
	}
}
