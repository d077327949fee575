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
// the oldest command in flight (or to the stored responses).
func (c *Client) dispatch(resp Response) {
	if st, ok := resp.(*StatusResponse); ok && st.Tag != "" {
		c.complete(st)
		return
	}
	c.apply(resp)
	c.store(resp)
	head := c.oldest()
	if head == nil {
		return
	}
	if head.cmd.each != nil && head.cmd.each(resp) {
		return
	}
	if head.ctx.Err() != nil {
		return // cancelled: drain without keeping data
	}
	head.result.Responses = append(head.result.Responses, resp)
}

// maxStored bounds the untagged responses kept for Responses.
const maxStored = 10000

// store keeps an untagged response for Responses, dropping the oldest
// beyond maxStored; FETCH data streamed through a callback is not kept.
func (c *Client) store(resp Response) {
	if head := c.oldest(); head != nil && head.cmd.each != nil {
		return
	}
	if len(c.stored) >= maxStored {
		c.stored = append(c.stored[:0], c.stored[len(c.stored)-maxStored/2:]...)
	}
	c.stored = append(c.stored, resp)
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
	c.stored = append(c.stored, st) // a tag we did not send: keep it visible
}

// readNext reads the next well-formed response: a malformed one is
// recorded in the oldest command's Result (as *MalformedData) and skipped,
// since readOne has already put the stream back in sync.
func (c *Client) readNext() (Response, error) {
	for {
		resp, err := c.readOne()
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
	if err := c.dec.Begin(); err != nil {
		if !isTransport(err) { // an over-long line: skipped, but close to be safe
			err = &ProtocolError{Err: err}
		}
		return nil, c.fatal(err)
	}
	p := parser{d: c.dec, sink: c.currentSink(), utf8: c.UTF8Names()}
	resp, _ := p.readResponse()
	err := c.dec.End()
	if err == nil && resp == nil {
		err = &wire.SyntaxError{Offset: c.dec.Offset(), Expected: "a response", Got: "nothing"}
	}
	if err != nil {
		if isTransport(err) {
			return nil, c.fatal(err)
		}
		if derr := c.dec.Discard(); derr != nil {
			if errors.Is(derr, wire.ErrUnsyncable) {
				derr = &ProtocolError{Err: derr}
			}
			return nil, c.fatal(derr)
		}
		c.salvageTag(resp)
		return nil, &ProtocolError{Err: err}
	}
	return resp, nil
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

func (c *Client) currentSink() SectionSink {
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

func (c *Client) recordProtocolError(perr *ProtocolError) {
	if head := c.oldest(); head != nil {
		head.result.Responses = append(head.result.Responses, &MalformedData{Err: perr})
	}
}

func (c *Client) protocolErrorOf(p *pending) error {
	for _, r := range p.result.Responses {
		if m, ok := r.(*MalformedData); ok {
			return m.Err
		}
	}
	return nil
}

// MalformedData marks where a malformed response was skipped: the command
// went on to its tagged completion and returns this error as well.
type MalformedData struct{ Err *ProtocolError }

// Kind implements Response.
func (*MalformedData) Kind() string { return "MALFORMED" }
