package client

import (
	"strconv"
	"strings"
	"time"
)

// Result is a completed command: its tagged status response and the
// untagged responses that arrived while it ran, in order (solicited data
// and unsolicited EXISTS/EXPUNGE/FETCH alike), parsed, as far as the
// command keeps them (see Options.MaxCommandMemory): what it did not keep
// is counted in Dropped.
type Result struct {
	Command   string // command name as sent, e.g. "UID FETCH"
	Tag       string
	Status    *StatusResponse
	Responses []Response
	// Dropped says what arrived but is not in Responses, by kind and
	// reason; nil when everything was kept.
	Dropped []Dropped
	Elapsed time.Duration
}

// Dropped is a note on untagged data a command received and did not keep:
// Count responses of one Kind (EXISTS, OK, FETCH, ...), about Bytes of
// memory (as counted against the budget), for one Reason.
type Dropped struct {
	Kind   string
	Reason DropReason
	Count  int
	Bytes  int64
}

// DropReason says why untagged data was not kept.
type DropReason uint8

// The reasons for not keeping untagged data.
const (
	// DropCollapsed: a repeated EXISTS or RECENT; Responses holds the last
	// one, which the mailbox state (Client.Mailbox) holds too.
	DropCollapsed DropReason = iota + 1
	// DropUnsolicited: data the command did not ask for (an untagged OK
	// or ALERT, EXPUNGE during NOOP, ...) beyond the first
	// MaxUnsolicited of its kind; it was applied to the session state.
	DropUnsolicited
	// DropBudget: data over the command's memory budget
	// (Options.MaxCommandMemory).
	DropBudget
	// DropBodyData: body sections of a FETCH response that no command in
	// flight asked for, read and discarded; Count is sections, not
	// responses (the FETCH itself is kept, with BodySection.Dropped set).
	DropBodyData
)

// String names the reason as in JSON: collapsed, unsolicited, budget, body.
func (r DropReason) String() string {
	switch r {
	case DropCollapsed:
		return "collapsed"
	case DropUnsolicited:
		return "unsolicited"
	case DropBudget:
		return "budget"
	case DropBodyData:
		return "body"
	}
	return "reason " + strconv.Itoa(int(r))
}

// OK reports whether the command completed with OK.
func (r *Result) OK() bool { return r != nil && r.Status != nil && r.Status.Status == "OK" }

// StatusWord is the tagged status in upper case (OK, NO or BAD), or ""
// when the command got no tagged answer.
func (r *Result) StatusWord() string {
	if r == nil || r.Status == nil {
		return ""
	}
	return strings.ToUpper(r.Status.Status)
}

// Count returns how many untagged responses of a kind (FETCH, EXISTS, ...)
// the command received, kept in Responses or counted in Dropped.
func (r *Result) Count(kind string) int {
	n := 0
	for _, resp := range r.Responses {
		if equalFold(resp.Kind(), kind) {
			n++
		}
	}
	for _, d := range r.Dropped {
		if d.Reason != DropBodyData && equalFold(d.Kind, kind) {
			n += d.Count
		}
	}
	return n
}

// noteDropped counts one more dropped item of a kind for a reason.
func (r *Result) noteDropped(kind string, reason DropReason, count int, bytes int64) {
	for i := range r.Dropped {
		if d := &r.Dropped[i]; d.Kind == kind && d.Reason == reason {
			d.Count += count
			d.Bytes += bytes
			return
		}
	}
	r.Dropped = append(r.Dropped, Dropped{Kind: kind, Reason: reason, Count: count, Bytes: bytes})
}

// Err returns an *Error when the status is NO or BAD, else nil.
func (r *Result) Err() error {
	if r.Status == nil || r.Status.Status == "OK" {
		return nil
	}
	return &Error{Command: r.Command, StatusResponse: r.Status}
}

// Of returns the untagged responses of type T, such as *ListData.
func Of[T Response](r *Result) []T {
	var out []T
	if r == nil {
		return nil
	}
	for _, resp := range r.Responses {
		if t, ok := resp.(T); ok {
			out = append(out, t)
		}
	}
	return out
}
