package client

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"imapsh/client/internal/wire"
)

// command is one IMAP command ready to be sent.
type command struct {
	name string        // "UID FETCH", as sent after the tag
	args *wire.Command // arguments after the name, or nil
	// sink streams FETCH body sections (see SectionSink).
	sink SectionSink
	// each, when set, sees every untagged response first; returning true
	// means it consumed the response and the Result does not keep it.
	each func(Response) bool
	// onContinue answers continuation requests (AUTHENTICATE); it returns
	// the line to send (without CRLF) and whether it is secret.
	onContinue func(text string) (line []byte, err error)
}

// pending is a command that has been sent and awaits its tagged response.
type pending struct {
	cmd    *command
	result *Result
	start  time.Time
	done   bool
	ctx    context.Context
	kept   keeper         // what its Result keeps (keep.go)
	perr   *ProtocolError // the first malformed response it got
}

// Execute sends a command and reads every response up to its tagged
// completion. NO and BAD come back as a Result whose Err is an *Error.
func (c *Client) execute(ctx context.Context, cmd *command) (*Result, error) {
	if c.deferred != nil {
		return c.deferCommand(ctx, cmd) // pipeline.go
	}
	p, err := c.send(ctx, cmd)
	if err != nil {
		if p != nil && p.done {
			if rerr := p.result.Err(); rerr != nil {
				return p.result, rerr
			}
			return p.result, err
		}
		return nil, err
	}
	return c.wait(p)
}

// nextTag returns A1, A2, ...: deterministic, so transcripts are stable.
func (c *Client) nextTag() string {
	c.tagNum++
	return "A" + strconv.Itoa(c.tagNum)
}

// send writes a command, handling synchronizing literals, and queues it,
// after the answers RFC 9051 section 5.5 makes it wait for (settle).
func (c *Client) send(ctx context.Context, cmd *command) (*pending, error) {
	if c.closed.Load() {
		return nil, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !wire.SafeCommandName(cmd.name) {
		return nil, fmt.Errorf("client: command name %q: %w", cmd.name, wire.ErrUnsafeArgument)
	}
	if cmd.args != nil && cmd.args.Err() != nil {
		return nil, fmt.Errorf("client: %s: %w", cmd.name, cmd.args.Err())
	}
	if err := c.settle(cmd); err != nil {
		return nil, err
	}
	tag := c.nextTag()
	p := &pending{cmd: cmd, ctx: ctx, start: time.Now(), result: &Result{Command: cmd.name, Tag: tag}, kept: newKeeper(cmd.name)}
	c.queue = append(c.queue, p)
	c.deadline(c.opts.CommandTimeout)
	if err := c.writeCommand(p, tag); err != nil {
		return p, err
	}
	return p, nil
}

// writeCommand writes tag, name and parts; a synchronizing literal waits
// for the server's "+" (or an early tagged NO, which ends the command).
func (c *Client) writeCommand(p *pending, tag string) error {
	line := []byte(tag + " " + p.cmd.name)
	tr := c.traceStart(tag, p.cmd.name, line)
	var parts []wire.Part
	if p.cmd.args != nil {
		parts = p.cmd.args.Parts
		if len(parts) > 0 {
			line = append(line, ' ')
			tr.add([]byte(" "), false)
		}
	}
	for _, part := range parts {
		if part.Literal == nil {
			line = append(line, part.Text...)
			tr.add(part.Text, part.Secret)
			continue
		}
		var err error
		if line, err = c.writeLiteral(p, line, tr, part); err != nil {
			return err
		}
		tr = c.traceStart("", "", nil)
	}
	return c.writeLine(line, tr)
}

// tracedLine collects the parts of a client line for its trace event;
// nil when tracing is off.
type tracedLine struct {
	tag, name string
	parts     []TracePart
}

// traceStart begins the trace of a line: the one that starts a command
// has its tag and name.
func (c *Client) traceStart(tag, name string, text []byte) *tracedLine {
	if !c.trace.enabled() {
		return nil
	}
	tr := &tracedLine{tag: tag, name: name}
	tr.add(text, false)
	return tr
}

// add appends a part; a secret one keeps no bytes.
func (tr *tracedLine) add(text []byte, secret bool) {
	switch {
	case tr == nil, len(text) == 0 && !secret:
	case secret:
		tr.parts = append(tr.parts, TracePart{Secret: true})
	default:
		tr.parts = append(tr.parts, TracePart{Text: text})
	}
}

// writeLine writes line + CRLF, traces it, and flushes.
func (c *Client) writeLine(line []byte, tr *tracedLine) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if tr != nil {
		c.trace.clientLine(tr.tag, tr.name, tr.parts...)
	}
	c.bw.Write(line)
	c.bw.WriteString("\r\n")
	return c.flush()
}

func (c *Client) flush() error {
	if err := c.bw.Flush(); err != nil {
		return c.fatal(err)
	}
	if c.flusher != nil {
		if err := c.flusher.Flush(); err != nil {
			return c.fatal(err)
		}
	}
	return nil
}

