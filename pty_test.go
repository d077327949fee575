package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"imapsh/internal/servers"
)

// terminal is imapsh running on a pseudo-terminal, with everything it
// printed collected for expect.
type terminal struct {
	t    *testing.T
	pty  *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	mark int // expect searches after this offset
}

const ptyTimeout = 20 * time.Second

func startTerminal(t *testing.T, env []string, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, pty: f, cmd: cmd}
	go term.collect()
	t.Cleanup(func() {
		cmd.Process.Kill()
		f.Close()
	})
	return term
}

func (term *terminal) collect() {
	buf := make([]byte, 4096)
	for {
		n, err := term.pty.Read(buf)
		term.mu.Lock()
		term.out.Write(buf[:n])
		term.mu.Unlock()
		if err != nil {
			return
		}
	}
}

func (term *terminal) send(s string) {
	term.t.Helper()
	if _, err := term.pty.WriteString(s); err != nil {
		term.t.Fatalf("write %q: %v", s, err)
	}
}

// expect waits until want appears after the previous match and moves past it.
func (term *terminal) expect(want string) {
	term.t.Helper()
	deadline := time.Now().Add(ptyTimeout)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		seen := term.out.String()[term.mark:]
		if i := strings.Index(seen, want); i >= 0 {
			term.mark += i + len(want)
			term.mu.Unlock()
			return
		}
		term.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	term.t.Fatalf("terminal never showed %q; after the last match it shows:\n%q", want, term.out.String()[term.mark:])
}

// skipOutput moves the mark to the end of what was printed so far.
func (term *terminal) skipOutput() {
	term.mu.Lock()
	term.mark = term.out.Len()
	term.mu.Unlock()
}

// waitExit waits for the process to exit with status 0.
func (term *terminal) waitExit() {
	term.t.Helper()
	done := make(chan error, 1)
	go func() { done <- term.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			term.t.Fatalf("imapsh exited with %v", err)
		}
	case <-time.After(ptyTimeout):
		term.mu.Lock()
		defer term.mu.Unlock()
		term.t.Fatalf("imapsh did not exit; after the last match it shows:\n%q", term.out.String()[term.mark:])
	}
}

// waitFile waits until the file at path contains want.
func waitFile(t *testing.T, path, want string) {
	t.Helper()
	deadline := time.Now().Add(ptyTimeout)
	for time.Now().Before(deadline) {
		if b, _ := os.ReadFile(path); strings.Contains(string(b), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	b, _ := os.ReadFile(path)
	t.Fatalf("%s never held %q:\n%s", path, want, b)
}

// TestTerminal drives imapsh --demo like a person: tab completion, a fetch,
// Ctrl-C out of IDLE, a mistyped login, Ctrl-Z (ignored), Ctrl-D; then checks the history file.
func TestTerminal(t *testing.T) {
	env := testEnv(t, "TERM=xterm")
	state := envValue(env, "XDG_STATE_HOME")
	tracePath := filepath.Join(t.TempDir(), "trace")
	term := startTerminal(t, env, "--demo", "--trace="+tracePath)
	term.expect("> ")

	term.send("sel\t")
	term.expect("select ")
	term.send("INBOX\r")
	term.expect("INBOX[")

	term.send("fetch 1:2 envelope\r")
	term.expect("Welcome to the imapsh demo")
	term.expect("Grüße aus Köln")

	term.send("idle\r")
	waitFile(t, tracePath, "IDLE\n")
	waitFile(t, tracePath, "S: + ")
	term.skipOutput()
	term.send("\x03")
	waitFile(t, tracePath, "C: DONE")
	term.expect("INBOX[")

	term.send("login demo demo\r")
	term.expect("error")
	term.skipOutput()

	term.send("\x1anoop\r") // Ctrl-Z is dropped, not a suspend
	term.expect("NOOP completed")

	term.send("\x04")
	term.waitExit()
	checkHistory(t, filepath.Join(state, "imapsh", "history"))
}

// envValue returns the value of key in env.
func envValue(env []string, key string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, key+"="); ok {
			return v
		}
	}
	return ""
}

func checkHistory(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("history mode %v, want 0600", fi.Mode().Perm())
	}
	b, _ := os.ReadFile(path)
	history := string(b)
	for _, want := range []string{"select INBOX", "fetch 1:2 envelope", "login demo ***"} {
		if !strings.Contains(history, want) {
			t.Errorf("history lacks %q", want)
		}
	}
	if strings.Contains(history, "login demo demo") {
		t.Error("history holds the password")
	}
	if t.Failed() {
		t.Logf("history:\n%s", history)
	}
}

