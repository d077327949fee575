package client

import "time"

// Result is a completed command: its tagged status response and every
// untagged response that arrived while it ran, in order (solicited data and
// unsolicited EXISTS/EXPUNGE/FETCH alike), parsed.
type Result struct {
	Command   string // command name as sent, e.g. "UID FETCH"
	Tag       string
	Status    *StatusResponse
	Responses []Response
	Elapsed   time.Duration
}

// OK reports whether the command completed with OK.
func (r *Result) OK() bool { return r != nil && r.Status != nil && r.Status.Status == "OK" }

// Count returns how many untagged responses of a kind (FETCH, EXISTS, ...)
// the command received.
func (r *Result) Count(kind string) int {
	n := 0
	for _, resp := range r.Responses {
		if equalFold(resp.Kind(), kind) {
			n++
		}
	}
	return n
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
