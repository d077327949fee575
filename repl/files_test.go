package repl

// The files the shell writes (> FILE, \o, \record) and reads (< FILE):
// written whole or not at all, private, and never at the cost of the
// connection's sync.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
	"imapsh/internal/servers"
	"imapsh/internal/testfs"
)

// fakeShell is a session over a transcript server (after a PREAUTH
// greeting), its output captured, with a short command timeout.
type fakeShell struct {
	sess           *Session
	stdout, stderr *lockedBuffer
	trace          *lockedBuffer
}

func newFakeShell(t *testing.T, wire string) *fakeShell {
	t.Helper()
	conn := clienttest.Serve(t, "S: * PREAUTH [CAPABILITY IMAP4rev1 LITERAL+ UIDPLUS] ready\n"+wire)
	sh := &fakeShell{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, trace: &lockedBuffer{}}
	tap := NewWireTap(client.TextTrace(sh.trace))
	c, err := client.New(conn, &client.Options{Trace: tap, CommandTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	sh.sess = NewSession(Config{Stdout: sh.stdout, Stderr: sh.stderr, Tap: tap, ContinueOnError: true}, c, &Target{})
	return sh
}

func (sh *fakeShell) run(lines ...string) int {
	return sh.sess.Run(context.Background(), &scripted{lines: lines})
}

// oldFile writes a file with old content and mode 0644.
func oldFile(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "msg.eml")
	if err := os.WriteFile(path, []byte("old mail\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o644) // whatever the umask
	return path
}

func fileState(t *testing.T, path string) (string, os.FileMode) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	return string(data), fi.Mode().Perm()
}

// logoutWire is the LOGOUT that ends a session, with tag A<n>.
func logoutWire(n int) string {
	tag := "A" + strconv.Itoa(n)
	return "C: " + tag + " LOGOUT\nS: * BYE bye\nS: " + tag + " OK done\n"
}

const selectWire = "C: A1 SELECT INBOX\nS: * 1 EXISTS\nS: A1 OK [READ-WRITE] done\nC: A2 FETCH 1 BODY[]\n"

// TestFetchToFileIsAtomic: > FILE replaces FILE only when the whole
// section arrived; a NO or BAD, an answer without the section, or a lost
// connection leave an existing FILE as it was, and say so.
func TestFetchToFileIsAtomic(t *testing.T) {
	tests := []struct {
		name, wire string
		replaced   bool
		stderr     string
	}{
		{"whole section", "S: * 1 FETCH (BODY[] {7}\nS: hello\nS: )\nS: A2 OK done\n" + logoutWire(3), true, "wrote 7 bytes"},
		{"NO", "S: A2 NO [SERVERBUG] disk trouble\n" + logoutWire(3), false, "left untouched"},
		{"BAD", "S: A2 BAD what\n" + logoutWire(3), false, "left untouched"},
		{"answer without the section", "S: * 1 FETCH (FLAGS (\\Seen))\nS: A2 OK done\n" + logoutWire(3), false, "no body section"},
		{"connection lost mid-literal", "S: * 1 FETCH (BODY[] {100}\nS: only part of it\n!close\n", false, "left untouched"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := oldFile(t, dir)
			sh := newFakeShell(t, selectWire+tt.wire)
			sh.run("select INBOX", "fetch 1 BODY[] > "+path)
			data, mode := fileState(t, path)
			if tt.replaced && (data != "hello\r\n" || mode != 0o600) {
				t.Errorf("FILE holds %q mode %04o, want the section, mode 0600", data, mode)
			}
			if !tt.replaced && (data != "old mail\n" || mode != 0o644) {
				t.Errorf("FILE holds %q mode %04o, want it untouched", data, mode)
			}
			if !strings.Contains(sh.stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, sh.stderr)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("temporary files left: %v", entries)
			}
		})
	}
}

