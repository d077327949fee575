package wire

import (
	"io"
	"strconv"
	"unsafe"
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
// memory, failing with a *LimitError above Limits.MaxLiteral or beyond
// the response's bound (Limits.MaxResponse, LimitNext), before any of its
// bytes are read; Discard then skips them to keep the stream in sync.
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
	if !d.hold(info.Size) {
		d.pos = save
		return info, false
	}
	return info, true
}

// LiteralBytes consumes a literal into memory, within Limits.MaxLiteral and
// the response's bound; past them it is an error, after which Discard
// skips its bytes to keep the stream in sync.
func (d *Decoder) LiteralBytes() ([]byte, bool) {
	info, ok := d.literalInMemory()
	if !ok {
		return nil, false
	}
	return d.readLiteral(info.Size)
}

// preallocLiteral is the largest literal whose announced size is
// allocated up front; larger ones grow with the bytes received. It is the
// default MaxLiteral: a literal the default limits let through costs its
// size once, not twice while a buffer grows and leaves garbage behind.
const preallocLiteral = 64 << 20

// growLiteral is where the buffer of a literal above preallocLiteral
// starts.
const growLiteral = 64 << 10

// readLiteral reads the n bytes of a literal (which the limits let
// through) into memory and loads the rest of the line. Up to
// preallocLiteral the buffer is allocated at once; beyond, it starts at
// growLiteral and doubles as bytes arrive, never past n, so that a huge
// claim under raised limits costs only what the server really sends.
func (d *Decoder) readLiteral(n int64) ([]byte, bool) {
	start := n
	if n > preallocLiteral {
		start = growLiteral
	}
	buf := make([]byte, 0, start)
	for int64(len(buf)) < n {
		if len(buf) == cap(buf) {
			buf = append(make([]byte, 0, min(n, 2*int64(cap(buf)))), buf...)
		}
		end := min(int64(cap(buf)), n)
		m, err := d.r.Read(buf[len(buf):end])
		buf = buf[:len(buf)+m]
		d.read += int64(m)
		if err != nil && int64(len(buf)) < n {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, d.fail(err)
		}
	}
	return buf, d.readFragment() == nil
}

// literalString consumes a literal into a string: String's path, taken by
// 8-bit header fields in ENVELOPE and mailbox names. A small literal costs
// one allocation of its size.
func (d *Decoder) literalString() (string, bool) {
	info, ok := d.literalInMemory()
	if !ok {
		return "", false
	}
	b, ok := d.readLiteral(info.Size)
	if len(b) == 0 {
		return "", ok
	}
	// The buffer is this string's alone and never written again: no
	// copy, as strings.Builder does.
	return unsafe.String(&b[0], len(b)), ok
}
