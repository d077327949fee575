package wire

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
)

// Decoder reads IMAP server responses from a buffered stream. Call Begin to
// start a response, the grammar methods to consume it, and End (or Discard
// after an error) to finish it.
type Decoder struct {
	r      *bufio.Reader
	lim    Limits
	frag   []byte // current line fragment, CRLF and nothing else removed
	pos    int
	offset int64  // stream offset of frag[0]
	read   int64  // bytes consumed from r so far
	long   []byte // holds fragments longer than the bufio buffer
	// fragStr is frag copied to a string on first use, so that the many
	// short strings of a response line share one allocation.
	fragStr string
	err     error
	depth   int
	items   int // list elements read in this response (Limits.MaxItems)
	// held counts the bytes this response holds (see Limits.MaxResponse)
	// against room, its bound; start is the stream offset where it began.
	held, room, start int64
	// budget is what LimitNext set: a bound below MaxResponse, or -1.
	budget int64
	// warnings are problems of the current response that did not stop
	// it (Warn).
	warnings []error
}

// NewDecoder returns a Decoder reading from r with the given limits.
func NewDecoder(r *bufio.Reader, lim Limits) *Decoder {
	return &Decoder{r: r, lim: lim.withDefaults(), budget: -1}
}

// Reset points the decoder at a new reader (after STARTTLS or COMPRESS).
func (d *Decoder) Reset(r *bufio.Reader) {
	d.r = r
	d.frag, d.pos, d.err = nil, 0, nil
}

// Limits returns the limits in force.
func (d *Decoder) Limits() Limits { return d.lim }

// Err returns the first error of the current response, if any.
func (d *Decoder) Err() error { return d.err }

// Offset returns the stream offset of the next unread byte of the fragment.
func (d *Decoder) Offset() int64 { return d.offset + int64(d.pos) }

func (d *Decoder) fail(err error) bool {
	if d.err == nil {
		d.err = err
	}
	return false
}

// Expected records a syntax error at the current position.
func (d *Decoder) Expected(what string) bool {
	return d.fail(&SyntaxError{Offset: d.Offset(), Expected: what, Got: describe(d.rest())})
}

// rest returns the unread part of the fragment (nil when pos ran past it).
func (d *Decoder) rest() []byte {
	if d.pos >= len(d.frag) {
		return nil
	}
	return d.frag[d.pos:]
}

// LimitNext bounds the responses read from now on to n bytes held (counted
// as for Limits.MaxResponse), when n is below MaxResponse: the caller's
// room left for keeping data. A response's first line is read whole
// whatever n says (it is bounded by MaxLine), so that the response can be
// named; what goes beyond fails with a *LimitError whose Budget is set.
// A negative n lifts the bound.
func (d *Decoder) LimitNext(n int64) { d.budget = n }

// Begin reads the first line fragment of the next response. Empty lines are
// skipped: some servers send a spurious CRLF after a literal that ends a
// response.
func (d *Decoder) Begin() error {
	d.err = nil
	d.depth, d.items = 0, 0
	if cap(d.long) > maxKeptLong { // one huge line does not stay allocated
		d.long = nil
	}
	d.held, d.room, d.start = 0, d.lim.MaxResponse, d.read
	d.warnings = d.warnings[:0]
	for {
		if err := d.readFragment(); err != nil {
			return err
		}
		if len(d.frag) > 0 {
			if d.budget >= 0 && d.budget < d.room {
				d.room = max(d.budget, d.held)
			}
			return nil
		}
		d.held = 0
	}
}

// maxKeptLong is the largest long-line buffer kept for the next response.
const maxKeptLong = 1 << 20

// Held returns the bytes the current response holds so far, as counted
// against Limits.MaxResponse: an estimate of the memory its values take.
func (d *Decoder) Held() int64 { return d.held }

// ResponseBytes returns how many bytes of the stream the current response
// took so far, streamed literals included.
func (d *Decoder) ResponseBytes() int64 { return d.read - d.start }

// hold counts n more bytes against the response's bound.
func (d *Decoder) hold(n int64) bool {
	if d.held += n; d.held > d.room {
		return d.fail(&LimitError{Offset: d.Offset(), What: "response size", Limit: d.room, Budget: d.room < d.lim.MaxResponse})
	}
	return true
}

