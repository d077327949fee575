package client

// retained holds the newest items of a session-long log (the untagged
// responses kept for Responses, the codes kept for Codes) within
// maxStored items and maxStoredBytes bytes, dropping the oldest first.
type retained[T any] struct {
	items []T
	sizes []int64
	head  int // items[:head] are dropped
	bytes int64
}

const (
	// maxStored bounds the items of a retained log.
	maxStored = 10000
	// maxStoredBytes bounds their estimated size: the log outlives the
	// commands, so it keeps little.
	maxStoredBytes = 1 << 20
)

// add appends v, which takes about size bytes, and drops the oldest items
// beyond the bounds (v itself, when it alone is too big).
func (r *retained[T]) add(v T, size int64) {
	r.items = append(r.items, v)
	r.sizes = append(r.sizes, size)
	r.bytes += size
	var zero T
	for r.len() > maxStored || (r.bytes > maxStoredBytes && r.len() > 0) {
		r.bytes -= r.sizes[r.head]
		r.items[r.head] = zero
		r.head++
	}
	if r.head > len(r.items)/2 {
		n := copy(r.items, r.items[r.head:])
		copy(r.sizes, r.sizes[r.head:])
		clear(r.items[n:])
		r.items, r.sizes, r.head = r.items[:n], r.sizes[:n], 0
	}
}

func (r *retained[T]) len() int { return len(r.items) - r.head }

// take removes and returns the items that match, oldest first.
func (r *retained[T]) take(match func(T) bool) []T {
	var out []T
	var keep retained[T]
	for i := r.head; i < len(r.items); i++ {
		if match(r.items[i]) {
			out = append(out, r.items[i])
		} else {
			keep.items = append(keep.items, r.items[i])
			keep.sizes = append(keep.sizes, r.sizes[i])
			keep.bytes += r.sizes[i]
		}
	}
	*r = keep
	return out
}
