package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imapsh/render"
)

// TestTeeRowsStartWithHeader: with --format csv or tsv, a file \o starts
// copying to begins with a header, though stdout had blocks before (each
// new block is separated from the last by an empty line). Before, the
// file began with that empty line, a blank first record for a spreadsheet.
func TestTeeRowsStartWithHeader(t *testing.T) {
	for _, format := range []render.Format{render.FormatCSV, render.FormatTSV} {
		path := filepath.Join(t.TempDir(), "out")
		h := newHarness(t, func(c *Config) { c.Format = format })
		if code := h.run("login demo demo", "select INBOX", `\o `+path, "fetch 1 (UID)", "fetch 2 (UID)", `\o`); code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, h.stderr)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "seq") || strings.Count(string(data), "message_id") != 2 {
			t.Errorf("format %d: the \\o file holds %q, want two blocks that begin with their header", format, data)
		}
	}
}
