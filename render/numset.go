package render

import (
	"strconv"

	"imapsh/client"
)

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
