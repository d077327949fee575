package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// machine describes where a run happened, for the report's first line.
type machine struct {
	Date      time.Time
	CPUs      int
	Model     string // /proc/cpuinfo's model name
	Kernel    string
	LoadStart string // /proc/loadavg's 1-minute figure before the run
	LoadEnd   string // and after
}

// thisMachine reads the machine's description now (LoadEnd stays empty
// until finish).
func thisMachine() machine {
	return machine{
		Date: time.Now().UTC(), CPUs: runtime.NumCPU(), Model: cpuModel(),
		Kernel: firstLine("/proc/sys/kernel/osrelease"), LoadStart: loadAverage(),
	}
}

// finish records the load average at the end of the run.
func (m *machine) finish() { m.LoadEnd = loadAverage() }

// String is one Markdown-friendly line.
func (m machine) String() string {
	return fmt.Sprintf("%s, %d CPUs (%s), Linux %s, %s; load average (1 min) %s before the run, %s after",
		m.Date.Format("2006-01-02"), m.CPUs, m.Model, m.Kernel, runtime.Version(), m.LoadStart, m.LoadEnd)
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name, value, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(name) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "unknown CPU"
}

func loadAverage() string {
	fields := strings.Fields(firstLine("/proc/loadavg"))
	if len(fields) == 0 {
		return "?"
	}
	return fields[0]
}

func firstLine(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "?"
	}
	line, _, _ := strings.Cut(string(data), "\n")
	return strings.TrimSpace(line)
}
