package main

import (
	"bufio"
	"net"
	"strings"
	"sync"
	"testing"
)

// slowServer is a tiny IMAP server for the Ctrl-C tests: it logs alice in
// with LOGIN (password s3cret), opens any mailbox, and answers SEARCH only
// when the test releases it, as a server searching 100,000 messages
// would, late. It records every command line it reads.
type slowServer struct {
	addr      string
	searching chan struct{} // a SEARCH arrived
	release   chan struct{} // answer one SEARCH
	mu        sync.Mutex
	lines     []string // "conn N: line"
	conns     int
}

const slowPassword = "s3cret"

func startSlowServer(t *testing.T) *slowServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &slowServer{addr: ln.Addr().String(), searching: make(chan struct{}, 4), release: make(chan struct{}, 4)}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.conns++
			n := s.conns
			s.mu.Unlock()
			go s.serve(conn, n)
		}
	}()
	return s
}

// serve answers one connection until LOGOUT or the client goes.
func (s *slowServer) serve(conn net.Conn, n int) {
	defer conn.Close()
	r := bufio.NewReader(conn)
	write := func(lines ...string) { conn.Write([]byte(strings.Join(lines, "\r\n") + "\r\n")) }
	write("* OK [CAPABILITY IMAP4rev1] slow test server ready")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		s.mu.Lock()
		s.lines = append(s.lines, "conn "+string(rune('0'+n))+": "+line)
		s.mu.Unlock()
		tag, rest, _ := strings.Cut(line, " ")
		cmd, args, _ := strings.Cut(rest, " ")
		if !s.answer(write, tag, strings.ToUpper(cmd), args) {
			return
		}
	}
}

// answer answers one command; false ends the connection.
func (s *slowServer) answer(write func(...string), tag, cmd, args string) bool {
	switch cmd {
	case "LOGIN":
		if !strings.HasSuffix(args, " "+slowPassword) {
			write(tag + " NO [AUTHENTICATIONFAILED] wrong password")
			return true
		}
		write(tag + " OK [CAPABILITY IMAP4rev1] logged in")
	case "SELECT", "EXAMINE":
		mode := "READ-WRITE"
		if cmd == "EXAMINE" {
			mode = "READ-ONLY"
		}
		write("* 3 EXISTS", "* FLAGS (\\Seen)", tag+" OK ["+mode+"] opened")
	case "SEARCH":
		s.searching <- struct{}{}
		<-s.release
		write("* SEARCH 1 2 3", tag+" OK searched")
	case "LOGOUT":
		write("* BYE bye", tag+" OK bye")
		return false
	default:
		write(tag + " OK done")
	}
	return true
}

// received returns the command lines read so far.
func (s *slowServer) received() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.lines, "\n")
}
