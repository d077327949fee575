package probe

import (
	"context"

	"imapsh/client"
)

// restore puts the shell's session back as it was: the mailbox it had
// selected (in the same mode), or none.
func (r *run) restore(ctx context.Context, before *client.Mailbox) {
	if !r.alive() {
		r.note("the connection was lost during the probe")
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.opts.CheckTimeout)
	defer cancel()
	c := r.conn.Client
	if before != nil {
		if res, err := c.Select(ctx, before.Name, client.SelectOptions{ReadOnly: before.ReadOnly}); err == nil && res.OK() {
			r.note("selected " + before.Name + " again, as before the probe")
			return
		}
		r.note("could not select " + before.Name + " again")
		return
	}
	if c.Mailbox() == nil {
		return
	}
	if ok, _ := r.facts.announced("UNSELECT"); ok {
		if res, err := c.Unselect(ctx); err == nil && res.OK() {
			return
		}
	}
	r.note("the probe left " + c.Mailbox().Name + " open read-only (EXAMINE); the server has no UNSELECT")
}
