package cli

import (
	"math"
	"runtime/debug"
	"testing"

	"imapsh/client"
)

// TestTuneGC: GOGC 200 and a memory limit of the command budget plus 32 MiB,
// unless the user's GOGC or GOMEMLIMIT says otherwise.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	tests := []struct {
		gogc, memlimit string
		budget         int64
		wantPercent    int
		wantLimit      int64
	}{
		{"", "", 0, gcPercent, client.DefaultCommandMemory + gcHeadroom},
		{"", "", 1 << 30, gcPercent, 1<<30 + gcHeadroom},
		{"50", "1GiB", 0, 100, math.MaxInt64}, // the user's settings stand (here: what the test set)
	}
	for _, tt := range tests {
		t.Setenv("GOGC", tt.gogc)
		t.Setenv("GOMEMLIMIT", tt.memlimit)
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		TuneGC(tt.budget)
		if p, l := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); p != tt.wantPercent || l != tt.wantLimit {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q budget %d: percent %d, limit %d; want %d, %d", tt.gogc, tt.memlimit, tt.budget, p, l, tt.wantPercent, tt.wantLimit)
		}
	}
}
