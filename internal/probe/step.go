package probe

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"imapsh/client"
)

// Step is one exchange of the probe: a command (or the greeting) and what
// came back. Checks make steps; detectors read them. Kind is the contract
// between the two: a detector looks at the steps of the kinds it knows.
type Step struct {
	Check   string // the check that made it
	Kind    string // what it exercises, e.g. "status-unknown-item" (see the check files)
	Ext     string // the capability it exercises; "" for base IMAP
	Label   string // what was done, for evidence without a trace
	Result  *client.Result
	Err     error
	Lines   []Line // the wire of this step (nil without a trace)
	Dropped int    // lines beyond the Recorder's bound
	Elapsed time.Duration
	Closed  bool // the connection was gone after the step

	// What the check expects, for the generic detectors (detect_generic.go).
	Expect   expectation // OK (the default), a refusal, or either
	Wants    []string    // untagged kinds ("ESEARCH") and codes ("[APPENDUID]") an OK must carry
	Expected string      // a value the answer should show (a count, a name), with Got
	Got      string      // what it showed; a detector compares the two
	RFC      string      // the rule Wants and Expected come from
	Must     string      // what a client must do when they are not met
	Note     string      // what the step showed, for the extension's line in the report

	// Context a detector may need, set by the check.
	ReadOnly bool     // the selected mailbox was opened with EXAMINE
	Literal  string   // the non-synchronizing literal extension the client uses: LITERAL+, LITERAL- or ""
	Asked    []string // what was asked for: STATUS items, ENABLE capabilities, FETCH items
	Caps     []string // capabilities after the step (login, CAPABILITY)
}

// expectation is how a step's tagged answer should be.
type expectation int

const (
	expectOK      expectation = iota // a well-formed command the server announced: OK
	expectRefusal                    // a command built to be refused (an unknown item): NO or BAD
	expectEither                     // OK or NO depending on rights (GETQUOTA, SETQUOTA): never BAD
)

// OK reports whether the step got a tagged OK (or, for a call without a
// Result such as STARTTLS or the greeting, succeeded).
func (s *Step) OK() bool { return s.Err == nil && (s.Result == nil || s.Result.OK()) }

// Status is the tagged status word, or "" when none came.
func (s *Step) Status() string {
	if s.Result == nil || s.Result.Status == nil {
		return ""
	}
	return s.Result.Status.Status
}

// lost reports an error that is not the server's NO or BAD: a timeout, a
// closed connection, a protocol error. The check stops there.
func (s *Step) lost() bool {
	if s.Err == nil {
		return false
	}
	var se *client.Error
	return !errors.As(s.Err, &se)
}

// refused reports a local refusal (state or capability): nothing was sent.
func (s *Step) refused() bool {
	var ce *client.CapabilityError
	var st *client.StateError
	return errors.As(s.Err, &ce) || errors.As(s.Err, &st)
}

// stepSpec describes a step before it runs.
type stepSpec struct {
	kind, ext, label string
	asked            []string
	expect           expectation
	wants            []string
	rfc, must        string
}

// call is what a step runs on the client.
type call func(ctx context.Context, c *client.Client) (*client.Result, error)

// step runs one client call as a step of the current check, recording
// its wire lines, and adds it to the exchange.
func (r *run) step(ctx context.Context, spec stepSpec, do call) *Step {
	st := &Step{Check: r.check, Kind: spec.kind, Ext: spec.ext, Label: spec.label, Asked: spec.asked,
		Expect: spec.expect, Wants: spec.wants, RFC: spec.rfc, Must: spec.must}
	c := r.conn.Client
	if m := c.Mailbox(); m != nil {
		st.ReadOnly = m.ReadOnly
	}
	for _, lit := range []string{"LITERAL+", "LITERAL-"} {
		if c.HasCap(lit) && st.Literal == "" {
			st.Literal = lit
		}
	}
	r.record(st, func() (*client.Result, error) { return do(ctx, c) })
	return st
}

// record runs fn with the recorder open and keeps the step.
func (r *run) record(st *Step, fn func() (*client.Result, error)) {
	if r.conn.Wire != nil {
		r.conn.Wire.Begin()
	}
	start := time.Now()
	st.Result, st.Err = fn()
	st.Elapsed = time.Since(start)
	st.Closed = r.conn.Client != nil && r.conn.Client.State() == client.StateLogout
	var pe *client.ProtocolError
	if errors.As(st.Err, &pe) && !strings.Contains(st.Err.Error(), `tag "PROBE`) { // answers to the probe's own literals: detectLiteralAfterRefusal
		r.note(fmt.Sprintf("imapsh could not read part of the answer to %s (%s): a server error or a gap in imapsh's parser", st.Label, errText(st.Err)))
	}
	if r.conn.Wire != nil {
		st.Lines, st.Dropped = r.conn.Wire.End()
	}
	r.steps = append(r.steps, st)
}
