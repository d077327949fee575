package probe

import (
	"context"
	"errors"
	"fmt"
	"time"

	"imapsh/client"
)

// Options configure a probe.
type Options struct {
	// Write adds the checks that need a scratch mailbox (--probe-write).
	Write bool
	// CheckTimeout bounds each check; 0 means DefaultCheckTimeout. A check
	// that takes longer is reported as timed out and the probe goes on (on
	// a new connection when the server stopped answering).
	CheckTimeout time.Duration
	// Samples is how many times each latency command runs; 0 means 30.
	Samples int
	// Suffix names the scratch mailboxes (imapsh-probe-SUFFIX); "" picks a
	// random one. Tests pin it.
	Suffix string
	// Progress, when set, is told before each check which one runs (done
	// of total), and once more with done == total at the end.
	Progress func(done, total int, check string)
}

// DefaultCheckTimeout bounds a check when Options.CheckTimeout is 0.
const DefaultCheckTimeout = 10 * time.Second

// stopGrace is how long past its time limit a check may take to end
// before its connection is closed under it (a variable for tests).
var stopGrace = 6 * time.Second

// run is one probe in progress: the connection, what was learnt, the
// exchange so far and the report being filled.
type run struct {
	opts    Options
	conn    *Conn
	dial    func(ctx context.Context) (*Conn, error) // a new logged-in connection; nil on the shell's
	check   string                                   // the running check's ID
	steps   []*Step
	facts   facts
	report  *Report
	results []CheckResult
	started time.Time
}

func newRun(opts Options, target string) *run {
	if opts.CheckTimeout <= 0 {
		opts.CheckTimeout = DefaultCheckTimeout
	}
	if opts.Samples <= 0 {
		opts.Samples = 30
	}
	mode := ModeReadOnly
	if opts.Write {
		mode = ModeWrite
	}
	now := time.Now()
	return &run{opts: opts, started: now, facts: newFacts(),
		report: &Report{Version: ReportVersion, Target: target, Mode: mode, Started: now.UTC().Truncate(time.Second)}}
}

// Probe connects to t as its fields say, logs in and runs every check.
// The report says how far it got: a connection, TLS or login failure
// ends it early with Connection.Error set and ExitStatus ExitFailed.
func Probe(ctx context.Context, t Target, opts Options) *Report {
	r := newRun(opts, t.URL)
	r.dial = func(ctx context.Context) (*Conn, error) { return redial(ctx, t, r.opts) }
	conn, err := r.connect(ctx, t)
	if err != nil {
		r.report.Connection.Error = errText(err)
		if conn != nil {
			conn.close()
		}
		return r.finish()
	}
	r.conn = conn
	r.runAll(ctx)
	r.conn.close()
	return r.finish()
}

// Session is an existing, logged-in session to probe (the shell's \probe).
type Session struct {
	Client *client.Client
	Wire   *Recorder         // receives that client's trace; nil when it cannot be observed
	URL    string            // shown in the report
	Host   string            // the name its certificate should match
	TLS    client.TLSOptions // the trust settings it was opened with
}

// ProbeSession runs the checks on an existing session. The connection
// section is what the session shows; checks that need a connection of
// their own (COMPRESS) are skipped. The mailbox selected before is
// selected again at the end.
func ProbeSession(ctx context.Context, s Session, opts Options) *Report {
	r := newRun(opts, s.URL)
	r.conn = &Conn{Client: s.Client, Wire: s.Wire}
	r.adopt(s)
	before := s.Client.Mailbox()
	r.runAll(ctx)
	r.restore(ctx, before)
	return r.finish()
}

// runAll runs the checks, the latency samples and the clean-up.
func (r *run) runAll(ctx context.Context) {
	defer r.cleanup(ctx)
	for i, chk := range checks {
		r.progress(i, chk.ID)
		r.results = append(r.results, r.runCheck(ctx, chk))
	}
	r.progress(len(checks), "latency")
	r.report.Latency = r.latency(ctx)
	r.progress(len(checks)+1, "")
}

// progress tells Options.Progress how far the probe is: the checks, then
// the latency samples as one more step.
func (r *run) progress(done int, what string) {
	if r.opts.Progress != nil {
		r.opts.Progress(done, len(checks)+1, what)
	}
}

