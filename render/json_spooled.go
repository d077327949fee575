package render

import (
	"encoding/base64"
	"io"
	"unicode/utf8"

	"imapsh/client"
)

// A FETCH body section the shell kept in a temporary file rather than in
// memory (`fetch 7 BODY[]` of a 20 MB message: repl's spool) is written
// into the JSON object from the file, a window at a time, so that memory
// stays bounded whatever its size. The object is byte for byte what it
// would be had the section been kept in memory: "data" is a string when
// the bytes are UTF-8 and {"base64":...} when not, which a first pass over
// the file tells before anything is written; "streamed" is left out; and
// "decoded" (json_spooled_decode.go) is found the same way.

// jsonWindow is how much of a spooled section is read at a time; a
// variable so that tests can make windows tiny.
var jsonWindow = 16 << 10

// SectionSource gives the bytes of the index-th body section of message
// seq when the client streamed them to the caller (BodySection.Streamed,
// Data nil), or nil when it did not; an error says why they are lost.
type SectionSource func(seq uint32, index int) (*io.SectionReader, error)

// AddFetch writes a FETCH response whose spooled sections src gives, as
// if they had been kept in memory; with a nil src it is Add.
func (j *JSONStream) AddFetch(f *client.FetchData, src SectionSource) {
	if src == nil {
		j.Add(f)
		return
	}
	buf := append(jsonSep(j.buf), `{"kind":"FETCH"`...)
	j.buf = jsonFetchHead(buf, f)
	if f.Sections != nil {
		j.buf = jsonOpen(jsonKey(j.buf, "sections"), '[')
		for i, sec := range f.Sections {
			j.spooledSection(f, i, sec, src)
		}
		j.buf = jsonClose(j.buf, ']')
	}
	j.buf = append(jsonFetchTail(j.buf, f), '}')
	j.added()
}

// spooledSection writes one section: from its file when src has one,
// else as Add does. A file that cannot be read leaves the section as
// streamed, with "error" saying why.
func (j *JSONStream) spooledSection(f *client.FetchData, i int, sec client.BodySection, src SectionSource) {
	r, err := src(f.Seq, i)
	if r == nil && err == nil {
		j.buf = jsonSection(j.buf, sec, f.BodyStructure)
		return
	}
	var valid bool
	if err == nil {
		valid, err = validUTF8(r)
	}
	if err != nil {
		buf := jsonSection(j.buf, sec, f.BodyStructure)
		j.buf = append(jsonStr(jsonKey(buf[:len(buf)-1], "error"), ErrorText(err)), '}')
		return
	}
	j.buf = jsonOpen(j.buf, '{')
	j.buf = jsonSectionNames(j.buf, sec)
	j.buf = jsonKey(j.buf, "data")
	err = j.streamBytes(r, valid)
	j.buf = jsonBoolField(j.buf, "nil", sec.Nil)
	j.buf = jsonBoolField(j.buf, "dropped", sec.Dropped)
	if err == nil {
		err = j.streamDecoded(sec, f.BodyStructure, r) // json_spooled_decode.go
	}
	if err != nil {
		j.buf = jsonStr(jsonKey(j.buf, "error"), ErrorText(err))
	}
	j.buf = jsonClose(j.buf, '}')
}

// streamBytes writes what r holds as a JSON string (valid: it is UTF-8)
// or as {"base64":"..."}, a window at a time, writing the buffer out as
// it fills. A read error ends the value early (still valid JSON) and is
// returned.
func (j *JSONStream) streamBytes(r io.Reader, valid bool) error {
	if !valid {
		j.buf = append(jsonSep(j.buf), `{"base64":"`...)
		err := j.streamBase64(r)
		j.buf = append(j.buf, `"}`...)
		return err
	}
	j.buf = append(jsonSep(j.buf), '"')
	err := eachRuneWindow(r, func(w []byte) {
		j.buf = appendJSONStringBody(j.buf, w)
		j.spill()
	})
	j.buf = append(j.buf, '"')
	return err
}

// streamBase64 writes r in standard base64, from windows whose length is
// a multiple of 3 so that the pieces join without padding in between.
func (j *JSONStream) streamBase64(r io.Reader) error {
	window := make([]byte, jsonWindow/3*3+3)
	for {
		n, err := io.ReadFull(r, window)
		j.buf = base64.StdEncoding.AppendEncode(j.buf, window[:n])
		j.spill()
		switch err {
		case nil:
		case io.EOF, io.ErrUnexpectedEOF:
			return nil
		default:
			return err
		}
	}
}

// spill writes the buffer out once it holds jsonFlushAt bytes.
func (j *JSONStream) spill() {
	if len(j.buf) >= jsonFlushAt {
		j.flush(false)
	}
}

// eachRuneWindow reads r to its end in windows of about jsonWindow bytes,
// each cut after a whole rune (a rune that straddles two reads is carried
// to the next window), and calls fn on each.
func eachRuneWindow(r io.Reader, fn func([]byte)) error {
	window := make([]byte, jsonWindow+utf8.UTFMax)
	carry := 0
	for {
		n, err := io.ReadAtLeast(r, window[carry:], 1)
		n += carry
		cut := n
		if err == nil {
			cut = runeCut(window[:n])
		}
		if cut > 0 {
			fn(window[:cut])
		}
		carry = copy(window, window[cut:n])
		switch err {
		case nil:
		case io.EOF:
			return nil
		default:
			return err
		}
	}
}

// runeCut is the length of the longest prefix of b that does not end in
// the middle of a rune (invalid bytes count as whole runes).
func runeCut(b []byte) int {
	for back := 1; back <= utf8.UTFMax && back <= len(b); back++ {
		if i := len(b) - back; utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}

// validUTF8 reports whether what r holds is UTF-8, reading it to the end;
// the reader is rewound (r is a *io.SectionReader).
func validUTF8(r *io.SectionReader) (bool, error) {
	valid := true
	err := eachRuneWindow(r, func(w []byte) { valid = valid && utf8.Valid(w) })
	if _, serr := r.Seek(0, io.SeekStart); err == nil {
		err = serr
	}
	return valid, err
}
