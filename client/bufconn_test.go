package client

import (
	"bytes"
	"io"
	"net"
	"slices"
	"testing"
	"time"
)

// chunkConn returns its chunks one per Read, each taking the time it says
// on a fake clock.
type chunkConn struct {
	net.Conn
	chunks []chunk
	clock  *time.Time
	wrote  func()
}

type chunk struct {
	size    int
	blocked time.Duration
	write   bool // the client writes before this read (a command)
}

func (c *chunkConn) Write(p []byte) (int, error) { return len(p), nil }

func (c *chunkConn) Read(p []byte) (int, error) {
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	ch := c.chunks[0]
	c.chunks = c.chunks[1:]
	if len(c.chunks) > 0 && c.chunks[0].write {
		c.wrote()
	}
	*c.clock = c.clock.Add(ch.blocked)
	return copy(p, bytes.Repeat([]byte("x"), ch.size)), nil
}

// TestBufferedConnCoalesces: reads wait for more data only in a flow of
// small reads (after coalesceAfter of them), never after a read that
// filled the buffer or one that waited for its data.
func TestBufferedConnCoalesces(t *testing.T) {
	small, flowing, idle := chunk{4 << 10, 50 * time.Microsecond, false}, 50*time.Microsecond, 5*time.Second
	tests := []struct {
		name   string
		chunks []chunk
		sleeps []int // the reads (0-based) that waited first
	}{
		{"one answer", []chunk{small, small, small}, nil},
		{"a flow", []chunk{small, small, small, small, small, {40 << 10, flowing, false}, small}, []int{4, 5, 6, 7}}, // 7: the read that finds the end
		{"full buffers: the client is the slow side", []chunk{small, small, small, small, {tlsReadBuffer, flowing, false}, small}, []int{4}},
		{"the flow stops", []chunk{small, small, small, small, {100, idle, false}, small, small}, []int{4}},
		{"commands and quick answers", []chunk{small, {300, flowing, true}, {300, flowing, true}, {300, flowing, true},
			{300, flowing, true}, {300, flowing, true}, {300, flowing, true}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := time.Unix(0, 0)
			var sleeps []int
			read := 0
			cc := &chunkConn{chunks: tt.chunks, clock: &clock}
			c := newBufferedConn(cc)
			cc.wrote = func() { c.Write(nil) }
			c.now = func() time.Time { return clock }
			c.sleep = func(d time.Duration) { sleeps = append(sleeps, read); clock = clock.Add(d) }
			total := 0
			for _, ch := range tt.chunks {
				total += ch.size
			}
			got, err := io.ReadAll(readerFunc(func(p []byte) (int, error) {
				if c.r == c.w {
					defer func() { read++ }()
				}
				return c.Read(p)
			}))
			if err != nil || len(got) != total {
				t.Fatalf("read %d bytes, err %v; want %d", len(got), err, total)
			}
			if !slices.Equal(sleeps, tt.sleeps) {
				t.Errorf("waited before reads %v, want %v", sleeps, tt.sleeps)
			}
		})
	}
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }
