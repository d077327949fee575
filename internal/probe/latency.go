package probe

import (
	"context"
	"slices"
	"time"

	"imapsh/client"
)

// latencyCommand is one command the latency section times.
type latencyCommand struct {
	name    string
	mailbox bool // needs the sample mailbox
	do      func(ctx context.Context, r *run) error
}

// latencyCommands are timed in this order, each Options.Samples times.
var latencyCommands = []latencyCommand{
	{"NOOP", false, func(ctx context.Context, r *run) error { return okOrErr(r.conn.Client.Noop(ctx)) }},
	{"EXAMINE", true, func(ctx context.Context, r *run) error {
		err := okOrErr(r.conn.Client.Select(ctx, r.facts.sample, client.SelectOptions{ReadOnly: true}))
		r.facts.examined = r.facts.sample
		return err
	}},
	{"FETCH 1 (UID FLAGS ENVELOPE)", true, func(ctx context.Context, r *run) error {
		return okOrErr(r.conn.Client.Fetch(ctx, "1", "(UID FLAGS ENVELOPE)", client.FetchOptions{}))
	}},
}

// okOrErr turns a NO or BAD into an error.
func okOrErr(res *client.Result, err error) error {
	if err != nil {
		return err
	}
	return res.Err()
}

// latency times each latency command; a command that fails or hangs
// stops its own series, not the others.
func (r *run) latency(ctx context.Context) []Latency {
	out := []Latency{}
	for _, lc := range latencyCommands {
		if ctx.Err() != nil || (!r.alive() && !r.reconnect(ctx)) {
			break
		}
		if lc.mailbox && r.needSample(ctx) != "" {
			continue
		}
		out = append(out, r.series(ctx, lc))
	}
	return out
}

// series runs one command Samples times within CheckTimeout each.
func (r *run) series(ctx context.Context, lc latencyCommand) Latency {
	l := Latency{Command: lc.name}
	var samples []time.Duration
	for i := 0; i < r.opts.Samples && ctx.Err() == nil; i++ {
		sctx, cancel := context.WithTimeout(ctx, r.opts.CheckTimeout)
		start := time.Now()
		err := lc.do(sctx, r)
		cancel()
		if err != nil {
			l.Error = errText(err)
			break
		}
		samples = append(samples, time.Since(start))
	}
	l.Samples = len(samples)
	if len(samples) > 0 {
		slices.Sort(samples)
		l.MedianMS, l.P95MS = ms(percentile(samples, 50)), ms(percentile(samples, 95))
		l.MinMS, l.MaxMS = ms(samples[0]), ms(samples[len(samples)-1])
	}
	return l
}

// percentile returns the p-th percentile of sorted samples (nearest rank).
func percentile(sorted []time.Duration, p int) time.Duration {
	rank := (p*len(sorted) + 99) / 100
	return sorted[max(rank, 1)-1]
}
