package scripts

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkOpenGroup reads one logical line continued over n physical
// lines inside an open parenthesis: the joiner reads each physical line
// once (cmdline.Pending), so the time per line stays flat as n grows.
func BenchmarkOpenGroup(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		input := "search (OR\n" + strings.Repeat("  FROM someone@example.org\n", n) + ")\n"
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(input)))
			for i := 0; i < b.N; i++ {
				r := NewReader("b", strings.NewReader(input), Options{Lookup: func(string) (string, bool) { return "", false }})
				if _, err := r.Next(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
