package render

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// minBase64Run is the fewest consecutive base64 lines summarised as one
// "(base64 data, SIZE)" line; shorter runs are shown as text.
const minBase64Run = 3

// viewWindow is how much of a section the text view reads at a time: a
// section held in a temporary file (Options.SectionSource) is shown
// without ever being in memory whole, and a longer line is written in
// pieces.
const viewWindow = 64 << 10

// textView writes body text line by line: each line made safe (tabs kept),
// runs of base64 lines (an encoded attachment, a whole base64 part)
// summarised, and output stopped after maxBytes of the data or maxLines
// lines (0 means no limit). It reads the data through a window, so that
// the section may be in memory or in a file.
type textView struct {
	p                  *printer
	indent             string
	maxBytes, maxLines int
	shown, lines       int   // bytes of data shown, lines written
	runStart, runEnd   int64 // the pending run of base64 lines, data[runStart:runEnd]
	runLines           int

	data   io.ReaderAt
	size   int64
	window int    // bytes read at a time: viewWindow (tests lower it)
	buf    []byte // the window: data[bufAt:bufAt+len(buf)]
	bufAt  int64
	err    error // the first read error
}

// newTextView returns a view of size bytes of data.
func newTextView(p *printer, data io.ReaderAt, size int64, maxBytes, maxLines int) *textView {
	return &textView{p: p, indent: "    ", maxBytes: maxBytes, maxLines: maxLines,
		data: data, size: size, window: viewWindow}
}

// write shows the data and returns how many of its bytes the output
// covers: its size, or less when a limit cut it short.
func (v *textView) write() int64 {
	for off := int64(0); off < v.size; {
		next, line := v.line(off)
		if line != nil && v.extendsRun(trimEOL(line)) {
			if v.runLines == 0 {
				v.runStart = off
			}
			v.runLines++
			v.runEnd = next
			off = next
			continue
		}
		if v.runLines > 0 {
			if cut, ok := v.flushRun(); !ok {
				return cut
			}
			next, line = v.line(off) // flushRun moved the window
		}
		if cut, ok := v.text(off, next, line); !ok {
			return cut
		}
		off = next
	}
	if cut, ok := v.flushRun(); !ok {
		return cut
	}
	return v.size
}

// line finds the line that starts at off: where the next one starts, and
// its bytes (LF included) when it fits in the window, else nil.
func (v *textView) line(off int64) (int64, []byte) {
	if off >= v.bufAt && off < v.bufAt+int64(len(v.buf)) { // most lines are in the window read
		b := v.buf[off-v.bufAt:]
		if nl := bytes.IndexByte(b, '\n'); nl >= 0 {
			return off + int64(nl) + 1, b[:nl+1]
		}
	}
	b := v.at(off, v.window)
	if nl := bytes.IndexByte(b, '\n'); nl >= 0 {
		return off + int64(nl) + 1, b[:nl+1]
	}
	if off+int64(len(b)) >= v.size {
		return v.size, b
	}
	for end := off + int64(len(b)); end < v.size; { // a long line: find its end
		c := v.at(end, v.window)
		if nl := bytes.IndexByte(c, '\n'); nl >= 0 {
			return end + int64(nl) + 1, nil
		}
		end += int64(len(c))
	}
	return v.size, nil
}

// at returns up to n bytes of the data from off (fewer at its end),
// reading a new window when they are not in the current one. The bytes
// are valid until the next call.
func (v *textView) at(off int64, n int) []byte {
	end := min(off+int64(n), v.size)
	if m, ok := v.data.(memData); ok {
		return m[off:end]
	}
	if off >= v.bufAt && end <= v.bufAt+int64(len(v.buf)) {
		return v.buf[off-v.bufAt : end-v.bufAt]
	}
	if cap(v.buf) < v.window {
		v.buf = make([]byte, v.window)
	}
	v.buf = v.buf[:min(int64(v.window), v.size-off)]
	v.bufAt = off
	if _, err := v.data.ReadAt(v.buf, off); err != nil && err != io.EOF && v.err == nil {
		v.err = err
	}
	return v.buf[:end-off]
}

// extendsRun reports whether line belongs to a run of base64: a line of
// 60–76 base64 characters, or a shorter final line of one.
func (v *textView) extendsRun(line []byte) bool {
	if !isBase64Text(line) {
		return false
	}
	return len(line) >= 60 && len(line) <= 76 || v.runLines > 0 && len(line)%4 == 0 && len(line) < 60
}

