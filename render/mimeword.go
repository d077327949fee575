package render

import (
	"bytes"
	"io"
	"mime"
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
	var b strings.Builder
	last, prevDecoded := 0, false
	for {
		start, end := nextEncodedWord(s, last)
		if start < 0 {
			break
		}
		gap := s[last:start]
		dec, err := wordDecoder.Decode(s[start:end])
		if !(prevDecoded && err == nil && strings.TrimSpace(gap) == "") {
			b.WriteString(gap)
		}
		if err != nil {
			dec = s[start:end]
		}
		b.WriteString(dec)
		last, prevDecoded = end, err == nil
	}
	b.WriteString(s[last:])
	return b.String()
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
