package render

import (
	"strconv"

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
	for i, s := range f.Sections {
		section(p, f.Seq, i, s, f.BodyStructure)
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
	t := newFetchTable()
	for _, f := range fs {
		t.addFetch(p.th, f)
	}
	t.render(p, "")
}

// newFetchTable is an empty table of FETCH rows.
func newFetchTable() *table {
	return newTable(column{title: "#", right: true}, column{title: "UID", right: true, optional: true},
		column{title: "DATE", optional: true}, column{title: "FROM", flex: true, optional: true, min: 10, floor: 8, order: 2},
		column{title: "SUBJECT", flex: true, optional: true, min: 18, floor: 12, order: 1}, column{title: "SIZE", right: true, optional: true},
		column{title: "FLAGS", optional: true, flex: true, min: -1, floor: 6, order: 3}, column{title: "MODSEQ", right: true, optional: true})
}

// addFetch adds the row of one message.
func (t *table) addFetch(th *Theme, f *client.FetchData) {
	row := t.newRow()
	fetchRow(th, f, row)
	t.finishRow(row)
}

// fetchRow fills the cells of one message's row. The texts it makes
// (numbers, the date, the size, joined flags, an address) are appended to
// one buffer that becomes one string, so that a row costs one allocation;
// the texts the message holds (names, subjects) are used as they are.
func fetchRow(th *Theme, f *client.FetchData, row []cell) {
	var scratch [160]byte
	var made [8][2]int // the made texts' places in the buffer; {0, 0}: none
	b := scratch[:0]
	mark := func(col, start int) { made[col] = [2]int{start, len(b)} }
	row[0].paint, row[1].paint, row[6].paint = th.Number, th.Number, th.Flag
	row[6].set = f.HasFlags // a FLAGS column shows even when no message has a flag
	start := len(b)
	b = strconv.AppendUint(b, uint64(f.Seq), 10)
	mark(0, start)
	if f.UID != 0 {
		start = len(b)
		b = strconv.AppendUint(b, uint64(f.UID), 10)
		mark(1, start)
	}
	start = len(b)
	if b, row[2].text = appendTableDate(b, f); row[2].text == "" {
		mark(2, start)
	}
	if e := f.Envelope; e != nil {
		start = len(b)
		if b, row[3].text = appendShortAddress(b, e.From); row[3].text == "" {
			mark(3, start)
		}
		row[4].text = decodeWords(e.Subject)
	}
	if f.HasSize {
		start = len(b)
		b = appendHumanSize(b, f.Size)
		mark(5, start)
	}
	if len(f.Flags) == 1 {
		row[6].text = f.Flags[0]
	} else {
		start = len(b)
		b = appendJoined(b, f.Flags)
		mark(6, start)
	}
	if f.ModSeq != 0 {
		start = len(b)
		b = strconv.AppendUint(b, f.ModSeq, 10)
		mark(7, start)
	}
	placeTexts(row, string(b), made)
}

// placeTexts gives each cell whose text fetchRow made its part of texts.
func placeTexts(row []cell, texts string, made [8][2]int) {
	for col, at := range made {
		if at[1] > at[0] {
			row[col].text = texts[at[0]:at[1]]
		}
	}
}

// appendJoined appends the flags separated by spaces.
func appendJoined(b []byte, flags []string) []byte {
	for i, f := range flags {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, f...)
	}
	return b
}

// appendTableDate appends the INTERNALDATE, else the envelope's Date
// header, as "2006-01-02 15:04" in the message's own zone (maildate.go),
// or returns the text to show instead: INTERNALDATE as sent when it did
// not parse, a Date header that does not parse, or "" when there is no
// date.
func appendTableDate(b []byte, f *client.FetchData) ([]byte, string) {
	switch {
	case !f.InternalDate.IsZero():
		return appendTimeDate(b, f.InternalDate), ""
	case f.RawDate != "":
		return b, f.RawDate
	case f.Envelope == nil || f.Envelope.Date == "":
		return b, ""
	}
	if d, ok := appendHeaderDate(b, f.Envelope.Date); ok {
		return d, ""
	}
	return b, f.Envelope.Date
}
