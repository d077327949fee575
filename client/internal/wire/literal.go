package wire

import (
	"bytes"
	"io"
	"strconv"
)

// LiteralInfo describes a literal announced by the server.
type LiteralInfo struct {
	Size   int64
	Binary bool // literal8 (~{n}), RFC 3516
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
	n, ok := d.Number64()
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
	n, err := io.CopyN(w, d.r, info.Size)
	d.read += n
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return info, d.fail(err)
	}
	return info, d.readFragment() == nil
}

// LiteralBytes consumes a literal into memory. The buffer grows only with
// the bytes actually received, so a claimed {18446744073709551615} costs
// nothing up front; a literal above Limits.MaxLiteral is an error, after
// which Discard skips its bytes to keep the stream in sync.
func (d *Decoder) LiteralBytes() ([]byte, bool) {
	if d.err != nil {
		return nil, false
	}
	save := d.pos
	info, ok := d.literalHeader()
	if !ok {
		return nil, false
	}
	if info.Size > d.lim.MaxLiteral {
		d.pos = save
		return nil, d.fail(&LimitError{Offset: d.Offset(), What: "literal of " + strconv.FormatInt(info.Size, 10) + " bytes", Limit: d.lim.MaxLiteral})
	}
	d.pos = save
	var buf bytes.Buffer
	if info.Size <= 64<<10 {
		buf.Grow(int(info.Size))
	}
	if _, ok := d.LiteralTo(&buf); !ok {
		return nil, false
	}
	return buf.Bytes(), true
}
