package cli

import "testing"

func TestUseColor(t *testing.T) {
	tests := []struct {
		mode     string
		noColor  string
		terminal bool
		want     bool
	}{
		{"auto", "", true, true},
		{"auto", "", false, false},
		{"auto", "1", true, false},
		{"always", "1", false, true},
		{"never", "", true, false},
	}
	for _, tt := range tests {
		getenv := func(k string) string {
			if k == "NO_COLOR" {
				return tt.noColor
			}
			return ""
		}
		if got := UseColor(tt.mode, getenv, tt.terminal); got != tt.want {
			t.Errorf("UseColor(%q, NO_COLOR=%q, terminal=%v) = %v, want %v", tt.mode, tt.noColor, tt.terminal, got, tt.want)
		}
	}
}
