package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRenderersFinish: a printer gathers its lines and writes them in
// blocks, so a renderer that returns p.err instead of p.finish() loses
// its last block (it did, twice, in renderers added while the printer
// changed). Only printer.go may touch p.err.
func TestRenderersFinish(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	direct := regexp.MustCompile(`\bp\.err\b`)
	for _, f := range files {
		if f == "printer.go" || strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if loc := direct.FindIndex(src); loc != nil {
			t.Errorf("%s:%d uses p.err: return p.finish(), which writes what is gathered", f, 1+strings.Count(string(src[:loc[0]]), "\n"))
		}
	}
}
