package repl

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// pagerProc is a running pager: /bin/sh -c $PAGER, its stdin fed from a
// spool by a goroutine of its own (pagerspool.go), so that writing never
// waits for the user.
type pagerProc struct {
	command string
	spool   *pagerSpool
	fed     chan struct{} // closed when the feeding ends
	exited  chan error    // the process's exit, once
	exit    error
	waited  bool
}

// startPagerProc starts command with its output on term and stderr.
func startPagerProc(command string, term, stderr io.Writer) (*pagerProc, error) {
	spool, err := newPagerSpool()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("/bin/sh", "-c", command)
	cmd.Stdout, cmd.Stderr = term, stderr
	cmd.Env = pagerEnv(os.Environ())
	stdin, err := cmd.StdinPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		spool.close()
		return nil, fmt.Errorf("the pager %q did not start: %w", command, err)
	}
	p := &pagerProc{command: command, spool: spool, fed: make(chan struct{}), exited: make(chan error, 1)}
	go func() {
		defer close(p.fed)
		spool.feed(stdin)
	}()
	go func() { p.exited <- cmd.Wait() }()
	return p, nil
}

// pagerEnv is the pager's environment: LESSCHARSET=utf-8 unless the user
// set it, since imapsh's output is UTF-8 whatever the locale says (less
// shows <C3><BC> for ü under LANG=C otherwise).
func pagerEnv(env []string) []string {
	for _, kv := range env {
		if strings.HasPrefix(kv, "LESSCHARSET=") {
			return env
		}
	}
	return append(env, "LESSCHARSET=utf-8")
}

// write queues b for the pager; an error means it stopped reading.
func (p *pagerProc) write(b []byte) error {
	_, err := p.spool.Write(b)
	return err
}

// wait returns the process's exit, waiting at most d (forever when d is
// 0); ok is false when it has not exited by then.
func (p *pagerProc) wait(d time.Duration) (err error, ok bool) {
	if p.waited {
		return p.exit, true
	}
	var timeout <-chan time.Time
	if d > 0 {
		timeout = time.After(d)
	}
	select {
	case p.exit = <-p.exited:
		p.waited = true
		return p.exit, true
	case <-timeout:
		return nil, false
	}
}

// didNotRun returns why the pager never ran, when it exited with the
// shell's 126 (not executable) or 127 (not found) within d; nil when the
// user quit it or it still runs.
func (p *pagerProc) didNotRun(d time.Duration) error {
	err, ok := p.wait(d)
	var exit *exec.ExitError
	if ok && errors.As(err, &exit) && (exit.ExitCode() == 126 || exit.ExitCode() == 127) {
		return fmt.Errorf("the pager %q did not run (exit status %d); the output is shown without it", p.command, exit.ExitCode())
	}
	return nil
}

// replay writes what the pager was given to w.
func (p *pagerProc) replay(w io.Writer) { p.spool.replay(w) }

// finish ends the pager's input and waits until it exits (the user quits
// it); when it did not run, what it was given goes to term (unless
// replayed already) and the error says why.
func (p *pagerProc) finish(replayed bool, term io.Writer) error {
	p.spool.closeWrite()
	<-p.fed
	defer p.spool.close()
	if replayed {
		return nil
	}
	err := p.didNotRun(0)
	if err != nil {
		p.replay(term)
	}
	return err
}
