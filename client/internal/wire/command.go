package wire

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrUnsafeArgument is returned for an argument that cannot be sent as it
// is: an atom with CR, LF, NUL or a space, or a sequence set that is not one.
var ErrUnsafeArgument = errors.New("wire: argument would inject bytes into the command line")

// Part is a piece of a command: inline text, or a literal whose bytes are
// sent only after the server's continuation request (or at once with
// LITERAL+).
type Part struct {
	Text    []byte    // inline bytes (for a literal: nothing)
	Literal io.Reader // literal data, or nil for inline text
	Size    int64     // literal size in bytes
	Binary  bool      // literal8 ~{n} (RFC 3516)
	Secret  bool      // hidden in traces and logs
	// Sync makes the literal wait for the server's continuation even with
	// LITERAL+, so that a server refusing the command line does so before
	// any of the data is read (see Client.Append's UTF8 form).
	Sync bool
}

// Command accumulates one command line. Builder methods never put CR, LF or
// NUL into inline text: such data becomes a literal, or the command records
// ErrUnsafeArgument, reported by Err.
type Command struct {
	Parts []Part
	// UTF8 says the session is in UTF-8 mode (ENABLE UTF8=ACCEPT, RFC 6855
	// section 3; IMAP4rev2, RFC 9051): mailbox names go in UTF-8, not
	// modified UTF-7, and a quoted string may hold valid UTF-8, so such
	// text needs no literal (and no round trip without LITERAL+).
	UTF8   bool
	err    error
	secret bool
}

// Err returns the first encoding error.
func (c *Command) Err() error { return c.err }

func (c *Command) text(s string) *Command {
	n := len(c.Parts)
	if n > 0 && c.Parts[n-1].Literal == nil && c.Parts[n-1].Secret == c.secret {
		c.Parts[n-1].Text = append(c.Parts[n-1].Text, s...)
		return c
	}
	c.Parts = append(c.Parts, Part{Text: []byte(s), Secret: c.secret})
	return c
}

// SP appends a space.
func (c *Command) SP() *Command { return c.text(" ") }

// Atom appends an atom verbatim after checking that it holds no CTL, space
// or other atom-special that would change the command's meaning. Flags
// (\Seen) and bracketed FETCH items are allowed: only line-breaking and
// space bytes are refused.
func (c *Command) Atom(s string) *Command {
	if s == "" || !safeInline(s, false) {
		c.setErr(ErrUnsafeArgument)
		return c
	}
	return c.text(s)
}

// Raw appends text that the caller built from already validated pieces
// (such as a parenthesised item list); CR, LF and NUL are still refused.
func (c *Command) Raw(s string) *Command {
	if !safeInline(s, true) {
		c.setErr(ErrUnsafeArgument)
		return c
	}
	return c.text(s)
}

// List appends a parenthesised list of n elements, each written by item
// (elements are separated by single spaces).
func (c *Command) List(n int, item func(i int)) *Command {
	c.text("(")
	for i := 0; i < n; i++ {
		if i > 0 {
			c.text(" ")
		}
		item(i)
	}
	return c.text(")")
}

// Number appends an unsigned number.
func (c *Command) Number(n uint64) *Command { return c.text(strconv.FormatUint(n, 10)) }

// Fail records err as the command's encoding error (a caller-side check
// that failed); the command is then never sent.
func (c *Command) Fail(err error) { c.setErr(err) }

func (c *Command) setErr(err error) {
	if c.err == nil {
		c.err = err
	}
}

// safeInline reports whether s may go inline: never CR, LF or NUL, and no
// space unless allowed.
func safeInline(s string, spaces bool) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b == '\r' || b == '\n' || b == 0:
			return false
		case b == ' ' && !spaces:
			return false
		}
	}
	return true
}

// AString appends s as an atom when it can be one, as a quoted string when
// it is plain 7-bit text, and as a literal otherwise (8-bit, CR, LF, NUL).
func (c *Command) AString(s string) *Command {
	switch {
	case isAtom(s, true):
		return c.text(s)
	case isQuotable(s, c.UTF8):
		return c.text(quote(s))
	}
	return c.Literal([]byte(s))
}

// String appends s as a quoted string or, when needed, a literal (never
// as an atom: RFC 9051 string).
func (c *Command) String(s string) *Command {
	if isQuotable(s, c.UTF8) {
		return c.text(quote(s))
	}
	return c.Literal([]byte(s))
}

// NString appends NIL for nil, else String.
func (c *Command) NString(s *string) *Command {
	if s == nil {
		return c.text("NIL")
	}
	return c.String(*s)
}

// Mailbox appends a mailbox name, encoded in modified UTF-7 (RFC 3501
// section 5.1.3) unless the command is in UTF-8 mode (c.UTF8), where it
// goes as UTF-8, quoted when it is not an atom (RFC 6855 section 3).
func (c *Command) Mailbox(name string) *Command {
	if !c.UTF8 {
		name = EncodeMailbox(name)
	}
	return c.AString(name)
}

// Literal appends data as a literal.
func (c *Command) Literal(data []byte) *Command {
	return c.LiteralReader(&byteReader{b: data}, int64(len(data)), false)
}

// LiteralReader appends a literal streamed from r, of exactly size bytes;
// binary selects literal8 (~{n}, RFC 3516) for APPEND of binary data.
func (c *Command) LiteralReader(r io.Reader, size int64, binary bool) *Command {
	c.Parts = append(c.Parts, Part{Literal: r, Size: size, Binary: binary, Secret: c.secret})
	return c
}

// SyncLiteralReader is LiteralReader for a literal that always waits for
// the server's continuation (Part.Sync).
func (c *Command) SyncLiteralReader(r io.Reader, size int64, binary bool) *Command {
	c.LiteralReader(r, size, binary)
	c.Parts[len(c.Parts)-1].Sync = true
	return c
}

// Secret runs build with every part it appends marked secret, so traces
// and logs show *** in their place (passwords, SASL responses).
func (c *Command) Secret(build func(*Command)) *Command {
	c.secret = true
	build(c)
	c.secret = false
	return c
}

type byteReader struct{ b []byte }

func (r *byteReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

// isAtom reports whether s can be sent as an atom (astring when bracket).
func isAtom(s string, bracket bool) bool {
	if s == "" || len(s) > 1024 {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 0x80 || (atomSpecials[b] && !(bracket && b == ']')) {
			return false
		}
	}
	return true
}

// isQuotable reports whether s can go in a quoted string: no CR, LF or
// NUL, not absurdly long, and 7-bit, or valid UTF-8 when utf8 is set (RFC
// 6855 section 3: the server must reject invalid UTF-8 in quoted strings,
// so such bytes still go as a literal).
func isQuotable(s string, utf8ok bool) bool {
	if len(s) > 4096 {
		return false
	}
	eightBit := false
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b == 0 || b == '\r' || b == '\n':
			return false
		case b >= 0x80:
			eightBit = true
		}
	}
	return !eightBit || (utf8ok && utf8.ValidString(s))
}

func quote(s string) string {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return string(append(b, '"'))
}

// SafeCommandName reports whether name can start a command line: one or
// more atoms separated by single spaces ("FETCH", "UID FETCH", an XATOM),
// so a caller-supplied name can never smuggle a second command in.
func SafeCommandName(name string) bool {
	for _, word := range strings.Split(name, " ") {
		if !isAtom(word, false) {
			return false
		}
	}
	return true
}