// readFragment loads the next line (up to LF) into frag, without its CRLF.
func (d *Decoder) readFragment() error {
	d.pos = 0
	d.offset = d.read
	line, err := d.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		line, err = d.readLongLine(line)
	}
	d.read += int64(len(line))
	if err != nil {
		d.frag = nil
		if err == io.EOF && len(line) > 0 {
			err = io.ErrUnexpectedEOF
		}
		d.err = err
		return err
	}
	line = line[:len(line)-1]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	d.frag, d.fragStr = line, ""
	d.hold(int64(len(line)))
	return nil
}

func (d *Decoder) readLongLine(first []byte) ([]byte, error) {
	d.long = append(d.long[:0], first...)
	for {
		if len(d.long) > d.lim.MaxLine {
			err := &LimitError{Offset: d.offset, What: "response line", Limit: int64(d.lim.MaxLine)}
			d.read += int64(len(d.long)) + d.skipLine()
			return nil, err
		}
		more, err := d.r.ReadSlice('\n')
		d.long = appendCapped(d.long, more, d.lim.MaxLine+len(more))
		if !errors.Is(err, bufio.ErrBufferFull) {
			return d.long, err
		}
	}
}

// appendCapped is append that grows buf by doubling but never beyond
// limit bytes of capacity (when the data fits), so that a line at the
// limit does not leave a buffer of twice its size.
func appendCapped(buf, more []byte, limit int) []byte {
	if need := len(buf) + len(more); need > cap(buf) {
		grown := make([]byte, len(buf), max(need, min(2*cap(buf), limit)))
		copy(grown, buf)
		buf = grown
	}
	return append(buf, more...)
}

// skipLine discards input up to and including the next LF and says how
// many bytes it skipped.
func (d *Decoder) skipLine() int64 {
	var n int64
	for {
		b, err := d.r.ReadSlice('\n')
		n += int64(len(b))
		if !errors.Is(err, bufio.ErrBufferFull) {
			return n
		}
	}
}

// End checks that the response was consumed completely. Trailing spaces are
// tolerated (Exchange and older Courier send them).
func (d *Decoder) End() error {
	if d.err != nil {
		return d.err
	}
	for d.pos < len(d.frag) && d.frag[d.pos] == ' ' {
		d.pos++
	}
	if d.pos != len(d.frag) {
		d.Expected("end of response")
	}
	return d.err
}

// Discard skips what is left of the current response, including any
// literals, so that the stream is in sync again at the next response.
func (d *Decoder) Discard() error {
	for {
		n, isLit, err := literalMarker(d.frag)
		if err != nil {
			return err
		}
		if !isLit {
			d.pos = len(d.frag)
			return nil
		}
		m, err := io.CopyN(io.Discard, d.r, n)
		d.read += m
		if err != nil {
			return err
		}
		if err := d.readFragment(); err != nil {
			return err
		}
	}
}

// ErrUnsyncable reports a response announcing a literal whose size cannot
// be represented, so its end cannot be found: the connection must close.
var ErrUnsyncable = errors.New("wire: literal size out of range; the stream cannot be resynchronised")

// literalMarker reports whether a line ends with {n}, {n+} or ~{n} and n.
// Digits too large for an int64 give ErrUnsyncable: skipping to the next
// line would parse the literal's bytes as responses.
func literalMarker(line []byte) (int64, bool, error) {
	if len(line) < 3 || line[len(line)-1] != '}' {
		return 0, false, nil
	}
	open := bytes.LastIndexByte(line, '{')
	if open < 0 {
		return 0, false, nil
	}
	digits := bytes.TrimSuffix(line[open+1:len(line)-1], []byte("+"))
	if len(digits) == 0 || bytes.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return 0, false, nil
	}
	n, err := strconv.ParseInt(string(digits), 10, 64)
	if err != nil {
		return 0, false, ErrUnsyncable
	}
	return n, true, nil
}

// AtEnd reports whether the current response has no more tokens, ignoring
// trailing spaces.
func (d *Decoder) AtEnd() bool {
	for i := d.pos; i < len(d.frag); i++ {
		if d.frag[i] != ' ' {
			return false
		}
	}
	return true
}

// Peek returns the next byte of the fragment, or 0 at its end.
func (d *Decoder) Peek() byte {
	if d.err != nil || d.pos >= len(d.frag) {
		return 0
	}
	return d.frag[d.pos]
}

