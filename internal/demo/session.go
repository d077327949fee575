package demo

import (
	"fmt"
	"io"
	"sync"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
)

// sessionTracker counts live sessions so that Close can wait for them. The
// library closes a session as the last step of its connection goroutine.
type sessionTracker struct {
	mu      sync.Mutex
	stopped bool
	live    sync.WaitGroup
}

// open wraps a new backend session, or refuses it with BYE once Close began
// (so that no WaitGroup.Add races with Wait).
func (t *sessionTracker) open(sess imapserver.Session) (imapserver.Session, *imapserver.GreetingData, error) {
	full, ok := sess.(imapserver.SessionIMAP4rev2)
	if !ok {
		return nil, nil, fmt.Errorf("demo: backend session %T lacks IMAP4rev2 support", sess)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return nil, nil, &imap.Error{Type: imap.StatusResponseTypeBye, Text: "demo server shutting down"}
	}
	t.live.Add(1)
	return &trackedSession{SessionIMAP4rev2: &movingSession{SessionIMAP4rev2: full}, done: t.live.Done}, nil, nil
}

func (t *sessionTracker) stopOpening() {
	t.mu.Lock()
	t.stopped = true
	t.mu.Unlock()
}

func (t *sessionTracker) wait() { t.live.Wait() }

// trackedSession is a backend session that reports its end to the tracker.
type trackedSession struct {
	imapserver.SessionIMAP4rev2
	once sync.Once
	done func()
}

// Close ends the backend session and marks it finished.
func (s *trackedSession) Close() error {
	defer s.once.Do(s.done)
	return s.SessionIMAP4rev2.Close()
}

// lockedWriter serialises writes from concurrent connections.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func lockedWriterOrNil(w io.Writer) io.Writer {
	if w == nil {
		return nil
	}
	return &lockedWriter{w: w}
}

// discardLogger keeps the library from falling back to log.Default.
type discardLogger struct{}

func (discardLogger) Printf(string, ...any) {}

func loggerOrDiscard(l Logger) imapserver.Logger {
	if l == nil {
		return discardLogger{}
	}
	return l
}
