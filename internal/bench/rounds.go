package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"
)

// series is every sample of one contender over one transport, plus what
// its phase reported (message count, answer size) when it is a phase.
type series struct {
	Transport transport
	Contender contender
	Samples   []sample
	Messages  int   // FETCH responses the phase saw (0 when unknown)
	Bytes     int64 // answer bytes the drain read (0 when unknown)
}

// median returns the median wall, CPU and peak RSS of the samples, each
// taken on its own.
func (s *series) median() sample {
	var walls, cpus []time.Duration
	var rss, out []int64
	for _, x := range s.Samples {
		walls, cpus = append(walls, x.Wall), append(cpus, x.CPU)
		rss, out = append(rss, x.MaxRSS), append(out, x.Out)
	}
	return sample{Wall: medianOf(walls), CPU: medianOf(cpus), MaxRSS: medianOf(rss), Out: medianOf(out)}
}

// medianOf returns the middle value (the mean of the two middle ones for
// an even count); zero for none.
func medianOf[T time.Duration | int64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// rounds runs every contender over every transport once per round, in the
// same order each round, so that a burst of load elsewhere touches all of
// them alike; a warm-up round comes first when warmup is set (the
// server's cache of the mailbox is built on the first FETCH). Each run is
// logged to progress.
func rounds(n int, warmup bool, ts []transport, cs []contender, progress io.Writer) ([]*series, error) {
	var all []*series
	for _, t := range ts {
		for _, c := range cs {
			all = append(all, &series{Transport: t, Contender: c})
		}
	}
	if warmup {
		for _, s := range all {
			if _, err := s.Contender.measure(s.Transport); err != nil {
				return nil, fmt.Errorf("warm-up %s over %s: %w", s.Contender.ID, s.Transport.Name, err)
			}
		}
	}
	for round := 1; round <= n; round++ {
		for _, s := range all {
			if err := s.runOnce(); err != nil {
				return nil, err
			}
			x := s.Samples[len(s.Samples)-1]
			fmt.Fprintf(progress, "round %d  %-5s %-36s wall %7.3f s  CPU %7.3f s  RSS %6.1f MiB  out %s\n",
				round, s.Transport.Name, s.Contender.Label, x.Wall.Seconds(), x.CPU.Seconds(), float64(x.MaxRSS)/(1<<20), sizeText(x.Out))
		}
	}
	return all, nil
}

// runOnce runs the contender once and records the sample and what a
// phase reported.
func (s *series) runOnce() error {
	x, err := s.Contender.measure(s.Transport)
	if err != nil {
		return fmt.Errorf("%s over %s: %w", s.Contender.ID, s.Transport.Name, err)
	}
	if x.Stdout != nil {
		var res result
		if err := json.Unmarshal(x.Stdout, &res); err != nil {
			return fmt.Errorf("%s: bad phase output %q: %w", s.Contender.ID, x.Stdout, err)
		}
		s.Messages, s.Bytes = res.Messages, max(s.Bytes, res.Bytes)
		x.Stdout, x.Out = nil, 0
	}
	s.Samples = append(s.Samples, x)
	return nil
}

// find returns the series of contender id over transport tname, or nil.
func find(all []*series, tname, id string) *series {
	for _, s := range all {
		if s.Transport.Name == tname && s.Contender.ID == id {
			return s
		}
	}
	return nil
}

// mb is a byte count in MB (10^6 bytes), as the tables show it.
func mb(n int64) float64 { return float64(n) / 1e6 }

// sizeText is a byte count in kB or MB; "-" for none.
func sizeText(n int64) string {
	switch {
	case n == 0:
		return "-"
	case n < 1e6:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.1f MB", mb(n))
}

// runRounds runs the contenders offered (those -only names, when pick is
// set) in interleaved rounds and returns their series and the machine
// they ran on, its load read before and after.
func runRounds(o runOptions, offered []contender, pick bool) ([]*series, machine, error) {
	cs := offered
	if pick {
		var err error
		if cs, err = only(offered, o.Only); err != nil {
			return nil, machine{}, err
		}
	}
	m := thisMachine()
	all, err := rounds(o.Rounds, o.Warmup, o.Transports, cs, o.Progress)
	if err != nil {
		return nil, m, err
	}
	m.finish()
	return all, m, nil
}
