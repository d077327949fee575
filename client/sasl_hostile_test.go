package client_test

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"

	"imapsh/client"
)

// saslServer is a hand-written fake server for SASL exchanges whose bytes
// depend on the client's random nonce, which a transcript cannot know.
// handle reads the AUTHENTICATE line and plays the server's part.
func saslServer(t *testing.T, caps string, handle func(r *bufio.Reader, w net.Conn)) *client.Client {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		conn, err := ln.Accept()
		ln.Close()
		if err != nil {
			return
		}
		defer conn.Close()
		conn.Write([]byte("* OK [CAPABILITY IMAP4rev1 " + caps + "] fake\r\n"))
		handle(bufio.NewReader(conn), conn)
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(conn, &client.Options{AllowPlaintextAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(); wg.Wait() })
	return c
}

// readLine reads one client line without CRLF ("" at EOF).
func readLine(r *bufio.Reader) string {
	line, _ := r.ReadString('\n')
	return strings.TrimRight(line, "\r\n")
}

// clientNonce takes the r= of a SCRAM client-first-message sent as the
// SASL-IR of "A1 AUTHENTICATE SCRAM-SHA-256 <base64>".
func clientNonce(t *testing.T, line string) string {
	fields := strings.Fields(line)
	if len(fields) != 4 {
		t.Errorf("client sent %q, want an AUTHENTICATE with an initial response", line)
		return ""
	}
	first, _ := base64.StdEncoding.DecodeString(fields[3])
	_, nonce, _ := strings.Cut(string(first), ",r=")
	return nonce
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// serverFirst is a server-first-message extending the client nonce.
func serverFirst(nonce string, iter string) string {
	return "+ " + b64("r="+nonce+"srv,s="+b64("salt1234")+",i="+iter) + "\r\n"
}

const scramCaps = "AUTH=SCRAM-SHA-256 SASL-IR"

func scram256(t *testing.T) client.Credentials {
	return client.Credentials{User: "alice", Password: "pencil"}
}

func authSCRAM(t *testing.T, ctx context.Context, c *client.Client) (*client.Result, error) {
	mech, err := client.NewMechanism("SCRAM-SHA-256", scram256(t))
	if err != nil {
		t.Fatal(err)
	}
	return c.Authenticate(ctx, mech)
}

// TestSCRAMIterationCap: an iteration count above the cap (RFC 5802
// section 9's CPU attack; i=2147483647 once cost minutes) is refused with
// "*" before any key derivation, and the session stays usable.
func TestSCRAMIterationCap(t *testing.T) {
	got := make(chan string, 1)
	c := saslServer(t, scramCaps, func(r *bufio.Reader, w net.Conn) {
		w.Write([]byte(serverFirst(clientNonce(t, readLine(r)), "1200001")))
		got <- readLine(r)
		w.Write([]byte("A1 BAD cancelled\r\nA2 OK noop\r\n"))
		readLine(r)
	})
	_, err := authSCRAM(t, bg, c)
	if err == nil || !strings.Contains(err.Error(), "1200001") || !strings.Contains(err.Error(), "iterations") {
		t.Errorf("err = %v, want the iteration count refused", err)
	}
	if line := <-got; line != "*" {
		t.Errorf("client answered %q, want * (cancel)", line)
	}
	must(t)(c.Noop(bg))
}

// TestSCRAMInterruptible: Ctrl-C (the command's context ending) stops the
// PBKDF2 work of an allowed but large iteration count; the exchange is
// cancelled with "*" and the error says why.
func TestSCRAMInterruptible(t *testing.T) {
	ctx, cancel := context.WithCancel(bg)
	defer cancel()
	got := make(chan string, 1)
	c := saslServer(t, scramCaps, func(r *bufio.Reader, w net.Conn) {
		nonce := clientNonce(t, readLine(r))
		cancel() // Ctrl-C as the challenge arrives
		w.Write([]byte(serverFirst(nonce, "1200000")))
		got <- readLine(r)
		w.Write([]byte("A1 BAD cancelled\r\n"))
	})
	_, err := authSCRAM(t, ctx, c)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if line := <-got; line != "*" {
		t.Errorf("client answered %q, want * (cancel)", line)
	}
}

// TestSCRAMOKWithoutServerSignature: a tagged OK before the server proved
// it knows the password (no v= message) is a failed authentication: the
// client does not trust the session and closes it.
func TestSCRAMOKWithoutServerSignature(t *testing.T) {
	c := saslServer(t, scramCaps, func(r *bufio.Reader, w net.Conn) {
		w.Write([]byte(serverFirst(clientNonce(t, readLine(r)), "4096")))
		readLine(r) // the proof
		w.Write([]byte("A1 OK welcome, whoever you are\r\n"))
		readLine(r)
	})
	_, err := authSCRAM(t, bg, c)
	if err == nil || !strings.Contains(err.Error(), "v=") {
		t.Errorf("err = %v, want a failed mutual authentication", err)
	}
	if c.State() != client.StateLogout {
		t.Errorf("state %v, want the connection closed", c.State())
	}
}

// TestSCRAMWrongServerSignature: a v= that does not match is refused.
func TestSCRAMWrongServerSignature(t *testing.T) {
	got := make(chan string, 1)
	c := saslServer(t, scramCaps, func(r *bufio.Reader, w net.Conn) {
		w.Write([]byte(serverFirst(clientNonce(t, readLine(r)), "4096")))
		readLine(r)
		w.Write([]byte("+ " + b64("v="+b64("not the signature")) + "\r\n"))
		got <- readLine(r)
		w.Write([]byte("A1 OK fine\r\n"))
		readLine(r)
	})
	_, err := authSCRAM(t, bg, c)
	if err == nil || c.State() == client.StateAuthenticated {
		t.Errorf("err = %v, state %v: a wrong server signature was accepted", err, c.State())
	}
	if line := <-got; line != "*" {
		t.Errorf("client answered %q, want * (cancel)", line)
	}
}

// TestSASLStepLimit: a server that answers every response with another
// challenge is cancelled after client.MaxSASLSteps answers, and one that
// goes on after the cancel loses the connection, with a clear error.
func TestSASLStepLimit(t *testing.T) {
	answers := make(chan int, 1)
	c := saslServer(t, "AUTH=CRAM-MD5", func(r *bufio.Reader, w net.Conn) {
		readLine(r) // A1 AUTHENTICATE CRAM-MD5
		n := 0
		for n < 100 { // today's bound on the test, not the client's
			w.Write([]byte("+ " + b64("<1.2@host>") + "\r\n"))
			line := readLine(r)
			if line == "" || line == "*" {
				break
			}
			n++
		}
		answers <- n
		w.Write([]byte("+ " + b64("<1.2@host>") + "\r\n")) // and on, and on
		readLine(r)
	})
	_, err := c.LoginCRAMMD5(bg, "tim", "tanstaaftanstaaf")
	if err == nil || !strings.Contains(err.Error(), "steps") || !strings.Contains(err.Error(), "connection closed") {
		t.Errorf("err = %v, want the step limit named", err)
	}
	if n := <-answers; n != client.MaxSASLSteps {
		t.Errorf("client answered %d challenges before cancelling, want %d", n, client.MaxSASLSteps)
	}
	if c.State() != client.StateLogout {
		t.Errorf("state %v, want the connection closed", c.State())
	}
}
