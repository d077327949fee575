package render

import (
	"bytes"
	"io"
	"mime"
	"regexp"
	"strings"

	"github.com/emersion/go-message/charset"
)

// encodedWord matches one RFC 2047 encoded-word: =?charset?B|Q?text?=.
var encodedWord = regexp.MustCompile(`=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=`)

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
