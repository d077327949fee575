package client

import "bytes"

// maxTraceLine bounds the server line held for the trace: a hostile server
// sending endless bytes without a line feed (or a binary literal streamed
// to a file) costs at most this much.
const maxTraceLine = 64 << 10

// maxMarker bounds the tail of a line kept to find a literal marker
// ({N} or ~{N}) after the line itself was cut at maxTraceLine.
const maxMarker = 24

// serverLines splits the server's bytes into lines and events. It follows
// the literal framing of RFC 9051 section 4.3 (a line ending in {N} is
// followed by N bytes of data), so a line of a message body that reads
// "A1 OK" is literal data, not A1's answer. It allocates nothing per line.
type serverLines struct {
	line        []byte // the line so far (at most maxTraceLine bytes)
	dropped     int64  // bytes of it beyond maxTraceLine
	startedLit  bool   // the line began inside literal data
	cont        bool   // the line continues one flushed before its line break
	literalLeft int64  // literal bytes still to come
	tail        []byte // the protocol text since the last literal, its last maxMarker bytes
	part        [1]TracePart
}

// read consumes bytes as they arrive, emitting each line completed: a
// run of literal data, or protocol text up to its line feed (which may
// announce a literal).
func (s *serverLines) read(p []byte, out Tracer) {
	for len(p) > 0 {
		n, literal := len(p), s.literalLeft > 0
		if literal {
			n = int(min(int64(n), s.literalLeft))
			s.literalLeft -= int64(n)
		} else if i := bytes.IndexByte(p, '\n'); i >= 0 {
			n = i + 1
		}
		s.feed(p[:n], literal, out)
		p = p[n:]
	}
}

// feed consumes bytes of one kind, which may hold line breaks.
func (s *serverLines) feed(p []byte, literal bool, out Tracer) {
	for {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			s.keep(p, literal)
			return
		}
		s.keep(bytes.TrimSuffix(p[:i], cr), literal)
		s.end(literal, out)
		p = p[i+1:]
	}
}

// keep adds bytes to the current line up to maxTraceLine and counts the
// rest; protocol bytes also go to the tail searched for a literal marker.
func (s *serverLines) keep(p []byte, literal bool) {
	if len(s.line) == 0 && s.dropped == 0 {
		s.startedLit = literal
	}
	if literal {
		s.tail = s.tail[:0]
	} else {
		s.tail = append(s.tail, p[max(0, len(p)-maxMarker):]...)
		if n := len(s.tail); n > maxMarker {
			s.tail = s.tail[:copy(s.tail, s.tail[n-maxMarker:])]
		}
	}
	room := maxTraceLine - len(s.line)
	if len(p) > room {
		s.dropped += int64(len(p) - room)
		p = p[:room]
	}
	s.line = append(s.line, p...)
}

// end finishes the current line at a line feed; a protocol line ending in
// a literal marker makes the next bytes literal data.
func (s *serverLines) end(literal bool, out Tracer) {
	if !literal {
		s.literalLeft = literalMarker(bytes.TrimSuffix(s.tail, cr))
	}
	s.emit(out)
}

// flush emits a line that has no line break yet (the client is about to
// write, so the trace shows what came so far in order); the rest of it
// comes as a line of its own.
func (s *serverLines) flush(out Tracer) {
	if len(s.line) > 0 {
		tail := s.tail
		s.emit(out)
		s.tail, s.cont = tail, true // the marker search goes on with the whole line
	}
}

func (s *serverLines) emit(out Tracer) {
	line := bytes.TrimSuffix(s.line, cr)
	e := TraceEvent{Dir: FromServer, Literal: s.startedLit, Dropped: s.dropped}
	if !s.startedLit && !s.cont {
		e.Tag, e.Status = taggedStatus(line)
	}
	s.part[0] = TracePart{Text: line}
	e.Parts = s.part[:1]
	out.Trace(e)
	s.line, s.dropped, s.startedLit, s.cont, s.tail = s.line[:0], 0, false, false, s.tail[:0]
}

var cr = []byte("\r")

// taggedStatus returns the tag and status of a tagged status response
// (RFC 9051 response-tagged: tag SP resp-cond-state), or "" "".
func taggedStatus(line []byte) (tag, status string) {
	t, rest, ok := bytes.Cut(line, []byte(" "))
	if !ok || len(t) == 0 || bytes.Equal(t, []byte("*")) || bytes.Equal(t, []byte("+")) {
		return "", ""
	}
	word, _, _ := bytes.Cut(rest, []byte(" "))
	for _, st := range []string{"OK", "NO", "BAD"} {
		if bytes.EqualFold(word, []byte(st)) {
			return string(t), st
		}
	}
	return "", ""
}

// literalMarker returns N when line ends in a literal marker {N} (or
// literal8 ~{N}), else 0.
func literalMarker(line []byte) int64 {
	if len(line) < 3 || line[len(line)-1] != '}' {
		return 0
	}
	open := bytes.LastIndexByte(line, '{')
	if open < 0 {
		return 0
	}
	digits := line[open+1 : len(line)-1]
	if len(digits) == 0 || len(digits) > 18 {
		return 0
	}
	var n int64
	for _, d := range digits {
		if d < '0' || d > '9' {
			return 0
		}
		n = n*10 + int64(d-'0')
	}
	return n
}
