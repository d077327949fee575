package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"
)

// result is what a phase reports about its FETCH, from inside the child.
type result struct {
	Phase     string  `json:"phase"`
	Wall      float64 `json:"wall_s"`      // FETCH sent -> tagged OK read
	CPU       float64 `json:"cpu_s"`       // user+sys during the FETCH
	HeapPeak  uint64  `json:"heap_peak"`   // sampled live heap (Go phases)
	Bytes     int64   `json:"bytes"`       // answer bytes (drain only)
	Messages  int     `json:"messages"`    // FETCH responses seen
	ProcCPU   float64 `json:"proc_cpu_s"`  // whole child process, set by the parent
	MaxRSSKiB int64   `json:"max_rss_kib"` // whole child process, set by the parent
}

// fetchFunc runs the measured FETCH and returns (messages, bytes).
type fetchFunc func() (int, int64, error)

// runPhase sets up a contender and measures its FETCH.
func runPhase(name string, cfg config, cpuprofile string) error {
	var (
		fetch fetchFunc
		err   error
	)
	switch name {
	case "drain":
		fetch, err = setupDrain(cfg)
	case "client":
		fetch, err = setupClient(cfg)
	case "goimap":
		fetch, err = setupGoIMAP(cfg)
	case "login":
		fetch, err = setupLogin(cfg)
	default:
		return fmt.Errorf("unknown phase %q", name)
	}
	if err != nil {
		return err
	}
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	res, err := measure(name, fetch)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(res)
}

// measure times fetch: wall clock, the process's CPU time, and the live
// heap sampled every 2 ms.
func measure(name string, fetch fetchFunc) (result, error) {
	stop := make(chan struct{})
	var peak uint64
	var wg sync.WaitGroup
	wg.Go(func() { peak = sampleHeap(stop) })
	cpu0 := cpuTime()
	t0 := time.Now()
	msgs, n, err := fetch()
	wall := time.Since(t0)
	cpu := cpuTime() - cpu0
	close(stop)
	wg.Wait()
	return result{Phase: name, Wall: wall.Seconds(), CPU: cpu.Seconds(), HeapPeak: peak, Bytes: n, Messages: msgs}, err
}

// cpuTime is the user+system time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// sampleHeap returns the largest live-heap size seen until stop closes.
func sampleHeap(stop <-chan struct{}) uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		metrics.Read(s)
		peak = max(peak, s[0].Value.Uint64())
		select {
		case <-stop:
			return peak
		case <-tick.C:
		}
	}
}
