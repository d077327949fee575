package clienttest

import (
	"crypto/tls"
	"fmt"
	"net"
	"os"
	"testing"
)

// inlineName names inline transcripts in failure messages.
const inlineName = "transcript"

// Serve starts the fake server on a 127.0.0.1 TCP connection playing the
// transcript and returns the client side. The test's Cleanup closes the client
// side and waits for the server to finish, reporting any failure on t.
func Serve(t testing.TB, transcript string) net.Conn {
	t.Helper()
	return serve(t, inlineName, transcript)
}

// ServeFile is Serve with the transcript read from a file (e.g. a trace
// recorded with --trace-file); failures name the file and line.
func ServeFile(t testing.TB, path string) net.Conn {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("clienttest: %v", err)
	}
	return serve(t, path, string(src))
}

// Listen starts a 127.0.0.1 listener that plays the transcript to the first
// connection (plain TCP; the transcript may !starttls) and returns its
// host:port. A test that ends without a client connecting fails.
func Listen(t testing.TB, transcript string) (addr string) {
	t.Helper()
	return listen(t, transcript, false)
}

// ListenTLS is Listen with implicit TLS (as on port 993, RFC 8314): the
// connection is TLS from the first byte, with the certificate of RootCAs.
func ListenTLS(t testing.TB, transcript string) (addr string) {
	t.Helper()
	return listen(t, transcript, true)
}

// serve plays steps on one end of a loopback TCP pair and returns the other.
func serve(t testing.TB, name, src string) net.Conn {
	t.Helper()
	steps := mustParse(t, name, src)
	ln := listenLoopback(t)
	defer ln.Close()
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatalf("clienttest: dialing %s: %v", ln.Addr(), err)
	}
	server, err := ln.Accept()
	if err == nil && server.RemoteAddr().String() != client.LocalAddr().String() {
		server.Close()
		err = fmt.Errorf("another process connected to %s first", ln.Addr())
	}
	if err != nil {
		client.Close()
		t.Fatalf("clienttest: accepting: %v", err)
	}
	s := newSession(t, name)
	s.attach(server, server)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.play(steps)
	}()
	t.Cleanup(func() {
		if t.Failed() {
			s.abort()
		}
		client.Close()
		<-done
	})
	return client
}

// listen plays steps to the first connection accepted on a new listener.
func listen(t testing.TB, src string, implicitTLS bool) string {
	t.Helper()
	steps := mustParse(t, inlineName, src)
	ln := listenLoopback(t)
	s := newSession(t, inlineName)
	done := make(chan struct{})
	go func() {
		defer close(done)
		raw, err := ln.Accept()
		ln.Close()
		if err != nil {
			s.failf("%s: no client connected to %s", inlineName, ln.Addr())
			return
		}
		conn := raw
		if implicitTLS {
			conn = tls.Server(raw, serverTLSConfig())
		}
		if s.attach(raw, conn) {
			s.play(steps)
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			s.abort()
		}
		ln.Close()
		<-done
	})
	return ln.Addr().String()
}

// mustParse parses a transcript or fails the test.
func mustParse(t testing.TB, name, src string) []Step {
	t.Helper()
	steps, err := ParseTranscript(src)
	if err != nil {
		t.Fatalf("clienttest: %s: %v", name, err)
	}
	return steps
}

// listenLoopback listens on a free 127.0.0.1 port.
func listenLoopback(t testing.TB) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("clienttest: listening on 127.0.0.1: %v", err)
	}
	return ln
}
