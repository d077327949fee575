package probe

import (
	"bufio"
	"context"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// transcriptTarget is a Target on a clienttest listener.
func transcriptTarget(t *testing.T, addr string, sec client.Security) Target {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	n, _ := strconv.Atoi(port)
	return Target{URL: "test", Security: sec, Host: host, Port: n, User: "alice", AllowPlaintextAuth: true,
		Password: func(context.Context) (string, error) { return "secret", nil }}
}

// TestConnectStartTLSNotOffered: without STARTTLS nothing is sent after
// CAPABILITY, and the report says why.
func TestConnectStartTLSNotOffered(t *testing.T) {
	addr := clienttest.Listen(t, "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\nC: A1 CAPABILITY\nS: * CAPABILITY IMAP4rev1 AUTH=PLAIN\nS: A1 OK done\nC: A2 LOGOUT\nS: * BYE bye\nS: A2 OK done\n")
	rep := Probe(context.Background(), transcriptTarget(t, addr, client.StartTLS), Options{CheckTimeout: 5 * time.Second})
	c := rep.Connection
	if rep.ExitStatus != ExitFailed || c.StartTLS == nil || c.StartTLS.Offered || !strings.Contains(c.Error, "does not offer STARTTLS") {
		t.Fatalf("report: %+v", c)
	}
	if len(rep.Caps.BeforeTLS) != 2 || strings.Join(c.SASLBeforeTLS, " ") != "PLAIN" || c.Greeting == nil || c.Greeting.Text != "hi" {
		t.Errorf("before TLS: %+v %+v", rep.Caps, c)
	}
}

// TestConnectStartTLSHandshakeHangs: a server that answers STARTTLS OK
// and then says nothing costs the probe one check's time, not forever:
// the probe gives up and closes the connection, which the server sees.
func TestConnectStartTLSHandshakeHangs(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		r := bufio.NewReader(conn)
		io.WriteString(conn, "* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\n")
		r.ReadString('\n') // A1 CAPABILITY
		io.WriteString(conn, "* CAPABILITY IMAP4rev1 STARTTLS\r\nA1 OK done\r\n")
		r.ReadString('\n') // A2 STARTTLS
		io.WriteString(conn, "A2 OK go\r\n")
		io.Copy(io.Discard, r) // the ClientHello, unanswered, until the client closes
	}()
	rep := Probe(context.Background(), transcriptTarget(t, ln.Addr().String(), client.StartTLS), Options{CheckTimeout: 300 * time.Millisecond})
	if rep.ExitStatus != ExitFailed || !strings.Contains(rep.Connection.Error, "TLS") {
		t.Fatalf("report: %+v", rep.Connection)
	}
	<-closed
}

// TestConnectLoginFails: a refused login ends the report with its reason.
func TestConnectLoginFails(t *testing.T) {
	addr := clienttest.Listen(t, "S: * OK [CAPABILITY IMAP4rev1] hi\nC: A1 CAPABILITY\nS: * CAPABILITY IMAP4rev1\nS: A1 OK done\n"+
		"C: A2 LOGIN alice secret\nS: A2 NO [AUTHENTICATIONFAILED] wrong\nC: A3 LOGOUT\nS: A3 OK bye\n")
	rep := Probe(context.Background(), transcriptTarget(t, addr, client.Plaintext), Options{CheckTimeout: 5 * time.Second})
	l := rep.Connection.Login
	if rep.ExitStatus != ExitFailed || l == nil || l.OK || l.Method != "LOGIN" || !strings.Contains(l.Error, "AUTHENTICATIONFAILED") {
		t.Fatalf("login: %+v, report %+v", l, rep.Connection)
	}
	if len(rep.Checks) != 0 || rep.Deviations == nil || rep.Broken == nil || rep.Latency == nil {
		t.Errorf("a failed login runs no check, and the lists are empty, not null: %+v", rep)
	}
}
