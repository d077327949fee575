package render

// Decoding for reading (issue 11): on a terminal (Options.Decode) a body
// section is shown as a mail reader would show it, and its heading says
// so: MIME encoded-words in header fields decoded (RFC 2047, 2231), and a
// text part's quoted-printable or base64 undone and its charset converted
// to UTF-8 (RFC 2045, 2046). What the section is comes from its specifier
// and, for a part number, from the BODYSTRUCTURE in the same FETCH
// response: `fetch 3 (BODYSTRUCTURE BODY.PEEK[1])`. Without one a part is
// shown as sent. --raw, --json and > FILE never come here.

import (
	"bufio"
	"bytes"
	"net/textproto"
	"regexp"
	"strings"

	"imapsh/client"
	"imapsh/internal/transfer"
)

// DecodedSection returns a body section decoded for reading as the
// terminal shows it (Options.Decode), and how ("quoted-printable decoded,
// iso-8859-1 shown as UTF-8"); how is "" and data s.Data when there was
// nothing to decode. bs is the BODYSTRUCTURE of the same response, or nil.
func DecodedSection(s client.BodySection, bs *client.BodyStructure) (data []byte, how string) {
	if len(s.Data) == 0 {
		return s.Data, ""
	}
	return decodedSection(s, bs)
}

// decodedSection returns the bytes to show for s and how they were
// decoded ("" when shown as sent).
func decodedSection(s client.BodySection, bs *client.BodyStructure) ([]byte, string) {
	spec := strings.ToUpper(s.Section)
	name := strings.ToUpper(s.Name)
	switch {
	case isHeaderSpec(spec) || name == "RFC822.HEADER":
		return decodeHeader(s.Data)
	case spec == "" || name == "RFC822":
		return decodeMessage(s.Data)
	case spec == "TEXT" && bs != nil && !isMultipart(bs):
		return decodeText(s.Data, bs.Type, bs.Encoding, paramValue(bs.Params, "charset"))
	case partNumber.MatchString(spec):
		if part := bs.Part(spec); part != nil && !isMultipart(part) {
			return decodeText(s.Data, part.Type, part.Encoding, paramValue(part.Params, "charset"))
		}
	}
	return s.Data, ""
}

// partNumber is a section that is a part number alone: 1, 2.3.
var partNumber = regexp.MustCompile(`^[1-9][0-9]*(\.[1-9][0-9]*)*$`)

// isHeaderSpec reports whether a section specifier names header fields:
// HEADER, HEADER.FIELDS (...), HEADER.FIELDS.NOT (...), N.HEADER..., N.MIME.
func isHeaderSpec(spec string) bool {
	base, _, _ := strings.Cut(spec, "(")
	fields := strings.Split(strings.TrimSpace(base), ".")
	for len(fields) > 0 && partNumber.MatchString(fields[0]) {
		fields = fields[1:]
	}
	switch strings.Join(fields, ".") {
	case "HEADER", "HEADER.FIELDS", "HEADER.FIELDS.NOT", "MIME":
		return true
	}
	return false
}

// decodeHeader decodes the encoded-words of each header line, keeping
// the lines (and their folding) as they are.
func decodeHeader(data []byte) ([]byte, string) {
	if !bytes.Contains(data, []byte("=?")) {
		return data, ""
	}
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		if bytes.Contains(line, []byte("=?")) {
			out.WriteString(decodeWords(string(line)))
		} else {
			out.Write(line)
		}
	}
	if bytes.Equal(out.Bytes(), data) {
		return data, ""
	}
	return out.Bytes(), "MIME words decoded"
}

// decodeMessage decodes a whole message (BODY[]): its header's words,
// and its body when it is one text part in a transfer encoding or charset
// the header names. A multipart body is shown as sent.
func decodeMessage(data []byte) ([]byte, string) {
	end := headerEnd(data)
	if end < 0 {
		return data, ""
	}
	head, headNote := decodeHeader(data[:end])
	fields, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(data[:end]))).ReadMIMEHeader()
	if err != nil && len(fields) == 0 {
		return joinNotes(head, data[end:], headNote, "")
	}
	mediaType, params := parseContentType(fields.Get("Content-Type"))
	typ, _, _ := strings.Cut(mediaType, "/")
	body, bodyNote := decodeText(data[end:], typ, fields.Get("Content-Transfer-Encoding"), params["charset"])
	return joinNotes(head, body, headNote, bodyNote)
}

func joinNotes(head, body []byte, notes ...string) ([]byte, string) {
	var kept []string
	for _, n := range notes {
		if n != "" {
			kept = append(kept, n)
		}
	}
	if len(kept) == 0 {
		return append(head[:len(head):len(head)], body...), ""
	}
	return append(head[:len(head):len(head)], body...), strings.Join(kept, ", ")
}

// headerEnd is the offset just after the blank line that ends a message
// header, or -1.
func headerEnd(data []byte) int {
	if i := bytes.Index(data, []byte("\r\n\r\n")); i >= 0 {
		return i + 4
	}
	if i := bytes.Index(data, []byte("\n\n")); i >= 0 {
		return i + 2
	}
	return -1
}

// parseContentType is the lower-cased media type ("text/plain" when
// absent, RFC 2045 section 5.2) and the parameters, lower-cased names.
func parseContentType(v string) (string, map[string]string) {
	parts := strings.Split(v, ";")
	mediaType := strings.ToLower(strings.TrimSpace(parts[0]))
	if mediaType == "" {
		mediaType = "text/plain"
	}
	params := map[string]string{}
	for _, p := range parts[1:] {
		if k, val, ok := strings.Cut(p, "="); ok {
			params[strings.ToLower(strings.TrimSpace(k))] = strings.Trim(strings.TrimSpace(val), `"`)
		}
	}
	return mediaType, params
}

// decodeText undoes the transfer encoding of a text part and converts its
// charset to UTF-8; anything but text, or a part that does not decode, is
// shown as sent.
func decodeText(data []byte, typ, encoding, charset string) ([]byte, string) {
	if typ != "" && !strings.EqualFold(typ, "text") {
		return data, ""
	}
	var notes []string
	if transfer.Encoded(encoding) {
		decoded, err := transfer.Decode(encoding, data)
		if err != nil {
			return data, ""
		}
		data = decoded
		notes = append(notes, strings.ToLower(strings.TrimSpace(encoding))+" decoded")
	}
	if cs := strings.ToLower(charset); cs != "" && cs != "utf-8" && cs != "us-ascii" && cs != "utf8" {
		if text, err := toUTF8(cs, data); err == nil {
			data = []byte(text)
			notes = append(notes, cs+" shown as UTF-8")
		}
	}
	return data, strings.Join(notes, ", ")
}
