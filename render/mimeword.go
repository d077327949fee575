package render

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"slices"
	"strings"

	"github.com/emersion/go-message/charset"
)

// wordDecoder decodes utf-8, us-ascii and iso-8859-1 itself (package mime)
// and every other charset golang.org/x/text knows (ISO-8859-x, KOI8-R,
// windows-125x, ISO-2022-JP, Shift_JIS, GB2312, Big5, EUC-KR, ...) through
// go-message's charset.Reader.
var wordDecoder = &mime.WordDecoder{CharsetReader: charset.Reader}

// decodeWords decodes the RFC 2047 encoded-words of a header value (a
// Subject, a display name, a file name). A word in an unknown charset, or
// malformed, is left as it was sent; white space between two decoded words
// is dropped (RFC 2047 section 6.2). The result is not yet safe.
func decodeWords(s string) string {
	if !strings.Contains(s, "=?") {
		return s
	}
	var scratch [256]byte
	b := scratch[:0]
	last, prevDecoded := 0, false
	for {
		start, end := nextEncodedWord(s, last)
		if start < 0 {
			break
		}
		gap, word := s[last:start], s[start:end]
		var wbuf [128]byte
		dec, ok := decodeWord(wbuf[:0], word)
		if !(prevDecoded && ok && strings.TrimSpace(gap) == "") {
			b = append(b, gap...)
		}
		if ok {
			b = append(b, dec...)
		} else {
			b = append(b, word...)
		}
		last, prevDecoded = end, ok
	}
	return string(append(b, s[last:]...))
}

// decodeWord appends the text of one encoded-word (as nextEncodedWord
// finds them) to b and reports whether it decoded. A word in UTF-8, the
// charset of most, is decoded here as mime.WordDecoder does it (base64 or
// Q, the bytes taken as they are) without its allocations; the others go
// to wordDecoder.
func decodeWord(b []byte, word string) ([]byte, bool) {
	charsetEnd := 2 + strings.IndexByte(word[2:], '?')
	if !strings.EqualFold(word[2:charsetEnd], "utf-8") {
		dec, err := wordDecoder.Decode(word)
		return append(b, dec...), err == nil
	}
	text := word[charsetEnd+3 : len(word)-2]
	if word[charsetEnd+1] == 'Q' || word[charsetEnd+1] == 'q' {
		return appendQDecoded(b, text)
	}
	var src [128]byte
	start := len(b)
	b = slices.Grow(b, base64.StdEncoding.DecodedLen(len(text)))
	n, err := base64.StdEncoding.Decode(b[start:start+base64.StdEncoding.DecodedLen(len(text))], append(src[:0], text...))
	if err != nil {
		return b[:start], false
	}
	return b[:start+n], true
}

// appendQDecoded appends the Q-decoded text (RFC 2047 section 4.2) as
// mime's qDecode reads it: "_" is a space, "=XX" a byte (hex digits of
// either case), printable ASCII, tab, CR and LF stand for themselves,
// anything else makes the word invalid.
func appendQDecoded(b []byte, text string) ([]byte, bool) {
	start := len(b)
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '_':
			b = append(b, ' ')
		case c == '=':
			if i+2 >= len(text) {
				return b[:start], false
			}
			hi, ok1 := hexDigit(text[i+1])
			lo, ok2 := hexDigit(text[i+2])
			if !ok1 || !ok2 {
				return b[:start], false
			}
			b = append(b, hi<<4|lo)
			i += 2
		case c >= ' ' && c <= '~' || c == '\n' || c == '\r' || c == '\t':
			b = append(b, c)
		default:
			return b[:start], false
		}
	}
	return b, true
}

// hexDigit is the value of a hex digit, upper or lower case.
func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// nextEncodedWord finds the first RFC 2047 encoded-word in s from byte
// from on: "=?" charset "?" B or Q "?" text "?=", where charset (not
// empty) and text hold neither "?" nor white space (\t \n \f \r and
// space). It returns -1, -1 when there is none. A scan, not a regexp: it
// runs for every name and subject of a FETCH table.
func nextEncodedWord(s string, from int) (start, end int) {
	for i := from; i < len(s); {
		j := strings.Index(s[i:], "=?")
		if j < 0 {
			break
		}
		start = i + j
		if end = encodedWordEnd(s, start); end > 0 {
			return start, end
		}
		i = start + 1
	}
	return -1, -1
}

// encodedWordEnd is the end of the encoded-word that starts at s[start]
// ("=?"), or -1 when none starts there.
func encodedWordEnd(s string, start int) int {
	i := skipWordText(s, start+2)
	if i == start+2 || i+3 > len(s) || s[i] != '?' || s[i+2] != '?' {
		return -1
	}
	switch s[i+1] {
	case 'b', 'B', 'q', 'Q':
	default:
		return -1
	}
	i = skipWordText(s, i+3)
	if i+1 < len(s) && s[i] == '?' && s[i+1] == '=' {
		return i + 2
	}
	return -1
}

// skipWordText returns the index of the first "?" or white space in s
// from i on, or len(s).
func skipWordText(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case '?', ' ', '\t', '\n', '\f', '\r':
			return i
		}
	}
	return i
}

// toUTF8 converts text in the named charset to UTF-8 (RFC 2231 parameter
// values); utf-8, us-ascii and an empty name pass through unchanged.
func toUTF8(name string, data []byte) (string, error) {
	switch strings.ToLower(name) {
	case "", "utf-8", "utf8", "us-ascii":
		return string(data), nil
	}
	r, err := charset.Reader(name, bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	out, err := io.ReadAll(r)
	return string(out), err
}
