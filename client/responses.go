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
		c.warned = c.warned[:0]
		return
	case head.cmd.each != nil && head.cmd.each(resp):
	case head.ctx.Err() != nil: // cancelled: drain without keeping data
		c.warned = c.warned[:0]
		return
	case head.keep(resp, c.respSize, c.budget):
		c.stored.add(resp, c.respSize)
	}
	c.flag(head, c.warned)
}

// flag records the warnings of the response just read (see
// wire.Decoder.Warn) in p's result, after the response they concern, kept
// like unsolicited data; the first becomes the command's protocol error.
func (c *Client) flag(p *pending, warned []error) {
	for _, w := range warned {
		perr := &ProtocolError{Err: w}
		if p.perr == nil {
			p.perr = perr
		}
		p.keep(&MalformedData{Err: perr, Kept: true}, responseOverhead+int64(len(perr.Error())), c.budget)
	}
	c.warned = c.warned[:0]
}

// complete ends the command whose tag the status carries. A tag that no
// command in flight carries is kept for Responses and flagged on the
// oldest command, so that its text reaches the user: a server that
// answered with garbage before closing (HubSpot/NioImapClient #94) is
// not left unexplained.
func (c *Client) complete(st *StatusResponse) {
	for i, p := range c.queue {
		if p.result.Tag == st.Tag {
			c.flag(p, c.warned)
			p.result.Status, p.done = st, true
			p.result.Elapsed = time.Since(p.start)
			c.queue = append(c.queue[:i:i], c.queue[i+1:]...)
			if st.Code != nil {
				c.applyCode(st.Code)
				c.recordAlert(st, p.cmd.name)
			}
			return
		}
	}
	c.stored.add(st, c.respSize)
	if head := c.oldest(); head != nil {
		c.warned = append(c.warned, &UnknownTagError{Response: st})
		c.flag(head, c.warned)
		c.shortenWait(st.line())
	}
}

// UnknownTagError is a tagged response whose tag no command in flight
// carries; the response is kept (Client.Responses) and shown.
type UnknownTagError struct{ Response *StatusResponse }

// Error shows the tag and the response as it was sent.
func (e *UnknownTagError) Error() string {
	return fmt.Sprintf("a response with tag %q, which no command in flight carries: %s", e.Response.Tag, e.Response.line())
}

// line shows a status response about as it was sent: tag, status, code
// and text, or the words after the tag when they were no status.
func (r *StatusResponse) line() string {
	if r.notStatus != "" {
		return r.Tag + " " + r.notStatus
	}
	code := ""
	if r.Code != nil {
		code = "[" + r.Code.Name + "] "
	}
	return strings.TrimSpace(r.Tag + " " + r.Status + " " + code + r.Text)
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
	p := parser{d: c.dec, sink: c.currentSink(), utf8: c.UTF8Names()}
	resp, _ := p.readResponse()
	err := c.dec.End()
	c.warned = c.warned[:0]
	if err == nil && resp == nil {
		err = &wire.SyntaxError{Offset: c.dec.Offset(), Expected: "a response", Got: "nothing"}
	}
	c.respSize = c.dec.Held() + responseOverhead
	if err != nil {
		return nil, c.skipResponse(resp, err)
	}
	c.warned = append(c.warned, c.dec.Warnings()...)
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

// MalformedData marks where a malformed response was skipped, or (Kept)
// where a response that was kept had a part that does not follow the
// grammar, such as a number out of range for its field: the command went
// on to its tagged completion and returns this error as well.
type MalformedData struct {
	Err  *ProtocolError
	Kept bool // the response was kept; Err says what was left out
}

// Kind implements Response.
func (*MalformedData) Kind() string { return "MALFORMED" }
