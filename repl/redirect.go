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
	"imapsh/internal/outfile"
	"imapsh/render"
)

// appendFromFile appends the message in in.In, streaming it. Its size goes
// out before its bytes, so only a regular file will do: a directory, a
// FIFO or a device is refused before anything is sent (see openMessage).
// Ctrl-C while the bytes are going out closes the connection, the one way
// to stop a literal the server is reading; Ctrl-C after the last byte lets
// the command end, and the note says whether the server stored the
// message (upload.go). A header with UTF-8 in it is marked for the client
// (AppendMessage.UTF8). Bare LFs go out as CRLF (crlf.go).
func (s *Session) appendFromFile(ctx context.Context, in *Input, msg client.AppendMessage) (*client.Result, error) {
	f, size, err := openMessage(in.In)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if msg.UTF8, err = client.EightBitHeader(f); err != nil {
		return nil, err
	}
	var body io.Reader = f
	if lfs, err := bareLFs(f); err != nil { // crlf.go
		return nil, err
	} else if lfs > 0 {
		body, size = newCRLFReader(f), size+lfs
	}
	p := s.progress(io.Discard)
	p.total = size
	defer p.done()
	up := &upload{r: io.TeeReader(body, p), size: size}
	msg.Body, msg.Size = up, size
	c := s.c
	s.uploading.Store(up)
	defer s.uploading.Store(nil)
	stop := context.AfterFunc(ctx, func() {
		if up.inFlight() {
			c.Close()
		}
	})
	res, err := c.Append(ctx, in.Arg("mailbox"), msg)
	stop()
	return res, s.explainUpload(ctx, up, res, err)
}

// openMessage opens the file of an APPEND without blocking on a FIFO and
// returns its size; anything but a regular file is refused.
func openMessage(path string) (*os.File, int64, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = fmt.Errorf("%s is %s, not a regular file: the message's size must be known before it is sent", path, outfile.Kind(st.Mode()))
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
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
func (s *output) progress(w io.Writer) *progressWriter {
	p := &progressWriter{w: w}
	if f, ok := s.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
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
