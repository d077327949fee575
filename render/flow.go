package render

import (
	"strings"

	"imapsh/client"
)

// flowWriter writes a line of items (safe, perhaps painted) into the
// printer's buffer, breaking it only between items so that the terminal
// never wraps inside one (a message number, a word); continuation lines
// are indented by the label's width. It writes in place, so that the
// 100,000 numbers of a SEARCH answer need no string and no item each.
type flowWriter struct {
	p      *printer
	indent int
	used   int // columns of the line so far
	n      int // items written
	start  int // where the line starts in p.buf
}

// newFlow starts a flowing line with label, continuation lines indented
// by indent columns.
func newFlow(p *printer, label string, indent int) *flowWriter {
	f := &flowWriter{p: p, indent: indent, used: indent, start: len(p.buf)}
	p.buf = append(p.buf, label...)
	return f
}

// item adds text (safe and painted) that takes width columns.
func (f *flowWriter) item(text string, width int, space bool) {
	f.room(width, space)
	f.p.buf = append(f.p.buf, text...)
}

// words adds words (safe, perhaps painted), separated by spaces.
func (f *flowWriter) words(ws ...string) {
	for _, w := range ws {
		if w != "" {
			f.item(w, visibleWidth(w), true)
		}
	}
}

// room makes room for an item of width columns: a new line when it does
// not fit (not before the first item), else a space when it wants one.
func (f *flowWriter) room(width int, space bool) {
	gap := 0
	if space && f.n > 0 {
		gap = 1
	}
	if f.n > 0 && f.used+gap+width > f.p.width() {
		f.p.endRow(f.start)
		f.start = len(f.p.buf)
		f.p.buf = appendSpaces(f.p.buf, f.indent)
		f.used, gap = f.indent, 0
	}
	if gap > 0 {
		f.p.buf = append(f.p.buf, ' ')
	}
	f.used += gap + width
	f.n++
}

// end ends the last line.
func (f *flowWriter) end() { f.p.endRow(f.start) }

// compact adds nums as the ranges client.Compact makes ("1:3,5"), each
// with its comma an item painted as a number, so that lines break between
// numbers; space puts a space before the first.
func (f *flowWriter) compact(nums []uint32, space bool) {
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j] != 0 && nums[j+1] == nums[j]+1 {
			j++
		}
		f.rangeItem(client.NumRange{Start: nums[i], Stop: nums[j]}, j+1 == len(nums), space && i == 0)
		i = j + 1
	}
}

// set adds a set's ranges as compact does.
func (f *flowWriter) set(s client.NumSet, space bool) {
	for i, r := range s {
		f.rangeItem(r, i == len(s)-1, space && i == 0)
	}
}

// rangeItem adds one range, with a comma unless it is the last.
func (f *flowWriter) rangeItem(r client.NumRange, last, space bool) {
	var scratch [24]byte
	piece := appendRange(scratch[:0], r)
	if !last {
		piece = append(piece, ',')
	}
	f.room(len(piece), space)
	if f.p.plain {
		f.p.buf = append(f.p.buf, piece...)
		return
	}
	f.p.buf = append(f.p.buf, paint(f.p.th.Number, string(piece))...)
}

// visibleWidth is the display width of a safe string that may hold the
// theme's colour sequences (ESC [ ... m), which take no columns.
func visibleWidth(s string) int {
	n := 0
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return n + textWidth(s)
		}
		n += textWidth(s[:i])
		end := strings.IndexByte(s[i:], 'm')
		if end < 0 {
			return n
		}
		s = s[i+end+1:]
	}
}
