package outfile

import (
	"io"
	"sync"
)

// Guard passes writes on to w until one fails. It keeps that first error,
// reports it once through onError (when set), and from then on drops
// every write while reporting success, so that a producer that cannot
// stop midway (an IMAP literal being read off the wire, the wire trace)
// carries on and the connection stays in sync. Err tells the caller
// afterwards. It is safe for concurrent use.
type Guard struct {
	mu      sync.Mutex
	w       io.Writer
	err     error
	onError func(error)
}

// NewGuard returns a Guard writing to w.
func NewGuard(w io.Writer, onError func(error)) *Guard {
	return &Guard{w: w, onError: onError}
}

// Write implements io.Writer; it never fails.
func (g *Guard) Write(p []byte) (int, error) {
	g.mu.Lock()
	if g.err != nil {
		g.mu.Unlock()
		return len(p), nil
	}
	n, err := g.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	report := g.onError
	if err != nil {
		g.err = err
	}
	g.mu.Unlock()
	if err != nil && report != nil {
		report(err)
	}
	return len(p), nil
}

// Err returns the first write error, or nil.
func (g *Guard) Err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.err
}
