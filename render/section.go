package render

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"imapsh/client"
)

// section writes a BODY[...] or BINARY[...] fetch item of message seq: its
// name as a heading (and, with Options.Decode, the text decoded for
// reading, the heading saying how: decode.go), then its text line by line (each line made safe, tabs
// kept, runs of base64 lines summarised, cut after Options.MaxSection), or
// a note when it is binary, NIL, empty, was streamed to a file or was
// discarded (unsolicited body data).
func section(p *printer, seq uint32, s client.BodySection, bs *client.BodyStructure) {
	name := s.Name
	if name == "" {
		name = "BODY[" + s.Section + "]"
	}
	heading := "  " + paint(p.th.Heading, Safe(name))
	if p.opt.Decode && len(s.Data) > 0 {
		var how string
		if s.Data, how = decodedSection(s, bs); how != "" {
			heading += " " + paint(p.th.Dim, "("+how+")")
		}
	}
	p.line(heading)
	note := ""
	switch {
	case s.Dropped:
		note = "(" + humanSize(uint64(s.Streamed)) + " discarded: no command asked for it)"
	case s.Data == nil && s.Streamed > 0:
		note = "(" + humanSize(uint64(s.Streamed)) + " written to file)"
	case s.Nil:
		note = "NIL"
	case len(s.Data) == 0:
		note = "(empty)"
	case !looksLikeText(s.Data):
		note = "(binary, " + humanSize(uint64(len(s.Data))) + ")"
	}
	if note != "" {
		p.line("    " + paint(p.th.Dim, note))
		return
	}
	maxBytes, maxLines := p.opt.sectionLimits()
	v := &textView{p: p, indent: "    ", maxBytes: maxBytes, maxLines: maxLines}
	if shown := v.write(s.Data); shown < len(s.Data) {
		more := humanSize(uint64(len(s.Data) - shown))
		p.line("    " + paint(p.th.Dim, "(… "+more+" more; fetch "+num(seq)+" "+Safe(peekItem(s))+" > FILE to save it)"))
	}
}

// peekItem is the fetch item that gets the whole section without setting
// \Seen: BODY.PEEK[2], BINARY.PEEK[2], BODY.PEEK[] for RFC822.
func peekItem(s client.BodySection) string {
	upper := strings.ToUpper(s.Name)
	switch {
	case strings.HasPrefix(upper, "BINARY"):
		return "BINARY.PEEK[" + s.Section + "]"
	case upper == "RFC822":
		return "BODY.PEEK[]"
	case upper == "RFC822.HEADER":
		return "BODY.PEEK[HEADER]"
	case upper == "RFC822.TEXT":
		return "BODY.PEEK[TEXT]"
	}
	return "BODY.PEEK[" + s.Section + "]"
}

// looksLikeText reports whether data is text to show: no NUL and at most
// one byte in 20 that is invalid UTF-8 or a control other than tab, CR, LF
// and form feed.
func looksLikeText(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return false
	}
	bad := 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf { // ASCII fast path
			if data[i] < 0x20 && !strings.ContainsRune("\t\r\n\f", rune(data[i])) {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		i += size
	}
	return bad*20 <= len(data)
}
