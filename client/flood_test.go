package client_test

import (
	"context"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// Hostile floods that a server can answer a single command with, and what
// they cost the client. scale 10 is the size of the measurements
// (2 million EXISTS lines, 200,000 one-kilobyte ALERTs, six 100 MiB
// literals in one FETCH); scale 1 is a tenth of it.

// flood is one form of hostile answer to NOOP.
type flood struct {
	name     string
	compress bool // COMPRESS=DEFLATE first: the flood is a deflate bomb
	answer   func(scale int) clienttest.Answer
	level    int // the server's deflate level; 0 is the best (the smallest bomb)
}

// alertLine is an untagged OK with an ALERT code and 1 KB of text.
var alertLine = "* OK [ALERT] " + strings.Repeat("a", 1024-len("* OK [ALERT] ")-2)

var floods = []flood{
	{"exists", false, func(scale int) clienttest.Answer { return clienttest.Lines("* 1 EXISTS", 200_000*scale) }, 0},
	{"alert", false, func(scale int) clienttest.Answer { return clienttest.Lines(alertLine, 20_000*scale) }, 0},
	{"fetch-literals", false, func(scale int) clienttest.Answer {
		return clienttest.FetchLiterals(1, 6, int64(scale)*10<<20)
	}, 0},
	{"deflate-bomb", true, func(scale int) clienttest.Answer { return clienttest.Lines(alertLine, 20_000*scale) }, 0},
}

// floodRun is what one flooded session cost and returned.
type floodRun struct {
	peak     uint64         // peak heap growth while the flood was read
	retained uint64         // heap growth after it, with its Result held
	wire     int64          // bytes the server sent (deflated after COMPRESS)
	res      *client.Result // the flooded NOOP's
	after    *client.Result // the NOOP after it: the session must be in sync
	err      error
}

// runFlood connects to a server that answers the first NOOP with the
// flood, runs that NOOP and one more, and measures the peak heap.
func runFlood(t testing.TB, f flood, scale int, opts *client.Options) floodRun {
	t.Helper()
	srv := &clienttest.Flood{Answers: map[string][]clienttest.Answer{"NOOP": {f.answer(scale)}}, Level: f.level}
	c, err := client.New(srv.Serve(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if f.compress {
		if _, err := c.Compress(ctx); err != nil {
			t.Fatal(err)
		}
	}
	var run floodRun
	run.peak, run.retained = measureHeap(func() {
		run.res, run.err = c.Noop(ctx)
	})
	run.wire = srv.Sent()
	run.after, _ = c.Noop(ctx)
	return run
}

// measureHeap runs f and returns the largest growth of the heap (live and
// not yet collected objects) over what it was before, sampled every
// 100 µs and once more after f returns, and what stays live after f (f's
// results are still held by the caller): the first depends on when the
// collector ran, the second does not.
func measureHeap(f func()) (peak, retained uint64) {
	runtime.GC()
	base := heapObjects()
	p := peakHeap(base, f)
	runtime.GC()
	return p, max(heapObjects(), base) - base
}

// peakHeap samples the heap while f runs.
func peakHeap(base uint64, f func()) uint64 {
	var peak atomic.Uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			if v := heapObjects(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	f()
	if v := heapObjects(); v > peak.Load() {
		peak.Store(v)
	}
	close(stop)
	<-done
	return max(peak.Load(), base) - base
}

// heapObjects reads the bytes held by heap objects, live or not yet swept.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// BenchmarkFloodMemory reports the peak heap of each flood at two sizes
// ten times apart (run with -benchtime=1x; memory, not speed, is the
// point): go test -run '^$' -bench FloodMemory -benchtime=1x ./client
func BenchmarkFloodMemory(b *testing.B) {
	for _, f := range floods {
		for _, scale := range []int{1, 10} {
			b.Run(f.name+"/scale="+itoa(uint32(scale)), func(b *testing.B) {
				var peak uint64
				var wire int64
				for range b.N {
					run := runFlood(b, f, scale, nil)
					if run.after == nil || !run.after.OK() {
						b.Fatalf("the session is out of sync after the flood: %v", run.after)
					}
					peak, wire = max(peak, run.peak), run.wire
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
				b.ReportMetric(float64(wire)/(1<<10), "wire-KiB")
			})
		}
	}
}
