package repl

import (
	"bytes"
	"io"
)

// A message file with Unix line ends (a bare LF) is appended with CRLF
// ones: RFC 5322 section 2.1 and APPEND's literal want CRLF, imaplib's
// append converts the same way, and Cyrus 3.6 refuses the file as it is
// ("NO Message contains bare newlines"). The file is read once to count
// them, since the literal's size goes out before its bytes.

// bareLFs counts the LFs of r that no CR precedes.
func bareLFs(r io.ReaderAt) (int64, error) {
	buf := make([]byte, 64<<10)
	var n, off int64
	prevCR := false
	for {
		m, err := r.ReadAt(buf, off)
		for _, c := range buf[:m] {
			if c == '\n' && !prevCR {
				n++
			}
			prevCR = c == '\r'
		}
		off += int64(m)
		if err == io.EOF || (err == nil && m == 0) {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// crlfReader reads r with each bare LF turned into CRLF.
type crlfReader struct {
	r      io.Reader
	in     []byte // what was read from r
	out    []byte // converted bytes not yet returned
	prevCR bool
	err    error
}

func newCRLFReader(r io.Reader) *crlfReader {
	return &crlfReader{r: r, in: make([]byte, 32<<10)}
}

// Read implements io.Reader.
func (c *crlfReader) Read(p []byte) (int, error) {
	for len(c.out) == 0 {
		if c.err != nil {
			return 0, c.err
		}
		n, err := c.r.Read(c.in)
		c.out, c.err = c.convert(c.in[:n]), err
	}
	n := copy(p, c.out)
	c.out = c.out[n:]
	return n, nil
}

// convert returns chunk with its bare LFs as CRLF (a CR ending the
// previous chunk counts).
func (c *crlfReader) convert(chunk []byte) []byte {
	out := make([]byte, 0, len(chunk)+bytes.Count(chunk, []byte{'\n'}))
	for _, b := range chunk {
		if b == '\n' && !c.prevCR {
			out = append(out, '\r')
		}
		out = append(out, b)
		c.prevCR = b == '\r'
	}
	return out
}
