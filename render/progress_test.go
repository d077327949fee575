package render

import "testing"

func TestProgress(t *testing.T) {
	tests := []struct {
		done, total int64
		width       int
		want        string
	}{
		{0, 20 << 20, 80, "[........................................]   0%  0 B / 20 MiB"},
		{8 << 20, 20 << 20, 80, "[################........................]  40%  8 MiB / 20 MiB"},
		{20 << 20, 20 << 20, 80, "[########################################] 100%  20 MiB / 20 MiB"},
		{30 << 20, 20 << 20, 80, "[########################################] 100%  20 MiB / 20 MiB"},
		{3 << 20, 0, 80, "3 MiB"},
		{1 << 20, 4 << 20, 30, "[#......]  25%  1 MiB / 4 MiB"},
		{1 << 20, 4 << 20, 20, "25%  1 MiB / 4 MiB"},
	}
	for _, tt := range tests {
		if got := Progress(tt.done, tt.total, tt.width); got != tt.want {
			t.Errorf("Progress(%d, %d, %d) = %q, want %q", tt.done, tt.total, tt.width, got, tt.want)
		}
	}
}
