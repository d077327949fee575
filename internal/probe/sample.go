package probe

import (
	"context"

	"imapsh/client"
)

// maxSampleLookups bounds the STATUS commands spent looking for a
// mailbox with messages.
const maxSampleLookups = 20

// needSample finds a mailbox with messages for the message checks and
// EXAMINEs it; it returns why none can be used, or "".
func (r *run) needSample(ctx context.Context) string {
	if r.facts.sample == "" && r.facts.noSample == "" {
		r.findSample(ctx)
	}
	if r.facts.sample == "" {
		return r.facts.noSample
	}
	if r.facts.examined == r.facts.sample && r.conn.Client.Mailbox() != nil {
		return ""
	}
	ectx, cancel := context.WithTimeout(ctx, r.opts.CheckTimeout)
	defer cancel()
	res, err := r.conn.Client.Select(ectx, r.facts.sample, client.SelectOptions{ReadOnly: true})
	if err != nil || !res.OK() {
		return "EXAMINE " + r.facts.sample + " failed"
	}
	r.facts.examined = r.facts.sample
	return ""
}

// findSample picks INBOX when it holds messages, else the first mailbox
// that does (counts from LIST-STATUS, else STATUS), scratch ones last.
func (r *run) findSample(ctx context.Context) {
	candidates := append([]string{"INBOX"}, r.facts.mailboxes...)
	candidates = append(candidates, r.facts.scratch...)
	lookups := 0
	for _, mb := range candidates {
		n, known := r.facts.messages[mb]
		if !known && lookups < maxSampleLookups {
			lookups++
			n, known = r.countMessages(ctx, mb)
		}
		if known && n > 0 {
			r.facts.sample = mb
			return
		}
	}
	r.facts.noSample = "no mailbox holds a message (in read-only mode the probe does not add one; --probe-write does)"
}

// countMessages asks STATUS (MESSAGES) of a mailbox, outside the exchange.
func (r *run) countMessages(ctx context.Context, mailbox string) (uint32, bool) {
	sctx, cancel := context.WithTimeout(ctx, r.opts.CheckTimeout)
	defer cancel()
	res, err := r.conn.Client.Status(sctx, mailbox, []string{"MESSAGES"})
	if err != nil {
		return 0, false
	}
	r.facts.learnStatus(res)
	n, ok := r.facts.messages[mailbox]
	return n, ok
}
