package repl

import (
	"imapsh/client"
	"imapsh/scripts"
)

// outcome is what \expect checks: the last IMAP command's result, the
// mailbox size after it and the server lines the wire tap saw.
type outcome struct {
	res    *client.Result
	exists uint32
	known  bool
	raw    []string
}

var _ scripts.Outcome = (*outcome)(nil)

// newOutcome captures the state after a command (res may be nil when the
// command never reached the server).
func (s *Session) newOutcome(res *client.Result) *outcome {
	o := &outcome{res: res}
	if s.connected() {
		if m := s.c.Mailbox(); m != nil {
			o.exists, o.known = m.Exists, true
		}
	}
	if s.tap != nil {
		o.raw = s.tap.serverLines()
	}
	return o
}

// Status implements scripts.Outcome.
func (o *outcome) Status() string { return statusWord(o.res) }

// Code implements scripts.Outcome.
func (o *outcome) Code() string {
	if o.res == nil || o.res.Status == nil || o.res.Status.Code == nil {
		return ""
	}
	return o.res.Status.Code.Name
}

// Count implements scripts.Outcome.
func (o *outcome) Count(kind string) int {
	if o.res == nil {
		return 0
	}
	return o.res.Count(kind)
}

// Exists implements scripts.Outcome.
func (o *outcome) Exists() (uint32, bool) { return o.exists, o.known }

// RawLines implements scripts.Outcome.
func (o *outcome) RawLines() []string { return o.raw }
