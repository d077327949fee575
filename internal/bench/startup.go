package main

// -mode startup: how long a user waits for the first prompt. imapsh runs
// on a pseudo-terminal (as in a terminal emulator) with the URL and the
// password in IMAPSH_PASSWORD; the time runs from exec to the moment the
// prompt "alice@127.0.0.1> " appears on the terminal, so it holds process
// start, connect, TLS, LOGIN and readline's set-up. Ctrl-D then logs out;
// CPU and peak RSS are those of the whole process. For comparison:
// `imapsh -c noop` from exec to exit, and a raw connect + LOGIN + LOGOUT
// in a small Go process. Issue 10 wants the prompt within 50 ms.
//
//	go run ./internal/bench -mode startup -runs 10

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"time"

	"github.com/creack/pty"
)

// startupTimeout bounds each wait for the prompt and for the exit.
const startupTimeout = 20 * time.Second

// startupContenders time the first prompt and the two comparisons.
func startupContenders(s *setup) []contender {
	prompt := contender{ID: "prompt", Label: "imapsh, exec to first prompt (pty)"}
	prompt.run = s.firstPrompt
	return []contender{
		prompt,
		s.bare("noop", "imapsh -c noop, exec to exit", toDevNull, nil, "noop"),
		s.phase("login", "raw connect + LOGIN + LOGOUT (Go)", "login", nil),
	}
}

// runStartup runs -mode startup.
func runStartup(s *setup, o runOptions) (*report, error) {
	all, m, err := runRounds(o, startupContenders(s), true)
	if err != nil {
		return nil, err
	}
	intro := fmt.Sprintf("Start-up on %s: exec to the first prompt on a pseudo-terminal (connect, TLS, LOGIN included), "+
		"medians of %d interleaved rounds%s. Machine: %s.", o.Label, o.Rounds, warmupText(o.Warmup), m)
	t := &table{Header: []string{"contender", "transport", "wall", "CPU (user+sys)", "peak RSS", "issue 10 goal"}}
	for _, s := range all {
		x := s.median()
		t.add(s.Contender.Label, s.Transport.Name, millis(x.Wall), millis(x.CPU), mib(x.MaxRSS), promptGoal(s.Contender.ID, x.Wall))
	}
	return &report{Intro: []string{intro}, Tables: []*table{t}, Series: all}, nil
}

func promptGoal(id string, wall time.Duration) string {
	switch {
	case id != "prompt":
		return ""
	case wall <= 50*time.Millisecond:
		return "met"
	}
	return "missed: ≤ 50 ms"
}

// firstPrompt starts imapsh (through the spawner) on a pseudo-terminal
// and measures the time from the spawner's exec of imapsh to the first
// prompt on the terminal, then sends Ctrl-D and waits for it to log out.
func (s *setup) firstPrompt(t transport) (sample, error) {
	p := s.bare("", "", toDevNull, nil).proc(t)
	cmd := exec.Command(p.Spawner, p.Argv...)
	cmd.Env = append(benchEnviron(), append(p.Env, "TERM=xterm")...)
	report, err := attachReport(cmd)
	if err != nil {
		return sample{}, err
	}
	host, _, _ := net.SplitHostPort(t.Addr)
	w := &promptWatch{want: []byte(s.cfg.User + "@" + host + "> "), seen: make(chan error, 1), done: make(chan struct{})}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	closeChildEnds(cmd)
	if err != nil {
		report()
		return sample{}, err
	}
	defer tty.Close()
	go w.read(tty)
	var seenAt time.Time
	select {
	case err = <-w.seen:
		seenAt = time.Now()
	case <-time.After(startupTimeout):
		err = fmt.Errorf("no prompt %q within %v", w.want, startupTimeout)
		cmd.Process.Kill() // the spawner; imapsh then loses its terminal
	}
	if err == nil {
		tty.Write([]byte{4}) // Ctrl-D: log out and exit
	}
	out, werr := waitSpawned(cmd, report)
	if err != nil {
		tty.Close()
		<-w.done
		return sample{}, fmt.Errorf("%w; the terminal showed %q", err, w.out.String())
	}
	return sample{
		Wall: seenAt.Sub(time.Unix(0, out.StartUnixNano)), // by the wall clock: the start was seen by another process
		CPU:  time.Duration(out.CPUNano), MaxRSS: out.MaxRSSKiB * 1024,
	}, werr
}

// waitSpawned waits for the spawner (killing it after startupTimeout) and
// returns its report.
func waitSpawned(cmd *exec.Cmd, report func() (spawnOutcome, error)) (spawnOutcome, error) {
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(startupTimeout):
		cmd.Process.Kill()
		<-done
		err = fmt.Errorf("imapsh did not exit within %v of Ctrl-D", startupTimeout)
	}
	out, rerr := report()
	switch {
	case err != nil:
	case rerr != nil:
		err = rerr
	case out.ExitCode != 0:
		err = fmt.Errorf("imapsh exit status %d", out.ExitCode)
	}
	return out, err
}

// promptWatch reads a terminal until want appears.
type promptWatch struct {
	want []byte
	out  bytes.Buffer  // what the terminal showed up to the prompt
	seen chan error    // nil once want appeared, or why it never will
	done chan struct{} // closed when read returns
}

// read reads the terminal until want has appeared (then reports nil and
// keeps reading, so the child never blocks on a full terminal) or the
// terminal closes (then reports why).
func (w *promptWatch) read(tty *os.File) {
	defer close(w.done)
	buf := make([]byte, 4096)
	found := false
	for {
		n, err := tty.Read(buf)
		if !found {
			w.out.Write(buf[:n])
			if bytes.Contains(w.out.Bytes(), w.want) {
				found = true
				w.seen <- nil
			}
		}
		if err != nil {
			if !found {
				w.seen <- fmt.Errorf("terminal closed: %v", err)
			}
			return
		}
	}
}
