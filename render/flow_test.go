package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"imapsh/client"
)

// spread is from, from+step, ... while within [min(from,to), max(from,to)].
func spread(from, to, step int) []uint32 {
	var out []uint32
	for n := from; (step > 0 && n <= to) || (step < 0 && n >= to); n += step {
		out = append(out, uint32(n))
	}
	return out
}

// TestSearchWrapsBetweenNumbers: at any width, every line of a long
// SEARCH answer fits, and no number is cut: the numbers read back whole,
// in colour too.
func TestSearchWrapsBetweenNumbers(t *testing.T) {
	nums := spread(1000, 1, -3)
	for _, color := range []bool{false, true} {
		for width := 20; width <= 120; width += 7 {
			var b bytes.Buffer
			opt := Options{Width: width, Color: color}
			if err := Response(&b, &client.SearchData{Command: "SORT", Nums: nums}, opt); err != nil {
				t.Fatal(err)
			}
			plain := stripColour(b.String())
			for _, line := range strings.Split(strings.TrimSuffix(plain, "\n"), "\n") {
				if w := textWidth(line); w > width {
					t.Errorf("width %d colour %v: line of %d columns: %q", width, color, w, line)
				}
			}
			joined := strings.TrimSpace(regexp.MustCompile(`\n +`).ReplaceAllString(regexp.MustCompile(`,\n +`).ReplaceAllString(plain, ","), " "))
			want := "SORT " + client.Compact(nums).String() + " (334 messages)"
			if joined != want {
				t.Errorf("width %d colour %v: the numbers do not read back:\n%s", width, color, plain)
			}
		}
	}
}

func stripColour(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return b.String() + s
		}
		b.WriteString(s[:i])
		end := strings.IndexByte(s[i:], 'm')
		s = s[i+end+1:]
	}
}
