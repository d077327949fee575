package wire

import (
	"bytes"
	"io"
	"strconv"
	"strings"
)

// LiteralInfo describes a literal announced by the server.
type LiteralInfo struct {
	Size   int64
	Binary bool // literal8 (~{n}), RFC 3516
}

// PeekLiteralSize returns the size of the literal that comes next, without
// consuming it; ok is false when no well-formed literal header does.
func (d *Decoder) PeekLiteralSize() (size int64, ok bool) {
	if !d.PeekLiteral() {
		return 0, false
	}
	n, isLit, err := literalMarker(d.rest())
	return n, isLit && err == nil
}

// PeekLiteral reports whether a literal comes next.
func (d *Decoder) PeekLiteral() bool {
	c := d.Peek()
	return c == '{' || c == '~'
}

// literalHeader consumes {n} or ~{n} at the end of the fragment.
func (d *Decoder) literalHeader() (LiteralInfo, bool) {
	var info LiteralInfo
	info.Binary = d.Special('~')
	if !d.Special('{') {
		return info, d.Expected("literal")
	}
	n, ok := d.literalSize()
	if !ok {
		return info, false
	}
	d.Special('+') // non-synchronizing marker: never from servers, harmless
	if !d.ExpectSpecial('}') {
		return info, false
	}
	if d.pos != len(d.frag) {
		return info, d.Expected("CRLF after literal size")
	}
	info.Size = int64(n)
	return info, true
}

// LiteralTo consumes a literal, copying its bytes to w as they arrive, and
// loads the rest of the line. Memory use is constant whatever the size.
func (d *Decoder) LiteralTo(w io.Writer) (LiteralInfo, bool) {
	info, ok := d.literalHeader()
	if !ok {
		return info, false
	}
	return info, d.literalBody(w, info.Size)
}

// literalBody copies the n bytes of a literal to w and loads the rest of
// the line.
func (d *Decoder) literalBody(w io.Writer, n int64) bool {
	m, err := io.CopyN(w, d.r, n)
	d.read += m
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return d.fail(err)
	}
	return d.readFragment() == nil
}

// literalInMemory consumes the header of a literal that is to be held in
// memory, failing with a *LimitError above Limits.MaxLiteral (after which
// Discard skips its bytes to keep the stream in sync).
func (d *Decoder) literalInMemory() (LiteralInfo, bool) {
	if d.err != nil {
		return LiteralInfo{}, false
	}
	save := d.pos
	info, ok := d.literalHeader()
	if !ok {
		return info, false
	}
	if info.Size > d.lim.MaxLiteral {
		d.pos = save
		return info, d.fail(&LimitError{Offset: d.Offset(), What: "literal of " + strconv.FormatInt(info.Size, 10) + " bytes", Limit: d.lim.MaxLiteral})
	}
	return info, true
}

// LiteralBytes consumes a literal into memory. The buffer grows only with
// the bytes actually received, so a claimed {18446744073709551615} costs
// nothing up front; a literal above Limits.MaxLiteral is an error, after
// which Discard skips its bytes to keep the stream in sync.
func (d *Decoder) LiteralBytes() ([]byte, bool) {
	info, ok := d.literalInMemory()
	if !ok {
		return nil, false
	}
	var buf bytes.Buffer
	if info.Size <= preallocLiteral {
		buf.Grow(int(info.Size))
	}
	if !d.literalBody(&buf, info.Size) {
		return nil, false
	}
	return buf.Bytes(), true
}

// preallocLiteral is the largest literal whose announced size is
// allocated up front; larger ones grow with the bytes received.
const preallocLiteral = 64 << 10

// literalString consumes a literal into a string: String's path, taken by
// 8-bit header fields in ENVELOPE. A small literal costs one allocation of
// its size, copied straight from the read buffer.
func (d *Decoder) literalString() (string, bool) {
	info, ok := d.literalInMemory()
	if !ok {
		return "", false
	}
	var b strings.Builder
	b.Grow(int(min(info.Size, preallocLiteral)))
	for left := info.Size; left > 0; {
		chunk, err := d.r.Peek(int(min(left, int64(d.r.Size()))))
		b.Write(chunk)
		d.r.Discard(len(chunk))
		d.read += int64(len(chunk))
		left -= int64(len(chunk))
		if left > 0 && err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", d.fail(err)
		}
	}
	return b.String(), d.readFragment() == nil
}
