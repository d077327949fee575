package render

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"imapsh/client"
)

// section writes a BODY[...] or BINARY[...] fetch item: its name as a
// heading, then its text line by line (each line made safe, tabs kept), or
// a note when it is binary, NIL, empty or was streamed to a file.
func section(p *printer, s client.BodySection) {
	name := s.Name
	if name == "" {
		name = "BODY[" + s.Section + "]"
	}
	p.line("  " + paint(p.th.Heading, Safe(name)))
	note := ""
	switch {
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
	for _, l := range textLines(s.Data) {
		if l == "" {
			p.line()
			continue
		}
		p.line("    " + safeLine(l))
	}
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
		r, size := utf8.DecodeRune(data[i:])
		if (r == utf8.RuneError && size == 1) || (r < 0x20 && !strings.ContainsRune("\t\r\n\f", r)) {
			bad++
		}
		i += size
	}
	return bad*20 <= len(data)
}

// textLines splits text at LF, dropping the CR of CRLF and the empty line
// after a final newline.
func textLines(data []byte) []string {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}
