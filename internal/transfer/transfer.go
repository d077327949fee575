// Package transfer undoes the content transfer encodings of MIME parts
// (RFC 2045 section 6): base64 and quoted-printable, as a stream (for
// saving an attachment of any size) or on a byte slice (for showing a
// text part). 7bit, 8bit and binary are identity.
package transfer

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime/quotedprintable"
	"strings"
)

// Known reports whether encoding (any case; "" is 7bit) is one this
// package decodes, identity included.
func Known(encoding string) bool {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "7bit", "8bit", "binary", "base64", "quoted-printable":
		return true
	}
	return false
}

// Encoded reports whether encoding changes the bytes (base64 or
// quoted-printable), so that decoding them is worth saying.
func Encoded(encoding string) bool {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "base64", "quoted-printable":
		return true
	}
	return false
}

// reader wraps r in the decoder of encoding; identity for the others.
func reader(encoding string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &alphabetOnly{r: r})
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	}
	return r
}

// NewReader returns a reader of r with its transfer encoding undone, as
// a stream (Decode reads it whole); an encoding it does not know is an
// error. A read error from it is data that did not decode.
func NewReader(encoding string, r io.Reader) (io.Reader, error) {
	if !Known(encoding) {
		return nil, fmt.Errorf("unknown transfer encoding %q", encoding)
	}
	return reader(encoding, r), nil
}

// Decode returns data with its transfer encoding undone. An encoding it
// does not know is an error; data that does not decode gives what decoded
// before the error, and the error.
func Decode(encoding string, data []byte) ([]byte, error) {
	if !Known(encoding) {
		return nil, fmt.Errorf("unknown transfer encoding %q", encoding)
	}
	return io.ReadAll(reader(encoding, bytes.NewReader(data)))
}

// alphabetOnly drops what is not base64 alphabet or padding: line breaks,
// and the stray spaces or junk some mailers leave (RFC 2045 section 6.8:
// such characters are to be ignored).
type alphabetOnly struct{ r io.Reader }

func (a *alphabetOnly) Read(p []byte) (int, error) {
	for {
		n, err := a.r.Read(p)
		kept := p[:0]
		for _, c := range p[:n] {
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' {
				kept = append(kept, c)
			}
		}
		if len(kept) > 0 || err != nil {
			return len(kept), err
		}
	}
}
