package main

import (
	"testing"

	"github.com/chzyer/readline"
)

// TestListingOffset: the offset handed to readline never covers a
// double-width rune, so its candidate listing's padding cannot go
// negative (issue 11, defect 1), and ASCII prefixes are listed whole.
func TestListingOffset(t *testing.T) {
	tests := []struct {
		line        string
		pos, offset int
		want        int
	}{
		{"select Arc", 10, 3, 3},
		{"select 日本", 9, 2, 0},
		{"select 日本語", 10, 3, 0},
		{"select 日本語ab", 12, 5, 2},
		{"select Ünïcødé", 14, 7, 7}, // accents are narrow
		{"select ab", 9, 99, 9},      // never more than the line
		{"select ab", 99, 2, 2},      // pos past the end
		{"select ab", 9, -1, 0},
	}
	var runes readline.Runes
	for _, tt := range tests {
		line := []rune(tt.line)
		got := listingOffset(line, tt.pos, tt.offset)
		if got != tt.want {
			t.Errorf("listingOffset(%q, %d, %d) = %d, want %d", tt.line, tt.pos, tt.offset, got, tt.want)
		}
		end := min(tt.pos, len(line))
		if w := runes.WidthAll(line[end-got : end]); w > got {
			t.Errorf("%q: the listed prefix is %d columns wide for offset %d", tt.line, w, got)
		}
	}
}
