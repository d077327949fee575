package client

import (
	"strconv"
	"strings"
)

// Part returns the body part that a section part specifier names (RFC
// 9051 section 6.4.5: "1", "2.1", ...), the number BODY[2.1] fetches, or
// nil when the message has no such part. A message that is not multipart
// has the one part "1"; the parts of a message/rfc822 part N are N.1,
// N.2, ... (N.1 alone when its body is not multipart).
func (b *BodyStructure) Part(spec string) *BodyStructure {
	cur := b
	for i, field := range strings.Split(spec, ".") {
		n, err := strconv.Atoi(field)
		if err != nil || n < 1 || cur == nil {
			return nil
		}
		switch {
		case cur.isMultipart():
			cur = child(cur, n)
		case i == 0 && n == 1: // the body of a single-part message
		case cur.Body != nil && cur.Body.isMultipart(): // message/rfc822
			cur = child(cur.Body, n)
		case cur.Body != nil && n == 1:
			cur = cur.Body
		default:
			return nil
		}
	}
	return cur
}

// isMultipart reports whether b is a multipart body (it has parts, or a
// multipart type with none, as a broken server may send).
func (b *BodyStructure) isMultipart() bool {
	return len(b.Parts) > 0 || strings.EqualFold(b.Type, "multipart")
}

func child(b *BodyStructure, n int) *BodyStructure {
	if n > len(b.Parts) {
		return nil
	}
	return b.Parts[n-1]
}
