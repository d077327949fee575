package probe

import (
	"context"
	"fmt"

	"imapsh/client"
)

// noopLiteral is what every literal the probe sends holds: two NOOPs with
// tags the client never uses (PROBEn), harmless if a server runs them
// (detectLiteralAfterRefusal) and plain to see in the evidence when one
// does. The command's own CRLF ends the second line, so a server that
// runs them sees no empty line. Sent as a quoted string through Xatom,
// the line break makes it a literal.
func noopLiteral(n int) string { return fmt.Sprintf("PROBE%d NOOP\r\nPROBE%d NOOP", n, n+1) }

// checkLiteral sends a search string with a line break, which goes as a
// non-synchronizing literal ({n+}, RFC 7888), then a command the server
// must refuse that carries such a literal, then NOOP: a server that runs
// the literal as a command answers PROBE1 (detect_wire.go).
func checkLiteral(ctx context.Context, r *run) error {
	ext := "LITERAL+"
	if ok, _ := r.facts.announced(ext); !ok {
		ext = "LITERAL-"
	}
	if r.conn.Wire == nil {
		return skipError("the exchange cannot be observed on this connection (no wire tap)")
	}
	lit := noopLiteral(1)
	st := r.step(ctx, stepSpec{kind: "literal", ext: ext, label: fmt.Sprintf("SEARCH SUBJECT {%d+} (a string with a line break)", len(lit)),
		rfc: "RFC 7888 3", must: "send synchronizing literals ({n}) to this server"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Xatom(ctx, "SEARCH", "SUBJECT \""+lit+"\"")
		})
	if err := stopped(st); err != nil {
		return err
	}
	lit = noopLiteral(3)
	st = r.step(ctx, stepSpec{kind: "literal-refused", ext: ext, expect: expectRefusal,
		label: fmt.Sprintf("STATUS INBOX (MESSAGES X-IMAPSH-PROBE) {%d+} with %q (must be refused; the literal must not run)", len(lit), lit)},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Xatom(ctx, "STATUS", "INBOX (MESSAGES X-IMAPSH-PROBE) \""+lit+"\"")
		})
	if err := stopped(st); err != nil {
		return err
	}
	st = r.step(ctx, stepSpec{kind: "noop-after-literal", label: "NOOP (after the refused command)"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Noop(ctx) })
	return stopped(st)
}

// compressLoad is what runs over the compressed connection: enough data
// for the ratio to mean something.
var compressLoad = []struct {
	label string
	do    call
}{
	{`LIST "" "%"`, func(ctx context.Context, c *client.Client) (*client.Result, error) {
		return c.List(ctx, "", "%", client.ListOptions{})
	}},
	{"EXAMINE INBOX", func(ctx context.Context, c *client.Client) (*client.Result, error) {
		return c.Select(ctx, "INBOX", client.SelectOptions{ReadOnly: true})
	}},
	{"FETCH 1:20 (FLAGS ENVELOPE)", func(ctx context.Context, c *client.Client) (*client.Result, error) {
		if m := c.Mailbox(); m == nil || m.Exists == 0 {
			return c.Noop(ctx)
		}
		return c.Fetch(ctx, fmt.Sprintf("1:%d", min(20, c.Mailbox().Exists)), "(FLAGS ENVELOPE)", client.FetchOptions{})
	}},
}

// checkCompress turns COMPRESS=DEFLATE on over a connection of its own
// (it cannot be turned off), runs a little traffic and notes the ratio of
// IMAP bytes to bytes on the wire.
func checkCompress(ctx context.Context, r *run) error {
	conn, err := r.dial(ctx)
	if err != nil {
		return err
	}
	main := r.conn
	r.conn = conn
	defer func() { r.conn = main; conn.close() }()
	st := r.step(ctx, stepSpec{kind: "compress", ext: "COMPRESS=DEFLATE", label: "COMPRESS DEFLATE", rfc: "RFC 4978 3"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Compress(ctx) })
	if err := stopped(st); err != nil || !st.OK() {
		return err
	}
	wire0, imap := conn.Bytes.total(), 0
	for _, l := range compressLoad {
		ls := r.step(ctx, stepSpec{kind: "compressed", ext: "COMPRESS=DEFLATE", label: l.label + " (compressed)"}, l.do)
		imap += traffic(ls)
		if err := stopped(ls); err != nil {
			return err
		}
	}
	if onWire := conn.Bytes.total() - wire0; onWire > 0 && imap > 0 {
		st.Note = fmt.Sprintf("ratio %.1f: %d bytes of IMAP in %d bytes on the wire (TLS records included)", float64(imap)/float64(onWire), imap, onWire)
	}
	return nil
}

// traffic is the bytes a step's lines stand for, CRLF included.
func traffic(st *Step) int {
	n := 0
	for _, l := range st.Lines {
		n += len(l.Text) + 2
	}
	return n
}
