package cli

import (
	"io"
	"os"

	"imapsh/render"
)

// OpenTrace returns the wire-trace sink named by Options.Trace: nil when
// tracing is off, stderr for TraceStderr, else the file (created 0600, as
// the trace carries mail; replaced, so one file holds one session's transcript). The close function is never nil.
func OpenTrace(spec string, stderr io.Writer) (io.Writer, func() error, error) {
	switch spec {
	case "":
		return nil, func() error { return nil }, nil
	case TraceStderr: // a terminal: server text is made safe line by line
		return render.SafeWriter(stderr), func() error { return nil }, nil
	}
	f, err := os.OpenFile(spec, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}
