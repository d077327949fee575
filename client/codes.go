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
	if len(c.Args) != want || c.Args[0].Kind != wire.KindNumber {
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
