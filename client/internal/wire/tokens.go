package wire

import (
	"encoding/binary"
	"math/bits"
	"strings"
)

// atomSpecials marks bytes that end an atom (RFC 9051 atom-specials plus
// resp-specials; CTL and non-ASCII are handled separately).
var atomSpecials = func() (t [256]bool) {
	for _, c := range []byte("(){ %*\"\\]") {
		t[c] = true
	}
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t[0x7f] = true
	return t
}()

func (d *Decoder) scan(stop *[256]bool, allowBracket bool) []byte {
	start := d.pos
	for d.pos < len(d.frag) {
		c := d.frag[d.pos]
		if stop[c] && !(allowBracket && c == ']') {
			break
		}
		d.pos++
	}
	return d.frag[start:d.pos]
}

// AtomBytes consumes an atom and returns it as a view into the line buffer,
// valid until the next read. It returns nil, false if no atom comes next.
func (d *Decoder) AtomBytes() ([]byte, bool) {
	if d.err != nil {
		return nil, false
	}
	b := d.scan(&atomSpecials, false)
	return b, len(b) > 0
}

// Atom consumes an atom.
func (d *Decoder) Atom() (string, bool) {
	start := d.pos
	b, ok := d.AtomBytes()
	return d.sub(start, start+len(b)), ok
}

// ExpectAtom consumes an atom or records an error.
func (d *Decoder) ExpectAtom() (string, bool) {
	s, ok := d.Atom()
	if !ok {
		d.Expected("atom")
	}
	return s, ok
}

// AStringAtom consumes an ASTRING-CHAR run: an atom that may contain ']'.
func (d *Decoder) AStringAtom() (string, bool) {
	if d.err != nil {
		return "", false
	}
	start := d.pos
	b := d.scan(&atomSpecials, true)
	return d.sub(start, d.pos), len(b) > 0
}

// Flag consumes a flag or mailbox attribute: an atom, optionally preceded
// by a backslash, or the special \* of PERMANENTFLAGS. Inside a list a flag
// may contain ']' (keywords such as [test] seen on Dovecot).
func (d *Decoder) Flag() (string, bool) {
	if d.err != nil {
		return "", false
	}
	start := d.pos
	if d.Special('\\') && d.Special('*') {
		return `\*`, true
	}
	d.scan(&atomSpecials, d.depth > 0)
	if d.pos == start || (d.pos == start+1 && d.frag[start] == '\\') {
		d.pos = start
		return "", d.Expected("flag")
	}
	return d.sub(start, d.pos), true
}

// Number consumes an unsigned 32-bit number (RFC 9051 number).
func (d *Decoder) Number() (uint32, bool) {
	n, ok := d.Number64()
	if ok && n > 1<<32-1 {
		return 0, d.Expected("32-bit number")
	}
	return uint32(n), ok
}

// Number64 consumes an unsigned 63-bit number (mod-sequence values, sizes).
func (d *Decoder) Number64() (uint64, bool) {
	if d.err != nil {
		return 0, false
	}
	start := d.pos
	var n uint64
	for d.pos < len(d.frag) {
		c := d.frag[d.pos]
		if c < '0' || c > '9' {
			break
		}
		digit := uint64(c - '0')
		if n > (1<<63-1-digit)/10 {
			return 0, d.Expected("number below 2^63")
		}
		n = n*10 + digit
		d.pos++
	}
	if d.pos == start {
		return 0, d.Expected("number")
	}
	return n, true
}

// NumSetToken consumes a sequence-set or uid-set token such as 1:4,7,9:*
// and returns it verbatim.
func (d *Decoder) NumSetToken() (string, bool) {
	if d.err != nil {
		return "", false
	}
	start := d.pos
	for d.pos < len(d.frag) {
		c := d.frag[d.pos]
		if !(c >= '0' && c <= '9' || c == ':' || c == ',' || c == '*') {
			break
		}
		d.pos++
	}
	if d.pos == start {
		return "", d.Expected("sequence set")
	}
	return d.sub(start, d.pos), true
}

