package wire

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// newTestDecoder reads src with small, explicit limits.
func newTestDecoder(src string, lim Limits) *Decoder {
	return NewDecoder(bufio.NewReaderSize(strings.NewReader(src), 16), lim)
}

// valueOf decodes one line holding one value and checks nothing is left.
func valueOf(t *testing.T, src string, lim Limits) (Value, error) {
	t.Helper()
	d := newTestDecoder(src, lim)
	if err := d.Begin(); err != nil {
		return Value{}, err
	}
	v, _ := d.Value()
	if err := d.End(); err != nil {
		return v, err
	}
	return v, nil
}

func TestDecoderValues(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"atom", "FLAGS\r\n", "FLAGS"},
		{"flag", `\Seen` + "\r\n", `\Seen`},
		{"number", "4294967295\r\n", "4294967295"},
		{"number64", "9223372036854775807\r\n", "9223372036854775807"},
		{"set stays an atom", "1:4,7\r\n", "1:4,7"},
		{"quoted", `"hello world"` + "\r\n", `"hello world"`},
		{"quoted escapes", `"a\"b\\c"` + "\r\n", `"a\"b\\c"`},
		{"quoted 8-bit", "\"Grüße\"\r\n", `"Grüße"`},
		{"empty quoted", `""` + "\r\n", `""`},
		{"literal", "{5}\r\nhello\r\n", `"hello"`},
		{"literal with CRLF inside", "{7}\r\na\r\nb\r\nc\r\n", `"a\r\nb\r\nc"`},
		{"zero-length literal", "{0}\r\n\r\n", `""`},
		{"literal8", "~{3}\r\n\x00\x01\x02\r\n", `"\x00\x01\x02"`},
		{"NIL", "NIL\r\n", "NIL"},
		{"nil lower case", "nil\r\n", "NIL"},
		{"NIL prefix is an atom", "NILS\r\n", "NILS"},
		{"empty list", "()\r\n", "()"},
		{"nested list", `(a (1 "b") NIL ())` + "\r\n", `(a (1 "b") NIL ())`},
		{"list trailing space", "(a b )\r\n", "(a b)"},
		{"list with literal", "(a {3}\r\nxyz b)\r\n", `(a "xyz" b)`},
		{"section item", "BODY[HEADER.FIELDS (A B)]<0>\r\n", "BODY[HEADER.FIELDS (A B)]<0>"},
		{"trailing spaces tolerated", "abc   \r\n", "abc"},
		{"bare LF line end", "abc\n", "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := valueOf(t, tt.in, Limits{})
			if err != nil {
				t.Fatalf("%q: %v", tt.in, err)
			}
			if got := v.String(); got != tt.want {
				t.Errorf("%q decoded to %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecoderTokenKinds(t *testing.T) {
	v, err := valueOf(t, "(NIL () 12 a \"s\")\r\n", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Kind{KindNil, KindList, KindNumber, KindAtom, KindString}
	for i, k := range want {
		if v.List[i].Kind != k {
			t.Errorf("element %d kind %d, want %d", i, v.List[i].Kind, k)
		}
	}
}

func TestDecoderListAcceptsNIL(t *testing.T) {
	d := newTestDecoder("NIL\r\n", Limits{})
	d.Begin()
	calls := 0
	if !d.List(func() bool { calls++; return true }) || calls != 0 || d.End() != nil {
		t.Errorf("NIL as a list: calls=%d err=%v", calls, d.Err())
	}
}

func TestDecoderSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, in, expected string
	}{
		{"unterminated quote", "\"abc\r\n", "closing quote"},
		{"backslash at end of quote", "\"ab\\\r\n", "closing quote"},
		{"unclosed list", "(a b\r\n", "SP or ')'"},
		{"unclosed bracket", "BODY[1\r\n", "']'"},
		{"unclosed bracket with quote", "BODY[\"x\r\n", "']'"},
		{"junk after value", "a)\r\n", "end of response"},
		{"number above 2^63", "{9223372036854775808}\r\n", "literal size below 2^63"},
		{"literal not at end of line", "{3} x\r\nabc\r\n", "CRLF after literal size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := valueOf(t, tt.in, Limits{})
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("%q: err %v, want *SyntaxError", tt.in, err)
			}
			if se.Expected != tt.expected {
				t.Errorf("%q: expected %q, want %q (%v)", tt.in, se.Expected, tt.expected, err)
			}
		})
	}
}

