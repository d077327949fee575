// Command spawn runs one program for internal/bench and reports, on file
// descriptor 3, its wall time, CPU time and peak RSS as one JSON object:
//
//	spawn PROGRAM [ARG...]
//
// It exists because Linux charges a child's ru_maxrss with its parent's
// peak RSS at the time of the spawn: Go starts children with
// clone(CLONE_VM|CLONE_VFORK), so the child's first exec records the
// parent's memory high-water mark as its own (fs/exec.c, exec_mmap,
// setmax_mm_hiwater_rss). A benchmark process that has grown to 20 MB
// would make every child look at least 20 MB big. This program is small
// (about 2 MB resident), so the floor it adds is small, and it does
// nothing else.
//
// Standard input, output and error pass to the program unchanged.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// outcome is what spawn reports.
type outcome struct {
	StartUnixNano int64  `json:"start_unix_ns"` // wall clock just before the exec
	WallNano      int64  `json:"wall_ns"`       // exec to exit
	CPUNano       int64  `json:"cpu_ns"`        // user+sys
	MaxRSSKiB     int64  `json:"max_rss_kib"`   // peak resident set
	ExitCode      int    `json:"exit_code"`     // -1 when killed by a signal
	Error         string `json:"error,omitempty"`
}

func main() {
	report := os.NewFile(3, "report")
	syscall.CloseOnExec(3) // the program must not hold the report pipe open
	if len(os.Args) < 2 || report == nil {
		fmt.Fprintln(os.Stderr, "usage: spawn PROGRAM [ARG...] (report on fd 3)")
		os.Exit(2)
	}
	out := run(os.Args[1:])
	if err := json.NewEncoder(report).Encode(out); err != nil {
		os.Exit(2)
	}
}

// run runs argv with this process's standard files and measures it.
func run(argv []string) outcome {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Start()
	if err != nil {
		return outcome{StartUnixNano: start.UnixNano(), ExitCode: -1, Error: err.Error()}
	}
	err = cmd.Wait()
	out := outcome{StartUnixNano: start.UnixNano(), WallNano: int64(time.Since(start)), ExitCode: cmd.ProcessState.ExitCode()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		out.CPUNano = ru.Utime.Nano() + ru.Stime.Nano()
		out.MaxRSSKiB = ru.Maxrss
	}
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		out.Error = err.Error()
	}
	return out
}
