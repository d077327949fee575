package repl

import (
	"fmt"
	"strings"

	"imapsh/client"
	"imapsh/scripts"
)

// outcome is what \expect checks: the last IMAP command's result, the
// mailbox size after it and the server lines the wire tap saw.
type outcome struct {
	res       *client.Result
	streamed  int // FETCH responses shown as they came, not kept in res
	exists    uint32
	known     bool
	raw       []string
	rawTotal  int  // server lines the command got, kept in raw or not
	truncated bool // raw holds only the first maxCapture bytes of them
}

var _ scripts.Outcome = (*outcome)(nil)

// newOutcome captures the state after a command (res may be nil when the
// command never reached the server).
func (s *Session) newOutcome(res *client.Result) *outcome {
	o := &outcome{res: res}
	if s.live != nil {
		o.streamed = s.live.streamed
	}
	if s.connected() {
		if m := s.c.Mailbox(); m != nil {
			o.exists, o.known = m.Exists, true
		}
	}
	if s.tap != nil {
		o.raw, o.rawTotal, o.truncated = s.tap.capture()
	}
	return o
}

// Status implements scripts.Outcome.
func (o *outcome) Status() string { return o.res.StatusWord() }

// Code implements scripts.Outcome.
func (o *outcome) Code() string {
	if o.res == nil || o.res.Status == nil || o.res.Status.Code == nil {
		return ""
	}
	return o.res.Status.Code.Name
}

// Count implements scripts.Outcome: FETCH responses shown while they
// streamed count as well as those kept in the result.
func (o *outcome) Count(kind string) int {
	n := 0
	if strings.EqualFold(kind, "FETCH") {
		n = o.streamed
	}
	if o.res == nil {
		return n
	}
	return n + o.res.Count(kind)
}

// Exists implements scripts.Outcome.
func (o *outcome) Exists() (uint32, bool) { return o.exists, o.known }

// RawLines implements scripts.Outcome.
func (o *outcome) RawLines() []string { return o.raw }

// explainExpect adds to a failed \expect match that the server lines it
// searched were cut short, when they were.
func (r *runState) explainExpect(in *Input, err error) error {
	if err == nil || !in.Cmd.Checks || r.last == nil || !r.last.truncated {
		return err
	}
	word, _, _ := strings.Cut(strings.TrimSpace(in.Arg("expectation")), " ")
	if !strings.EqualFold(word, "match") {
		return err
	}
	return fmt.Errorf("%w (only the first %d MiB of %d server lines was kept)", err, maxCapture>>20, r.last.rawTotal)
}
