package render

import (
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
)

// encodedWord matches one RFC 2047 encoded-word: =?charset?B|Q?text?=.
var encodedWord = regexp.MustCompile(`=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=`)

// wordDecoder decodes utf-8, us-ascii and iso-8859-1 itself (package mime)
// and windows-1252 and common aliases through charsetReader.
var wordDecoder = &mime.WordDecoder{CharsetReader: charsetReader}

// decodeWords decodes the RFC 2047 encoded-words of a header value (a
// Subject, a display name, a file name). A word in an unknown charset, or
// malformed, is left as it was sent; white space between two decoded words
// is dropped (RFC 2047 section 6.2). The result is not yet safe.
func decodeWords(s string) string {
	if !strings.Contains(s, "=?") {
		return s
	}
	var b strings.Builder
	last, prevDecoded := 0, false
	for _, m := range encodedWord.FindAllStringIndex(s, -1) {
		gap := s[last:m[0]]
		dec, err := wordDecoder.Decode(s[m[0]:m[1]])
		if !(prevDecoded && err == nil && strings.TrimSpace(gap) == "") {
			b.WriteString(gap)
		}
		if err != nil {
			dec = s[m[0]:m[1]]
		}
		b.WriteString(dec)
		last, prevDecoded = m[1], err == nil
	}
	b.WriteString(s[last:])
	return b.String()
}

// charsetReader converts the single-byte charsets package mime lacks.
func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	var table func(byte) rune
	switch strings.ToLower(charset) {
	case "windows-1252", "cp1252", "x-cp1252":
		table = cp1252
	case "latin1", "iso8859-1", "iso_8859-1", "l1":
		table = func(c byte) rune { return rune(c) }
	case "ascii", "us", "ansi_x3.4-1968":
		table = func(c byte) rune { return rune(c) }
	default:
		return nil, fmt.Errorf("render: unknown charset %q", charset)
	}
	raw, err := io.ReadAll(input)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, c := range raw {
		b.WriteRune(table(c))
	}
	return strings.NewReader(b.String()), nil
}

// cp1252High maps windows-1252 bytes 0x80–0x9F; the five undefined bytes
// map to the C1 code point (as WHATWG does), which Safe then escapes.
var cp1252High = [32]rune{
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
}

func cp1252(c byte) rune {
	if c >= 0x80 && c <= 0x9f {
		return cp1252High[c-0x80]
	}
	return rune(c)
}
