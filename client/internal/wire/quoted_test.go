package wire

import (
	"bufio"
	"strings"
	"testing"
)

// TestQuotedAtEveryOffset moves the closing quote and an escape across the
// eight-byte words quotedStop tests at once, comparing with a plain
// byte-by-byte reading of the grammar.
func TestQuotedAtEveryOffset(t *testing.T) {
	for n := 0; n < 20; n++ {
		for esc := -1; esc < n; esc++ {
			body := []byte(strings.Repeat("x", n))
			want := string(body)
			if esc >= 0 {
				body = []byte(strings.Repeat("x", esc) + `\"` + strings.Repeat("x", n-esc-1))
				want = strings.Repeat("x", esc) + `"` + strings.Repeat("x", n-esc-1)
			}
			line := `"` + string(body) + `" rest`
			d := NewDecoder(bufio.NewReader(strings.NewReader(line+"\r\n")), Limits{})
			if err := d.Begin(); err != nil {
				t.Fatal(err)
			}
			got, ok := d.Quoted()
			if !ok || got != want || !d.SP() || d.Text() != "rest" {
				t.Fatalf("%q: got %q, %v (err %v)", line, got, ok, d.Err())
			}
		}
	}
}

func TestQuotedStop(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", -1},
		{"abcdefgh", -1},
		{"abcdefghijklmnopq", -1},
		{`"`, 0},
		{`\`, 0},
		{`abcdefg"`, 7},
		{`abcdefgh"`, 8},
		{`abcdefgh\ij"`, 8},
		{"\xa2\xdc\x22", 2}, // bytes that differ from '"' and '\\' in one bit
		{"\x21\x23\x5b\x5d\x5c", 4},
	}
	for _, tt := range tests {
		if got := quotedStop([]byte(tt.in)); got != tt.want {
			t.Errorf("quotedStop(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestNILNeedsAnAtomEnd(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"NIL", true}, {"nil)", true}, {"NiL ", true}, {"NILS", false}, {"NI", false}, {"(NIL", false}, {"MIL", false}, {"N\x09L", false},
	}
	for _, tt := range tests {
		d := NewDecoder(bufio.NewReader(strings.NewReader(tt.in+"\r\n")), Limits{})
		if err := d.Begin(); err != nil {
			t.Fatal(err)
		}
		if got := d.NIL(); got != tt.want {
			t.Errorf("NIL() on %q = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLiteralStringAcrossReads(t *testing.T) {
	body := strings.Repeat("0123456789", 300) // longer than the 16-byte buffer below
	in := "{3000}\r\n" + body + " tail\r\n"
	d := NewDecoder(bufio.NewReaderSize(iotestHalf{strings.NewReader(in)}, 16), Limits{})
	if err := d.Begin(); err != nil {
		t.Fatal(err)
	}
	s, ok := d.String()
	if !ok || s != body || !d.SP() || d.Text() != "tail" {
		t.Fatalf("got %d bytes, %v, err %v", len(s), ok, d.Err())
	}
	d = NewDecoder(bufio.NewReader(strings.NewReader("{10}\r\nshort")), Limits{})
	d.Begin()
	if _, ok := d.String(); ok || d.Err() == nil {
		t.Fatal("a literal cut short must fail")
	}
}

// iotestHalf returns at most 7 bytes per Read.
type iotestHalf struct{ r *strings.Reader }

func (h iotestHalf) Read(p []byte) (int, error) { return h.r.Read(p[:min(len(p), 7)]) }
