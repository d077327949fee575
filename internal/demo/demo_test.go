package demo

import (
	"fmt"
	"net"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// unicodeOnWire is MailboxUnicode in modified UTF-7 (RFC 3501 §5.1.3).
const unicodeOnWire = "&ANw-n&AO8-c&APg-d&AOk- &ZeVnLIqe-"

func TestSessionTranscript(t *testing.T) {
	s := startDemo(t, Options{})
	if !strings.HasPrefix(s.Addr, "127.0.0.1:") || s.User != "demo" || s.Password != "demo" {
		t.Fatalf("server = %q %q/%q, want 127.0.0.1:PORT demo/demo", s.Addr, s.User, s.Password)
	}
	c := dialDemo(t, s.Addr)
	if greeting := c.readResponse(); !strings.HasPrefix(greeting, "* OK") {
		t.Fatalf("greeting = %q", greeting)
	}
	c.mustOK("a1", "LOGIN demo demo")

	listed := listedNames(t, c.mustOK("a2", `LIST "" "*"`))
	want := []string{unicodeOnWire, "Archive", "Archive/2024", "Drafts", "INBOX", "Sent", "Trash"} // sorted: '&' < 'A'
	if !slices.Equal(listed, want) {
		t.Errorf("LIST names = %q, want %q", listed, want)
	}

	wantExists := fmt.Sprintf("* %d EXISTS", countIn(MailboxInbox))
	if selected := c.mustOK("a3", "SELECT INBOX"); !contains(selected, wantExists) {
		t.Errorf("SELECT INBOX = %q, want %q", selected, wantExists)
	}

	fetched := strings.Join(c.mustOK("a4", "FETCH 1 BODY[HEADER.FIELDS (SUBJECT)]"), "\n")
	if !strings.Contains(fetched, "Subject: Welcome to the imapsh demo\r\n") {
		t.Errorf("FETCH 1 subject = %q", fetched)
	}

	bye, status := c.run("a5", "LOGOUT")
	if !strings.HasPrefix(status, "OK") || !contains(bye, "* BYE") {
		t.Errorf("LOGOUT = %q then %q, want * BYE then OK", bye, status)
	}

	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if conn, err := net.DialTimeout("tcp", s.Addr, time.Second); err == nil {
		conn.Close()
		t.Fatalf("dial %s after Close succeeded; listener leaked", s.Addr)
	}
}

func TestLoginRejectsBadCredentials(t *testing.T) {
	s := startDemo(t, Options{})
	tests := []struct{ name, user, pass string }{
		{"wrong password", "demo", "nope"},
		{"unknown user", "alice", "demo"},
		{"empty password", "demo", `""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dialDemo(t, s.Addr)
			c.readResponse()
			if _, status := c.run("a1", "LOGIN "+tt.user+" "+tt.pass); !strings.HasPrefix(status, "NO") {
				t.Errorf("LOGIN %s %s = %q, want NO", tt.user, tt.pass, status)
			}
		})
	}
}

func TestCapabilitiesAfterLogin(t *testing.T) {
	s := startDemo(t, Options{})
	c := dialDemo(t, s.Addr)
	c.readResponse()
	preAuth := strings.Join(c.mustOK("a0", "CAPABILITY"), " ") + " "
	if !strings.Contains(preAuth, " AUTH=PLAIN ") || strings.Contains(preAuth, "LOGINDISABLED") {
		t.Errorf("CAPABILITY before login = %q, want AUTH=PLAIN and no LOGINDISABLED", preAuth)
	}
	c.mustOK("L1", "LOGIN demo demo")
	caps := strings.Join(c.mustOK("a1", "CAPABILITY"), " ") + " "
	for _, want := range []string{"IMAP4rev1", "IMAP4rev2", "IDLE", "UNSELECT",
		"NAMESPACE", "UIDPLUS", "ESEARCH", "SEARCHRES", "LIST-EXTENDED", "LIST-STATUS",
		"MOVE", "STATUS=SIZE", "BINARY", "LITERAL+", "ENABLE"} {
		if !strings.Contains(caps, " "+want+" ") {
			t.Errorf("CAPABILITY lacks %s: %s", want, caps)
		}
	}
}

func TestStatusMatchesSample(t *testing.T) {
	s := startDemo(t, Options{})
	c := dialDemo(t, s.Addr)
	c.login(s)
	onWire := map[string]string{MailboxUnicode: unicodeOnWire}
	for i, name := range Mailboxes() {
		wireName := name
		if encoded, ok := onWire[name]; ok {
			wireName = encoded
		}
		status := strings.Join(c.mustOK(fmt.Sprintf("s%d", i), `STATUS "`+wireName+`" (MESSAGES)`), "\n")
		want := fmt.Sprintf("(MESSAGES %d)", countIn(name))
		if countIn(name) == 0 || !strings.Contains(status, want) {
			t.Errorf("STATUS %q = %q, want %s (and a non-empty mailbox)", name, status, want)
		}
	}
}

func TestDebugWriterSeesTheWire(t *testing.T) {
	var trace safeBuffer
	s := startDemo(t, Options{Debug: &trace})
	c := dialDemo(t, s.Addr)
	c.login(s)
	c.mustOK("a1", "NOOP")
	s.Close()
	for _, want := range []string{"* OK", "L1 LOGIN demo demo", "a1 NOOP", "a1 OK"} {
		if !strings.Contains(trace.String(), want) {
			t.Errorf("trace lacks %q:\n%s", want, trace.String())
		}
	}
}

func TestCloseDisconnectsClientsWithoutLeaks(t *testing.T) {
	before := runtime.NumGoroutine()
	s, err := Start(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var clients []*wireClient
	for range 3 {
		c := dialDemo(t, s.Addr)
		c.login(s)
		c.mustOK("a1", "SELECT INBOX")
		clients = append(clients, c)
	}

	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatalf("Close: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return with clients connected")
	}
	for i, c := range clients {
		if line, err := c.r.ReadString('\n'); err == nil {
			t.Errorf("client %d still connected after Close, read %q", i, line)
		}
		c.conn.Close()
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v, want the first result (nil)", err)
	}
	waitForGoroutines(t, before)
}

// waitForGoroutines fails unless the goroutine count drops back to n.
func waitForGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines, want <= %d:\n%s", runtime.NumGoroutine(), n, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

var listLine = regexp.MustCompile(`^\* LIST \([^)]*\) "/" (.+)$`)

// listedNames extracts the (wire-form) mailbox names of LIST responses.
func listedNames(t *testing.T, lines []string) []string {
	t.Helper()
	var names []string
	for _, line := range lines {
		m := listLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("unexpected LIST response %q", line)
		}
		names = append(names, strings.Trim(m[1], `"`))
	}
	sort.Strings(names)
	return names
}

func contains(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// safeBuffer is a strings.Builder safe for the concurrent reader in tests.
type safeBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
