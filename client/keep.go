package client

import (
	"strings"

	"imapsh/client/internal/wire"
)

// LimitError is a response over one of the Limits: the client skipped it
// (the session stays in sync) and returns it inside a *ProtocolError.
type LimitError = wire.LimitError

// CommandBudget returns the memory budget of one command: what
// Options.MaxCommandMemory set, or DefaultCommandMemory.
func (c *Client) CommandBudget() int64 { return c.budget }

// Memory held for one command is bounded: a budget, not a hope. Untagged
// data is handled as it arrives. apply folds it into the session state
// first (EXISTS into Mailbox, CAPABILITY into Caps, ...); then the command
// in flight keeps in its Result only what it needs:
//
//   - EXISTS and RECENT collapse: the Result holds the last of each, in
//     the place of the first (the mailbox state has it too);
//   - the command's answer (LIST for LIST, FETCH for FETCH, ...; for a
//     command the client does not know, everything) is kept;
//   - anything else is unsolicited (untagged OK and ALERT, EXPUNGE during
//     NOOP, a FETCH nobody asked for): the first MaxUnsolicited of each
//     kind are kept, the rest counted;
//   - body sections of a FETCH that no command in flight asked for are
//     not held at all: their bytes are read, counted and discarded;
//   - all that is kept fits the command's budget (Options.MaxCommandMemory,
//     64 MiB by default), as estimated by the decoder (wire.Limits); a
//     response that would not fit is not even built: the decoder stops
//     holding it (LimitNext) and skips the rest.
//
// What is not kept is counted in Result.Dropped, by kind and reason, and
// the client goes on reading to the tagged answer, so the session stays in
// sync. Commands that stream (FetchOptions.Each, IDLE) keep nothing and
// are bound by the per-response limits alone.

const (
	// DefaultCommandMemory is the budget of a command when
	// Options.MaxCommandMemory is 0.
	DefaultCommandMemory = 64 << 20
	// MaxUnsolicited is how many unsolicited responses of one kind a
	// command keeps: enough to show what a NOOP brought, few enough that a
	// flood of ALERTs costs about a megabyte.
	MaxUnsolicited = 1000
	// responseOverhead is added to the decoder's count of a response for
	// the structures around its values (a FetchData is about 200 bytes).
	responseOverhead = 256
)

// answers are the untagged responses each command asks for, by name as
// sent. EXISTS, RECENT and untagged status responses are nobody's answer.
var answers = map[string][]string{
	"CAPABILITY": {"CAPABILITY"}, "LOGIN": {"CAPABILITY"}, "AUTHENTICATE": {"CAPABILITY"},
	"NOOP": nil, "CHECK": nil, "LOGOUT": nil, "IDLE": nil, "STARTTLS": nil, "COMPRESS": nil,
	"CLOSE": nil, "UNSELECT": nil, "PROXYAUTH": nil,
	"ENABLE": {"ENABLED"}, "ID": {"ID"}, "NAMESPACE": {"NAMESPACE"},
	"SELECT":  {"FLAGS", "LIST", "FETCH", "VANISHED"},
	"EXAMINE": {"FLAGS", "LIST", "FETCH", "VANISHED"},
	"CREATE":  nil, "DELETE": nil, "RENAME": nil, "SUBSCRIBE": nil, "UNSUBSCRIBE": nil, "APPEND": nil,
	"LIST": {"LIST", "STATUS"}, "LSUB": {"LSUB"}, "XLIST": {"XLIST"}, "STATUS": {"STATUS"},
	"EXPUNGE": {"EXPUNGE", "VANISHED"}, "UID EXPUNGE": {"EXPUNGE", "VANISHED"},
	"SEARCH": {"SEARCH", "ESEARCH"}, "UID SEARCH": {"SEARCH", "ESEARCH"},
	"SORT": {"SORT", "ESEARCH"}, "UID SORT": {"SORT", "ESEARCH"},
	"THREAD": {"THREAD"}, "UID THREAD": {"THREAD"},
	"FETCH": {"FETCH", "VANISHED"}, "UID FETCH": {"FETCH", "VANISHED"}, "PARTIAL": {"FETCH"},
	"STORE": {"FETCH", "VANISHED"}, "UID STORE": {"FETCH", "VANISHED"},
	"COPY": nil, "UID COPY": nil, "MOVE": {"EXPUNGE", "VANISHED"}, "UID MOVE": {"EXPUNGE", "VANISHED"},
	"GETACL": {"ACL"}, "SETACL": nil, "DELETEACL": nil, "LISTRIGHTS": {"LISTRIGHTS"}, "MYRIGHTS": {"MYRIGHTS"},
	"GETQUOTA": {"QUOTA"}, "GETQUOTAROOT": {"QUOTAROOT", "QUOTA"}, "SETQUOTA": {"QUOTA"},
	"GETMETADATA": {"METADATA"}, "SETMETADATA": nil, "GETANNOTATION": {"ANNOTATION"}, "SETANNOTATION": nil,
}

