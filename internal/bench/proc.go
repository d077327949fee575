package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// sample is one whole-process run of a contender, measured from outside:
// what a user running the command would see and pay.
type sample struct {
	Wall   time.Duration // exec to exit
	CPU    time.Duration // user+sys of the process (and of any child it waited for)
	MaxRSS int64         // peak resident set size, bytes (rusage ru_maxrss)
	Out    int64         // bytes read from its stdout (toPipe and toCapture)
	Stdout []byte        // its stdout (toCapture only)
}

// stdoutMode is where a contender's standard output goes.
type stdoutMode int

const (
	toDevNull stdoutMode = iota // /dev/null, as `> /dev/null` in a shell
	toPipe                      // a pipe read to EOF by a drain in this process, as `| jq` would
	toCapture                   // kept in memory (a phase's JSON result)
)

// proc is one process to run: its argv, extra environment and stdout.
type proc struct {
	Spawner string // the spawn program (spawn/main.go) that runs and measures Argv
	Argv    []string
	Env     []string // added to this process's environment
	Stdout  stdoutMode
}

// runProcess runs p through its spawner, with stdin from /dev/null, and
// returns the wall time, CPU time and peak RSS the spawner measured (see
// spawn/main.go for why a spawner). A non-zero exit is an error carrying
// the end of the program's stderr.
func runProcess(p proc) (sample, error) {
	cmd := exec.Command(p.Spawner, p.Argv...)
	cmd.Env = append(benchEnviron(), p.Env...)
	var stderr tailBuffer
	cmd.Stderr = &stderr
	wait, err := attachStdout(cmd, p.Stdout)
	if err != nil {
		return sample{}, err
	}
	report, err := attachReport(cmd)
	if err != nil {
		return sample{}, err
	}
	err = cmd.Start()
	closeChildEnds(cmd)
	if err != nil {
		wait()
		report()
		return sample{}, err
	}
	got := wait()
	out, rerr := report()
	err = cmd.Wait()
	s := sample{Wall: time.Duration(out.WallNano), CPU: time.Duration(out.CPUNano), MaxRSS: out.MaxRSSKiB * 1024,
		Out: got.n, Stdout: got.data}
	switch {
	case err != nil:
	case rerr != nil:
		err = rerr
	case out.Error != "":
		err = errors.New(out.Error)
	case out.ExitCode != 0:
		err = fmt.Errorf("exit status %d", out.ExitCode)
	}
	if err != nil {
		return s, fmt.Errorf("%s: %w: %s", p.Argv[0], err, strings.TrimSpace(stderr.String()))
	}
	return s, nil
}

// spawnOutcome is what the spawner reports on its file descriptor 3
// (spawn/main.go's outcome).
type spawnOutcome struct {
	StartUnixNano int64  `json:"start_unix_ns"`
	WallNano      int64  `json:"wall_ns"`
	CPUNano       int64  `json:"cpu_ns"`
	MaxRSSKiB     int64  `json:"max_rss_kib"`
	ExitCode      int    `json:"exit_code"`
	Error         string `json:"error"`
}

// attachReport gives cmd a pipe as file descriptor 3; read returns the
// spawner's report once it has exited.
func attachReport(cmd *exec.Cmd) (read func() (spawnOutcome, error), err error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd.ExtraFiles = []*os.File{w}
	done := make(chan []byte, 1)
	go func() {
		defer r.Close()
		data, _ := io.ReadAll(r)
		done <- data
	}()
	return func() (spawnOutcome, error) {
		var out spawnOutcome
		data := <-done
		if err := json.Unmarshal(data, &out); err != nil {
			return out, fmt.Errorf("bad spawner report %q: %v", data, err)
		}
		return out, nil
	}, nil
}

// benchEnviron is this process's environment without COLUMNS, which would
// change the width of piped imapsh output.
func benchEnviron() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "COLUMNS=") {
			env = append(env, kv)
		}
	}
	return env
}

// stdoutResult is what was read from a child's stdout.
type stdoutResult struct {
	n    int64
	data []byte
}

// attachStdout connects cmd's stdout as mode says; wait blocks until the
// output has been read to EOF (immediately for /dev/null).
func attachStdout(cmd *exec.Cmd, mode stdoutMode) (wait func() stdoutResult, err error) {
	if mode == toDevNull {
		null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		cmd.Stdout = null
		return func() stdoutResult { return stdoutResult{} }, nil
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd.Stdout = w // an *os.File: the child writes to the pipe itself, no copying goroutine
	done := make(chan stdoutResult, 1)
	go func() {
		defer r.Close()
		if mode == toCapture {
			data, _ := io.ReadAll(r)
			done <- stdoutResult{n: int64(len(data)), data: data}
			return
		}
		n, _ := io.Copy(io.Discard, struct{ io.Reader }{r}) // plain reads, 32 KiB at a time
		done <- stdoutResult{n: n}
	}()
	return func() stdoutResult { return <-done }, nil
}

// closeChildEnds closes this process's copies of the files handed to the
// child, so that a pipe reaches EOF when the child exits.
func closeChildEnds(cmd *exec.Cmd) {
	if f, ok := cmd.Stdout.(*os.File); ok {
		f.Close()
	}
	for _, f := range cmd.ExtraFiles {
		f.Close()
	}
}

// tailBuffer keeps the last 4 KiB written to it (a child's stderr).
type tailBuffer struct{ b bytes.Buffer }

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b.Write(p)
	if extra := t.b.Len() - 4096; extra > 0 {
		t.b.Next(extra)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return t.b.String() }
