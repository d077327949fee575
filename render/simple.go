package render

import (
	"imapsh/client"
)

// numberLine renders EXISTS, RECENT (counts) and EXPUNGE (a message
// number) responses (RFC 9051 sections 7.4.1 and 7.5.1, RFC 3501 section
// 7.3.2): "EXISTS 12", "EXPUNGE #5".
func numberLine(p *printer, d *client.NumberData) {
	n := num(d.N)
	if d.Name == "EXPUNGE" {
		n = "#" + n
	}
	p.line(paint(p.th.Heading, Safe(d.Name)), paint(p.th.Number, n))
}

// vanished renders a VANISHED response (RFC 7162 section 3.2.10).
func vanished(p *printer, d *client.VanishedData) {
	earlier := ""
	if d.Earlier {
		earlier = paint(p.th.Dim, "(EARLIER)")
	}
	p.line(paint(p.th.Heading, "VANISHED"), earlier, paint(p.th.Number, d.UIDs.String()))
}

// generic renders a response the client does not model: its name, its
// message number, and its data on one line, or as an indented tree when
// that line would be too wide.
func generic(p *printer, d *client.GenericData) {
	head, plain := paint(p.th.Heading, Safe(d.Name)), Safe(d.Name)
	if d.Num != nil {
		head += " " + paint(p.th.Number, "#"+num(*d.Num))
		plain += " #" + num(*d.Num)
	}
	one := inlineList(d.Fields)
	if len(d.Fields) == 0 || textWidth(plain+" "+one) < p.width() {
		p.line(head, one)
		return
	}
	p.line(head)
	for _, f := range d.Fields {
		genericTree(p, "  ", "", f)
	}
}

// malformed renders a response that did not follow the grammar: skipped,
// or kept with a part left out (Kept). The error says where and what.
func malformed(p *printer, d *client.MalformedData) {
	what := "skipped:"
	if d.Kept {
		what = "kept, flagged:"
	}
	msg := ""
	if d.Err != nil {
		msg = ErrorText(d.Err)
	}
	p.line(paint(p.th.Bad, "MALFORMED"), paint(p.th.Dim, what), msg)
}
