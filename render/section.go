package render

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"imapsh/client"
)

// section writes a BODY[...] or BINARY[...] fetch item, the index-th of
// message seq: its name as a heading (and, with Options.Decode, the text
// decoded for reading, the heading saying how: decode.go), then its text
// line by line (each line made safe, tabs kept, runs of base64 lines
// summarised, cut after Options.MaxSection), or a note when it is binary,
// NIL, empty, was streamed to a file or was discarded (unsolicited body
// data). A section the client streamed to the caller is read from
// Options.SectionSource (shown as sent: decoding needs it in memory).
func section(p *printer, seq uint32, index int, s client.BodySection, bs *client.BodyStructure) {
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
	data, size, note := sectionData(p, seq, index, s)
	switch {
	case note != "":
	case s.Nil:
		note = "NIL"
	case size == 0:
		note = "(empty)"
	case !looksLikeText(data, size):
		note = "(binary, " + humanSize(uint64(size)) + ")"
	}
	if note != "" {
		p.line("    " + paint(p.th.Dim, note))
		return
	}
	maxBytes, maxLines := p.opt.sectionLimits()
	v := newTextView(p, data, size, maxBytes, maxLines)
	shown := v.write()
	if v.err != nil {
		p.line("    " + paint(p.th.Dim, "(the rest was not shown: "+Safe(v.err.Error())+")"))
		return
	}
	if shown < size {
		more := humanSize(uint64(size - shown))
		p.line("    " + paint(p.th.Dim, "(… "+more+" more; fetch "+num(seq)+" "+Safe(peekItem(s))+" > FILE to save it)"))
	}
}

// sectionData is where a section's bytes are: in Data, or from
// Options.SectionSource when the client streamed them; otherwise a note
// says where they went.
func sectionData(p *printer, seq uint32, index int, s client.BodySection) (io.ReaderAt, int64, string) {
	switch {
	case s.Dropped:
		return nil, 0, "(" + humanSize(uint64(s.Streamed)) + " discarded: no command asked for it)"
	case s.Data != nil || s.Streamed == 0:
		return memData(s.Data), int64(len(s.Data)), ""
	}
	if src := p.opt.SectionSource; src != nil {
		r, err := src(seq, index)
		switch {
		case err != nil:
			return nil, 0, "(" + humanSize(uint64(s.Streamed)) + " not shown: " + Safe(err.Error()) + ")"
		case r != nil:
			return r, r.Size(), ""
		}
	}
	return nil, 0, "(" + humanSize(uint64(s.Streamed)) + " written to file)"
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
// and form feed. It reads the data a window at a time, cut where no UTF-8
// sequence is split.
func looksLikeText(data io.ReaderAt, size int64) bool {
	return looksLikeTextIn(data, size, viewWindow)
}

// looksLikeTextIn is looksLikeText reading window bytes at a time (at
// least 5: a UTF-8 sequence and the byte after it).
func looksLikeTextIn(data io.ReaderAt, size int64, window int) bool {
	if m, ok := data.(memData); ok {
		nul, bad := textFaults(m)
		return !nul && bad*20 <= size
	}
	buf := make([]byte, min(size, int64(window)))
	bad := int64(0)
	for off := int64(0); off < size; {
		b := buf[:min(int64(len(buf)), size-off)]
		if _, err := data.ReadAt(b, off); err != nil && err != io.EOF {
			return false
		}
		if off+int64(len(b)) < size {
			b = b[:pieceEnd(b[:len(b)-1], b[len(b)-1])]
		}
		nul, n := textFaults(b)
		if nul {
			return false
		}
		bad += n
		off += int64(len(b))
	}
	return bad*20 <= size
}

// textFaults reports a NUL in data and counts its bytes that are invalid
// UTF-8 or controls other than tab, CR, LF and form feed.
func textFaults(data []byte) (nul bool, bad int64) {
	if bytes.IndexByte(data, 0) >= 0 {
		return true, 0
	}
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
	return false, bad
}
