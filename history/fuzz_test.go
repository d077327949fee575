package history

import (
	"strings"
	"testing"
)

// FuzzEscapeRoundTrip checks that every entry survives the file format.
func FuzzEscapeRoundTrip(f *testing.F) {
	for _, s := range []string{"", `\`, `\\n`, "a\\\nb", "store 1 +flags \\Seen", "x\r\ny"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line := escapeEntry(s)
		if strings.ContainsAny(line, "\r\n") {
			t.Fatalf("escapeEntry(%q) = %q holds a line break", s, line)
		}
		if got := unescapeEntry(line); got != s {
			t.Fatalf("round trip of %q via %q gave %q", s, line, got)
		}
	})
}
