package client

import (
	"net"
	"sync/atomic"
	"time"
)

// Coalescing of small reads under TLS (bufferedConn).
const (
	tlsReadBuffer = 64 << 10             // what one read of the socket may take
	smallRead     = 16 << 10             // a read below this found the socket nearly empty
	flowGap       = 2 * time.Millisecond // a read that waited longer found no data flowing
	coalesceAfter = 4                    // small reads in a flow before reads wait
	coalesceWait  = time.Millisecond     // how long a read waits for more to arrive
)

// bufferedConn reads the connection under crypto/tls through a buffer,
// and coalesces reads while a large answer flows. crypto/tls reads what
// one record needs; Dovecot 2.3 sends a 100,000-message FETCH over TLS in
// records of about 4 KiB, faster than it is parsed but slower than the
// client catches up, so each read found one record and each wait for the
// next parked the goroutine in the network poller: the TLS drain spent
// most of its CPU in read and epoll_wait (perf), 15,000 reads against
// 1,000 over plain TCP. After coalesceAfter small reads that found data
// flowing, a read first waits coalesceWait for more to arrive: one read
// and one wake-up take what a dozen records brought. A read that fills the
// buffer (the client is the slow side) or that waited for data (the flow
// stopped: IDLE), and a write (a new command: its answer is awaited, not
// a flow), end the flow, so single answers and latency measurements (the
// probe's NOOPs) are not delayed.
type bufferedConn struct {
	net.Conn
	buf    []byte
	r, w   int
	streak int         // small reads in the current flow
	wrote  atomic.Bool // a Write since the last read ends the flow
	// now and sleep are time.Now and time.Sleep, replaced by tests.
	now   func() time.Time
	sleep func(time.Duration)
}

func newBufferedConn(conn net.Conn) *bufferedConn {
	return &bufferedConn{Conn: conn, buf: make([]byte, tlsReadBuffer), now: time.Now, sleep: time.Sleep}
}

// Write sends p; the reads that follow are an answer, not a flow.
func (c *bufferedConn) Write(p []byte) (int, error) {
	c.wrote.Store(true)
	return c.Conn.Write(p)
}

// Read serves p from the buffer, filling it with one read when empty.
func (c *bufferedConn) Read(p []byte) (int, error) {
	if c.r == c.w {
		n, err := c.fill()
		if n == 0 {
			return 0, err
		}
	}
	n := copy(p, c.buf[c.r:c.w])
	c.r += n
	return n, nil
}

// fill reads the connection once into the empty buffer.
func (c *bufferedConn) fill() (int, error) {
	if c.wrote.Swap(false) {
		c.streak = 0
	}
	if c.streak >= coalesceAfter {
		c.sleep(coalesceWait)
	}
	start := c.now()
	n, err := c.Conn.Read(c.buf)
	c.r, c.w = 0, n
	switch {
	case n == len(c.buf):
		c.streak = 0 // more is waiting: no need to wait for it
	case c.now().Sub(start) > flowGap:
		c.streak = 0 // the flow had stopped
	case n < smallRead:
		c.streak++
	}
	return n, err
}
