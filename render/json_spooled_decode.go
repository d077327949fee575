package render

import (
	"bufio"
	"bytes"
	"io"
	"net/textproto"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"

	"imapsh/client"
	"imapsh/internal/transfer"
)

// "decoded" for a spooled section (json_spooled.go): the decoding that
// DecodedSection does in memory, done as a stream over the file. Each
// decoding is first run to the end and its output dropped, to learn
// whether it works (a part that does not decode is shown as sent, as
// decodeText does) and whether its output is UTF-8; then it is run again
// into the object. A message's header is read into memory (it ends at
// the first blank line); a header section (BODY[HEADER]) is read whole.

// opener starts a fresh read of a stream.
type opener func() io.Reader

// streamDecoded writes "decoded" and "decoded_how" when DecodedSection
// would for the same bytes in memory.
func (j *JSONStream) streamDecoded(sec client.BodySection, bs *client.BodyStructure, r *io.SectionReader) error {
	open, how, err := decodedStream(sec, bs, r)
	if err != nil || how == "" {
		return err
	}
	valid := true
	if err := eachRuneWindow(open(), func(w []byte) { valid = valid && utf8.Valid(w) }); err != nil {
		return err
	}
	j.buf = jsonKey(j.buf, "decoded")
	if err := j.streamBytes(open(), valid); err != nil {
		return err
	}
	j.buf = jsonStr(jsonKey(j.buf, "decoded_how"), how)
	return nil
}

// decodedStream is decodedSection (decode.go) for a section in a file.
func decodedStream(sec client.BodySection, bs *client.BodyStructure, r *io.SectionReader) (opener, string, error) {
	whole := func() io.Reader { return io.NewSectionReader(r, 0, r.Size()) }
	spec, name := strings.ToUpper(sec.Section), strings.ToUpper(sec.Name)
	switch {
	case r.Size() == 0:
	case isHeaderSpec(spec) || name == "RFC822.HEADER":
		data, err := io.ReadAll(whole())
		if err != nil {
			return nil, "", err
		}
		out, how := decodeHeader(data)
		return func() io.Reader { return bytes.NewReader(out) }, how, nil
	case spec == "" || name == "RFC822":
		return messageStream(r)
	case spec == "TEXT" && bs != nil && !isMultipart(bs):
		open, how := textStream(whole, bs.Type, bs.Encoding, paramValue(bs.Params, "charset"))
		return open, how, nil
	case partNumber.MatchString(spec):
		if part := bs.Part(spec); part != nil && !isMultipart(part) {
			open, how := textStream(whole, part.Type, part.Encoding, paramValue(part.Params, "charset"))
			return open, how, nil
		}
	}
	return nil, "", nil
}

// messageStream is decodeMessage for a message in a file: its header's
// words, and its body when it is one text part in a transfer encoding or
// charset the header names.
func messageStream(r *io.SectionReader) (opener, string, error) {
	end, err := headerEndIn(r)
	if err != nil || end < 0 {
		return nil, "", err
	}
	head := make([]byte, end)
	if _, err := r.ReadAt(head, 0); err != nil {
		return nil, "", err
	}
	headOut, headNote := decodeHeader(head)
	body := opener(func() io.Reader { return io.NewSectionReader(r, end, r.Size()-end) })
	bodyNote := ""
	fields, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(head))).ReadMIMEHeader()
	if err == nil || len(fields) > 0 {
		mediaType, params := parseContentType(fields.Get("Content-Type"))
		typ, _, _ := strings.Cut(mediaType, "/")
		body, bodyNote = textStream(body, typ, fields.Get("Content-Transfer-Encoding"), params["charset"])
	}
	open := func() io.Reader { return io.MultiReader(bytes.NewReader(headOut), body()) }
	_, how := joinNotes(nil, nil, headNote, bodyNote)
	return open, how, nil
}

// textStream is decodeText for a stream: the opener of the text as shown
// (open itself when it is shown as sent) and how it was decoded.
func textStream(open opener, typ, encoding, cs string) (opener, string) {
	if typ != "" && !strings.EqualFold(typ, "text") {
		return open, ""
	}
	var notes []string
	if transfer.Encoded(encoding) {
		sent := open // the closure must not see open reassigned below
		decoded := opener(func() io.Reader { r, _ := transfer.NewReader(encoding, sent()); return r })
		if _, err := io.Copy(io.Discard, decoded()); err != nil {
			return open, ""
		}
		open = decoded
		notes = append(notes, strings.ToLower(strings.TrimSpace(encoding))+" decoded")
	}
	if cs = strings.ToLower(cs); cs != "" && cs != "utf-8" && cs != "us-ascii" && cs != "utf8" {
		if converted, ok := charsetStream(open, cs); ok {
			open = converted
			notes = append(notes, cs+" shown as UTF-8")
		}
	}
	return open, strings.Join(notes, ", ")
}

// charsetStream is toUTF8 for a stream; false when the charset is not
// known or the text does not convert.
func charsetStream(open opener, cs string) (opener, bool) {
	if _, err := charset.Reader(cs, strings.NewReader("")); err != nil {
		return nil, false
	}
	converted := func() io.Reader { r, _ := charset.Reader(cs, open()); return r }
	if _, err := io.Copy(io.Discard, converted()); err != nil {
		return nil, false
	}
	return converted, true
}

// headerEndIn is headerEnd for a message in a file: the offset after the
// first "\r\n\r\n", else after the first "\n\n", else -1.
func headerEndIn(r *io.SectionReader) (int64, error) {
	for _, sep := range []string{"\r\n\r\n", "\n\n"} {
		i, err := indexIn(r, sep)
		if err != nil {
			return -1, err
		}
		if i >= 0 {
			return i + int64(len(sep)), nil
		}
	}
	return -1, nil
}

// indexIn is the offset of the first sep in r, or -1.
func indexIn(r *io.SectionReader, sep string) (int64, error) {
	window := make([]byte, jsonWindow+len(sep))
	for off := int64(0); off < r.Size(); off += int64(jsonWindow) {
		n, err := r.ReadAt(window, off)
		if err != nil && err != io.EOF {
			return -1, err
		}
		if i := bytes.Index(window[:n], []byte(sep)); i >= 0 {
			return off + int64(i), nil
		}
	}
	return -1, nil
}
