package servers

import (
	"crypto/tls"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// Bounds on waiting for a server to start and to stop.
const (
	startTimeout = 30 * time.Second
	stopTimeout  = 15 * time.Second
)

// daemon is a server master process run in the foreground as our child, so
// that we own exactly its pid and can wait for it.
type daemon struct {
	cmd    *exec.Cmd
	stopBy syscall.Signal // how stop ends the master
	exited chan struct{}  // closed once cmd.Wait has returned
	err    error          // cmd.Wait's result, valid after exited is closed
	// mountNS is the private mount namespace the daemon runs in (see
	// startDaemonInNamespace), or "" when it shares ours.
	mountNS string
}

// startDaemon runs argv with stdout and stderr appended to logFile; stop
// will end it with stopBy. The child gets its own process group (a ^C at the
// terminal reaches only the test binary, which then stops it) and SIGTERM if
// the test binary dies.
func startDaemon(argv []string, dir, logFile string, stopBy syscall.Signal) (*daemon, error) {
	return startDaemonAttr(argv, dir, logFile, stopBy, &syscall.SysProcAttr{})
}

// startDaemonInNamespace is startDaemon in a new private mount namespace
// (unshare(CLONE_NEWNS), with / made private so that no mount leaks out):
// what the daemon mounts only it and its descendants see. stop then ends
// every process of that namespace, also those that left the process group.
func startDaemonInNamespace(argv []string, dir, logFile string, stopBy syscall.Signal) (*daemon, error) {
	d, err := startDaemonAttr(argv, dir, logFile, stopBy, &syscall.SysProcAttr{Unshareflags: syscall.CLONE_NEWNS})
	if err != nil {
		return nil, err
	}
	if d.mountNS, err = privateMountNamespace(d.cmd.Process.Pid); err != nil {
		d.cmd.Process.Kill()
		<-d.exited
		return nil, err
	}
	return d, nil
}

// startDaemonAttr starts argv with attr, to which it adds its own process
// group and SIGTERM on the test binary's death.
func startDaemonAttr(argv []string, dir, logFile string, stopBy syscall.Signal, attr *syscall.SysProcAttr) (*daemon, error) {
	out, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = out, out
	attr.Setpgid, attr.Pdeathsig = true, syscall.SIGTERM
	cmd.SysProcAttr = attr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	d := &daemon{cmd: cmd, stopBy: stopBy, exited: make(chan struct{})}
	go func() {
		d.err = cmd.Wait()
		close(d.exited)
	}()
	return d, nil
}

// running reports an error if the daemon has already exited.
func (d *daemon) running() error {
	select {
	case <-d.exited:
		return fmt.Errorf("%s exited during start-up: %v", d.cmd.Path, d.err)
	default:
		return nil
	}
}

// stop sends d.stopBy to the daemon (only its own pid; the master's children
// follow it), waits for it to exit, killing it after stopTimeout, and then
// waits until no process of its process group (or of its private mount
// namespace, killing what is left there) is left.
func (d *daemon) stop() error {
	if err := d.cmd.Process.Signal(d.stopBy); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	var ignored error
	select {
	case <-d.exited:
	case <-time.After(stopTimeout):
		d.cmd.Process.Kill()
		<-d.exited
		ignored = fmt.Errorf("%s ignored %v for %v; killed", d.cmd.Path, d.stopBy, stopTimeout)
	}
	if d.mountNS != "" {
		return errors.Join(ignored, emptyMountNamespace(d.mountNS))
	}
	return errors.Join(ignored, d.waitGroupGone())
}

// waitReady polls until both listeners of s answer with an IMAP greeting
// (IMAPS through a verified TLS handshake), failing early if the daemon
// exits, and giving up after startTimeout.
func (d *daemon) waitReady(s *Server) error {
	deadline := time.Now().Add(startTimeout)
	probes := []struct {
		addr string
		tls  *tls.Config
	}{{s.IMAPAddr(), nil}, {s.IMAPSAddr(), s.tlsConfig()}}
	for _, p := range probes {
		for {
			if err := d.running(); err != nil {
				return err
			}
			err := probeGreeting(p.addr, p.tls, time.Until(deadline))
			if err == nil {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("no IMAP greeting on %s within %v: %w", p.addr, startTimeout, err)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	return nil
}

// stopOnCleanup stops d when the test ends, reporting a failed stop and, if
// the test failed, the server log.
func stopOnCleanup(t testing.TB, d *daemon, s *Server) {
	s.group = d.cmd.Process.Pid
	t.Cleanup(func() {
		if err := d.stop(); err != nil {
			t.Errorf("stop %s: %v", s.Name, err)
		}
		if t.Failed() {
			t.Logf("%s log:\n%s", s.Name, s.Log())
		}
	})
}
