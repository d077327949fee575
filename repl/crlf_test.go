package repl

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestCRLFReader: bare LFs become CRLF, a CRLF split between two reads
// stays one, and the count bareLFs gives is what the reader adds.
func TestCRLFReader(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a\nb\n", "a\r\nb\r\n"},
		{"a\r\nb\r\n", "a\r\nb\r\n"},
		{"a\r\nb\nc", "a\r\nb\r\nc"},
		{"\n\n", "\r\n\r\n"},
		{"a\rb\n", "a\rb\r\n"}, // a bare CR is left alone
		{"", ""},
	} {
		for name, r := range map[string]io.Reader{"whole": strings.NewReader(tt.in), "bytewise": iotest.OneByteReader(strings.NewReader(tt.in))} {
			got, err := io.ReadAll(newCRLFReader(r))
			if err != nil || string(got) != tt.want {
				t.Errorf("%s %q: got %q, %v; want %q", name, tt.in, got, err, tt.want)
			}
		}
		n, err := bareLFs(strings.NewReader(tt.in))
		if err != nil || int(n) != len(tt.want)-len(tt.in) {
			t.Errorf("bareLFs(%q) = %d, %v; want %d", tt.in, n, err, len(tt.want)-len(tt.in))
		}
	}
}
