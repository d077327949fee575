package render

import (
	"bytes"
	"io"
	"sync"
)

// SafeWriter returns a writer that passes whole lines to w after Safe, for
// streams of server text bound for a terminal (a wire trace on stderr).
// A line longer than 64 KiB is passed on in pieces.
func SafeWriter(w io.Writer) io.Writer { return &safeWriter{w: w} }

type safeWriter struct {
	mu      sync.Mutex
	w       io.Writer
	partial []byte
}

const safeWriterMax = 64 << 10

func (s *safeWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.partial = append(s.partial, p...)
	for {
		i := bytes.IndexByte(s.partial, '\n')
		if i < 0 && len(s.partial) < safeWriterMax {
			return len(p), nil
		}
		end, next := i, i+1
		if i < 0 || i > safeWriterMax {
			end, next = safeWriterMax, safeWriterMax
		}
		if _, err := io.WriteString(s.w, Safe(string(s.partial[:end]))+"\n"); err != nil {
			return 0, err
		}
		s.partial = s.partial[next:]
	}
}