func TestSyntaxErrorOffset(t *testing.T) {
	d := newTestDecoder("* OK fine\r\n(a b]\r\n", Limits{})
	d.Begin()
	d.Text()
	d.End()
	d.Begin()
	d.Value()
	var se *SyntaxError
	if !errors.As(d.Err(), &se) {
		t.Fatalf("err %v", d.Err())
	}
	if se.Offset != 11+4 || se.Got != `"]"` {
		t.Errorf("offset %d got %s, want 15 and \"]\"", se.Offset, se.Got)
	}
}

func TestDecoderNumbers(t *testing.T) {
	tests := []struct {
		in   string
		n32  bool
		want uint64
		ok   bool
	}{
		{"0", true, 0, true},
		{"4294967295", true, 4294967295, true},
		{"4294967296", true, 0, false},
		{"9223372036854775807", false, 1<<63 - 1, true},
		{"9223372036854775808", false, 0, false},
		{"99999999999999999999", false, 0, false},
		{"x", false, 0, false},
	}
	for _, tt := range tests {
		d := newTestDecoder(tt.in+"\r\n", Limits{})
		d.Begin()
		var got uint64
		var ok bool
		if tt.n32 {
			var n uint32
			n, ok = d.Number()
			got = uint64(n)
		} else {
			got, ok = d.Number64()
		}
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("%s: got %d,%v want %d,%v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDecoderLimits(t *testing.T) {
	tests := []struct {
		name, in string
		lim      Limits
		what     string
	}{
		{"nesting", "((((x))))\r\n", Limits{MaxDepth: 3}, "list nesting"},
		{"items", "(1 2 3 4 5)\r\n", Limits{MaxItems: 4}, "number of list elements in one response"},
		{"items nested", "((1 2) (3 4))\r\n", Limits{MaxItems: 5}, "number of list elements in one response"},
		{"line", strings.Repeat("a", 200) + "\r\n", Limits{MaxLine: 64}, "response line"},
		{"literal", "{100}\r\n" + strings.Repeat("x", 100) + "\r\n", Limits{MaxLiteral: 99}, "literal of 100 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := valueOf(t, tt.in, tt.lim)
			var le *LimitError
			if !errors.As(err, &le) || le.What != tt.what {
				t.Fatalf("err %v, want LimitError %q", err, tt.what)
			}
		})
	}
}

func TestDecoderNestingWithinLimitPasses(t *testing.T) {
	if _, err := valueOf(t, "(((x)))\r\n", Limits{MaxDepth: 3}); err != nil {
		t.Fatal(err)
	}
}

func TestNestBoundsRecursion(t *testing.T) {
	d := newTestDecoder("x\r\n", Limits{MaxDepth: 5})
	d.Begin()
	var deepest int
	var dive func(n int) bool
	dive = func(n int) bool {
		deepest = n
		return d.Nest(func() bool { return dive(n + 1) })
	}
	dive(0)
	var le *LimitError
	if !errors.As(d.Err(), &le) || deepest != 5 {
		t.Errorf("deepest %d err %v, want 5 and a LimitError", deepest, d.Err())
	}
}

// TestLongLineThenNextLine checks an over-long line is skipped whole, so
// the next response reads normally.
func TestLongLineThenNextLine(t *testing.T) {
	d := newTestDecoder(strings.Repeat("a", 300)+"\r\n* OK next\r\n", Limits{MaxLine: 64})
	if err := d.Begin(); err == nil {
		t.Fatal("over-long line accepted")
	}
	if err := d.Begin(); err != nil {
		t.Fatal(err)
	}
	if got := d.Text(); got != "* OK next" {
		t.Errorf("next line %q", got)
	}
	if d.Offset() != 302+9 {
		t.Errorf("offset %d after skipping, want 311", d.Offset())
	}
}

func TestHugeLiteralAllocatesNothingUpFront(t *testing.T) {
	for _, size := range []string{"18446744073709551615", "99999999999", "9223372036854775807"} {
		t.Run(size, func(t *testing.T) {
			src := "{" + size + "}\r\n" + "abc"
			lim := Limits{MaxLiteral: 1 << 62, MaxResponse: 1 << 62}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			allocs := testing.AllocsPerRun(10, func() {
				d := newTestDecoder(src, lim)
				d.Begin()
				d.LiteralBytes()
			})
			runtime.ReadMemStats(&after)
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
				t.Errorf("decoding a claimed {%s} allocated %d bytes", size, grew)
			}
			if allocs > 30 {
				t.Errorf("%v allocations per run", allocs)
			}
		})
	}
}

