package probe

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"imapsh/client"
)

// ScratchPrefix starts the name of every mailbox the probe creates.
const ScratchPrefix = "imapsh-probe-"

// scratchBase is the name of the first scratch mailbox: the personal
// namespace prefix, imapsh-probe- and the run's suffix.
func (r *run) scratchBase() string {
	if r.opts.Suffix == "" {
		var b [4]byte
		rand.Read(b[:])
		r.opts.Suffix = hex.EncodeToString(b[:])
	}
	return r.facts.prefix + ScratchPrefix + r.opts.Suffix
}

// scratchTarget is the second scratch mailbox, for COPY and MOVE.
func (r *run) scratchTarget() string { return r.scratchBase() + "-to" }

// selectScratch opens the first scratch mailbox read-write, as a step.
func (r *run) selectScratch(ctx context.Context, opts client.SelectOptions) *Step {
	name := r.scratchBase()
	label := "SELECT " + name
	if opts.ReadOnly {
		label = "EXAMINE " + name
	}
	st := r.step(ctx, stepSpec{kind: "select-scratch", label: label}, func(ctx context.Context, c *client.Client) (*client.Result, error) {
		return c.Select(ctx, name, opts)
	})
	r.facts.examined = ""
	return st
}

// probeMessage is a message for APPEND with a numbered subject and pad
// more bytes of text.
func probeMessage(n int, subject string, pad int) []byte {
	if subject == "" {
		subject = fmt.Sprintf("imapsh probe message %d", n)
	}
	lines := []string{
		"Date: Mon, 04 Mar 2024 09:15:00 +0000",
		"From: imapsh probe <probe@imapsh.invalid>",
		"To: imapsh probe <probe@imapsh.invalid>",
		"Subject: " + subject,
		fmt.Sprintf("Message-ID: <probe-%d@imapsh.invalid>", n),
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=utf-8",
		"Content-Transfer-Encoding: 8bit",
		"",
		"This message was appended by imapsh --probe-write to a scratch mailbox",
		"that the probe deletes when it ends. If you can read this, deleting",
		"the mailbox failed: remove it by hand.",
		"",
	}
	for ; pad > 0; pad -= 72 {
		lines = append(lines, strings.Repeat("-", 70))
	}
	return []byte(strings.Join(lines, "\r\n"))
}

// appendMessage is an AppendMessage of probeMessage.
func appendMessage(n int, subject string, pad int) client.AppendMessage {
	body := probeMessage(n, subject, pad)
	return client.AppendMessage{Body: strings.NewReader(string(body)), Size: int64(len(body))}
}

// cleanup deletes the scratch mailboxes, on a new connection if the one
// in use was lost, and reports what is left. It runs even when the probe
// was interrupted, within its own time limit.
func (r *run) cleanup(parent context.Context) {
	if !r.opts.Write || len(r.facts.scratch) == 0 {
		if r.opts.Write {
			r.report.Scratch = &Scratch{Mailboxes: []string{}, LeftBehind: []string{}}
		}
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), 3*r.opts.CheckTimeout)
	defer cancel()
	sc := &Scratch{Mailboxes: append([]string(nil), r.facts.scratch...), LeftBehind: []string{}}
	r.report.Scratch = sc
	if !r.alive() && !r.reconnect(ctx) {
		sc.LeftBehind, sc.Error = sc.Mailboxes, "the connection was lost before the scratch mailboxes could be deleted"
		return
	}
	c := r.conn.Client
	if m := c.Mailbox(); m != nil && strings.HasPrefix(m.Name, r.scratchBase()) {
		r.leaveMailbox(ctx)
	}
	for i := len(sc.Mailboxes) - 1; i >= 0; i-- {
		if res, err := c.Delete(ctx, sc.Mailboxes[i]); err != nil || !res.OK() {
			sc.Error = "DELETE " + sc.Mailboxes[i] + ": " + deleteError(res, err)
		}
	}
	sc.LeftBehind = r.scratchLeft(ctx)
}

// leaveMailbox deselects a scratch mailbox before it is deleted:
// UNSELECT, else EXAMINE INBOX.
func (r *run) leaveMailbox(ctx context.Context) {
	c := r.conn.Client
	if ok, _ := r.facts.announced("UNSELECT"); ok {
		if res, err := c.Unselect(ctx); err == nil && res.OK() {
			return
		}
	}
	c.Select(ctx, "INBOX", client.SelectOptions{ReadOnly: true})
	r.facts.examined = ""
}

// scratchLeft lists what remains of the scratch mailboxes.
func (r *run) scratchLeft(ctx context.Context) []string {
	left := []string{}
	res, err := r.conn.Client.List(ctx, "", r.scratchBase()+"*", client.ListOptions{})
	if err != nil {
		return append(left, r.facts.scratch...) // cannot tell: assume the worst
	}
	for _, l := range client.Of[*client.ListData](res) {
		left = append(left, l.Mailbox)
	}
	return left
}

// deleteError says why a DELETE failed.
func deleteError(res *client.Result, err error) string {
	if err != nil {
		return errText(err)
	}
	return res.Status.Status + " " + res.Status.Text
}
