package demo

import (
	"fmt"
	"strings"
	"time"
)

// Mailbox names of the demo user, in creation order. The last one is non-ASCII
// on purpose: it travels as modified UTF-7 (RFC 3501 §5.1.3) on the wire.
const (
	MailboxInbox       = "INBOX"
	MailboxSent        = "Sent"
	MailboxDrafts      = "Drafts"
	MailboxTrash       = "Trash"
	MailboxArchive     = "Archive"
	MailboxArchive2024 = "Archive/2024"
	MailboxUnicode     = "Ünïcødé 日本語"
)

// Mailboxes returns the demo user's mailboxes in creation order.
func Mailboxes() []string {
	return []string{MailboxInbox, MailboxSent, MailboxDrafts, MailboxTrash,
		MailboxArchive, MailboxArchive2024, MailboxUnicode}
}

// subscribedMailboxes are the mailboxes LSUB and LIST (SUBSCRIBED) return.
var subscribedMailboxes = []string{MailboxInbox, MailboxSent, MailboxDrafts, MailboxTrash, MailboxArchive}

// Message is one sample message and where it is stored.
type Message struct {
	Mailbox string    // destination mailbox (UTF-8 name)
	Flags   []string  // system flags, e.g. `\Seen`
	Date    time.Time // both the Date header and the INTERNALDATE
	Raw     []byte    // RFC 5322 bytes with CRLF line endings
}

// demoZone is a fixed zone so that the bytes never depend on the host.
var demoZone = time.FixedZone("CET", 60*60)

// firstDate is the date of the first sample; each next one is later.
var firstDate = time.Date(2024, time.March, 4, 9, 15, 0, 0, demoZone)

// messageDate spreads the samples over a few weeks, in increasing order.
func messageDate(index int) time.Time {
	return firstDate.Add(time.Duration(index) * (7*time.Hour + 13*time.Minute))
}

// Sample returns the demo messages in append order. It is deterministic: two
// calls give identical values, and no field depends on the clock or the host.
func Sample() []Message {
	specs := sampleSpecs()
	out := make([]Message, len(specs))
	for i, sp := range specs {
		date := messageDate(i)
		out[i] = Message{
			Mailbox: sp.mailbox,
			Flags:   sp.flags,
			Date:    date,
			Raw:     sp.render(i+1, date),
		}
	}
	return out
}

// spec describes one message; render turns it into RFC 5322 bytes.
type spec struct {
	mailbox    string
	flags      []string
	from, to   string // header values, already RFC 2047 encoded when needed
	cc         string
	subject    string // header value, already RFC 2047 encoded when needed
	messageID  string // without angle brackets; default derived from the index
	inReplyTo  string
	references []string
	mime       mimeBody
}

// mimeBody is the Content-* headers and the body text (LF or CRLF endings).
type mimeBody struct {
	contentType string
	encoding    string // Content-Transfer-Encoding; empty for 7bit
	disposition string // Content-Disposition; empty for inline parts
	text        string
}

func (sp spec) render(number int, date time.Time) []byte {
	var b strings.Builder
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%s: %s\n", name, value)
		}
	}
	id := sp.messageID
	if id == "" {
		id = fmt.Sprintf("sample-%03d@demo.imapsh.example", number)
	}
	field("Date", date.Format(time.RFC1123Z))
	field("From", sp.from)
	field("To", sp.to)
	field("Cc", sp.cc)
	field("Subject", sp.subject)
	field("Message-ID", "<"+id+">")
	if sp.inReplyTo != "" {
		field("In-Reply-To", "<"+sp.inReplyTo+">")
	}
	field("References", angleList(sp.references))
	field("MIME-Version", "1.0")
	field("Content-Type", sp.mime.contentType)
	field("Content-Transfer-Encoding", sp.mime.encoding)
	field("Content-Disposition", sp.mime.disposition)
	b.WriteString("\n")
	b.WriteString(sp.mime.text)
	return crlf(b.String())
}

// angleList formats Message-IDs for References, folded one per line.
func angleList(ids []string) string {
	wrapped := make([]string, len(ids))
	for i, id := range ids {
		wrapped[i] = "<" + id + ">"
	}
	return strings.Join(wrapped, "\n ")
}

// crlf normalises every line ending to CRLF and ends the text with one.
func crlf(s string) []byte {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return []byte(strings.ReplaceAll(s, "\n", "\r\n"))
}
