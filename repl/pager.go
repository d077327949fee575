package repl

import (
	"io"
	"os"
	"os/signal"
	"sync"
	"time"
	"unicode/utf8"
)

// The pager (as psql's): an interactive command's output that is longer
// than the screen goes through $PAGER (default less -FRX) on a terminal.
// The output is held until it passes a screenful; then the pager starts
// with what was held and gets the rest as it comes, so a FETCH of 100,000
// rows streams into less instead of waiting for its end. Output that ends
// within a screenful, or trickles (a screenful not reached within
// pagerHold of its first byte), goes to the terminal as it is. Never
// paged: --json, --raw, output that is not a terminal, scripts and -c,
// IDLE and the other commands that end by Ctrl-C, and meta-commands not
// marked Paged. Quitting the pager early only stops the display: the rest
// of the output is dropped while the client reads the answer to its
// tagged end, so the connection stays in sync.

// pagerHold is how long output may be held without reaching a screenful
// before it is shown as it comes; a variable so tests can change it.
var pagerHold = time.Second

// pagerState is where a pagerWriter sends what it is given.
type pagerState int

const (
	pagerHolding pagerState = iota // counting lines, not shown yet
	pagerPaging                    // to the pager's stdin
	pagerDirect                    // to the terminal
	pagerQuit                      // the pager is gone: dropped
)

// pagerWriter holds one command's output until it knows whether to page.
type pagerWriter struct {
	mu       sync.Mutex
	term     io.Writer // the terminal (stdout)
	stderr   io.Writer // the pager's stderr
	command  string    // run by /bin/sh -c
	rows     int       // screen rows: output of rows lines or more is paged
	cols     int       // screen columns, for wrapped lines
	state    pagerState
	held     []byte
	lines    int // screen lines held
	col      int // columns used on the line being held
	inEscape bool
	timer    *time.Timer
	proc     *pagerProc  // the running pager (pagerproc.go)
	warn     func(error) // reports a pager that did not run
}

// newPagerWriter returns a writer paging to command on a rows x cols
// terminal.
func newPagerWriter(term, stderr io.Writer, command string, rows, cols int, warn func(error)) *pagerWriter {
	return &pagerWriter{term: term, stderr: stderr, command: command, rows: rows, cols: max(cols, 1), warn: warn}
}

// Write implements io.Writer. It never fails: a pager that quit makes the
// rest of the output vanish, not the command.
func (p *pagerWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch p.state {
	case pagerHolding:
		p.hold(b)
	case pagerPaging:
		if err := p.proc.write(b); err != nil {
			p.pagerGone(b)
		}
	case pagerDirect:
		p.term.Write(b)
	}
	return len(b), nil
}

// hold keeps b and starts the pager once a screenful is held.
func (p *pagerWriter) hold(b []byte) {
	if len(p.held) == 0 && len(b) > 0 && pagerHold > 0 {
		p.timer = time.AfterFunc(pagerHold, p.showHeld)
	}
	p.held = append(p.held, b...)
	if p.count(b) >= p.rows {
		p.startPager()
	}
}

// count adds the screen lines of b (wrapped at cols, terminal escape
// sequences not counted) to the lines held and returns them.
func (p *pagerWriter) count(b []byte) int {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case p.inEscape:
			p.inEscape = !(c >= 0x40 && c <= 0x7e && c != '[')
		case c == 0x1b:
			p.inEscape = true
		case c == '\n':
			p.lines, p.col = p.lines+1, 0
		case utf8.RuneStart(c):
			if p.col++; p.col > p.cols {
				p.lines, p.col = p.lines+1, 1
			}
		}
	}
	return p.lines
}

// startPager runs the pager with what is held; when it cannot start, the
// output goes to the terminal and the failure is reported.
func (p *pagerWriter) startPager() {
	p.stopTimer()
	held := p.held
	p.held = nil
	proc, err := startPagerProc(p.command, p.term, p.stderr)
	if err != nil {
		p.warn(err)
		p.state = pagerDirect
		p.term.Write(held)
		return
	}
	p.proc, p.state = proc, pagerPaging
	if err := proc.write(held); err != nil {
		p.pagerGone(held)
	}
}

// pagerGone decides what follows a pager that stopped reading, b being
// the output it did not take: the user quit it (the rest is dropped), or
// it never ran (its output and the rest go to the terminal).
func (p *pagerWriter) pagerGone(b []byte) {
	p.state = pagerQuit
	if err := p.proc.didNotRun(time.Second); err != nil {
		p.warn(err)
		p.proc.replay(p.term)
		p.term.Write(b)
		p.state = pagerDirect
	}
}

// showHeld writes what is held to the terminal when it did not reach a
// screenful in time: output that trickles is shown as it comes.
func (p *pagerWriter) showHeld() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state == pagerHolding {
		p.state = pagerDirect
		p.term.Write(p.held)
		p.held = nil
	}
}

func (p *pagerWriter) stopTimer() {
	if p.timer != nil {
		p.timer.Stop()
	}
}

// Close shows what is still held, or ends the pager's input and waits
// until the user quits it; output a pager that did not run was given is
// shown on the terminal.
func (p *pagerWriter) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopTimer()
	switch {
	case p.state == pagerHolding:
		p.term.Write(p.held)
		p.held = nil
	case p.proc != nil:
		if err := p.proc.finish(p.state == pagerDirect, p.term); err != nil {
			p.warn(err)
		}
	}
	p.state = pagerDirect
}

// beginPager sends the output of the command in through a pagerWriter
// when it may be paged. The function it returns ends the command's
// Ctrl-C watch (stopWatch, interrupt.go) and then waits for the pager to
// be quit: Ctrl-C in the pager after the command ended is the pager's
// (less beeps), not a second press that closes the connection, and it
// must not end the shell either (swallowInterrupts).
func (s *Session) beginPager(in *Input) (end func(stopWatch func())) {
	if !s.mayPage(in.Cmd) {
		return func(stopWatch func()) { stopWatch() }
	}
	pw := newPagerWriter(s.stdout, s.stderr, s.pager, s.heightNow(), s.width(), s.pagerFailed)
	s.rewire(pw)
	return func(stopWatch func()) {
		s.rewire(s.stdout)
		release := swallowInterrupts()
		stopWatch()
		pw.Close()
		release()
	}
}

// swallowInterrupts keeps SIGINT from ending the shell (its default
// action) while no command watches for Ctrl-C; release stops that.
func swallowInterrupts() (release func()) {
	ch := make(chan os.Signal, 1) // never read: the signals are dropped
	signal.Notify(ch, os.Interrupt)
	return func() { signal.Stop(ch) }
}

// mayPage reports whether the output of cmd may go through the pager now.
func (s *Session) mayPage(cmd *Command) bool {
	switch {
	case !s.pagerOn || s.pager == "" || s.heightNow == nil || s.src == nil || !s.src.Interactive():
		return false
	case s.piped || s.json || s.raw || cmd.EndsByCtrlC:
		return false
	case cmd.IsMeta() && !cmd.Paged:
		return false
	}
	return s.heightNow() > 1
}

// pagerFailed reports a pager that did not run; the output went to the
// terminal.
func (o *output) pagerFailed(err error) {
	o.note("warning: " + err.Error())
	o.note(`hint: set $PAGER (or IMAPSH_PAGER) to a pager that works, or \pager off`)
}