// PeekFold reports whether the fragment continues with prefix, compared
// ASCII case-insensitively.
func (d *Decoder) PeekFold(prefix string) bool {
	r := d.rest()
	if len(r) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if upper(r[i]) != upper(prefix[i]) {
			return false
		}
	}
	return true
}

func upper(b byte) byte {
	if 'a' <= b && b <= 'z' {
		return b - 'a' + 'A'
	}
	return b
}

// Skip consumes n bytes of the fragment (after a successful PeekFold).
func (d *Decoder) Skip(n int) { d.pos = min(d.pos+n, len(d.frag)) }

// Nest runs f one list level deeper, failing with a *LimitError beyond
// Limits.MaxDepth: for recursive grammar (BODYSTRUCTURE, THREAD) that is
// not read through List.
func (d *Decoder) Nest(f func() bool) bool {
	if !d.Enter() {
		return false
	}
	ok := f()
	d.Leave()
	return ok
}

// Enter goes one list level deeper, failing with a *LimitError beyond
// Limits.MaxDepth; a successful Enter must be paired with Leave. It is Nest
// without the closure, for hot paths (FETCH address lists).
func (d *Decoder) Enter() bool {
	if d.depth++; d.depth > d.lim.MaxDepth {
		d.depth--
		return d.fail(&LimitError{Offset: d.Offset(), What: "list nesting", Limit: int64(d.lim.MaxDepth)})
	}
	return true
}

// Leave ends the list level of a successful Enter.
func (d *Decoder) Leave() { d.depth-- }

// Special consumes the byte b if it comes next.
func (d *Decoder) Special(b byte) bool {
	if d.Peek() == b && d.err == nil {
		d.pos++
		return true
	}
	return false
}

// ExpectSpecial consumes b or records an error.
func (d *Decoder) ExpectSpecial(b byte) bool {
	if d.Special(b) {
		return true
	}
	return d.Expected(strconv.QuoteRune(rune(b)))
}

// SP consumes one space. Runs of spaces count as one: Exchange and Yahoo
// have been seen doubling them.
func (d *Decoder) SP() bool {
	if d.err != nil || d.pos >= len(d.frag) || d.frag[d.pos] != ' ' {
		return false
	}
	for d.pos++; d.pos < len(d.frag) && d.frag[d.pos] == ' '; d.pos++ {
	}
	return true
}

// ExpectSP consumes a space or records an error.
func (d *Decoder) ExpectSP() bool {
	return d.SP() || d.Expected("SP")
}

// Text returns the rest of the fragment as resp-text. A missing text (some
// servers end a line right after the response code) gives "". It shares
// the line's one copy with the other strings taken from it.
func (d *Decoder) Text() string {
	if d.pos >= len(d.frag) {
		return ""
	}
	s := d.sub(d.pos, len(d.frag))
	d.pos = len(d.frag)
	return s
}

// Mark is a position within the current fragment, for backtracking over
// tokens that turn out to be something else.
type Mark struct {
	pos    int
	offset int64
}

// Mark returns the current position.
func (d *Decoder) Mark() Mark { return Mark{d.pos, d.offset} }

// Rewind returns to m and clears the error, provided no literal was read
// since (the fragment is the same); it reports whether it could.
func (d *Decoder) Rewind(m Mark) bool {
	if m.offset != d.offset {
		return false
	}
	d.pos, d.err = m.pos, nil
	return true
}

// TextSince returns the bytes read since m, or "" when a literal was read
// since (the fragment changed).
func (d *Decoder) TextSince(m Mark) string {
	if m.offset != d.offset || m.pos > d.pos {
		return ""
	}
	return d.sub(m.pos, min(d.pos, len(d.frag)))
}

// TextUntil consumes and returns the bytes before the next occurrence of
// stop on this fragment (not consuming stop), or false if there is none.
func (d *Decoder) TextUntil(stop byte) (string, bool) {
	i := bytes.IndexByte(d.rest(), stop)
	if i < 0 || d.err != nil {
		return "", false
	}
	s := string(d.frag[d.pos : d.pos+i])
	d.pos += i
	return s, true
}

// sub returns frag[start:end] as a string that shares one copy of the
// fragment with the other strings taken from it.
func (d *Decoder) sub(start, end int) string {
	if start == end {
		return ""
	}
	if d.fragStr == "" {
		d.fragStr = string(d.frag)
	}
	return d.fragStr[start:end]
}
