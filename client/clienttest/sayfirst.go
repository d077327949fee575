package clienttest

import (
	"io"
	"testing"
)

// SayFirst listens on 127.0.0.1 and, on each connection, writes first
// (nothing when nil) and then reads until the client hangs up: a port
// that greets with whatever the test needs, a TLS record where an IMAP
// greeting belongs or a greeting where a TLS handshake does, or that
// accepts and stays silent. It returns host:port.
func SayFirst(t testing.TB, first []byte) string {
	ln := listenLoopback(t)
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				conn.Write(first)
				io.Copy(io.Discard, conn)
			}()
		}
	}()
	return ln.Addr().String()
}
