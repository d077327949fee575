package wire

import (
	"errors"
	"strings"
	"testing"
)

// readAll consumes one response of generic values and returns the error
// it ended with, after skipping what was left (Discard), and the next
// line's text, which shows the stream is in sync.
func readAll(t *testing.T, d *Decoder) (err error, next string) {
	t.Helper()
	if err := d.Begin(); err != nil {
		t.Fatal(err)
	}
	for d.SP() || d.Peek() != 0 {
		if _, ok := d.Value(); !ok {
			break
		}
	}
	err = d.End()
	if err != nil {
		if derr := d.Discard(); derr != nil {
			t.Fatalf("discard: %v", derr)
		}
	}
	if d.Begin() != nil {
		t.Fatal("no next line")
	}
	return err, d.Text()
}

// literals builds a line of n literals of size bytes each.
func literals(n, size int) string {
	var b strings.Builder
	b.WriteString("*")
	for range n {
		b.WriteString(" {" + itoa(size) + "}\r\n" + strings.Repeat("x", size))
	}
	return b.String() + "\r\n"
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestResponseBound(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		lim       Limits
		what      string // the limit hit, "" for none
		budget    int64  // LimitNext, -1 for none
		wantBound bool   // LimitError.Budget
	}{
		{"literals under the bound", literals(3, 100), Limits{MaxResponse: 400}, "", -1, false},
		{"literals add up", literals(6, 100), Limits{MaxResponse: 400}, "response size", -1, false},
		{"each literal under MaxLiteral", literals(6, 100), Limits{MaxResponse: 400, MaxLiteral: 150}, "response size", -1, false},
		{"MaxLiteral still applies", literals(1, 200), Limits{MaxResponse: 400, MaxLiteral: 150}, "literal of 200 bytes", -1, false},
		{"lines count", "* (a)" + strings.Repeat(" {1}\r\nx", 200) + "\r\n", Limits{MaxResponse: 300}, "response size", -1, false},
		{"items count", "* (" + strings.Repeat("a ", 20) + ")\r\n", Limits{MaxResponse: 20 * itemCost}, "response size", -1, false},
		{"budget below the bound", literals(3, 100), Limits{MaxResponse: 400}, "response size", 150, true},
		{"budget above the bound", literals(6, 100), Limits{MaxResponse: 400}, "response size", 1000, false},
		{"first line whatever the budget", "*" + strings.Repeat(" a", 50) + "\r\n", Limits{}, "", 10, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newTestDecoder(tt.src+"* OK next\r\n", tt.lim)
			d.LimitNext(tt.budget)
			err, next := readAll(t, d)
			if next != "* OK next" {
				t.Fatalf("next line %q: out of sync", next)
			}
			var le *LimitError
			switch {
			case tt.what == "" && err != nil:
				t.Fatalf("err %v, want none", err)
			case tt.what == "":
			case !errors.As(err, &le) || le.What != tt.what || le.Budget != tt.wantBound:
				t.Fatalf("err %#v, want %q limit (budget %v)", err, tt.what, tt.wantBound)
			}
		})
	}
}

func TestHeldAndResponseBytes(t *testing.T) {
	src := "* 1 FETCH (BODY[] {10}\r\n0123456789 FLAGS (a b))\r\n"
	d := newTestDecoder(src, Limits{})
	d.Begin()
	for d.SP() || d.Peek() != 0 {
		if _, ok := d.Value(); !ok {
			break
		}
	}
	if err := d.End(); err != nil {
		t.Fatal(err)
	}
	lines := int64(len("* 1 FETCH (BODY[] {10}") + len(" FLAGS (a b))"))
	if want := lines + 10 + 6*itemCost; d.Held() != want {
		t.Errorf("Held %d, want %d (lines, literal, 6 list elements)", d.Held(), want)
	}
	if d.ResponseBytes() != int64(len(src)) {
		t.Errorf("ResponseBytes %d, want %d", d.ResponseBytes(), len(src))
	}
}

// A literal the limits let through costs its size once.
func TestLiteralAllocatesItsSize(t *testing.T) {
	const size = 4 << 20
	src := "{" + itoa(size) + "}\r\n" + strings.Repeat("x", size) + "\r\n"
	allocs := testing.AllocsPerRun(3, func() {
		d := newTestDecoder(src, Limits{})
		d.Begin()
		if b, ok := d.LiteralBytes(); !ok || len(b) != size {
			t.Fatalf("literal of %d bytes: %v", len(b), d.Err())
		}
	})
	if allocs > 6 {
		t.Errorf("%v allocations to read a literal, want its buffer and the decoder's few", allocs)
	}
}
