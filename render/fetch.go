package render

import (
	"net/mail"
	"strings"

	"imapsh/client"
)

// fetchGroup renders FETCH responses (RFC 9051 section 7.5.2): one line
// per message in a table when there are several and none carries body
// sections, a body structure or unmodelled items; otherwise a block per
// message.
func fetchGroup(p *printer, fs []*client.FetchData) {
	if len(fs) > 1 && !anyDetailed(fs) {
		fetchTable(p, fs)
		return
	}
	for i, f := range fs {
		if i > 0 {
			p.line()
		}
		fetchBlock(p, f)
	}
}

func anyDetailed(fs []*client.FetchData) bool {
	for _, f := range fs {
		if len(f.Sections) > 0 || f.BodyStructure != nil || len(f.Other) > 0 {
			return true
		}
	}
	return false
}

// fetchBlock renders one message: a header line, the envelope, the body
// structure, the body sections and any other items.
func fetchBlock(p *printer, f *client.FetchData) {
	p.line(fetchHeader(p.th, f)...)
	if f.Envelope != nil {
		envelopeLines(p, "  ", f.Envelope)
	}
	if f.BodyStructure != nil {
		p.line("  " + paint(p.th.Heading, "Structure:"))
		bodyStructure(p, "    ", f.BodyStructure)
	}
	for _, s := range f.Sections {
		section(p, f.Seq, s, f.BodyStructure)
	}
	for _, o := range f.Other {
		genericTree(p, "  ", Safe(o.Name)+" ", o.Value)
	}
}

// fetchHeader is "#7 uid 1201  12.3 KiB  \Seen \Flagged  2024-03-01
// 10:22:05 +0100  modseq 1234", leaving out what was not fetched.
func fetchHeader(th *Theme, f *client.FetchData) []string {
	head := paint(th.Number, "#"+num(f.Seq))
	if f.UID != 0 {
		head += " uid " + paint(th.Number, num(f.UID))
	}
	parts := []string{head}
	if f.HasSize {
		parts = append(parts, " "+humanSize(f.Size))
	}
	if f.HasFlags {
		parts = append(parts, " "+flagsOrNone(th, f.Flags))
	}
	if d := internalDate(f, "2006-01-02 15:04:05 -0700"); d != "" {
		parts = append(parts, " "+d)
	}
	if f.ModSeq != 0 {
		parts = append(parts, " modseq "+num(f.ModSeq))
	}
	return parts
}

func flagsOrNone(th *Theme, flags []string) string {
	if len(flags) == 0 {
		return paint(th.Dim, "(no flags)")
	}
	return flagList(th, flags)
}

// internalDate formats INTERNALDATE in its own zone (never the local one,
// so output does not depend on where it runs), or shows the raw text when
// it did not parse.
func internalDate(f *client.FetchData, layout string) string {
	if !f.InternalDate.IsZero() {
		return f.InternalDate.Format(layout)
	}
	return Safe(f.RawDate)
}

// fetchTable renders messages one per line. Too wide for the line, it
// narrows SUBJECT (to 18, then 12 columns), then FROM (10, then 8), and
// FLAGS only last, since they are what a reader scans for; a FLAGS column
// shows whenever FLAGS was fetched, even when no message has a flag.
func fetchTable(p *printer, fs []*client.FetchData) {
	t := newTable(column{title: "#", right: true}, column{title: "UID", right: true, optional: true},
		column{title: "DATE", optional: true}, column{title: "FROM", flex: true, optional: true, min: 10, floor: 8, order: 2},
		column{title: "SUBJECT", flex: true, optional: true, min: 18, floor: 12, order: 1}, column{title: "SIZE", right: true, optional: true},
		column{title: "FLAGS", optional: true, flex: true, min: -1, floor: 6, order: 3}, column{title: "MODSEQ", right: true, optional: true})
	for _, f := range fs {
		t.add(fetchRow(p.th, f)...)
	}
	t.render(p, "")
}

func fetchRow(th *Theme, f *client.FetchData) []cell {
	row := []cell{{text: num(f.Seq), paint: th.Number}, {}, txt(tableDate(f)), {}, {}, {},
		{text: strings.Join(f.Flags, " "), paint: th.Flag, set: f.HasFlags}, {}}
	if f.UID != 0 {
		row[1] = cell{text: num(f.UID), paint: th.Number}
	}
	if e := f.Envelope; e != nil {
		row[3] = txt(shortAddress(e.From))
		row[4] = txt(decodeWords(e.Subject))
	}
	if f.HasSize {
		row[5] = txt(humanSize(f.Size))
	}
	if f.ModSeq != 0 {
		row[7] = txt(num(f.ModSeq))
	}
	return row
}

// tableDate is the INTERNALDATE, else the envelope's Date header, as
// "2006-01-02 15:04" in the message's own zone.
func tableDate(f *client.FetchData) string {
	const layout = "2006-01-02 15:04"
	if d := internalDate(f, layout); d != "" {
		return d
	}
	if f.Envelope == nil || f.Envelope.Date == "" {
		return ""
	}
	if t, err := mail.ParseDate(f.Envelope.Date); err == nil {
		return t.Format(layout)
	}
	return f.Envelope.Date
}
