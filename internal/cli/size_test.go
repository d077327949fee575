package cli

import (
	"bytes"
	"errors"
	"testing"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1048576", 1 << 20, true},
		{"64M", 64 << 20, true},
		{"64m", 64 << 20, true},
		{"64MB", 64 << 20, true},
		{"64MiB", 64 << 20, true},
		{"512K", 512 << 10, true},
		{"2G", 2 << 30, true},
		{" 3g ", 3 << 30, true},
		{"", 0, false},
		{"M", 0, false},
		{"-1M", 0, false},
		{"1.5G", 0, false},
		{"64X", 0, false},
		{"99999999999G", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestMaxCommandMemoryFlag(t *testing.T) {
	o, err := Parse([]string{"--max-command-memory", "256M"}, &bytes.Buffer{})
	if err != nil || o.MaxCommandMemory != 256<<20 {
		t.Fatalf("got %+v, %v", o, err)
	}
	for _, bad := range []string{"512K", "lots"} {
		if _, err := Parse([]string{"--max-command-memory", bad}, &bytes.Buffer{}); !errors.Is(err, ErrUsage) {
			t.Errorf("--max-command-memory %s: err %v, want a usage error", bad, err)
		}
	}
}
