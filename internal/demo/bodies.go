package demo

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"strings"
)

// plainText is a text/plain body: 7bit US-ASCII, or raw 8bit UTF-8 when the
// text needs it (as many real mailers send it).
func plainText(text string) mimeBody {
	if isASCII(text) {
		return mimeBody{contentType: "text/plain; charset=us-ascii", text: text}
	}
	return mimeBody{contentType: "text/plain; charset=utf-8", encoding: "8bit", text: text}
}

// quotedPrintableText is a UTF-8 text/plain body in quoted-printable (RFC 2045).
func quotedPrintableText(text string) mimeBody {
	var buf bytes.Buffer
	w := quotedprintable.NewWriter(&buf)
	w.Write([]byte(crlf(text))) // writes to a bytes.Buffer cannot fail
	w.Close()
	return mimeBody{
		contentType: "text/plain; charset=utf-8",
		encoding:    "quoted-printable",
		text:        buf.String(),
	}
}

// base64Body is a body of the given type in base64, wrapped at 76 columns.
func base64Body(contentType string, data []byte) mimeBody {
	return mimeBody{contentType: contentType, encoding: "base64", text: wrapBase64(data)}
}

func wrapBase64(data []byte) string {
	encoded := base64.StdEncoding.EncodeToString(data)
	var b strings.Builder
	for len(encoded) > 76 {
		b.WriteString(encoded[:76] + "\n")
		encoded = encoded[76:]
	}
	b.WriteString(encoded + "\n")
	return b.String()
}

// attachment is a base64 body part with a Content-Disposition filename.
// RFC 2231 (filename*=) is used for the disposition and RFC 2047 for the
// legacy Content-Type name parameter, as mail clients commonly do.
func attachment(contentType, filename string, data []byte) mimeBody {
	body := base64Body(contentType, data)
	body.contentType += fmt.Sprintf("; name=\"%s\"", mime.QEncoding.Encode("utf-8", filename))
	body.disposition = mime.FormatMediaType("attachment", map[string]string{"filename": filename})
	return body
}

// multipartBody joins parts under a fixed boundary (RFC 2046).
func multipartBody(subtype, boundary string, parts ...mimeBody) mimeBody {
	var b strings.Builder
	b.WriteString("This is a multi-part message in MIME format.\n")
	for _, p := range parts {
		fmt.Fprintf(&b, "\n--%s\n", boundary)
		b.WriteString(p.headerBlock())
		b.WriteString("\n")
		b.WriteString(strings.TrimRight(strings.ReplaceAll(p.text, "\r\n", "\n"), "\n"))
	}
	fmt.Fprintf(&b, "\n--%s--\n", boundary)
	return mimeBody{
		contentType: fmt.Sprintf("multipart/%s; boundary=\"%s\"", subtype, boundary),
		text:        b.String(),
	}
}

// headerBlock renders the Content-* fields of a body part.
func (m mimeBody) headerBlock() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Content-Type: %s\n", m.contentType)
	if m.encoding != "" {
		fmt.Fprintf(&b, "Content-Transfer-Encoding: %s\n", m.encoding)
	}
	if m.disposition != "" {
		fmt.Fprintf(&b, "Content-Disposition: %s\n", m.disposition)
	}
	return b.String()
}

// longText is a deterministic body of n numbered lines, for size variety.
func longText(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%04d  The quick brown fox jumps over the lazy dog; pack my box with jugs.\n", i)
	}
	return b.String()
}

// encodeWord is an RFC 2047 encoded-word in the given encoding ('B' or 'Q').
func encodeWord(encoding byte, text string) string {
	if encoding == 'B' {
		return mime.BEncoding.Encode("utf-8", text)
	}
	return mime.QEncoding.Encode("utf-8", text)
}

// address formats `"Name" <addr>`, RFC 2047 encoding a non-ASCII name.
func address(name, addr string, encoding byte) string {
	if name == "" {
		return addr
	}
	if isASCII(name) {
		return fmt.Sprintf("%q <%s>", name, addr)
	}
	return fmt.Sprintf("%s <%s>", encodeWord(encoding, name), addr)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
