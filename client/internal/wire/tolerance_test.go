package wire

import (
	"bufio"
	"errors"
	"strings"
	"testing"
)

// begin returns a decoder at the start of the first line of in.
func begin(t *testing.T, in string) *Decoder {
	t.Helper()
	d := NewDecoder(bufio.NewReader(strings.NewReader(in)), Limits{})
	if err := d.Begin(); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestNumbersOutOfRangeAreFlagged: number (32 bits), nz-number and
// number64 / mod-sequence-value (63 bits) that do not fit are consumed,
// reported as a *RangeError warning with the digits as sent, and give
// ok=false without an error, so that the rest of the response is read.
func TestNumbersOutOfRangeAreFlagged(t *testing.T) {
	tests := []struct {
		in     string
		bits64 bool
		digits string
	}{
		{"4294967296 x", false, "4294967296"},
		{"18446744073709551616 x", false, "18446744073709551616"},
		{"9223372036854775808 x", true, "9223372036854775808"},
		{strings.Repeat("9", 60) + " x", true, "99999999999999999999…(60 digits)"},
	}
	for _, tt := range tests {
		d := begin(t, tt.in+"\r\n")
		var ok bool
		if tt.bits64 {
			_, ok = d.Number64()
		} else {
			_, ok = d.Number()
		}
		var re *RangeError
		if ok || d.Err() != nil || len(d.Warnings()) != 1 || !errors.As(d.Warnings()[0], &re) {
			t.Fatalf("%s: ok %v err %v warnings %v", tt.in, ok, d.Err(), d.Warnings())
		}
		if re.Digits != tt.digits || re.Offset != 0 {
			t.Errorf("%s: warning %+v", tt.in, re)
		}
		if !d.SP() || d.Text() != "x" {
			t.Errorf("%s: the rest of the line was not left to read", tt.in)
		}
	}
}

// TestWarningsResetPerResponse: Begin starts a new response without the
// last one's warnings.
func TestWarningsResetPerResponse(t *testing.T) {
	d := begin(t, "4294967296\r\n1\r\n")
	d.Number()
	if len(d.Warnings()) != 1 {
		t.Fatal("no warning")
	}
	d.End()
	if err := d.Begin(); err != nil || len(d.Warnings()) != 0 {
		t.Fatalf("err %v warnings %v", err, d.Warnings())
	}
}

// TestQuotedTolerance: unescaped quotes inside a string, a backslash
// before an ordinary byte, and a quoted string folded onto the next line
// (each from a real server; see Quoted) are read as the server meant.
func TestQuotedTolerance(t *testing.T) {
	tests := []struct{ name, in, want, rest string }{
		{"quote inside", `"MOUNDARY="_006_x_"" "OCTET-STREAM"`, `MOUNDARY="_006_x_"`, ` "OCTET-STREAM"`},
		{"only quotes", `"""") x`, `""`, `) x`},
		{"quote before ]", `"a"]`, `a`, `]`},
		{"backslash kept", `"FOO\BAR" x`, `FOO\BAR`, ` x`},
		{"escapes removed", `"a\"b\\c" x`, `a"b\c`, ` x`},
		{"folded", "\"Some text,\r\n more text\" NIL", "Some text,\r\n more text", " NIL"},
		{"folded twice", "\"a\r\n\tb\r\n c\")", "a\r\n\tb\r\n c", ")"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := begin(t, tt.in+"\r\n")
			got, ok := d.Quoted()
			if !ok || got != tt.want {
				t.Fatalf("got %q, %v (err %v), want %q", got, ok, d.Err(), tt.want)
			}
			if rest := d.Text(); rest != tt.rest {
				t.Errorf("rest %q, want %q", rest, tt.rest)
			}
		})
	}
}

// TestUnterminatedQuotedStopsAtResponse: a string left open is an error
// when the next line is not a folded continuation (it starts a new
// response), so that line is not swallowed.
func TestUnterminatedQuotedStopsAtResponse(t *testing.T) {
	d := begin(t, "\"open\r\nA1 OK done\r\n")
	if _, ok := d.Quoted(); ok || d.Err() == nil {
		t.Fatalf("an unterminated string was accepted (err %v)", d.Err())
	}
	if err := d.Begin(); err != nil || d.Text() != "A1 OK done" {
		t.Fatalf("next line lost: %v", err)
	}
}

// TestFoldedQuotedIsBounded: a folded string longer than MaxLine is an
// error, not unbounded memory.
func TestFoldedQuotedIsBounded(t *testing.T) {
	in := `"` + strings.Repeat("x\r\n ", 100) + "\"\r\n"
	d := NewDecoder(bufio.NewReader(strings.NewReader(in)), Limits{MaxLine: 64})
	d.Begin()
	if _, ok := d.Quoted(); ok {
		t.Fatal("a string beyond MaxLine was accepted")
	}
}

// TestLoneBackslashFlag: "\" alone in a flag list is kept as sent
// (libetpan #403), and "\*" stays the special flag.
func TestLoneBackslashFlag(t *testing.T) {
	d := begin(t, `(\HasChildren \ \*)`+"\r\n")
	var flags []string
	ok := d.List(func() bool {
		f, ok := d.Flag()
		flags = append(flags, f)
		return ok
	})
	if !ok || strings.Join(flags, "|") != `\HasChildren|\|\*` {
		t.Fatalf("got %q, %v (err %v)", flags, ok, d.Err())
	}
}
