package render

// The body text view as it was before it streamed (issue 10), kept as the
// reference FuzzTextView compares the streaming one with.

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// refMinBase64Run is the fewest consecutive base64 lines summarised as one
// "(base64 data, SIZE)" line; shorter runs are shown as text.
const refMinBase64Run = 3

// refTextView writes body text line by line without copying it whole: each
// line made safe (tabs kept), runs of base64 lines (an encoded attachment,
// a whole base64 part) summarised, and output stopped after maxBytes of
// the data or maxLines lines (0 means no limit).
type refTextView struct {
	p                  *printer
	indent             string
	maxBytes, maxLines int
	shown, lines       int // bytes of data shown, lines written
	runStart, runEnd   int // the pending run of base64 lines, data[runStart:runEnd]
	runLines           int
}

// write shows data and returns how many of its bytes the output covers:
// len(data), or less when a limit cut it short.
func (v *refTextView) write(data []byte) int {
	for off := 0; off < len(data); {
		next := len(data)
		if nl := bytes.IndexByte(data[off:], '\n'); nl >= 0 {
			next = off + nl + 1
		}
		line := refTrimEOL(data[off:next])
		if v.extendsRun(line) {
			if v.runLines == 0 {
				v.runStart = off
			}
			v.runLines++
			v.runEnd = next
			off = next
			continue
		}
		if cut, ok := v.flushRun(data); !ok {
			return cut
		}
		if cut, ok := v.text(data, off, next); !ok {
			return cut
		}
		off = next
	}
	if cut, ok := v.flushRun(data); !ok {
		return cut
	}
	return len(data)
}

// extendsRun reports whether line belongs to a run of base64: a line of
// 60–76 base64 characters, or a shorter final line of one.
func (v *refTextView) extendsRun(line []byte) bool {
	if !refIsBase64Text(line) {
		return false
	}
	return len(line) >= 60 && len(line) <= 76 || v.runLines > 0 && len(line)%4 == 0 && len(line) < 60
}

// flushRun writes the pending run: one summary line when it is long
// enough, else its lines as text. It reports where output stopped and
// false when a limit was reached.
func (v *refTextView) flushRun(data []byte) (int, bool) {
	start, end, n := v.runStart, v.runEnd, v.runLines
	v.runLines = 0
	if n == 0 {
		return 0, true
	}
	if n >= refMinBase64Run {
		if v.full() {
			return start, false
		}
		v.p.line(v.indent + paint(v.p.th.Dim, "(base64 data, "+humanSize(uint64(end-start))+")"))
		v.lines++
		return 0, true
	}
	for off := start; off < end; {
		next := end
		if nl := bytes.IndexByte(data[off:end], '\n'); nl >= 0 {
			next = off + nl + 1
		}
		if cut, ok := v.text(data, off, next); !ok {
			return cut, false
		}
		off = next
	}
	return 0, true
}

// text writes the line data[off:next], or as much of it as the byte limit
// allows. It reports where output stopped and false when a limit was
// reached.
func (v *refTextView) text(data []byte, off, next int) (int, bool) {
	if v.full() {
		return off, false
	}
	line := refTrimEOL(data[off:next])
	if v.maxBytes > 0 && v.shown+len(line) > v.maxBytes {
		line = line[:refRuneStart(line, v.maxBytes-v.shown)]
		v.writeLine(line)
		return off + len(line), false
	}
	v.writeLine(line)
	v.shown += next - off
	return 0, true
}

func (v *refTextView) writeLine(line []byte) {
	v.lines++
	if len(line) == 0 {
		v.p.line()
		return
	}
	v.p.line(v.indent + refSafeLine(string(line)))
}

func (v *refTextView) full() bool {
	return v.maxLines > 0 && v.lines >= v.maxLines || v.maxBytes > 0 && v.shown >= v.maxBytes
}

// refTrimEOL drops a line's LF and the CR of CRLF.
func refTrimEOL(line []byte) []byte {
	line = bytes.TrimSuffix(line, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r"))
}

// runeStart is the largest i <= n that does not split a UTF-8 sequence.
func refRuneStart(b []byte, n int) int {
	for n > 0 && n < len(b) && !utf8.RuneStart(b[n]) {
		n--
	}
	return n
}

// refIsBase64Text reports a non-empty line of the base64 alphabet
// (RFC 4648 section 4), padding included.
func refIsBase64Text(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	for _, c := range line {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
			return false
		}
	}
	return true
}

// refLooksLikeText reports whether data is text to show: no NUL and at most
// one byte in 20 that is invalid UTF-8 or a control other than tab, CR, LF
// and form feed.
func refLooksLikeText(data []byte) bool {
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

// refSafeLine is Safe for one line of body text: tabs are kept.
func refSafeLine(s string) string {
	var b strings.Builder
	refWriteSafe(&b, s, true)
	return b.String()
}

func refWriteSafe(b *strings.Builder, s string, keepTabs bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(b, `\x%02x`, s[i])
		case r == '\t' && keepTabs:
			b.WriteByte('\t')
		case r < 0x20 || r == 0x7f:
			b.WriteString(refEscapeC0(r))
		case isUnsafeRune(r):
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

func refEscapeC0(r rune) string {
	switch r {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	}
	return fmt.Sprintf(`\x%02x`, r)
}
