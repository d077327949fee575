package client

import (
	"testing"

	"imapsh/client/internal/wire"
)

func TestCodeUIDPlus(t *testing.T) {
	num := func(n uint64) Value { return Value{Kind: wire.KindNumber, Num: n} }
	atom := func(s string) Value { return Value{Kind: wire.KindAtom, Str: s} }
	tests := []struct {
		code     Code
		ok       bool
		src, dst string
	}{
		{Code{Name: "APPENDUID", Args: []Value{num(38505), num(3955)}}, true, "", "3955"},
		{Code{Name: "COPYUID", Args: []Value{num(38505), atom("304,319:320"), atom("3956:3958")}}, true, "304,319:320", "3956:3958"},
		{Code{Name: "COPYUID", Args: []Value{num(1), atom("1:2")}}, false, "", ""},
		{Code{Name: "APPENDUID", Args: []Value{atom("x"), num(1)}}, false, "", ""},
		{Code{Name: "UIDNEXT", Args: []Value{num(5)}}, false, "", ""},
	}
	for _, tt := range tests {
		d, ok := tt.code.UIDPlus()
		if ok != tt.ok || d.Source.String() != tt.src || (ok && d.Dest.String() != tt.dst) {
			t.Errorf("%s %v: got %+v %v, want ok=%v src=%q dst=%q", tt.code.Name, tt.code.Args, d, ok, tt.ok, tt.src, tt.dst)
		}
		if ok && d.UIDValidity != uint32(tt.code.Args[0].Num) {
			t.Errorf("%s: uidvalidity %d", tt.code.Name, d.UIDValidity)
		}
	}
}
