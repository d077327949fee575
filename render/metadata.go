package render

import (
	"strings"

	"imapsh/client"
)

// metadataTable renders METADATA responses (RFC 5464) as one table of
// mailbox, entry and value; the server's own entries have mailbox "" and
// a NIL value shows as NIL.
func metadataTable(p *printer, ms []*client.MetadataData) {
	t := newTable(column{title: "MAILBOX"}, column{title: "ENTRY", flex: true}, column{title: "VALUE", flex: true})
	for _, m := range ms {
		for _, e := range m.Entries {
			t.add(cell{text: orServer(m.Mailbox), paint: p.th.Mailbox}, txt(e.Name), entryValue(p.th, e))
		}
	}
	t.render(p, "")
}

// annotationTable renders ANNOTATION responses (draft-daboo-imap-
// annotatemore, as Cyrus sends them) as one table.
func annotationTable(p *printer, as []*client.AnnotationData) {
	t := newTable(column{title: "MAILBOX"}, column{title: "ENTRY", flex: true},
		column{title: "ATTRIBUTE"}, column{title: "VALUE", flex: true})
	for _, a := range as {
		for _, e := range a.Attributes {
			t.add(cell{text: orServer(a.Mailbox), paint: p.th.Mailbox}, txt(a.Entry), txt(e.Name), entryValue(p.th, e))
		}
	}
	t.render(p, "")
}

// id renders an ID response (RFC 2971) as keys and values.
func id(p *printer, d *client.IDData) {
	if d.Params == nil {
		p.line(paint(p.th.Heading, "ID"), "NIL")
		return
	}
	p.line(paint(p.th.Heading, "ID"))
	t := newTable(column{title: "FIELD"}, column{title: "VALUE", flex: true})
	for _, e := range d.Params {
		t.add(txt(e.Name), entryValue(p.th, e))
	}
	t.render(p, "  ")
}

func entryValue(th *Theme, e client.MetadataEntry) cell {
	if e.Value == nil {
		return cell{text: "NIL", paint: th.Dim}
	}
	return txt(*e.Value)
}

func orServer(mailbox string) string {
	if strings.TrimSpace(mailbox) == "" {
		return "(server)"
	}
	return mailbox
}