// TestFetchToFileWriteErrorKeepsSession: a local write error (a full
// device) is reported, the literal is drained, and the next command runs
// on the same connection.
func TestFetchToFileWriteErrorKeepsSession(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	sh := newFakeShell(t, selectWire+"S: * 1 FETCH (BODY[] {7}\nS: hello\nS: )\nS: A2 OK done\n"+
		"C: A3 NOOP\nS: A3 OK still here\n"+logoutWire(4))
	code := sh.run("select INBOX", "fetch 1 BODY[] > /dev/full", "noop")
	if !strings.Contains(sh.stderr.String(), "no space left on device") {
		t.Errorf("stderr does not report the write error:\n%s", sh.stderr)
	}
	if !strings.Contains(sh.stdout.String(), "still here") {
		t.Errorf("the next command did not run on the connection:\nstdout:\n%s\nstderr:\n%s", sh.stdout, sh.stderr)
	}
	if code != ExitFailures {
		t.Errorf("exit status %d, want %d", code, ExitFailures)
	}
}

// TestFetchToFileDiskFull: on a full disk (a 64k tmpfs) an existing FILE
// keeps its content, no temporary file is left, the session goes on.
func TestFetchToFileDiskFull(t *testing.T) {
	dir := testfs.SmallTmpfs(t, "64k")
	path := oldFile(t, dir)
	big := strings.Repeat("x", 200<<10)
	sh := newFakeShell(t, selectWire+"S: * 1 FETCH (BODY[] {204802}\nS: "+big+"\nS: )\nS: A2 OK done\n"+
		"C: A3 NOOP\nS: A3 OK still here\n"+logoutWire(4))
	sh.run("select INBOX", "fetch 1 BODY[] > "+path, "noop")
	if data, mode := fileState(t, path); data != "old mail\n" || mode != 0o644 {
		t.Errorf("FILE holds %d bytes mode %04o, want it untouched", len(data), mode)
	}
	for _, want := range []string{"no space left on device", "left untouched"} {
		if !strings.Contains(sh.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, sh.stderr)
		}
	}
	if !strings.Contains(sh.stdout.String(), "still here") {
		t.Errorf("the session did not go on:\n%s", sh.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

// TestOutputFilesArePrivate: \o, \record and > FILE leave no file they
// write readable by others, an existing one included.
func TestOutputFilesArePrivate(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	tee, rec, body := filepath.Join(dir, "tee"), filepath.Join(dir, "rec.imap"), filepath.Join(dir, "body")
	for _, p := range []string{tee, rec, body} {
		os.WriteFile(p, []byte("old\n"), 0o644)
		os.Chmod(p, 0o644)
	}
	h.run(`\o `+tee, `\record `+rec, "login demo demo", "select INBOX", "fetch 1 BODY[] > "+body, `\record off`, `\o`)
	for _, p := range []string{tee, rec, body} {
		if _, mode := fileState(t, p); mode != 0o600 {
			t.Errorf("%s has mode %04o, want 0600", filepath.Base(p), mode)
		}
	}
}

// TestFilesUnderHome: a file name typed with a leading ~/ (as Tab
// completion offers it) is under the home directory, for every command
// that names a file, not in a directory named "~".
func TestFilesUnderHome(t *testing.T) {
	home, cwd := t.TempDir(), t.TempDir()
	t.Setenv("HOME", home)
	t.Chdir(cwd)
	os.WriteFile(filepath.Join(home, "inc.imap"), []byte("noop\n"), 0o644)
	os.WriteFile(filepath.Join(home, "msg.eml"), []byte("Subject: x\r\n\r\nhi\r\n"), 0o644)
	h := newHarness(t, nil)
	h.run(`\o ~/tee`, `\record ~/rec.imap`, "login demo demo", "select INBOX",
		"fetch 1 BODY[] > ~/body.eml", "save 4 2 ~/part.csv", "append INBOX < ~/msg.eml", `\i ~/inc.imap`,
		`\record off`, `\o`)
	for _, name := range []string{"tee", "rec.imap", "body.eml", "part.csv"} {
		if fi, err := os.Stat(filepath.Join(home, name)); err != nil || fi.Size() == 0 {
			t.Errorf("~/%s: %v (size %v)", name, err, fi)
		}
	}
	if _, err := os.Stat(filepath.Join(cwd, "~")); err == nil {
		t.Errorf("a directory named ~ was made in the working directory")
	}
	if stderr := h.stderr.String(); strings.Contains(stderr, "error") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// TestRecordingWriteFailure: a recording that cannot be written any more
// (disk full) is an error at once and a non-zero exit status.
func TestRecordingWriteFailure(t *testing.T) {
	dir := testfs.SmallTmpfs(t, "64k")
	h := newHarness(t, nil)
	lines := []string{`\record ` + filepath.Join(dir, "rec.imap"), "login demo demo"}
	for range 400 {
		lines = append(lines, "noop")
	}
	src := &scripted{lines: lines, before: func(i int) {
		if i == 2 {
			testfs.Fill(t, dir)
		}
	}}
	code := h.sess.Run(context.Background(), src)
	if !strings.Contains(h.stderr.String(), "no space left on device") {
		t.Errorf("stderr does not report the write error:\n%s", h.stderr)
	}
	if code == ExitOK {
		t.Errorf("exit status 0 after the recording failed")
	}
}

// TestAppendRefusesSpecialFiles: a directory or a FIFO is refused before
// anything is sent (a FIFO without a writer must not hang the shell), and
// the next command runs normally.
func TestAppendRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, src := range []string{dir, fifo} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			sh := newFakeShell(t, "C: A1 NOOP\nS: A1 OK fine\n"+logoutWire(2))
			done := make(chan int)
			go func() { done <- sh.run("append INBOX < "+src, "noop") }()
			select {
			case <-done:
			case <-time.After(20 * time.Second): // a hang, not a timing check
				f, _ := os.OpenFile(fifo, os.O_WRONLY, 0) // release the shell
				f.Close()
				<-done
				t.Fatal("append < FIFO hung the shell")
			}
			if strings.Contains(sh.trace.String(), "APPEND") {
				t.Errorf("APPEND was sent:\n%s", sh.trace)
			}
			if !strings.Contains(sh.stderr.String(), "not a regular file") && !strings.Contains(sh.stderr.String(), "is a directory") {
				t.Errorf("stderr:\n%s", sh.stderr)
			}
			if !strings.Contains(sh.stdout.String(), "fine") {
				t.Errorf("noop did not run:\n%s", sh.stderr)
			}
		})
	}
}