func TestHugeLiteralRefusedByLimit(t *testing.T) {
	d := newTestDecoder("{99999999999}\r\nabc", Limits{})
	d.Begin()
	if _, ok := d.LiteralBytes(); ok {
		t.Fatal("literal above MaxLiteral accepted")
	}
	var le *LimitError
	if !errors.As(d.Err(), &le) {
		t.Fatalf("err %v", d.Err())
	}
}

func TestEOFInsideLiteral(t *testing.T) {
	d := newTestDecoder("{10}\r\nabc", Limits{})
	d.Begin()
	if _, ok := d.LiteralBytes(); ok || !errors.Is(d.Err(), io.ErrUnexpectedEOF) {
		t.Fatalf("err %v, want io.ErrUnexpectedEOF", d.Err())
	}
}

func TestLiteralToStreams(t *testing.T) {
	body := strings.Repeat("0123456789", 10000)
	d2 := newTestDecoder("{100000}\r\n"+body+" tail\r\n", Limits{MaxLiteral: 10})
	d2.Begin()
	var buf bytes.Buffer
	info, ok := d2.LiteralTo(&buf)
	if !ok || info.Size != 100000 || buf.String() != body {
		t.Fatalf("streamed %d bytes ok=%v err=%v", buf.Len(), ok, d2.Err())
	}
	if !d2.SP() {
		t.Fatal("no SP after literal")
	}
	if a, _ := d2.Atom(); a != "tail" {
		t.Errorf("after literal: %q", a)
	}
}

func TestBeginSkipsEmptyLines(t *testing.T) {
	d := newTestDecoder("\r\n\r\n* OK x\r\n", Limits{})
	if err := d.Begin(); err != nil || d.Peek() != '*' {
		t.Fatalf("err %v peek %q", err, d.Peek())
	}
}

func TestDiscardResyncs(t *testing.T) {
	tests := []struct{ name, in string }{
		{"rest of line", "(a b]] junk\r\n* OK next\r\n"},
		{"pending literals", "(a ] {5}\r\nhello {3}\r\nabc\r\n* OK next\r\n"},
		{"literal over limit", "{20}\r\n01234567890123456789\r\n* OK next\r\n"},
		{"literal+ marker", "x] {3+}\r\n)\r\n\r\n* OK next\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newTestDecoder(tt.in, Limits{MaxLiteral: 10})
			d.Begin()
			d.Value()
			if d.End() == nil {
				t.Fatal("no error")
			}
			if err := d.Discard(); err != nil {
				t.Fatal(err)
			}
			if err := d.Begin(); err != nil {
				t.Fatal(err)
			}
			if got := d.Text(); got != "* OK next" {
				t.Errorf("after Discard: %q", got)
			}
		})
	}
}

func TestDiscardUnsyncableLiteral(t *testing.T) {
	d := newTestDecoder("x {18446744073709551615}\r\nabc\r\n", Limits{})
	d.Begin()
	d.Value()
	if d.End() == nil {
		t.Fatal("no error")
	}
	if err := d.Discard(); !errors.Is(err, ErrUnsyncable) {
		t.Fatalf("Discard: %v, want ErrUnsyncable", err)
	}
}

func TestMarkRewind(t *testing.T) {
	d := newTestDecoder("abc (def\r\n", Limits{})
	d.Begin()
	m := d.Mark()
	d.Atom()
	d.SP()
	d.Value() // fails: unclosed list
	if d.Err() == nil {
		t.Fatal("no error")
	}
	if !d.Rewind(m) || d.Err() != nil {
		t.Fatal("Rewind refused on the same fragment")
	}
	if s, ok := d.TextUntil('('); !ok || s != "abc " {
		t.Errorf("TextUntil after rewind: %q %v", s, ok)
	}
}

func TestRewindRefusedAfterLiteral(t *testing.T) {
	d := newTestDecoder("a {1}\r\nx b\r\n", Limits{})
	d.Begin()
	m := d.Mark()
	d.Atom()
	d.SP()
	d.String()
	if d.Rewind(m) {
		t.Error("Rewind across a literal succeeded")
	}
}

func TestFlagInsideListMayHoldBracket(t *testing.T) {
	v, err := valueOf(t, `(\Seen [test] \*)`+"\r\n", Limits{})
	if err != nil || v.String() != `(\Seen [test] \*)` {
		t.Fatalf("%s %v", v, err)
	}
}
