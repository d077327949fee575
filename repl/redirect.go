package repl

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"imapsh/client"
	"imapsh/render"
)

// createPrivate creates (or truncates) an output file readable only by
// the user: message data is private.
func createPrivate(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
}

// fetchToFile runs a FETCH whose body sections stream into path (constant
// memory): every section of every message goes to the file in order.
func (s *Session) fetchToFile(ctx context.Context, in *Input, set, items string, opts client.FetchOptions) (*client.Result, error) {
	f, err := createPrivate(in.Out)
	if err != nil {
		return nil, err
	}
	w := s.progress(f)
	opts.Sink = func(_ uint32, _ string, size int64) interface{ Write([]byte) (int, error) } {
		w.total += size // each section adds what the server announced
		return w
	}
	res, err := s.c.Fetch(ctx, set, items, opts)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	w.done()
	fmt.Fprintf(s.cfg.Stderr, "wrote %d bytes to %s\n", w.n, in.Out)
	return res, err
}

// appendFromFile appends the message in in.In, streaming it. A header
// with UTF-8 in it is marked for the client (AppendMessage.UTF8).
func (s *Session) appendFromFile(ctx context.Context, in *Input, msg client.AppendMessage) (*client.Result, error) {
	f, err := os.Open(in.In)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if msg.UTF8, err = client.EightBitHeader(f); err != nil {
		return nil, err
	}
	p := s.progress(io.Discard)
	p.total = st.Size()
	defer p.done()
	msg.Body, msg.Size = io.TeeReader(f, p), st.Size()
	return s.c.Append(ctx, in.Arg("mailbox"), msg)
}

func runAppend(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	if in.In == "" {
		return nil, &UsageError{in.Cmd, "the message comes from a file: append MAILBOX < FILE"}
	}
	flags, date := in.Arg("flags"), in.Arg("date")
	if flags != "" && date == "" && !strings.HasPrefix(flags, "(") && !strings.HasPrefix(flags, `\`) {
		flags, date = "", flags // append BOX "date" < FILE
	}
	msg := client.AppendMessage{Flags: strings.Fields(strings.Trim(flags, "()"))}
	if date != "" {
		t, err := client.ParseInternalDate(date)
		if err != nil {
			return nil, &UsageError{in.Cmd, fmt.Sprintf("%q is not a date like \"04-Mar-2024 09:15:00 +0100\"", date)}
		}
		msg.Date = t
	}
	return s.appendFromFile(ctx, in, msg)
}

// progressWriter counts bytes and, on a terminal, shows a progress bar
// (render.Progress) on stderr at most every 200 ms once a megabyte has
// passed.
type progressWriter struct {
	w     io.Writer
	n     int64
	total int64 // bytes announced so far (0: unknown)
	shown time.Time
	tty   io.Writer // nil when stderr is not a terminal
	width int
}

// progress wraps w with a byte counter.
func (s *Session) progress(w io.Writer) *progressWriter {
	p := &progressWriter{w: w}
	if f, ok := s.cfg.Stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty, p.width = f, s.width()
	}
	return p
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.n += int64(n)
	if p.tty != nil && p.n > 1<<20 && time.Since(p.shown) > 200*time.Millisecond {
		p.shown = time.Now()
		fmt.Fprintf(p.tty, "\r%s", render.Progress(p.n, p.total, p.width))
	}
	return n, err
}

// done clears the progress line.
func (p *progressWriter) done() {
	if p.tty != nil && !p.shown.IsZero() {
		fmt.Fprint(p.tty, "\r\033[K")
	}
}