// writeLiteral sends the line so far with a literal header, waits for
// the continuation unless LITERAL+ applies, then streams the data.
func (c *Client) writeLiteral(p *pending, line []byte, tr *tracedLine, part wire.Part) ([]byte, error) {
	plus := c.literalPlus(part)
	header := "{" + strconv.FormatInt(part.Size, 10)
	if part.Binary {
		header = "~" + header
	}
	if plus {
		header += "+"
	}
	header += "}"
	line = append(line, header...)
	tr.add([]byte(header), false)
	if err := c.writeLine(line, tr); err != nil {
		return nil, err
	}
	if !plus {
		if err := c.awaitContinuation(p); err != nil {
			return nil, err
		}
		if p.done { // an OK where the "+" belongs: the command is over
			return nil, &ProtocolError{Err: &wire.SyntaxError{Offset: c.dec.Offset(),
				Expected: `a continuation request ("+") for the literal`, Got: "the tagged answer; the literal was not sent"}}
		}
	}
	if err := c.copyLiteral(part); err != nil {
		return nil, err
	}
	return nil, nil
}

// literalPlus reports whether a literal goes without waiting for the
// server's continuation (RFC 7888 LITERAL+, or LITERAL- up to 4096 bytes),
// unless the part asks to wait.
func (c *Client) literalPlus(part wire.Part) bool {
	if part.Sync {
		return false
	}
	return c.HasCap("LITERAL+") || (c.HasCap("LITERAL-") && part.Size <= 4096)
}

// copyLiteral streams a literal's bytes and traces them (secret ones as
// ***, large ones as a size marker).
func (c *Client) copyLiteral(part wire.Part) error {
	var traced []byte
	src := &sourceReader{r: part.Literal}
	if c.trace.enabled() && !part.Secret && part.Size <= 64<<10 {
		data, err := io.ReadAll(io.LimitReader(src, part.Size))
		if err != nil {
			return c.literalFailed(src, err, int64(len(data)), part.Size) // literal_source.go
		}
		traced = data
		src = &sourceReader{r: strings.NewReader(string(data))}
	}
	c.wmu.Lock()
	n, err := io.CopyN(c.bw, src, part.Size)
	c.wmu.Unlock()
	if err != nil { // announced bytes cannot be taken back: the connection ends
		return c.literalFailed(src, err, n, part.Size)
	}
	c.trace.clientLiteral(traced, part.Size, part.Secret)
	return nil
}

// awaitContinuation reads responses until the server's "+".
func (c *Client) awaitContinuation(p *pending) error {
	if err := c.flush(); err != nil {
		return err
	}
	for {
		resp, err := c.readNext()
		if err != nil {
			return err
		}
		if _, ok := resp.(*ContinuationData); ok {
			return nil
		}
		c.dispatch(resp)
		if p.done {
			return p.result.Err()
		}
	}
}

// wait reads responses until p's tagged completion. The command timeout
// counts from the last response, give or take 1/deadlineSlack of it (see
// rearm). A command whose context ends (Ctrl-C) is still read to its
// tagged answer, its data drained without being kept: IMAP has no way to
// cancel a command (RFC 9051 section 5.5), and only the tagged answer
// keeps the connection in sync. Giving up sooner is the caller's choice
// (Close), not the client's: a slow SEARCH of 100,000 messages may take
// many seconds and still answer.
func (c *Client) wait(p *pending) (*Result, error) {
	defer c.deadline(0)
	defer func() { c.lastWord = "" }()
	var armed time.Time
	for !p.done {
		armed = c.rearm(armed)
		resp, err := c.readNext()
		if err != nil {
			return p.result, c.lastWordError(err)
		}
		if c.lastWord != "" { // more came: the normal timeout again
			c.lastWord, armed = "", time.Time{}
		}
		if cont, ok := resp.(*ContinuationData); ok {
			if err := c.continueCommand(p, cont); err != nil {
				return p.result, err
			}
			continue
		}
		c.dispatch(resp)
		c.noteLastWord(resp)
	}
	if err := c.protocolErrorOf(p); err != nil {
		return p.result, err
	}
	return p.result, p.result.Err()
}

// lastWordGrace is how long the client waits after a server's last word
// (lastword.go) before it closes the connection.
var lastWordGrace = 5 * time.Second

// deadlineSlack bounds how far the deadline may lag: it is pushed back only
// once 1/deadlineSlack of the command timeout has passed since it was last
// set, so it fires between 15/16 and 16/16 of the timeout after the last
// response. Setting it for every response costs ~150 ns (a timer update
// under the poller's lock, plus the clock read), about a tenth of the CPU
// of parsing a FETCH ENVELOPE line; checking the monotonic clock is ~30 ns.
const deadlineSlack = 16

// rearm pushes the command deadline back to a full CommandTimeout from now
// unless it was set (at armed) less than 1/deadlineSlack of it ago; it
// returns when the deadline was last set. A zero armed always sets it.
func (c *Client) rearm(armed time.Time) time.Time {
	timeout := c.opts.CommandTimeout
	if c.dl == nil || c.lastWord != "" { // no deadline to set, or a shorter one
		return armed
	}
	if !armed.IsZero() && time.Since(armed) < timeout/deadlineSlack {
		return armed
	}
	now := time.Now()
	c.deadline(timeout)
	return now
}

// continueCommand answers a continuation request for the oldest command.
func (c *Client) continueCommand(p *pending, cont *ContinuationData) error {
	head := c.oldest()
	if head == nil || head.cmd.onContinue == nil {
		return c.fatal(&ProtocolError{Err: &wire.SyntaxError{Offset: c.dec.Offset(), Expected: "a response", Got: "unexpected continuation request"}})
	}
	line, err := head.cmd.onContinue(cont.Text)
	if err != nil {
		return err
	}
	return c.writeLine(line, &tracedLine{parts: []TracePart{{Secret: true}}})
}
