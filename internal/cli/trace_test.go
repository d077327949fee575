package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestOpenTrace(t *testing.T) {
	var stderr bytes.Buffer
	if w, closeFn, err := OpenTrace("", &stderr); w != nil || err != nil || closeFn() != nil {
		t.Errorf("off: %v, %v", w, err)
	}
	sw, _, _ := OpenTrace(TraceStderr, &stderr)
	sw.Write([]byte("S: * OK \x1b[2Jhi\n"))
	if got := stderr.String(); got != "S: * OK \\x1b[2Jhi\n" {
		t.Errorf("trace on stderr: %q, want the escape made visible", got)
	}
	path := filepath.Join(t.TempDir(), "trace")
	w, closeFn, err := OpenTrace(path, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("C: A1 NOOP\n"))
	if err := closeFn(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 || fi.Size() != 11 {
		t.Errorf("trace file: %v %v", fi, err)
	}
	if _, _, err := OpenTrace(filepath.Join(path, "sub"), &stderr); err == nil {
		t.Error("opening a trace under a file succeeded")
	}
}
