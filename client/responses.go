package client

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"imapsh/client/internal/wire"
)

// oldest returns the oldest command still waiting for its completion.
func (c *Client) oldest() *pending {
	for _, p := range c.queue {
		if !p.done {
			return p
		}
	}
	return nil
}

// dispatch applies a response to the session state and hands it to the
// command it belongs to: a tagged status to its command, untagged data to
// the oldest command in flight, which keeps it or not (keep.go), and to
// the stored responses.
func (c *Client) dispatch(resp Response) {
	if st, ok := resp.(*StatusResponse); ok && st.Tag != "" {
		c.complete(st)
		return
	}
	c.apply(resp)
	c.markDiscarded(resp)
	head := c.oldest()
	switch {
	case head == nil:
		c.stored.add(resp, c.respSize)
	case head.cmd.each != nil && head.cmd.each(resp):
	case head.ctx.Err() != nil: // cancelled: drain without keeping data
	case head.keep(resp, c.respSize, c.budget):
		c.stored.add(resp, c.respSize)
	}
}

// complete ends the command whose tag the status carries.
func (c *Client) complete(st *StatusResponse) {
	for i, p := range c.queue {
		if p.result.Tag == st.Tag {
			p.result.Status, p.done = st, true
			p.result.Elapsed = time.Since(p.start)
			c.queue = append(c.queue[:i:i], c.queue[i+1:]...)
			if st.Code != nil {
				c.applyCode(st.Code)
			}
			return
		}
	}
	c.stored.add(st, c.respSize) // a tag we did not send: keep it visible
}

// readNext reads the next well-formed response: a malformed one is
// recorded in the oldest command's Result (as *MalformedData) and skipped,
// since readOne has already put the stream back in sync.
func (c *Client) readNext() (Response, error) {
	for {
		resp, err := c.readOne()
		if err == errDropped {
			continue
		}
		if err != nil && !c.closed.Load() {
			if perr := (*ProtocolError)(nil); errors.As(err, &perr) { // declared here: no allocation per response
				c.recordProtocolError(perr)
				continue
			}
		}
		return resp, err
	}
}

// readOne reads and parses one response. A malformed response is skipped
// (the stream stays in sync) and reported as *ProtocolError; a transport
// error closes the connection.
func (c *Client) readOne() (Response, error) {
	if c.closed.Load() {
		return nil, ErrClosed
	}
	c.dec.LimitNext(c.room())
	if err := c.dec.Begin(); err != nil {
		if !isTransport(err) { // an over-long line: skipped, but close to be safe
			err = &ProtocolError{Err: err}
		}
		return nil, c.fatal(err)
	}
	c.discard = bodyDiscard{}
	p := parser{d: c.dec, sink: c.currentSink()}
	resp, _ := p.readResponse()
	err := c.dec.End()
	if err == nil && resp == nil {
		err = &wire.SyntaxError{Offset: c.dec.Offset(), Expected: "a response", Got: "nothing"}
	}
	c.respSize = c.dec.Held() + responseOverhead
	if err != nil {
		return nil, c.skipResponse(resp, err)
	}
	return resp, nil
}

// errDropped is readOne's answer for a response it skipped because it
// did not fit the budget (it is counted in Result.Dropped).
var errDropped = errors.New("client: response over the budget dropped")

// skipResponse handles a response readOne could not take: it closes the
// connection after a transport error, or skips the rest of the response
// (the stream stays in sync) and returns errDropped for a response over
// the budget and a *ProtocolError for a malformed one.
func (c *Client) skipResponse(resp Response, err error) error {
	if isTransport(err) {
		return c.fatal(err)
	}
	if derr := c.dec.Discard(); derr != nil {
		if errors.Is(derr, wire.ErrUnsyncable) {
			derr = &ProtocolError{Err: derr}
		}
		return c.fatal(derr)
	}
	le := (*wire.LimitError)(nil)
	overBudget := errors.As(err, &le) && le.Budget
	if overBudget {
		c.dropOverBudget(resp)
	}
	c.salvageTag(resp)
	if overBudget {
		return errDropped
	}
	return &ProtocolError{Err: err}
}

// salvageTag completes a command whose tagged line was malformed, so the
// client does not wait forever for it.
func (c *Client) salvageTag(resp Response) {
	if st, ok := resp.(*StatusResponse); ok && st.Tag != "" {
		st.Status = strings.ToUpper(st.Status)
		if st.Status != "OK" && st.Status != "NO" && st.Status != "BAD" {
			st.Status = "BAD"
		}
		c.complete(st)
	}
}

// currentSink is where the body sections of the response read next go:
// the sink of the command in flight, or c.discardTo when no command in
// flight asked for body data.
func (c *Client) currentSink() SectionSink {
	if !c.bodiesWanted() {
		return c.discardTo
	}
	if head := c.oldest(); head != nil {
		return head.cmd.sink
	}
	return nil
}

func isTransport(err error) bool {
	var se *wire.SyntaxError
	var le *wire.LimitError
	return !errors.As(err, &se) && !errors.As(err, &le)
}

// fatal closes the connection after a transport error; EOF after BYE is
// ErrBye.
func (c *Client) fatal(err error) error {
	if c.closed.CompareAndSwap(false, true) {
		c.raw.Close()
	}
	var ne net.Error
	switch {
	case errors.Is(err, io.EOF) && c.state == StateLogout:
		return ErrBye
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: %v", ErrClosed, err)
	case errors.Is(err, net.ErrClosed): // Close ran on another goroutine
		return ErrClosed
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("client: timed out waiting for the server: %w", err)
	}
	return err
}

// recordProtocolError notes a malformed response in the Result of the
// command in flight (kept like unsolicited data), whose first one it
// returns as its error.
func (c *Client) recordProtocolError(perr *ProtocolError) {
	head := c.oldest()
	if head == nil {
		return
	}
	if head.perr == nil {
		head.perr = perr
	}
	head.keep(&MalformedData{Err: perr}, responseOverhead+int64(len(perr.Error())), c.budget)
}

func (c *Client) protocolErrorOf(p *pending) error {
	if p.perr != nil {
		return p.perr
	}
	return nil
}

// MalformedData marks where a malformed response was skipped: the command
// went on to its tagged completion and returns this error as well.
type MalformedData struct{ Err *ProtocolError }

// Kind implements Response.
func (*MalformedData) Kind() string { return "MALFORMED" }
