package render

import (
	"encoding/binary"
	"testing"

	"imapsh/client"
)

// FuzzAppendCompact checks the ranges against client.Compact and
// client.NumSet.String for any list of numbers (zeros and wraps included).
func FuzzAppendCompact(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 5, 0, 0, 0})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		var nums []uint32
		for len(data) >= 4 {
			nums = append(nums, binary.LittleEndian.Uint32(data))
			data = data[4:]
		}
		want := client.Compact(nums).String()
		if got := string(appendCompact(nil, nums)); got != want {
			t.Errorf("appendCompact(%v) = %q, want %q", nums, got, want)
		}
		if got := string(appendNumSet(nil, client.Compact(nums))); got != want {
			t.Errorf("appendNumSet(%v) = %q, want %q", nums, got, want)
		}
	})
}
