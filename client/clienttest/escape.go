package clienttest

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeEscapes decodes the text of an Sx:/Cx: line and appends CRLF unless
// the text ends with \c.
func decodeEscapes(text string) ([]byte, error) {
	out := make([]byte, 0, len(text)+2)
	for i := 0; i < len(text); i++ {
		if text[i] != '\\' {
			out = append(out, text[i])
			continue
		}
		if i+1 == len(text) {
			return nil, errors.New(`trailing backslash (write \\ for one backslash)`)
		}
		i++
		switch text[i] {
		case 'r':
			out = append(out, '\r')
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case '\\':
			out = append(out, '\\')
		case 'x':
			b, err := parseHexByte(text[i+1:])
			if err != nil {
				return nil, err
			}
			out = append(out, b)
			i += 2
		case 'c':
			if i != len(text)-1 {
				return nil, errors.New(`\c must end the line`)
			}
			return out, nil
		default:
			return nil, fmt.Errorf(`unknown escape \%c (want \r \n \t \\ \xHH or a final \c)`, text[i])
		}
	}
	return append(out, crlf...), nil
}

// parseHexByte parses the two hex digits that follow \x.
func parseHexByte(s string) (byte, error) {
	if len(s) < 2 {
		return 0, errors.New(`\x wants two hex digits`)
	}
	v, err := strconv.ParseUint(s[:2], 16, 8)
	if err != nil {
		return 0, fmt.Errorf(`\x wants two hex digits, got %q`, s[:2])
	}
	return byte(v), nil
}

// isVerbatim reports whether body can be written after a plain S:/C: and
// survive editors: valid UTF-8, no control bytes, no trailing blank.
func isVerbatim(body []byte) bool {
	if !utf8.Valid(body) || strings.HasSuffix(string(body), " ") {
		return false
	}
	for _, b := range body {
		if b < 0x20 || b == 0x7f {
			return false
		}
	}
	return true
}

// encodeEscapes is the inverse of decodeEscapes: hasCRLF false appends \c.
func encodeEscapes(body []byte, hasCRLF bool) string {
	trailing := len(body) - len(strings.TrimRight(string(body), " "))
	var b strings.Builder
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		switch {
		case body[i] == '\\':
			b.WriteString(`\\`)
		case body[i] == '\r':
			b.WriteString(`\r`)
		case body[i] == '\n':
			b.WriteString(`\n`)
		case body[i] == '\t':
			b.WriteString(`\t`)
		case body[i] < 0x20 || body[i] == 0x7f || r == utf8.RuneError && size == 1 || i >= len(body)-trailing:
			fmt.Fprintf(&b, `\x%02x`, body[i])
		default:
			b.Write(body[i : i+size])
		}
		i += size
	}
	if !hasCRLF {
		b.WriteString(`\c`)
	}
	return b.String()
}
