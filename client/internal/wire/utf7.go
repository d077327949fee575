package wire

import (
	"encoding/base64"
	"errors"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// b64 is the modified base64 alphabet of RFC 3501 section 5.1.3 (',' for '/').
var b64 = base64.NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,").WithPadding(base64.NoPadding)

// ErrBadUTF7 reports a mailbox name that is not valid modified UTF-7.
var ErrBadUTF7 = errors.New("wire: invalid modified UTF-7 mailbox name")

// EncodeMailbox converts a UTF-8 mailbox name to modified UTF-7.
func EncodeMailbox(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c <= 0x7e {
			if c == '&' {
				b.WriteString("&-")
			} else {
				b.WriteByte(c)
			}
			i++
			continue
		}
		j := i
		for j < len(s) && (s[j] < 0x20 || s[j] > 0x7e) {
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
		}
		b.WriteByte('&')
		b.WriteString(b64.EncodeToString(utf16Bytes(s[i:j])))
		b.WriteByte('-')
		i = j
	}
	return b.String()
}

func utf16Bytes(s string) []byte {
	units := utf16.Encode([]rune(s))
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

// DecodeMailbox converts a modified UTF-7 mailbox name to UTF-8. A name
// that is not valid modified UTF-7 is returned unchanged with ErrBadUTF7,
// so the caller can still show and use what the server sent.
func DecodeMailbox(s string) (string, error) {
	if !strings.Contains(s, "&") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '&' {
			b.WriteByte(s[i])
			continue
		}
		end := strings.IndexByte(s[i:], '-')
		if end < 0 {
			return s, ErrBadUTF7
		}
		chunk := s[i+1 : i+end]
		i += end
		if chunk == "" {
			b.WriteByte('&')
			continue
		}
		text, ok := decodeChunk(chunk)
		if !ok {
			return s, ErrBadUTF7
		}
		b.WriteString(text)
	}
	return b.String(), nil
}

func decodeChunk(chunk string) (string, bool) {
	raw, err := b64.DecodeString(chunk)
	if err != nil || len(raw)%2 != 0 {
		return "", false
	}
	units := make([]uint16, len(raw)/2)
	for k := range units {
		units[k] = uint16(raw[2*k])<<8 | uint16(raw[2*k+1])
	}
	runes := utf16.Decode(units)
	for _, r := range runes {
		if r == utf8.RuneError || (r >= 0x20 && r <= 0x7e) {
			return "", false // printable ASCII must not be base64-encoded
		}
	}
	return string(runes), true
}
