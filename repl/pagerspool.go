package repl

import (
	"errors"
	"io"
	"os"
	"sync"
)

// pagerSpool is the pager's input: a pipe whose writer never blocks, so
// that a command streaming into the pager (a FETCH of 100,000 rows) goes
// on reading the server's answer while the user reads the first page. What
// the pager has not taken yet waits in a temporary file, unlinked at once
// (mode 0600, as os.CreateTemp makes it), so memory stays bounded.
type pagerSpool struct {
	mu     sync.Mutex
	more   *sync.Cond
	f      *os.File
	wrote  int64
	read   int64
	closed bool // the writer is done
	gone   bool // the reader is gone (the pager quit)
}

// errPagerGone is what Write returns once the pager has quit.
var errPagerGone = errors.New("the pager has quit")

// newPagerSpool creates the spool's file in the temporary directory.
func newPagerSpool() (*pagerSpool, error) {
	f, err := os.CreateTemp("", "imapsh-pager-*")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name()) // unlinked: gone when closed, whatever happens
	s := &pagerSpool{f: f}
	s.more = sync.NewCond(&s.mu)
	return s, nil
}

// Write appends b; it fails only once the reader is gone or the disk is
// full.
func (s *pagerSpool) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gone {
		return 0, errPagerGone
	}
	n, err := s.f.WriteAt(b, s.wrote)
	s.wrote += int64(n)
	s.more.Broadcast()
	return n, err
}

// Read waits for data not read yet; io.EOF once the writer closed and all
// was read.
func (s *pagerSpool) Read(b []byte) (int, error) {
	s.mu.Lock()
	for s.read == s.wrote && !s.closed {
		s.more.Wait()
	}
	if s.read == s.wrote {
		s.mu.Unlock()
		return 0, io.EOF
	}
	avail := s.wrote - s.read
	at := s.read
	s.mu.Unlock()
	n, err := s.f.ReadAt(b[:min(int64(len(b)), avail)], at) // below wrote: written already
	s.mu.Lock()
	s.read += int64(n)
	s.mu.Unlock()
	if err == io.EOF && n > 0 {
		err = nil
	}
	return n, err
}

// closeWrite says no more is coming.
func (s *pagerSpool) closeWrite() {
	s.mu.Lock()
	s.closed = true
	s.more.Broadcast()
	s.mu.Unlock()
}

// feed copies the spool to the pager's stdin until the end or until the
// pager stops reading, then closes stdin.
func (s *pagerSpool) feed(stdin io.WriteCloser) {
	_, err := io.Copy(stdin, s)
	if err != nil {
		s.mu.Lock()
		s.gone = true
		s.mu.Unlock()
	}
	stdin.Close()
}

// replay writes everything written to w: the output of a pager that
// could not run.
func (s *pagerSpool) replay(w io.Writer) {
	s.mu.Lock()
	size := s.wrote
	s.mu.Unlock()
	io.Copy(w, io.NewSectionReader(s.f, 0, size))
}

// close removes the spool.
func (s *pagerSpool) close() { s.f.Close() }
