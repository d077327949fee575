package render

import (
	"strings"

	"imapsh/client"
)

// envelopeLines writes the ENVELOPE (RFC 9051 section 7.5.2) as header
// lines with RFC 2047 words decoded.
func envelopeLines(p *printer, indent string, e *client.Envelope) {
	for _, l := range envelopeHeaders(p.th, e, false) {
		p.line(indent + l)
	}
}

// envelopeHeaders gives the envelope's non-empty fields as header lines,
// safe and painted; skipSubject leaves out the Subject (shown elsewhere).
func envelopeHeaders(th *Theme, e *client.Envelope, skipSubject bool) []string {
	var out []string
	header := func(name, value string) {
		if value != "" {
			out = append(out, paint(th.Dim, name+":")+" "+Safe(value))
		}
	}
	header("From", addressList(e.From))
	if !sameAddresses(e.Sender, e.From) {
		header("Sender", addressList(e.Sender))
	}
	if !sameAddresses(e.ReplyTo, e.From) {
		header("Reply-To", addressList(e.ReplyTo))
	}
	header("To", addressList(e.To))
	header("Cc", addressList(e.Cc))
	header("Bcc", addressList(e.Bcc))
	if !skipSubject {
		header("Subject", decodeWords(e.Subject))
	}
	header("Date", e.Date)
	header("Message-ID", e.MessageID)
	header("In-Reply-To", e.InReplyTo)
	return out
}

// addressList formats addresses as "Name <local@host>, ...", with groups
// as "group: a, b;".
func addressList(as []client.Address) string {
	var b strings.Builder
	sep := ""
	for _, a := range as {
		switch {
		case a.Mailbox == "" && a.Host == "": // group end
			b.WriteString(";")
			sep = ", "
		case a.Host == "": // group start
			b.WriteString(sep + decodeWords(a.Mailbox) + ": ")
			sep = ""
		default:
			b.WriteString(sep + formatAddress(a))
			sep = ", "
		}
	}
	return b.String()
}

// formatAddress is "Name <local@host>", with a source route (addr-adl,
// obsolete but still sent) as "<@route:local@host>".
func formatAddress(a client.Address) string {
	addr := a.Mailbox + "@" + a.Host
	if a.ADL != "" {
		addr = a.ADL + ":" + addr
		if a.Name == "" {
			return "<" + addr + ">"
		}
	}
	if a.Name == "" {
		return addr
	}
	return decodeWords(a.Name) + " <" + addr + ">"
}

// appendShortAddress shows the first sender: its name, returned, or when
// unnamed its address, appended to b.
func appendShortAddress(b []byte, as []client.Address) ([]byte, string) {
	for _, a := range as {
		if a.Host == "" {
			continue
		}
		if a.Name != "" {
			return b, decodeWords(a.Name)
		}
		b = append(b, a.Mailbox...)
		b = append(append(b, '@'), a.Host...)
		return b, ""
	}
	return b, ""
}

func sameAddresses(a, b []client.Address) bool {
	if len(a) == 0 {
		return true
	}
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
