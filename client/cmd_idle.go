package client

import (
	"compress/flate"
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"imapsh/client/internal/wire"
)

// DefaultIdleRenewal is how long one IDLE command lasts before Idle ends
// it and sends it again: RFC 2177 section 3 lets a server log out a client
// idle for 30 minutes and advises re-issuing IDLE at least every 29.
const DefaultIdleRenewal = 29 * time.Minute

// Idle waits for server updates (RFC 2177 IDLE; imaplib idle), calling
// update for each untagged response as it arrives, until ctx is done;
// then it sends DONE and reads the tagged answer, which it returns. Every
// Options.IdleRenewal (29 minutes) it ends the IDLE with DONE and sends a
// new one, so the server's inactivity timeout never fires. No command
// timeout applies while idling.
func (c *Client) Idle(ctx context.Context, update func(Response)) (*Result, error) {
	for {
		round, cancel := context.WithTimeout(ctx, c.opts.IdleRenewal)
		res, err := c.idleOnce(round, update)
		cancel()
		if err != nil || ctx.Err() != nil {
			return res, err
		}
	}
}

// idleOnce runs one IDLE command until ctx is done.
func (c *Client) idleOnce(ctx context.Context, update func(Response)) (*Result, error) {
	if err := c.check("IDLE", Needs.Idle, ""); err != nil {
		return nil, err
	}
	cmd := &command{name: "IDLE", each: func(r Response) bool { update(r); return true }}
	p, err := c.send(context.Background(), cmd)
	if err != nil {
		return nil, err
	}
	c.deadline(c.opts.CommandTimeout)
	if err := c.awaitContinuation(p); err != nil || p.done {
		return p.result, errors.Join(err, p.result.Err())
	}
	c.deadline(0)
	stop := context.AfterFunc(ctx, c.sendDone)
	defer stop()
	for !p.done {
		resp, err := c.readNext()
		if err != nil {
			return p.result, err
		}
		c.dispatch(resp)
	}
	c.deadline(0)
	return p.result, p.result.Err()
}

// sendDone ends IDLE from the goroutine that watches the context, while
// the command's goroutine keeps reading until the tagged answer.
func (c *Client) sendDone() {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.trace.clientLine("", "", TracePart{Text: []byte("DONE")})
	c.bw.WriteString("DONE\r\n")
	c.bw.Flush()
	if c.flusher != nil {
		c.flusher.Flush()
	}
	c.deadline(c.opts.CommandTimeout)
}

// Compress turns on COMPRESS=DEFLATE (RFC 4978) for the rest of the
// session. Traces keep showing the uncompressed protocol.
func (c *Client) Compress(ctx context.Context) (*Result, error) {
	res, err := c.run(ctx, "COMPRESS", Needs.Compress, "", func(a *wire.Command) { a.Atom("DEFLATE") })
	if err != nil {
		return res, err
	}
	buffered, _ := c.br.Peek(c.br.Buffered())
	src := io.MultiReader(strings.NewReader(string(buffered)), c.rd)
	fw, _ := flate.NewWriter(c.wr, flate.DefaultCompression)
	c.setStreams(flate.NewReader(src), fw, fw)
	c.compressed = true
	return res, nil
}
