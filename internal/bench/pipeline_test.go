package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"os/exec"
	"testing"
	"time"

	"imapsh/internal/servers"
)

// BenchmarkPipelineReplay is the benchmark: 1,000 lines
// "uid store N +flags \Flagged" against a private Dovecot through a proxy
// adding 20 ms of round trip, replayed by the shell in lockstep and with
// \pipeline on, and sent by Python's imaplib. Run it once per contender:
//
//	go test ./internal/bench -run '^$' -bench PipelineReplay -benchtime 1x
func BenchmarkPipelineReplay(b *testing.B) {
	const n = 1000
	srv := servers.Dovecot(b)
	msgs := make([][]byte, n)
	for i := range msgs {
		msgs[i] = fmt.Appendf(nil, "From: bench@example.org\r\nSubject: pipeline bench %d\r\n\r\nMessage %d.\r\n", i+1, i+1)
	}
	srv.Deliver(b, "alice", "INBOX", msgs...)
	cfg := config{Addr: srv.IMAPAddr(), User: "alice", Pass: srv.Users["alice"], Mailbox: "INBOX", Security: "plain"}
	uids, err := preparePipelineMailbox(cfg, n)
	if err != nil {
		b.Fatal(err)
	}
	proxy, err := startDelayProxy(cfg.Addr, 10*time.Millisecond)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { proxy.Close() })
	bench := pipelineBench{cfg: cfg, uids: uids, via: proxy.Addr(), rtt: 20 * time.Millisecond}
	contenders := []struct {
		name string
		run  func() (time.Duration, error)
	}{
		{"lockstep", func() (time.Duration, error) { return bench.shell(false) }},
		{"pipelined", func() (time.Duration, error) { return bench.shell(true) }},
		{"imaplib", bench.imaplib},
	}
	for _, c := range contenders {
		b.Run(c.name, func(b *testing.B) {
			if _, err := exec.LookPath("python3"); err != nil && c.name == "imaplib" {
				b.Skip("python3 not installed")
			}
			var total time.Duration
			for i := 0; i < b.N; i++ {
				d, err := c.run()
				if err != nil {
					b.Fatal(err)
				}
				total += d
			}
			per := total / time.Duration(b.N)
			b.ReportMetric(float64(per.Microseconds())/1000, "ms/replay")
			b.ReportMetric(float64(n)/per.Seconds(), "stores/s")
		})
	}
}

// TestDelayProxyKeepsBytes: what goes through the proxy arrives whole and
// in order, both ways (an echo server behind it).
func TestDelayProxyKeepsBytes(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		conn, err := ln.Accept()
		if err == nil {
			io.Copy(conn, conn)
			conn.Close()
		}
	}()
	proxy, err := startDelayProxy(ln.Addr().String(), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	conn, err := net.Dial("tcp", proxy.Addr())
	if err != nil {
		t.Fatal(err)
	}
	want := bytes.Repeat([]byte("0123456789abcdef"), 64<<10) // 1 MiB in many chunks
	go func() {
		for i := 0; i < len(want); i += 1000 {
			conn.Write(want[i:min(i+1000, len(want))])
		}
		conn.(*net.TCPConn).CloseWrite()
	}()
	got, err := io.ReadAll(conn)
	conn.Close()
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("got %d bytes (equal: %v), err %v; want %d", len(got), bytes.Equal(got, want), err, len(want))
	}
}
