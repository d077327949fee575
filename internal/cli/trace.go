package cli

import (
	"fmt"
	"io"
	"sync"

	"imapsh/internal/outfile"
	"imapsh/render"
)

// OpenTrace returns the wire-trace sink named by Options.Trace: nil when
// tracing is off, stderr for TraceStderr, else the file (private: created
// 0600, an existing one made 0600 before it is emptied, see
// outfile.Create; replaced, so one file holds one session's transcript).
// A write error is reported on stderr at once, and the trace stops there;
// the close function, never nil and safe to call again, then returns it,
// so that the exit status is not 0.
func OpenTrace(spec string, stderr io.Writer) (io.Writer, func() error, error) {
	switch spec {
	case "":
		return nil, func() error { return nil }, nil
	case TraceStderr: // a terminal: server text is made safe line by line
		return render.SafeWriter(stderr), func() error { return nil }, nil
	}
	f, err := outfile.Create(spec)
	if err != nil {
		return nil, nil, err
	}
	guard := outfile.NewGuard(f, func(err error) {
		Report(stderr, fmt.Errorf("trace file: %w; the trace stops here", err))
	})
	var once sync.Once
	var closeErr error
	closeFn := func() error {
		once.Do(func() {
			closeErr = guard.Err()
			if err := f.Close(); err != nil && closeErr == nil {
				closeErr = fmt.Errorf("trace file: %w", err)
				Report(stderr, closeErr)
			}
		})
		return closeErr
	}
	return guard, closeFn, nil
}