// TestServersDovecotKilledMidFetch: a real Dovecot whose imap process
// dies once the first bytes of a 20 MB body arrived leaves an existing FILE
// as it was, and the shell says so (exit 2: the connection was lost).
// It is not parallel: it sets a package variable.
func TestServersDovecotKilledMidFetch(t *testing.T) {
	srv := servers.Dovecot(t)
	msg := "Subject: big\r\n\r\n" + strings.Repeat(strings.Repeat("x", 76)+"\r\n", 20<<20/78)
	srv.Deliver(t, "alice", "INBOX", []byte(msg))
	path := oldFile(t, t.TempDir())
	killed := 0
	testOnlyFileWriter = func(w io.Writer) io.Writer {
		return writerFunc(func(p []byte) (int, error) {
			if n, _ := w.Write(p); killed == 0 && n > 0 {
				killed = srv.KillSessions()
			}
			return len(p), nil
		})
	}
	defer func() { testOnlyFileWriter = func(w io.Writer) io.Writer { return w } }()
	sh := newRealShell(t, srv, "alice", nil)
	code := sh.run(t, "select INBOX", "fetch 1 BODY.PEEK[] > "+path)
	if killed == 0 {
		t.Fatal("no imap process was killed")
	}
	if data, mode := fileState(t, path); data != "old mail\n" || mode != 0o644 {
		t.Errorf("FILE holds %d bytes mode %04o, want it untouched", len(data), mode)
	}
	wantAll(t, "stderr", sh.stderr.String(), "left untouched", "connection was lost")
	if code != ExitLost {
		t.Errorf("exit status %d, want %d", code, ExitLost)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// uploadShell is a session over a hand-written server for APPEND: after
// the literal's header it reads nothing more (a large upload blocks) and
// calls interrupt; with readAll it reads the whole literal first, then
// calls interrupt and answers OK with APPENDUID.
func uploadShell(t *testing.T, readAll bool, interrupt func()) *fakeShell {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done, stop := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		conn, err := ln.Accept()
		ln.Close()
		if err != nil {
			return
		}
		defer conn.Close()
		conn.Write([]byte("* PREAUTH [CAPABILITY IMAP4rev1 LITERAL+ UIDPLUS] hi\r\n"))
		r := bufio.NewReader(conn)
		header, _ := r.ReadString('\n')
		var size int64
		fmt.Sscanf(header[strings.LastIndexByte(header, '{'):], "{%d+}", &size)
		if !readAll {
			interrupt()
			<-stop // read nothing more: the upload stays blocked
			return
		}
		io.CopyN(io.Discard, r, size)
		interrupt()
		conn.Write([]byte("A1 OK [APPENDUID 7 42] stored\r\n"))
		for line, err := r.ReadString('\n'); err == nil; line, err = r.ReadString('\n') {
			if tag, rest, _ := strings.Cut(line, " "); strings.HasPrefix(rest, "LOGOUT") {
				conn.Write([]byte("* BYE bye\r\n" + tag + " OK done\r\n"))
			}
		}
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(conn, &client.Options{CommandTimeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(); close(stop); <-done })
	sh := &fakeShell{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, trace: &lockedBuffer{}}
	sh.sess = NewSession(Config{Stdout: sh.stdout, Stderr: sh.stderr}, c, &Target{})
	return sh
}

// TestInterruptedAppend: Ctrl-C while the message is being sent cuts the
// upload (the connection is closed: the server stores nothing) and says
// so; Ctrl-C after the last byte went says the server stored it.
func TestInterruptedAppend(t *testing.T) {
	tests := []struct {
		name    string
		readAll bool
		size    int
		want    string
		code    int
	}{
		{"during the upload", false, 64 << 20, "upload cut", ExitLost},
		{"after the upload", true, 1 << 20, "the server stored it (APPENDUID 7 42)", ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "big.eml")
			os.WriteFile(path, []byte("Subject: big\r\n\r\n"+strings.Repeat("x", tt.size)), 0o600)
			presses := make(chan func(), 1)
			sh := uploadShell(t, tt.readAll, func() { (<-presses)() })
			sh.sess.interrupts = func(press func()) func() {
				presses <- press
				return func() {}
			}
			code := sh.run("append INBOX < " + path)
			wantAll(t, "stderr", sh.stderr.String(), tt.want)
			if code != tt.code {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", code, tt.code, sh.stderr)
			}
		})
	}
}

// TestTeeWriteFailure: an \o file that cannot be written is reported once,
// the output still reaches stdout, and the exit status is not 0.
func TestTeeWriteFailure(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	h := newHarness(t, nil)
	code := h.run(`\o /dev/full`, "login demo demo", "list", "noop")
	if n := strings.Count(h.stderr.String(), "no space left on device"); n != 1 {
		t.Errorf("the write error is reported %d times, want once:\n%s", n, h.stderr)
	}
	if !strings.Contains(h.stdout.String(), "Archive") {
		t.Errorf("stdout lost the output:\n%s", h.stdout)
	}
	if code == ExitOK {
		t.Error("exit status 0 after the \\o file failed")
	}
}