// bodyCommands are those whose answer may carry body sections.
var bodyCommands = setOf("FETCH", "UID FETCH", "PARTIAL")

// keeper is what a command in flight has kept of its untagged data.
type keeper struct {
	answers []string       // the kinds it asks for
	all     bool           // a command the client does not know: all kinds
	bodies  bool           // it may be answered with body sections
	bytes   int64          // estimated memory kept
	counts  map[string]int // unsolicited responses kept, by kind
	exists  int            // 1 + index in Responses of the kept EXISTS, or 0
	recent  int            // likewise for RECENT
}

// newKeeper returns the keeping rules of the command name (as sent).
func newKeeper(name string) keeper {
	upper := strings.ToUpper(name)
	kinds, known := answers[upper]
	return keeper{answers: kinds, all: !known, bodies: !known || bodyCommands[upper]}
}

// asks reports whether kind is part of the command's answer.
func (k *keeper) asks(kind string) bool {
	switch kind {
	case "OK", "NO", "BAD", "BYE", "PREAUTH", "MALFORMED":
		return false
	}
	if k.all {
		return true
	}
	for _, a := range k.answers {
		if a == kind {
			return true
		}
	}
	return false
}

// keep decides whether p's Result keeps resp, whose estimated size is
// size, within budget; it reports whether resp is kept, in its own place
// or as the new value of a collapsed EXISTS or RECENT.
func (p *pending) keep(resp Response, size, budget int64) bool {
	r, k, kind := p.result, &p.kept, resp.Kind()
	if slot := k.collapsed(kind); slot != nil && *slot > 0 {
		r.Responses[*slot-1] = resp
		r.noteDropped(kind, DropCollapsed, 1, 0)
		return true
	}
	solicited := k.asks(kind)
	switch {
	case !solicited && k.counts[kind] >= MaxUnsolicited:
		r.noteDropped(kind, DropUnsolicited, 1, size)
		return false
	case k.bytes+size > budget:
		r.noteDropped(kind, DropBudget, 1, size)
		return false
	}
	k.bytes += size
	if !solicited {
		if k.counts == nil {
			k.counts = map[string]int{}
		}
		k.counts[kind]++
	}
	r.Responses = append(r.Responses, resp)
	if slot := k.collapsed(kind); slot != nil {
		*slot = len(r.Responses)
	}
	return true
}

// collapsed returns the slot of a kind that collapses (EXISTS, RECENT).
func (k *keeper) collapsed(kind string) *int {
	switch kind {
	case "EXISTS":
		return &k.exists
	case "RECENT":
		return &k.recent
	}
	return nil
}

// room is how many bytes the response read next may hold (for
// wire.Decoder.LimitNext): what is left of the budget of the command it
// goes to, or -1 when that command streams or keeps nothing.
func (c *Client) room() int64 {
	head := c.oldest()
	if head == nil || head.cmd.each != nil || head.ctx.Err() != nil {
		return -1
	}
	return max(0, c.budget-head.kept.bytes)
}

// dropOverBudget counts a response the decoder stopped holding because it
// did not fit what was left of the budget (resp is what was parsed of it).
func (c *Client) dropOverBudget(resp Response) {
	head := c.oldest()
	if head == nil {
		return
	}
	kind := "RESPONSE"
	if resp != nil {
		kind = resp.Kind()
	}
	head.result.noteDropped(kind, DropBudget, 1, c.dec.ResponseBytes())
}

// bodiesWanted reports whether a command in flight may be answered with
// body sections; if none is, the sections of a FETCH are discarded.
func (c *Client) bodiesWanted() bool {
	for _, p := range c.queue {
		if !p.done && p.kept.bodies {
			return true
		}
	}
	return false
}

// bodyDiscard is the sink of body sections nobody asked for: it counts
// them and their bytes for the response being read.
type bodyDiscard struct {
	sections int
	bytes    int64
}

// Write implements io.Writer.
func (b *bodyDiscard) Write(p []byte) (int, error) {
	b.bytes += int64(len(p))
	return len(p), nil
}

// discardSection is a SectionSink that sends everything to c.discard.
func (c *Client) discardSection(uint32, string, int64) interface{ Write([]byte) (int, error) } {
	c.discard.sections++
	return &c.discard
}

// markDiscarded flags the sections of resp that went to c.discard, and
// notes them in the Result of the command in flight.
func (c *Client) markDiscarded(resp Response) {
	f, ok := resp.(*FetchData)
	if !ok || c.discard.sections == 0 {
		return
	}
	for i := range f.Sections {
		if s := &f.Sections[i]; s.Data == nil && !s.Nil {
			s.Dropped = true
		}
	}
	if head := c.oldest(); head != nil {
		head.result.noteDropped("FETCH", DropBodyData, c.discard.sections, c.discard.bytes)
	}
}
