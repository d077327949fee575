package repl

// Pipelining (\pipeline on, --pipeline): in a script, -c lines or piped
// input, a run of commands whose table entry says Pipeline goes out
// without waiting for each answer, at most pipeWindow at a time; the
// client holds a command back where RFC 9051 section 5.5 demands it
// (client/pipeline.go). Results are shown in the order of the lines, each
// exactly as in lockstep mode. Any other line (a state change such as
// select, a meta-command, \expect, a redirection) first shows everything
// in flight, then runs as usual. At a terminal commands run in lockstep:
// each answer is shown before the next prompt.

import (
	"context"
	"fmt"
	"time"

	"imapsh/client"
)

// pipeWindow bounds the commands in flight.
const pipeWindow = 128

// pipeline holds the commands sent but not yet shown, oldest first.
type pipeline struct {
	queue   []*inFlight
	ctx     context.Context // the run's Ctrl-C context, while queue is not empty
	cancel  context.CancelFunc
	raw     []tapLine // server lines read but not yet given to a command
	dropped int       // results not shown because the run stopped
}

// inFlight is one queued command line.
type inFlight struct {
	in    *Input
	p     *client.Pending // nil when err says why nothing was sent
	err   error
	start time.Time
}

// pipelineLine is the loop's hook. A line that can join the pipeline is
// sent and queued (handled); for any other line everything in flight is
// shown first and the line is left to the loop. stop says whether the
// loop must end.
func (s *Session) pipelineLine(ctx context.Context, src LineSource, line, display string) (handled, stop bool) {
	if len(s.pipe.queue) == 0 && !s.pipelining(src) {
		return false, false
	}
	in, err := prepare(line, display)
	if err != nil || !s.joinsPipeline(src, in) {
		return false, s.flushPipeline()
	}
	if s.pending && s.commitPending() {
		return true, true
	}
	s.enqueue(ctx, in)
	if len(s.pipe.queue) >= pipeWindow {
		s.showOldest()
	}
	return true, s.stopAfterResult()
}

// pipelining reports whether lines from src may be pipelined now.
func (s *Session) pipelining(src LineSource) bool {
	return s.cfg.Pipeline && !src.Interactive()
}

// joinsPipeline reports whether a bound line may go out before the
// answers of earlier ones: its entry allows it, nothing is redirected,
// --raw is off (it shows each command's own lines) and the state allows
// the command, so that errors keep their place in the output.
func (s *Session) joinsPipeline(src LineSource, in *Input) bool {
	return s.pipelining(src) && in.Cmd.Pipe && in.In == "" && in.Out == "" &&
		!s.raw && s.checkAvailable(in.Cmd) == nil && !(s.stopOnError && destroys(in))
}

// destroys reports whether a line removes mail (its entry's Destroys).
// While errors stop the script, such a line waits until everything before
// it has answered, so that a failed COPY stops the script before its
// messages are deleted.
func destroys(in *Input) bool { return in.Cmd.Destroys != nil && in.Cmd.Destroys(in) }

// enqueue sends a command through its own handler under client.Defer.
func (s *Session) enqueue(ctx context.Context, in *Input) {
	if len(s.pipe.queue) == 0 {
		s.pipe.ctx, s.pipe.cancel = s.watchInterrupts(ctx, nil)
		s.pipe.raw = nil
		s.beginCapture()
	}
	q := &inFlight{in: in, start: time.Now()}
	q.p, q.err = s.c.Defer(s.pipe.ctx, func(ctx context.Context) (*client.Result, error) {
		return in.Cmd.Run(ctx, s, in)
	})
	s.pipe.queue = append(s.pipe.queue, q)
}

// flushPipeline shows every command in flight, in order; it reports
// whether the loop must stop.
func (s *Session) flushPipeline() bool {
	for len(s.pipe.queue) > 0 {
		s.showOldest()
	}
	if n := s.pipe.dropped; n > 0 {
		s.pipe.dropped = 0
		s.note(fmt.Sprintf("note: %d more pipelined command(s) had already been sent when the run stopped; their results are not shown", n))
	}
	return s.stopAfterResult()
}

// showOldest waits for the oldest command and shows its result as the
// loop would have in lockstep; after a stop it is read but not shown.
func (s *Session) showOldest() {
	q := s.pipe.queue[0]
	s.pipe.queue = s.pipe.queue[1:]
	res, err := q.wait()
	interrupted := s.pipe.ctx.Err() != nil
	if len(s.pipe.queue) == 0 {
		s.pipe.cancel()
	}
	lines := s.takeLines(res)
	s.recordCommand(q.in, res, err) // --record: it was sent, shown or not
	if s.quit || s.lostStop() || s.failedStop() || (s.pending && s.commitPending()) {
		s.pipe.dropped++
		return
	}
	s.echoLine(s.src, q.in.Display)
	elapsed := time.Since(q.start)
	if res != nil && res.Elapsed > 0 {
		elapsed = res.Elapsed
	}
	s.afterCommand(q.in, res, err, elapsed, interrupted)
	if s.tap != nil && s.last != nil {
		s.last.raw = lines // \expect match sees this command's lines only
	}
}

func (q *inFlight) wait() (*client.Result, error) {
	if q.p == nil {
		return nil, q.err
	}
	return q.p.Wait()
}

// takeLines returns the server lines of a completed command: those read
// up to its tagged answer (untagged data belongs to the oldest command in
// flight, as in the client).
func (s *Session) takeLines(res *client.Result) []string {
	if s.tap == nil || res == nil || res.Tag == "" {
		return nil
	}
	s.pipe.raw = append(s.pipe.raw, s.tap.take()...)
	for i, l := range s.pipe.raw {
		if l.tag == res.Tag { // the tagged answer (the client's trace event says so)
			lines := texts(s.pipe.raw[:i+1])
			s.pipe.raw = s.pipe.raw[i+1:]
			return lines
		}
	}
	return nil
}

// pipelineHelp is the long help of \pipeline.
const pipelineHelp = `With \pipeline on (or --pipeline), lines from a script, -c or piped input
go out without waiting for each answer, up to 128 at a time: fetch, store,
search, copy, move, sort, thread (and their uid forms), expunge, check,
status and noop. Results are shown in the order of the lines, as without
pipelining. A command that must wait does: one using message numbers while
a command that may expunge is in flight (RFC 9051 section 5.5), and every
other line (select, login, \expect, redirections) runs once all before it
have answered. At the prompt each command still runs on its own.
    \pipeline on
    uid store 1201 +flags \Flagged
    uid store 1202 +flags \Flagged`
