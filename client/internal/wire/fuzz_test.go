package wire

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"runtime"
	"testing"
)

// fuzzLimits are small so the fuzzer reaches every limit quickly.
var fuzzLimits = Limits{MaxLine: 4096, MaxLiteral: 4096, MaxDepth: 8, MaxItems: 64}

// FuzzDecoderValue feeds arbitrary server bytes to the decoder: every
// response line is read as a sequence of values. Invariants: no panic,
// only *SyntaxError, *LimitError, ErrUnsyncable or io errors, memory
// bounded by the input and the limits, and Discard always moves forward.
func FuzzDecoderValue(f *testing.F) {
	for _, seed := range []string{
		"(a (1 \"b\") NIL ())\r\n",
		"{5}\r\nhello\r\n",
		"~{3}\r\n\x00\x01\x02 x\r\n",
		"BODY[HEADER.FIELDS (A B)]<0> \"q\\\"\"\r\n",
		"{18446744073709551615}\r\nabc",
		"{9223372036854775808}\r\n",
		"\"ab\\\r\n",
		"BODY[\"x\\\r\n",
		"((((((((((x))))))))))\r\n",
		"\r\n\r\n\\Seen [test] \\*\r\n",
		"(\"MOUNDARY=\"_x_\"\" \"\"\"\" \"FOO\\BAR\")\r\n",
		"(\"folded,\r\n\tmore\" ( a)(b))\r\n",
		"(4294967296 18446744073709551616 \\)\r\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d := NewDecoder(bufio.NewReaderSize(bytes.NewReader(data), 64), fuzzLimits)
		for i := 0; i < 1000; i++ {
			if err := d.Begin(); err != nil {
				checkErr(t, err)
				break
			}
			start := d.Offset()
			for !d.AtEnd() && d.Err() == nil {
				v, _ := d.Value()
				_ = v.String()
				d.SP()
			}
			if err := d.End(); err != nil {
				checkErr(t, err)
				if err := d.Discard(); err != nil {
					checkErr(t, err)
					break
				}
			}
			if d.Offset() < start {
				t.Fatalf("offset went back from %d to %d", start, d.Offset())
			}
		}
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(64*len(data))+4<<20 {
			t.Fatalf("%d input bytes made the decoder allocate %d bytes", len(data), grew)
		}
	})
}

func checkErr(t *testing.T, err error) {
	t.Helper()
	var se *SyntaxError
	var le *LimitError
	switch {
	case errors.As(err, &se), errors.As(err, &le), errors.Is(err, ErrUnsyncable),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
	default:
		t.Fatalf("untyped error %T: %v", err, err)
	}
}