// runCheck runs one check within its time limit.
func (r *run) runCheck(ctx context.Context, chk *Check) CheckResult {
	res := CheckResult{ID: chk.ID, Title: chk.Title, Write: chk.Write}
	if why := r.skip(ctx, chk); why != "" {
		res.Status, res.Reason = CheckSkipped, why
		return res
	}
	start := time.Now()
	err := r.bounded(ctx, chk)
	res.ElapsedMS = ms(time.Since(start))
	var skipped skipError
	switch {
	case err == nil:
		res.Status = CheckRan
	case errors.As(err, &skipped):
		res.Status, res.Reason = CheckSkipped, string(skipped)
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, errStopped):
		res.Status, res.Reason = CheckTimeout, fmt.Sprintf("no answer within %s", r.opts.CheckTimeout)
	default:
		res.Status, res.Reason = CheckError, errText(err)
	}
	return res
}

// errStopped: the check outlived its time limit and its connection was
// closed under it.
var errStopped = errors.New("probe: the check was stopped")

// bounded runs the check on its own goroutine and closes the connection
// if it does not end in time, so a server that hangs cannot hold the probe.
func (r *run) bounded(ctx context.Context, chk *Check) error {
	cctx, cancel := context.WithTimeout(ctx, r.opts.CheckTimeout)
	defer cancel()
	r.check = chk.ID
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("probe: check %s panicked: %v", chk.ID, p)
			}
		}()
		done <- chk.Run(cctx, r)
	}()
	select {
	case err := <-done:
		if errors.Is(cctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
			return context.DeadlineExceeded // whatever the client made of it
		}
		return err
	case <-time.After(r.opts.CheckTimeout + stopGrace):
		r.conn.Client.Close()
		<-done
		if r.conn.Wire != nil {
			r.conn.Wire.End()
		}
		return errStopped
	}
}

// skip says why a check cannot run now, or "".
func (r *run) skip(ctx context.Context, chk *Check) string {
	switch {
	case ctx.Err() != nil:
		return "interrupted"
	case chk.Write && !r.opts.Write:
		return "needs --probe-write"
	case chk.OwnConn && r.dial == nil:
		return "needs a connection of its own (it cannot be undone); imapsh --probe runs it"
	case len(chk.Caps) > 0 && !r.facts.announcedAny(chk.Caps):
		return "not announced"
	}
	if !r.alive() && !r.reconnect(ctx) {
		return "the connection was lost"
	}
	if chk.Mailbox {
		return r.needSample(ctx)
	}
	return ""
}

// alive reports whether the connection can take commands.
func (r *run) alive() bool {
	return r.conn != nil && r.conn.Client.State()&client.AuthOrSelect != 0
}

// reconnect replaces a lost connection, when the probe opened it, and
// turns on again what ENABLE had turned on.
func (r *run) reconnect(ctx context.Context) bool {
	if r.dial == nil {
		return false
	}
	conn, err := r.dial(ctx)
	if err != nil {
		r.note("reconnecting failed: " + errText(err))
		return false
	}
	r.conn.close()
	r.conn = conn
	r.note("the connection was lost; the probe went on with a new one")
	if caps := r.facts.enabledList(); len(caps) > 0 {
		ectx, cancel := context.WithTimeout(ctx, r.opts.CheckTimeout)
		defer cancel()
		conn.Client.Enable(ectx, caps...)
	}
	r.facts.examined = ""
	return true
}

// note adds a line to the report's notes, once.
func (r *run) note(s string) {
	for _, n := range r.report.Notes {
		if n == s {
			return
		}
	}
	r.report.Notes = append(r.report.Notes, s)
}

// finish judges the exchange and completes the report.
func (r *run) finish() *Report {
	rep := r.report
	rep.Checks = append([]CheckResult{}, r.results...)
	if rep.Latency == nil {
		rep.Latency = []Latency{}
	}
	rep.Deviations = detect(r.steps)
	rep.Extensions = r.extensions(rep.Deviations)
	rep.Broken = brokenOf(rep.Extensions)
	rep.ElapsedMS = ms(time.Since(r.started))
	switch {
	case rep.Connection.Error != "":
		rep.ExitStatus = ExitFailed
	case len(rep.Broken) > 0:
		rep.ExitStatus = ExitBroken
	default:
		rep.ExitStatus = ExitOK
	}
	return rep
}

// ms converts a duration to milliseconds with microsecond precision.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// errText is an error without the client's "client: " prefix.
func errText(err error) string {
	s := err.Error()
	for _, p := range []string{"client: ", "probe: "} {
		if len(s) > len(p) && s[:len(p)] == p {
			s = s[len(p):]
		}
	}
	return s
}
