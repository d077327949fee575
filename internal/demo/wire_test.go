package demo

import (
	"bufio"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// wireClient speaks raw IMAP text to the demo server; the tests deliberately
// use no IMAP client library.
type wireClient struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
}

func dialDemo(t *testing.T, addr string) *wireClient {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	return &wireClient{t: t, conn: conn, r: bufio.NewReader(conn)}
}

var literalSuffix = regexp.MustCompile(`\{(\d+)\}$`)

// readResponse reads one response line, inlining any literals it announces.
func (c *wireClient) readResponse() string {
	c.t.Helper()
	var full strings.Builder
	for {
		line, err := c.r.ReadString('\n')
		if err != nil {
			c.t.Fatalf("read response: %v (got %q)", err, full.String()+line)
		}
		line = strings.TrimSuffix(line, "\r\n")
		full.WriteString(line)
		m := literalSuffix.FindStringSubmatch(line)
		if m == nil {
			return full.String()
		}
		n, _ := strconv.Atoi(m[1])
		literal := make([]byte, n)
		if _, err := io.ReadFull(c.r, literal); err != nil {
			c.t.Fatalf("read literal of %d bytes: %v", n, err)
		}
		full.WriteString("\r\n")
		full.Write(literal)
	}
}

// run sends "tag command" and returns the untagged responses and the tagged
// status line without its tag.
func (c *wireClient) run(tag, command string) (untagged []string, status string) {
	c.t.Helper()
	if _, err := io.WriteString(c.conn, tag+" "+command+"\r\n"); err != nil {
		c.t.Fatalf("write %q: %v", command, err)
	}
	for {
		line := c.readResponse()
		if rest, ok := strings.CutPrefix(line, tag+" "); ok {
			return untagged, rest
		}
		untagged = append(untagged, line)
	}
}

// mustOK runs a command and fails the test unless it ends in OK.
func (c *wireClient) mustOK(tag, command string) []string {
	c.t.Helper()
	untagged, status := c.run(tag, command)
	if !strings.HasPrefix(status, "OK") {
		c.t.Fatalf("%s %s: got %q, want OK", tag, command, status)
	}
	return untagged
}

// login reads the greeting and logs in as the demo user.
func (c *wireClient) login(s *Server) {
	c.t.Helper()
	if greeting := c.readResponse(); !strings.HasPrefix(greeting, "* OK") {
		c.t.Fatalf("greeting = %q, want * OK", greeting)
	}
	c.mustOK("L1", "LOGIN "+s.User+" "+s.Password)
}

func startDemo(t *testing.T, opts Options) *Server {
	t.Helper()
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// countIn is how many samples Start puts in mailbox.
func countIn(mailbox string) int {
	n := 0
	for _, m := range Sample() {
		if m.Mailbox == mailbox {
			n++
		}
	}
	return n
}
