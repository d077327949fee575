package main

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// buildSpawner builds spawn/main.go for a test.
func buildSpawner(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "spawn")
	if err := goBuild(out, "imapsh/internal/bench/spawn"); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSpawnerRSSIsTheChilds: a child run through the spawner does not
// inherit this process's peak RSS (which a direct os/exec child would,
// see spawn/main.go), and its output reaches the pipe.
func TestSpawnerRSSIsTheChilds(t *testing.T) {
	spawner := buildSpawner(t)
	ballast := make([]byte, 96<<20)
	for i := range ballast {
		ballast[i] = 1 // touched, so resident
	}
	x, err := runProcess(proc{Spawner: spawner, Argv: []string{"/bin/echo", "hello"}, Stdout: toPipe})
	runtime.KeepAlive(ballast)
	if err != nil {
		t.Fatal(err)
	}
	if x.MaxRSS <= 0 || x.MaxRSS > 32<<20 {
		t.Errorf("peak RSS of /bin/echo = %d bytes; want the child's own few MiB, not this process's 96+", x.MaxRSS)
	}
	if x.Out != int64(len("hello\n")) || x.Wall <= 0 {
		t.Errorf("out = %d bytes, wall %v; want 6 bytes and a positive wall", x.Out, x.Wall)
	}
}

// TestRunProcessFailure: a non-zero exit is an error with the stderr.
func TestRunProcessFailure(t *testing.T) {
	spawner := buildSpawner(t)
	_, err := runProcess(proc{Spawner: spawner, Argv: []string{"/bin/sh", "-c", "echo broken >&2; exit 3"}})
	if err == nil || !strings.Contains(err.Error(), "exit status 3") || !strings.Contains(err.Error(), "broken") {
		t.Errorf("err = %v; want exit status 3 and the stderr", err)
	}
	_, err = runProcess(proc{Spawner: spawner, Argv: []string{"/nonexistent/program"}})
	if err == nil {
		t.Error("a missing program gave no error")
	}
}

func TestMedianOf(t *testing.T) {
	tests := []struct {
		in   []int64
		want int64
	}{
		{nil, 0}, {[]int64{5}, 5}, {[]int64{9, 1, 5}, 5}, {[]int64{4, 1, 3, 2}, 2}, {[]int64{10, 20}, 15},
	}
	for _, tt := range tests {
		if got := medianOf(tt.in); got != tt.want {
			t.Errorf("medianOf(%v) = %d, want %d", tt.in, got, tt.want)
		}
	}
	if got := medianOf([]time.Duration{3, 1, 2}); got != 2 {
		t.Errorf("median of durations = %v", got)
	}
}

func TestWholeGoal(t *testing.T) {
	plain, tls := transport{Security: "plain"}, transport{Security: "tls"}
	tests := []struct {
		id        string
		tr        transport
		wall, cpu float64
		rss       int64
		want      string
	}{
		{"drain", plain, 1, 0.1, 1 << 20, ""},
		{"text", plain, 1.1, 0.5, 20 << 20, "met"},
		{"text", plain, 1.18, 0.5, 20 << 20, "missed: wall ≤ 1.15x"},
		{"json-pipe", tls, 1.18, 0.5, 20 << 20, "met"},
		{"json", tls, 3, 4.5, 40 << 20, "missed: wall ≤ 1.20x, CPU ≤ 0.6x, RSS ≤ 32 MiB"},
		{"text", plain, 0, 0, 1, "missed: wall ≤ 1.15x, CPU ≤ 0.6x"}, // no drain or imaplib to compare with
	}
	for _, tt := range tests {
		if got := wholeGoal(tt.id, tt.tr, tt.wall, tt.cpu, tt.rss); got != tt.want {
			t.Errorf("wholeGoal(%s, %s, %v, %v, %d) = %q, want %q", tt.id, tt.tr.Security, tt.wall, tt.cpu, tt.rss, got, tt.want)
		}
	}
}

func TestFormats(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 100000: "100,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
	for name, want := range map[string]string{"INBOX": "INBOX", "Lists/go-nuts": "Lists/go-nuts", "Sent Items": `"Sent Items"`, `a"b`: `"a\"b"`} {
		if got := shellQuote(name); got != want {
			t.Errorf("shellQuote(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestMarkdownTable(t *testing.T) {
	tb := &table{Header: []string{"contender", "wall"}, Notes: []string{"note"}}
	tb.add("imapsh text | drain", "1.000 s")
	var b strings.Builder
	r := &report{Intro: []string{"intro"}, Tables: []*table{tb}}
	if err := r.write(&b, true); err != nil {
		t.Fatal(err)
	}
	want := "intro\n\n| contender | wall |\n|---|---|\n| imapsh text \\| drain | 1.000 s |\n\nnote\n\n"
	if b.String() != want {
		t.Errorf("markdown =\n%q\nwant\n%q", b.String(), want)
	}
}
