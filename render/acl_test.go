package render

import "testing"

func TestDigitRuns(t *testing.T) {
	tests := []struct {
		digits string
		want   string
	}{
		{"", ""},
		{"0123456789", "0-9"},
		{"09", "0,9"},
		{"01", "0,1"},
		{"1237", "1-3,7"},
		{"5", "5"},
		{"013489", "0,1,3,4,8,9"},
	}
	for _, tt := range tests {
		var present [10]bool
		for _, d := range tt.digits {
			present[d-'0'] = true
		}
		if got := digitRuns(present); got != tt.want {
			t.Errorf("digitRuns(%s) = %q, want %q", tt.digits, got, tt.want)
		}
	}
}
