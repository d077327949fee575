package main

import (
	"bytes"
	"compress/flate"
	"context"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"imapsh/client/clienttest"
)

// TestBinaryFloodMemory runs `imapsh --plaintext -c noop -c noop` against
// fake servers that answer the first NOOP with the floods of issue 8, and
// checks the peak resident memory of the process (getrusage's maxrss, the
// VmHWM of /proc), the note on stderr, and that the second NOOP still got
// its answer (the session stayed in sync). Before the memory budget these
// took 366 MiB, 846 MiB, 1422 MiB and 788 MiB.
func TestBinaryFloodMemory(t *testing.T) {
	alert := "* OK [ALERT] " + strings.Repeat("a", 1000)
	tests := []struct {
		name   string
		answer clienttest.Answer
		args   []string
		note   string
	}{
		{"2M EXISTS", clienttest.Lines("* 1 EXISTS", 2_000_000), nil,
			"note: folded into the mailbox state: 1999999 more EXISTS responses (the last is shown)"},
		{"200k ALERT", clienttest.Lines(alert, 200_000), nil,
			"note: not kept: 199000 more unsolicited OK responses"},
		{"6x100MiB literals", clienttest.FetchLiterals(1, 6, 100<<20), nil,
			"note: discarded: 6 body sections (600 MiB) that no command asked for"},
		{"deflate bomb", clienttest.Lines(alert, 200_000), []string{"-c", "compress"},
			"note: not kept: 199000 more unsolicited OK responses"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// BestSpeed: a bigger bomb on the wire (0.6 MiB, not 0.4), the same
			// inflated flood, and far less of the test's own CPU under -race.
			srv := &clienttest.Flood{Answers: map[string][]clienttest.Answer{"NOOP": {tt.answer}}, Level: flate.BestSpeed}
			args := append([]string{"--plaintext", "imap://" + srv.Listen(t)}, tt.args...)
			args = append(args, "-c", "noop", "-c", "noop")
			r, maxRSS := imapshRSS(t, args...)
			t.Logf("peak RSS %.1f MiB; the server sent %.1f MiB", float64(maxRSS)/(1<<20), float64(srv.Sent())/(1<<20))
			check{code: 0, stderr: []string{tt.note}}.verify(t, r)
			if n, want := strings.Count(r.stdout, "OK done"), 2+len(tt.args)/2; n != want {
				t.Errorf("%d tagged OKs shown, want %d (one per command)", n, want)
			}
			// Typically 20 to 42 MiB; the margin is for the collector
			// falling behind on a loaded machine (73 MiB was seen once).
			if maxRSS > 96<<20 {
				t.Errorf("peak RSS %.1f MiB, want under 96 MiB", float64(maxRSS)/(1<<20))
			}
		})
	}
}

// imapshRSS runs the binary and returns its output and its peak resident
// set size in bytes.
func imapshRSS(t *testing.T, args ...string) (result, int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = testEnv(t)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if exit, ok := err.(*exec.ExitError); ok {
		r.code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("imapsh %q: %v", args, err)
	}
	if ctx.Err() != nil {
		t.Fatalf("imapsh %q timed out\n%s", args, r)
	}
	usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no rusage on this system")
	}
	return r, usage.Maxrss << 10 // Linux reports kilobytes
}
