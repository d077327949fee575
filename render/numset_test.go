package render

import (
	"encoding/binary"
	"testing"

	"imapsh/client"
)

// refSearchLine is searchLine as it was before it wrote in place.
func refSearchLine(p *printer, d *client.SearchData) {
	command := Safe(d.Command)
	head := paint(p.th.Heading, command)
	items := refSetItems(p, client.Compact(d.Nums).String(), false)
	items = append(items, refWords(paint(p.th.Dim, "("+plural(len(d.Nums), "message")+")"))...)
	if d.ModSeq != 0 {
		items = append(items, refWords("modseq", num(d.ModSeq))...)
	}
	refFlow(p, head+" ", textWidth(command)+1, items)
}

// refESearchAll is esearchLine as it was for an ESEARCH UID ... ALL.
func refESearchAll(p *printer, d *client.ESearchData) {
	items := append(refWords("UID", "all"), refSetItems(p, d.All.String(), true)...)
	refFlow(p, paint(p.th.Heading, "ESEARCH")+" ", len("ESEARCH "), append(items, refWords(paint(p.th.Dim, "(tag "+Safe(d.Tag)+")"))...))
}

// FuzzSearchFlow checks SEARCH and ESEARCH answers written in place
// against the item-by-item wrapping for any numbers (zeros and wrap-
// arounds included), width and colour.
func FuzzSearchFlow(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 5, 0, 0, 0}, 20, false, uint16(0))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 1, 0, 0, 0}, 9, true, uint16(7))
	f.Fuzz(func(t *testing.T, data []byte, width int, color bool, modseq uint16) {
		var nums []uint32
		for len(data) >= 4 {
			nums = append(nums, binary.LittleEndian.Uint32(data))
			data = data[4:]
		}
		if len(nums) == 0 {
			return
		}
		opt := Options{Width: max(width%200, 1), Color: color}
		search := &client.SearchData{Command: "SORT", Nums: nums, ModSeq: uint64(modseq)}
		esearch := &client.ESearchData{Tag: "A5", UID: true, All: client.Compact(nums)}
		for _, c := range []struct {
			got, want func(*printer)
		}{
			{func(p *printer) { searchLine(p, search) }, func(p *printer) { refSearchLine(p, search) }},
			{func(p *printer) { esearchLine(p, esearch) }, func(p *printer) { refESearchAll(p, esearch) }},
		} {
			got, want := newPrinter(nil, opt), newPrinter(nil, opt)
			c.got(got)
			c.want(want)
			if string(got.buf) != string(want.buf) {
				t.Fatalf("%v at width %d, colour %v:\n%q\nwant\n%q", nums, opt.Width, color, got.buf, want.buf)
			}
		}
	})
}
