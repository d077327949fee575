package client

import "imapsh/client/internal/wire"

// UIDPlusData is what an APPENDUID or COPYUID response code says (RFC 4315
// UIDPLUS): the destination mailbox's UIDVALIDITY, the source UIDs (COPYUID
// only) and the UIDs the messages got.
type UIDPlusData struct {
	UIDValidity uint32
	Source      NumSet // nil for APPENDUID
	Dest        NumSet
}

// UIDPlus decodes an APPENDUID or COPYUID code; ok is false for any other
// code or malformed data.
func (c *Code) UIDPlus() (d UIDPlusData, ok bool) {
	if c == nil || (c.Name != "APPENDUID" && c.Name != "COPYUID") {
		return d, false
	}
	want := 2
	if c.Name == "COPYUID" {
		want = 3
	}
	if len(c.Args) != want || c.Args[0].Kind != wire.KindNumber || c.Args[0].Num > 1<<32-1 {
		return d, false
	}
	d.UIDValidity = uint32(c.Args[0].Num)
	sets := make([]NumSet, 0, 2)
	for _, a := range c.Args[1:] {
		set, err := ParseNumSet(a.AsString())
		if err != nil {
			return d, false
		}
		sets = append(sets, set)
	}
	if want == 3 {
		d.Source = sets[0]
	}
	d.Dest = sets[len(sets)-1]
	return d, true
}

// Uint32 returns the code's single argument as a 32-bit number: the
// nz-number of UIDVALIDITY, UIDNEXT and UNSEEN (RFC 9051). ok is false
// when it is missing, not a number, or out of range.
func (c *Code) Uint32() (uint32, bool) {
	n, ok := c.Number()
	if !ok || len(c.Args) != 1 || n > 1<<32-1 {
		return 0, false
	}
	return uint32(n), true
}

// ModSeq returns HIGHESTMODSEQ's mod-sequence-value (RFC 7162: up to
// 2^63-1).
func (c *Code) ModSeq() (uint64, bool) {
	n, ok := c.Number()
	if !ok || len(c.Args) != 1 || n > 1<<63-1 {
		return 0, false
	}
	return n, true
}

// Set returns the sequence-set of MODIFIED (RFC 7162 section 3.1.3).
func (c *Code) Set() (NumSet, bool) {
	if c == nil || len(c.Args) != 1 {
		return nil, false
	}
	set, err := ParseNumSet(c.Args[0].AsString())
	return set, err == nil
}

// codeSyntax names the data each code with typed arguments must carry
// (RFC 9051 resp-text-code, RFC 4315 UIDPLUS, RFC 7162 CONDSTORE).
var codeSyntax = map[string]struct {
	want  string
	valid func(*Code) bool
}{
	"UIDNEXT":        {"nz-number", func(c *Code) bool { _, ok := c.Uint32(); return ok }},
	"UIDVALIDITY":    {"nz-number", func(c *Code) bool { _, ok := c.Uint32(); return ok }},
	"UNSEEN":         {"nz-number", func(c *Code) bool { _, ok := c.Uint32(); return ok }},
	"HIGHESTMODSEQ":  {"mod-sequence-value", func(c *Code) bool { _, ok := c.ModSeq(); return ok }},
	"APPENDUID":      {"nz-number SP append-uid", func(c *Code) bool { _, ok := c.UIDPlus(); return ok }},
	"COPYUID":        {"nz-number SP uid-set SP uid-set", func(c *Code) bool { _, ok := c.UIDPlus(); return ok }},
	"MODIFIED":       {"sequence-set", func(c *Code) bool { _, ok := c.Set(); return ok }},
	"PERMANENTFLAGS": {"a flag list", func(c *Code) bool { return len(c.Args) == 1 && c.Args[0].Kind == wire.KindList }},
	"BADCHARSET": {"an optional charset list", func(c *Code) bool {
		return len(c.Args) == 0 || (len(c.Args) == 1 && c.Args[0].Kind == wire.KindList)
	}},
}

// checkCode flags a known code whose data does not follow its production;
// the code is kept as sent and its typed accessors report not ok, so the
// session state is not set from it.
func (p *parser) checkCode(c *Code) {
	syn, known := codeSyntax[c.Name]
	if !known || syn.valid(c) {
		return
	}
	p.d.Warn(&wire.SyntaxError{Offset: p.d.Offset(), Expected: "[" + c.Name + " " + syn.want + "]",
		Got: "[" + c.Name + " " + c.Raw + "]"})
}
