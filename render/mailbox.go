package render

import (
	"io"
	"strings"

	"imapsh/client"
)

// Mailbox renders the summary of a SELECT or EXAMINE (RFC 9051 section
// 6.3.2):
//
//	INBOX  42 messages, 3 recent, uidvalidity 1700000000, uidnext 43, highestmodseq 1234
//	flags: \Answered \Flagged ...
//	permanentflags: \Answered \Flagged \*
func Mailbox(w io.Writer, m *client.Mailbox, opt Options) error {
	p := newPrinter(w, opt)
	if m == nil {
		return nil
	}
	head := paint(p.th.Mailbox, Safe(m.Name)) + "  " + strings.Join(mailboxCounts(m), ", ")
	if m.ReadOnly {
		head += "  " + paint(p.th.No, "read-only")
	}
	p.line(head)
	p.line(paint(p.th.Dim, "flags:"), flagList(p.th, m.Flags))
	if m.PermanentFlags != nil {
		p.line(paint(p.th.Dim, "permanentflags:"), flagList(p.th, m.PermanentFlags))
	}
	return p.finish()
}

func mailboxCounts(m *client.Mailbox) []string {
	parts := []string{plural(int(m.Exists), "message"), num(m.Recent) + " recent"}
	if m.Unseen != 0 {
		parts = append(parts, "first unseen "+num(m.Unseen))
	}
	if m.UIDValidity != 0 {
		parts = append(parts, "uidvalidity "+num(m.UIDValidity))
	}
	if m.UIDNext != 0 {
		parts = append(parts, "uidnext "+num(m.UIDNext))
	}
	if m.HighestModSeq != 0 {
		parts = append(parts, "highestmodseq "+num(m.HighestModSeq))
	}
	return parts
}

// MailboxResult renders a successful SELECT or EXAMINE: the summary
// (Mailbox), then every untagged response the summary does not show
// (ALERTs and other status responses, NOMODSEQ, CLOSED, VANISHED, FETCH,
// unknown data...), then the tagged status line.
func MailboxResult(w io.Writer, m *client.Mailbox, r *client.Result, opt Options) error {
	if err := Mailbox(w, m, opt); err != nil || r == nil {
		return err
	}
	var rest []client.Response
	for _, resp := range r.Responses {
		if !summarised(resp) {
			rest = append(rest, resp)
		}
	}
	return Result(w, &client.Result{Responses: rest, Status: r.Status}, opt)
}

// summarised reports whether Mailbox shows what resp says: the counts,
// the flags, and untagged OKs whose only news is a code the summary holds.
func summarised(resp client.Response) bool {
	switch d := resp.(type) {
	case *client.NumberData:
		return d.Name == "EXISTS" || d.Name == "RECENT"
	case *client.FlagsData:
		return true
	case *client.StatusResponse:
		if d.Status != "OK" || d.Code == nil {
			return false
		}
		switch d.Code.Name {
		case "UIDVALIDITY", "UIDNEXT", "UNSEEN":
			_, ok := d.Code.Uint32()
			return ok
		case "HIGHESTMODSEQ":
			_, ok := d.Code.ModSeq()
			return ok
		case "PERMANENTFLAGS", "READ-ONLY", "READ-WRITE":
			return true
		}
	}
	return false
}
