package render

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"

	"imapsh/client"
)

// BenchmarkSearch100k renders a SEARCH or SORT answer of 100,000 numbers
// (RFC 9051 section 7.3.4, RFC 5256) and an ESEARCH ALL of the same, as
// text (issue 10: compactly, as sequence ranges on a terminal, and
// quickly):
//
//	go test ./render -run '^$' -bench Search100k -benchmem
//
// The shapes: all messages (one range), every other message (50,000
// ranges of one, the worst case for ranges), a random half (what SEARCH
// UNSEEN gives), and a SORT answer in shuffled order (ranges only where
// neighbours happen to follow each other). The JSON encoder lives in repl
// today (repl/json.go); once it moves into render, a JSON case belongs
// here. Until then `go run ./internal/bench -mode search` measures the
// --json output of the whole process.
func BenchmarkSearch100k(b *testing.B) {
	const n = 100000
	r := rand.New(rand.NewPCG(10, 100))
	all, odd, half := make([]uint32, 0, n), make([]uint32, 0, n), make([]uint32, 0, n)
	for i := uint32(1); len(all) < n; i++ {
		all = append(all, i)
	}
	for i := uint32(1); len(odd) < n; i += 2 {
		odd = append(odd, i)
	}
	for i := uint32(1); len(half) < n; i++ {
		if r.IntN(2) == 0 {
			half = append(half, i)
		}
	}
	shuffled := append([]uint32(nil), all...)
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	cases := []struct {
		name string
		resp client.Response
	}{
		{"search-all", &client.SearchData{Command: "SEARCH", Nums: all}},
		{"search-every-other", &client.SearchData{Command: "SEARCH", Nums: odd}},
		{"search-random-half", &client.SearchData{Command: "SEARCH", Nums: half}},
		{"sort-shuffled", &client.SearchData{Command: "SORT", Nums: shuffled}},
		{"esearch-every-other", &client.ESearchData{Tag: "A1", All: client.Compact(odd)}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			var out bytes.Buffer
			if err := Response(&out, tc.resp, Options{Width: 120}); err != nil || out.Len() == 0 {
				b.Fatalf("render: %v, %d bytes", err, out.Len())
			}
			b.ReportAllocs()
			for b.Loop() {
				Response(io.Discard, tc.resp, Options{Width: 120})
			}
			b.ReportMetric(float64(out.Len()), "out-bytes")
		})
	}
}