// flushRun writes the pending run: one summary line when it is long
// enough, else its lines as text. It reports where output stopped and
// false when a limit was reached.
func (v *textView) flushRun() (int64, bool) {
	start, end, n := v.runStart, v.runEnd, v.runLines
	v.runLines = 0
	if n == 0 {
		return 0, true
	}
	if n >= minBase64Run {
		if v.full() {
			return start, false
		}
		v.p.line(v.indent + paint(v.p.th.Dim, "(base64 data, "+humanSize(uint64(end-start))+")"))
		v.lines++
		return 0, true
	}
	for off := start; off < end; { // at most two lines of at most 78 bytes
		next, line := v.line(off)
		if cut, ok := v.text(off, next, line); !ok {
			return cut, false
		}
		off = next
	}
	return 0, true
}

// text writes the line data[off:next] (line holds it when it fits in the
// window), or as much of it as the byte limit allows. It reports where
// output stopped and false when a limit was reached.
func (v *textView) text(off, next int64, line []byte) (int64, bool) {
	if v.full() {
		return off, false
	}
	end := off + v.textLen(off, next, line)
	if v.maxBytes > 0 && v.shown+int(end-off) > v.maxBytes {
		end = v.runeStart(off, off+int64(v.maxBytes-v.shown), end)
		v.writeLine(off, end, line)
		return end, false
	}
	v.writeLine(off, end, line)
	v.shown += int(next - off)
	return 0, true
}

// textLen is the length of the line data[off:next] without its LF and
// the CR before it (see trimEOL).
func (v *textView) textLen(off, next int64, line []byte) int64 {
	if line != nil {
		return int64(len(trimEOL(line)))
	}
	n := next - off
	tail := v.at(next-min(n, 2), 2)
	return n - int64(len(tail)-len(trimEOL(tail)))
}

// runeStart is the largest i <= n (within [off, end)) that does not split
// a UTF-8 sequence of the line data[off:end].
func (v *textView) runeStart(off, n, end int64) int64 {
	for n > off && n < end && !utf8.RuneStart(v.at(n, 1)[0]) {
		n--
	}
	return n
}

// writeLine writes data[off:end] as one line, made safe, in pieces when
// it is longer than the window.
func (v *textView) writeLine(off, end int64, line []byte) {
	v.lines++
	if end == off {
		v.p.line()
		return
	}
	p := v.p
	p.buf = append(p.buf, v.indent...)
	if line != nil {
		p.buf = appendSafe(p.buf, line[:end-off], true)
		p.endLine()
		return
	}
	for off < end {
		n := min(end-off, int64(v.window))
		var next byte
		if off+n < end {
			next = v.at(off+n, 1)[0] // before piece: it may move the window
		}
		piece := v.at(off, int(n))
		if off+n < end {
			piece = piece[:pieceEnd(piece, next)]
		}
		p.buf = appendSafe(p.buf, piece, true)
		off += int64(len(piece))
		if len(p.buf) >= flushAt {
			p.flush()
		}
	}
	p.endLine()
}

// pieceEnd is where to cut piece, which next follows, so that no UTF-8
// sequence is split: back to the start of the sequence next continues,
// at most three bytes (a longer run of continuation bytes is no valid
// sequence, and Safe shows each of its bytes alone either way).
func pieceEnd(piece []byte, next byte) int {
	n := len(piece)
	for k := 0; k < utf8.UTFMax-1 && !utf8.RuneStart(next) && n > 1; k++ {
		n--
		next = piece[n]
	}
	if !utf8.RuneStart(next) {
		return len(piece)
	}
	return n
}

func (v *textView) full() bool {
	return v.maxLines > 0 && v.lines >= v.maxLines || v.maxBytes > 0 && v.shown >= v.maxBytes
}

// memData is a section held in memory: the view reads it in place.
type memData []byte

// ReadAt implements io.ReaderAt.
func (m memData) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(m)) {
		return 0, io.EOF
	}
	n := copy(p, m[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// trimEOL drops a line's LF and the CR of CRLF.
func trimEOL(line []byte) []byte {
	line = bytes.TrimSuffix(line, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r"))
}

// isBase64Text reports a non-empty line of the base64 alphabet
// (RFC 4648 section 4), padding included.
func isBase64Text(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	for _, c := range line {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
			return false
		}
	}
	return true
}