// TestTerminalPasswordPrompt logs in to Dovecot with the password typed at
// readline's no-echo prompt.
func TestTerminalPasswordPrompt(t *testing.T) {
	s := servers.Dovecot(t)
	url := "imaps://alice@127.0.0.1:" + strconv.Itoa(s.IMAPSPort) + "/INBOX"
	term := startTerminal(t, testEnv(t, "TERM=xterm"), "--cafile", s.CAFile, url)
	term.expect("password for alice@127.0.0.1:")
	term.send("alicepw\r")
	term.expect("alice@127.0.0.1")
	term.expect("INBOX[")
	term.send("\x04")
	term.waitExit()
	term.mu.Lock()
	defer term.mu.Unlock()
	if strings.Contains(term.out.String(), "alicepw") {
		t.Errorf("the password was echoed:\n%q", term.out.String())
	}
}

// TestTerminalWideCompletion types the keystrokes that crashed readline
// (issue 11, defect 1): completing a mailbox name after a double-width
// prefix lists the candidates, and the shell stays alive and usable.
func TestTerminalWideCompletion(t *testing.T) {
	term := startTerminal(t, testEnv(t, "TERM=xterm"), "--demo")
	term.expect("> ")
	for _, name := range []string{"日本語A", "日本語B"} {
		term.send("create " + name + "\r")
		term.expect("CREATE completed")
	}
	term.send("list\r")
	term.expect("LIST completed")
	term.expect("> ")
	term.send("select 日本\t")
	term.expect("日本語") // the common part is inserted
	term.send("\t")    // lists A and B: this panicked
	term.expect("B")
	term.send("B\r")
	term.expect("SELECT completed")
	term.expect("日本語B[")
	term.send("\x04")
	term.waitExit()
	term.mu.Lock()
	defer term.mu.Unlock()
	if strings.Contains(term.out.String(), "panic") {
		t.Errorf("the terminal shows a panic:\n%q", term.out.String())
	}
}

// TestTerminalCtrlC: on a slow SEARCH the first Ctrl-C says the shell
// waits for the server's answer, and the session goes on once it comes;
// two Ctrl-C close the connection, saying so; \reconnect then logs in
// with the password typed at start-up, without asking, and examines the
// mailbox again (issue 11, defects 2 and 7).
func TestTerminalCtrlC(t *testing.T) {
	srv := startSlowServer(t)
	term := startTerminal(t, testEnv(t, "TERM=xterm"), "--plaintext", "imap://alice@"+srv.addr)
	term.expect("password for alice@")
	term.send(slowPassword + "\r")
	term.expect("alice@127.0.0.1> ")
	term.send("examine INBOX\r")
	term.expect("INBOX[3](ro)> ")

	term.send("search BODY x\r")
	<-srv.searching
	term.send("\x03")
	term.expect("IMAP cannot cancel SEARCH, so the shell waits for the server's answer")
	srv.release <- struct{}{}
	term.expect("interrupted: ")
	term.expect("INBOX[3](ro)> ")
	term.send("noop\r")
	term.expect(" done\r\n")
	term.expect("INBOX[3](ro)> ")

	term.send("search BODY x\r")
	<-srv.searching
	term.send("\x03")
	term.expect("waits for the server's answer")
	term.send("\x03")
	term.expect("connection closed without waiting for the server's answer")
	term.expect("(not connected)> ")
	srv.release <- struct{}{} // let the first connection's handler finish

	term.send("\\reconnect\r")
	term.expect("restored: EXAMINE INBOX")
	term.expect("INBOX[3](ro)> ")
	term.send("\x04")
	term.waitExit()
	term.mu.Lock()
	defer term.mu.Unlock()
	out := term.out.String()
	if after := out[strings.Index(out, "connected to"):]; strings.Contains(after, "password for") {
		t.Errorf("asked for the password again:\n%q", after)
	}
	if !strings.Contains(srv.received(), "conn 2: A1 LOGIN alice "+slowPassword) || !strings.Contains(srv.received(), "conn 2: A2 EXAMINE INBOX") {
		t.Errorf("the second connection did not log in and examine:\n%s", srv.received())
	}
}
