package main

import (
	"net"
	"sync"
	"time"
)

// delayProxy forwards connections from a 127.0.0.1 listener to a server,
// holding every chunk back by a fixed delay in each direction: a round
// trip costs twice the delay, as on a long link, while chunks keep their
// order and stream back to back (throughput is not limited). The kernel
// here has no netem, so the delay is made in user space.
type delayProxy struct {
	ln     net.Listener
	target string
	oneWay time.Duration
	wg     sync.WaitGroup
}

// startDelayProxy listens on 127.0.0.1 and forwards to target.
func startDelayProxy(target string, oneWay time.Duration) (*delayProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &delayProxy{ln: ln, target: target, oneWay: oneWay}
	p.wg.Go(p.accept)
	return p, nil
}

// Addr is the proxy's host:port.
func (p *delayProxy) Addr() string { return p.ln.Addr().String() }

// Close stops accepting and waits for the open connections to end.
func (p *delayProxy) Close() error {
	err := p.ln.Close()
	p.wg.Wait()
	return err
}

func (p *delayProxy) accept() {
	for {
		in, err := p.ln.Accept()
		if err != nil {
			return
		}
		out, err := net.Dial("tcp", p.target)
		if err != nil {
			in.Close()
			continue
		}
		p.wg.Go(func() {
			var both sync.WaitGroup
			both.Go(func() { forwardDelayed(out, in, p.oneWay) })
			both.Go(func() { forwardDelayed(in, out, p.oneWay) })
			both.Wait()
			in.Close()
			out.Close()
		})
	}
}

// chunk is data read at some moment, due for writing delay later.
type chunk struct {
	data []byte
	due  time.Time
}

// forwardDelayed copies src to dst, each chunk delay after it was read;
// at the end of src it half-closes dst (both on a write error).
func forwardDelayed(dst, src net.Conn, delay time.Duration) {
	queue := make(chan chunk, 4096)
	go func() {
		defer close(queue)
		for {
			buf := make([]byte, 32<<10)
			n, err := src.Read(buf)
			if n > 0 {
				queue <- chunk{buf[:n], time.Now().Add(delay)}
			}
			if err != nil {
				return
			}
		}
	}()
	for c := range queue {
		time.Sleep(time.Until(c.due))
		if _, err := dst.Write(c.data); err != nil {
			src.Close()
			dst.Close()
			for range queue {
			}
			return
		}
	}
	if t, ok := dst.(*net.TCPConn); ok {
		t.CloseWrite()
	}
}