// Quoted consumes a quoted string. 8-bit bytes are accepted as they come
// (servers send raw UTF-8 in quoted strings despite RFC 3501).
func (d *Decoder) Quoted() (string, bool) {
	if !d.Special('"') {
		return "", d.Expected("quoted string")
	}
	start := d.pos
	i := quotedStop(d.frag[start:])
	if i < 0 {
		d.pos = len(d.frag)
		return "", d.Expected("closing quote")
	}
	if d.frag[start+i] == '\\' {
		return d.quotedEscaped(start)
	}
	d.pos = start + i + 1
	return d.sub(start, start+i), true
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// quotedStop returns the index of the first '"' or '\\' in b, or -1. It
// tests eight bytes at a time (the strings of a FETCH answer average about
// 20 bytes, too short for IndexByte's call to pay off, and it would take
// two of them).
func quotedStop(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if m := zeroBytes(x^(lowBits*'"')) | zeroBytes(x^(lowBits*'\\')); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if b[i] == '"' || b[i] == '\\' {
			return i
		}
	}
	return -1
}

// zeroBytes sets the high bit of the lowest zero byte of v (and may set it
// in bytes above it, never below): the lowest set bit marks the first zero.
func zeroBytes(v uint64) uint64 { return (v - lowBits) &^ v & highBits }

// quotedEscaped reads the rest of a quoted string that has escapes, from
// start (just after the opening quote).
func (d *Decoder) quotedEscaped(start int) (string, bool) {
	for d.pos = start; d.pos < len(d.frag); d.pos++ {
		switch d.frag[d.pos] {
		case '"':
			s := d.frag[start:d.pos]
			d.pos++
			return unescapeQuoted(s), true
		case '\\':
			d.pos++
		}
	}
	d.pos = len(d.frag)
	return "", d.Expected("closing quote")
}

func unescapeQuoted(s []byte) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// String consumes a quoted string or a literal (RFC 9051 string), held in
// memory within Limits.MaxLiteral.
func (d *Decoder) String() (string, bool) {
	switch d.Peek() {
	case '"':
		return d.Quoted()
	case '{', '~':
		return d.literalString()
	}
	return "", d.Expected("string")
}

// AString consumes an astring: an atom (which may contain ']') or a string.
func (d *Decoder) AString() (string, bool) {
	switch d.Peek() {
	case '"', '{', '~':
		return d.String()
	}
	s, ok := d.AStringAtom()
	if !ok {
		d.Expected("astring")
	}
	return s, ok
}

// NIL consumes the atom NIL (any case) if it comes next.
func (d *Decoder) NIL() bool {
	r := d.rest()
	// b|0x20 folds 'N' to 'n' and maps no other byte there: an ASCII
	// case-insensitive match without a loop.
	if len(r) < 3 || r[0]|0x20 != 'n' || r[1]|0x20 != 'i' || r[2]|0x20 != 'l' {
		return false
	}
	if len(r) > 3 && !atomSpecials[r[3]] {
		return false
	}
	d.pos += 3
	return true
}

// NString consumes a string or NIL; isNil reports the latter.
func (d *Decoder) NString() (s string, isNil bool, ok bool) {
	if d.Peek() == '"' { // the common case first: no NIL test
		s, ok = d.Quoted()
		return s, false, ok
	}
	if d.NIL() {
		return "", true, true
	}
	s, ok = d.String()
	return s, false, ok
}

// List consumes a parenthesised list, calling item for each element.
// NIL in place of a list is accepted as an empty list (seen on Exchange
// and in several servers' BODYSTRUCTURE and ENVELOPE address lists).
func (d *Decoder) List(item func() bool) bool {
	if !d.Special('(') {
		if d.NIL() {
			return true
		}
		return d.Expected("'('")
	}
	if !d.Enter() {
		return false
	}
	ok := d.listItems(item)
	d.Leave()
	return ok
}

// listItems reads the elements and the closing parenthesis of a list.
func (d *Decoder) listItems(item func() bool) bool {
	for n := 0; ; n++ {
		if d.Special(')') {
			return true
		}
		if n > 0 {
			if !d.SP() {
				return d.Expected("SP or ')'")
			}
			if d.Special(')') { // "(a b )": trailing space
				return true
			}
		}
		if !d.CountItem() {
			return false
		}
		if !item() {
			return d.err == nil && d.Expected("list element")
		}
	}
}

// CountItem counts one list element against Limits.MaxItems, which bounds
// the elements of a whole response (nested lists included), and against
// Limits.MaxResponse (itemCost bytes each), so that the typed values built
// from one response stay within a fixed multiple of the bound.
func (d *Decoder) CountItem() bool {
	if d.items++; d.items > d.lim.MaxItems {
		return d.fail(&LimitError{Offset: d.Offset(), What: "number of list elements in one response", Limit: int64(d.lim.MaxItems)})
	}
	return d.hold(itemCost)
}
