package client

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"

	"imapsh/client/internal/wire"
)

// AppendMessage is one message for APPEND or MULTIAPPEND.
type AppendMessage struct {
	Flags  []string
	Date   time.Time // zero: the server's time
	Body   io.Reader
	Size   int64
	Binary bool // literal8 (RFC 3516 BINARY) for 8-bit/binary content
	// UTF8 says the header holds 8-bit (UTF-8) text (RFC 6532; see
	// EightBitHeader). After ENABLE UTF8=ACCEPT such a message goes in the
	// UTF8 (~{n}...) form of RFC 6855 section 4, unless the server is an
	// IMAP4rev2 one (see Append).
	UTF8 bool
}

// Append adds messages to a mailbox (RFC 9051 section 6.3.12; imaplib
// append). Several messages make one MULTIAPPEND (RFC 3502). The body
// streams from its reader; with UIDPLUS the OK carries [APPENDUID ...].
//
// A message with UTF-8 in its header (AppendMessage.UTF8) after ENABLE
// UTF8=ACCEPT: RFC 6855 section 4 wants it wrapped as UTF8 (~{n}...), and
// Courier-IMAP 5.0 stores a plain literal with "[ALERT] Your IMAP client
// does not appear to correctly implement Unicode messages". RFC 9755,
// which replaces RFC 6855, removed that data item (its section 4 and
// "Changes since RFC 6855": UTF-8 headers go in the message argument, as
// in IMAP4rev2, RFC 9051, which never had it). The client therefore sends
// the UTF8 form to a server that does not announce IMAP4rev2, with a
// synchronizing literal so that a server that does not know the form
// (an RFC 9755 one) refuses it before any data is read; it then sends the
// plain form once more. An IMAP4rev2 server gets the plain form at once.
func (c *Client) Append(ctx context.Context, mailbox string, msgs ...AppendMessage) (*Result, error) {
	var cap Cap
	if len(msgs) > 1 {
		cap = CapMultiAppend
	}
	if !c.utf8Append(msgs) {
		return c.appendOnce(ctx, cap, mailbox, msgs, false)
	}
	counted := make([]AppendMessage, len(msgs))
	var read int64
	for i, m := range msgs {
		counted[i] = m
		counted[i].Body = &countingReader{r: m.Body, n: &read}
	}
	res, err := c.appendOnce(ctx, cap, mailbox, counted, true)
	if read == 0 && refusedSyntax(res, err) {
		return c.appendOnce(ctx, cap, mailbox, msgs, false)
	}
	return res, err
}

// utf8Append reports whether msgs go in RFC 6855's UTF8 (...) form.
func (c *Client) utf8Append(msgs []AppendMessage) bool {
	if !c.Enabled("UTF8=ACCEPT") || c.HasCap("IMAP4REV2") || c.Enabled("IMAP4REV2") {
		return false
	}
	for _, m := range msgs {
		if m.UTF8 {
			return true
		}
	}
	return false
}

// appendOnce sends one APPEND; utf8 wraps the messages with UTF-8 headers
// in UTF8 (~{n}...). Courier takes that form only after a flag list or a
// date, so an empty flag list comes first.
func (c *Client) appendOnce(ctx context.Context, cap Cap, mailbox string, msgs []AppendMessage, utf8 bool) (*Result, error) {
	return c.run(ctx, "APPEND", Needs.Mailbox, cap, func(a *wire.Command) {
		c.mailboxArg(a, mailbox)
		for _, m := range msgs {
			a.SP()
			wrap := utf8 && m.UTF8
			if len(m.Flags) > 0 || (wrap && m.Date.IsZero()) {
				a.List(len(m.Flags), func(i int) { a.Atom(m.Flags[i]) }).SP()
			}
			if !m.Date.IsZero() {
				a.String(FormatInternalDate(m.Date)).SP()
			}
			if !wrap {
				a.LiteralReader(m.Body, m.Size, m.Binary)
				continue
			}
			a.Raw("UTF8 (").SyncLiteralReader(m.Body, m.Size, true).Raw(")")
		}
	})
}

// refusedSyntax reports a command the server refused as not understood: BAD,
// or NO without a response code (Courier answers syntax errors with NO).
func refusedSyntax(res *Result, err error) bool {
	var se *Error
	if !errors.As(err, &se) || res == nil || res.Status == nil {
		return false
	}
	return se.Status == "BAD" || (se.Status == "NO" && se.Code == nil)
}

// countingReader adds what it reads to *n.
type countingReader struct {
	r io.Reader
	n *int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	k, err := r.r.Read(p)
	*r.n += int64(k)
	return k, err
}

// maxHeaderScan bounds how much of a message EightBitHeader reads.
const maxHeaderScan = 1 << 20

// EightBitHeader reports whether a message's header (up to the first empty
// line, at most 1 MiB) holds 8-bit bytes: UTF-8 header text (RFC 6532),
// which sets AppendMessage.UTF8. It reads from r's start without moving any
// read offset.
func EightBitHeader(r io.ReaderAt) (bool, error) {
	var head []byte
	buf := make([]byte, 32<<10)
	for len(head) < maxHeaderScan {
		n, err := r.ReadAt(buf, int64(len(head)))
		head = append(head, buf[:n]...)
		if end := headerEnd(head); end >= 0 {
			return has8bitBytes(head[:end]), nil
		}
		if err == io.EOF || (err == nil && n == 0) {
			break
		}
		if err != nil {
			return false, err
		}
	}
	return has8bitBytes(head), nil
}

// headerEnd returns where the header of data ends (its empty line), or -1.
func headerEnd(data []byte) int {
	crlf, lf := bytes.Index(data, []byte("\n\r\n")), bytes.Index(data, []byte("\n\n"))
	if crlf < 0 || (lf >= 0 && lf < crlf) {
		return lf
	}
	return crlf
}

// has8bitBytes reports whether b holds a byte with the high bit set.
func has8bitBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}
