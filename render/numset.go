package render

import (
	"strconv"

	"imapsh/client"
)

// appendCompact appends nums as IMAP ranges in their order, as
// client.Compact(nums).String() writes them (1,2,3,5 -> "1:3,5"), without
// a string per number: a SEARCH answer can hold every message of a
// mailbox (issue 10: 100,000 numbers, quickly).
func appendCompact(b []byte, nums []uint32) []byte {
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j] != 0 && nums[j+1] == nums[j]+1 {
			j++
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = appendRange(b, client.NumRange{Start: nums[i], Stop: nums[j]})
		i = j + 1
	}
	return b
}

// appendNumSet appends a set as client.NumSet.String writes it.
func appendNumSet(b []byte, s client.NumSet) []byte {
	for i, r := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendRange(b, r)
	}
	return b
}

// appendRange appends "start" or "start:stop", 0 as "*".
func appendRange(b []byte, r client.NumRange) []byte {
	b = appendSetNum(b, r.Start)
	if r.Stop != r.Start {
		b = appendSetNum(append(b, ':'), r.Stop)
	}
	return b
}

func appendSetNum(b []byte, n uint32) []byte {
	if n == 0 {
		return append(b, '*')
	}
	return strconv.AppendUint(b, uint64(n), 10)
}
