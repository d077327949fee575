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
// by a backslash, or the special \* of PERMANENTFLAGS (also accepted in
// FLAGS, where GreenMail sends it: ruby/net-imap #228). Inside a list a
// flag may contain ']' (keywords such as [test] seen on Dovecot).
func (d *Decoder) Flag() (string, bool) {
	if d.err != nil {
		return "", false
	}
	start := d.pos
	if d.Special('\\') && d.Special('*') {
		return `\*`, true
	}
	d.scan(&atomSpecials, d.depth > 0)
	if d.pos == start {
		return "", d.Expected("flag")
	}
	// A lone "\" (a flag-extension without its atom) is kept as sent: a
	// Dovecot-based XLIST sent (\HasChildren \) (libetpan #403).
	return d.sub(start, d.pos), true
}

// Number consumes an unsigned 32-bit number (RFC 9051 number,
// nz-number). A number that does not fit is consumed and flagged with a
// *RangeError warning: ok is false while Err stays nil, and the caller
// leaves its field out rather than wrap the value.
func (d *Decoder) Number() (uint32, bool) {
	n, ok := d.digits(1<<32 - 1)
	return uint32(n), ok
}

// Number64 consumes an unsigned 63-bit number (RFC 9051 number64, RFC
// 7162 mod-sequence-value), with Number's treatment of numbers that do
// not fit.
func (d *Decoder) Number64() (uint64, bool) {
	return d.digits(1<<63 - 1)
}

// digits consumes 1*DIGIT; a value above max is flagged as a RangeError
// warning and gives ok false without an error.
func (d *Decoder) digits(max uint64) (uint64, bool) {
	start := d.pos
	n, over, ok := d.scanDigits(max)
	if over {
		d.rangeWarning(start, d.pos, max)
	}
	return n, ok
}

// scanDigits consumes 1*DIGIT and reports whether the value exceeds max
// (then n is 0 and ok false); no digits is an error.
func (d *Decoder) scanDigits(max uint64) (n uint64, over, ok bool) {
	if d.err != nil {
		return 0, false, false
	}
	start := d.pos
	for ; d.pos < len(d.frag); d.pos++ {
		c := d.frag[d.pos]
		if c < '0' || c > '9' {
			break
		}
		digit := uint64(c - '0')
		if over || n > (max-digit)/10 {
			over = true
			continue
		}
		n = n*10 + digit
	}
	if d.pos == start {
		return 0, false, d.Expected("number")
	}
	if over {
		return 0, true, false
	}
	return n, false, true
}

// literalSize consumes the number64 of a literal header. A size that
// does not fit is an error, not a warning: the end of the literal, and
// so of the response, cannot be found.
func (d *Decoder) literalSize() (uint64, bool) {
	start := d.pos
	n, over, ok := d.scanDigits(1<<63 - 1)
	if over {
		d.pos = start
		return 0, d.Expected("literal size below 2^63")
	}
	return n, ok
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
// (servers send raw UTF-8 in quoted strings despite RFC 3501). Beyond the
// grammar, as other clients do for servers that do not escape:
//   - a '"' that is not followed by SP, ')', ']' or the end of the line
//     is part of the string: `"MOUNDARY="_006_x_""` (Exchange, MailKit
//     #485), `""""` as a description (go-imap #659), a name with quotes
//     inside (djc/imap-proto #171, GreenMail #4);
//   - a '\' before anything but '"' or '\' stays in the string: `"FOO\BAR"`
//     (David.fx, MailKit #422; Domino, MailKit #943);
//   - a string that runs to the end of the line goes on when the next
//     line starts with a space or a tab, the string then holding the CRLF:
//     a folded Subject sent inside quotes (jakartaee/mail-api #255, Cyrus
//     #1522).
func (d *Decoder) Quoted() (string, bool) {
	if !d.Special('"') {
		return "", d.Expected("quoted string")
	}
	start := d.pos
	i := quotedStop(d.frag[start:])
	if i >= 0 && d.frag[start+i] == '"' && closesQuoted(d.frag, start+i+1) {
		d.pos = start + i + 1
		return d.sub(start, start+i), true
	}
	return d.quotedSlow(start)
}

// closesQuoted reports whether a '"' whose next byte is at i ends a
// quoted string: it is followed by the end of the line or by what may
// follow a string.
func closesQuoted(frag []byte, i int) bool {
	return i >= len(frag) || frag[i] == ' ' || frag[i] == ')' || frag[i] == ']'
}

// quotedSlow reads the rest of a quoted string that has escapes, quotes
// inside, or a folded line, from start (just after the opening quote).
func (d *Decoder) quotedSlow(start int) (string, bool) {
	var raw []byte
	for seg := start; ; seg = 0 {
		for d.pos = seg; d.pos < len(d.frag); d.pos++ {
			switch d.frag[d.pos] {
			case '"':
				if closesQuoted(d.frag, d.pos+1) {
					raw = append(raw, d.frag[seg:d.pos]...)
					d.pos++
					return unescapeQuoted(raw), true
				}
			case '\\':
				d.pos++
			}
		}
		raw = append(append(raw, d.frag[seg:]...), '\r', '\n')
		if len(raw) > d.lim.MaxLine || !d.foldedLineFollows() {
			d.pos = len(d.frag)
			return "", d.Expected("closing quote")
		}
		if d.readFragment() != nil {
			return "", false
		}
	}
}

// foldedLineFollows reports whether the next line, already received,
// starts with a space or a tab: a header line folded inside a quoted
// string, never the start of a response. It does not wait for more input:
// a string left open at the end of what the server sent (an unclosed
// quote in a greeting) must not make the client wait for a line that
// will not come.
func (d *Decoder) foldedLineFollows() bool {
	if d.r.Buffered() == 0 {
		return false
	}
	next, err := d.r.Peek(1)
	return err == nil && (next[0] == ' ' || next[0] == '\t')
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

// unescapeQuoted removes the escapes of quoted-specials; a backslash
// before any other byte is kept, as sent.
func unescapeQuoted(s []byte) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\') {
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
	d.SP() // "( a b)": a space after the parenthesis (MailKit #371)
	for n := 0; ; n++ {
		if d.Special(')') {
			return true
		}
		if n > 0 {
			// Lists may follow each other without a space: body-type-mpart
			// is 1*body, thread-nested is 2*thread-list.
			if !d.SP() && d.Peek() != '(' {
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
