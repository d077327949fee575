package wire

import "fmt"

// SyntaxError reports a server response that does not follow the IMAP
// grammar: where it happened (byte offset in the stream), what the parser
// expected and what it found instead.
type SyntaxError struct {
	Offset   int64
	Expected string
	Got      string
}

// Error says where the response broke the grammar, what was expected and
// what came.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("wire: malformed response at byte %d: expected %s, got %s", e.Offset, e.Expected, e.Got)
}

// LimitError reports a server response that exceeded one of the Decoder's
// limits (line length, literal size, response size, nesting depth or item
// count).
type LimitError struct {
	Offset int64
	What   string
	Limit  int64
	// Budget is set when the limit was the caller's room (LimitNext), not
	// one of the Limits: the response was well-formed but too big to keep.
	Budget bool
}

// Error names the limit, its value and where it was exceeded.
func (e *LimitError) Error() string {
	return fmt.Sprintf("wire: %s exceeds the limit of %d at byte %d", e.What, e.Limit, e.Offset)
}

// describe shows a few bytes of server input in a form safe for messages.
func describe(b []byte) string {
	if len(b) == 0 {
		return "end of line"
	}
	if len(b) > 20 {
		b = b[:20]
	}
	return fmt.Sprintf("%q", b)
}
