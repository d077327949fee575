package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// binary is the imapsh executable built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "imapsh-test-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "imapsh")
	build := exec.Command("go", "build", "-o", binary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary produced.
type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout:\n%s--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// testEnv is a minimal environment with HOME and the XDG state directory in
// a temporary directory, so no test reads or writes the user's history.
func testEnv(t *testing.T, extra ...string) []string {
	t.Helper()
	home := t.TempDir()
	return append([]string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_STATE_HOME=" + filepath.Join(home, "state"),
	}, extra...)
}

// imapsh runs the binary with stdin and the environment, for at most 60 s.
func imapsh(t *testing.T, env []string, stdin string, args ...string) result {
	t.Helper()
	return imapshIn(t, "", env, stdin, args...)
}

// imapshIn runs the binary in dir ("" = the current directory).
func imapshIn(t *testing.T, dir string, env []string, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("imapsh %q: %v", args, err)
	}
	if ctx.Err() != nil {
		t.Fatalf("imapsh %q timed out\n%s", args, r)
	}
	return r
}

// check fails the test when the run's exit code differs, or its output
// lacks a wanted string or holds an unwanted one.
type check struct {
	code      int
	stdout    []string
	stderr    []string
	notStdout []string
	notStderr []string
}

func (c check) verify(t *testing.T, r result) {
	t.Helper()
	if r.code != c.code {
		t.Errorf("exit status %d, want %d", r.code, c.code)
	}
	for _, s := range c.stdout {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("stdout lacks %q", s)
		}
	}
	for _, s := range c.stderr {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q", s)
		}
	}
	for _, s := range c.notStdout {
		if strings.Contains(r.stdout, s) {
			t.Errorf("stdout holds %q", s)
		}
	}
	for _, s := range c.notStderr {
		if strings.Contains(r.stderr, s) {
			t.Errorf("stderr holds %q", s)
		}
	}
	if t.Failed() {
		t.Logf("%s", r)
	}
}

// shellQuote joins argv into one /bin/sh command line.
func shellQuote(argv []string) string {
	quoted := make([]string, len(argv))
	for i, a := range argv {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(quoted, " ")
}
