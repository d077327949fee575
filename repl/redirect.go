package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"imapsh/client"
	"imapsh/internal/outfile"
	"imapsh/render"
)

// fetchToFile runs a FETCH whose body sections stream into path (constant
// memory): every section of every message goes to the file in order. The
// data goes to a temporary file beside FILE, which replaces FILE only when
// the command ended OK with at least one section, every byte written
// (outfile.Atomic); otherwise an existing FILE stays as it was, and the
// error or a note says so. A local write error (a full disk) does not stop
// the FETCH: the rest of the data is read and dropped, so the connection
// stays in sync.
func (s *Session) fetchToFile(ctx context.Context, in *Input, set, items string, opts client.FetchOptions) (*client.Result, error) {
	out, err := outfile.NewAtomic(in.Out)
	if err != nil {
		return nil, err // nothing sent
	}
	ff := &fileFetch{path: in.Out, out: out, guard: outfile.NewGuard(out, nil)}
	ff.w = s.progress(testOnlyFileWriter(ff.guard))
	opts.Sink = func(_ uint32, _ string, size int64) interface{ Write([]byte) (int, error) } {
		ff.sections++
		ff.w.total += size // each section adds what the server announced
		return ff.w
	}
	res, err := s.c.Fetch(ctx, set, items, opts)
	ff.w.done()
	ff.writeQuoted(res)
	return res, s.finishFetchFile(ctx, ff, res, err)
}

// testOnlyFileWriter lets a test act while a body streams to its file
// (kill the server once the first bytes arrived).
var testOnlyFileWriter = func(w io.Writer) io.Writer { return w }

// fileFetch is a FETCH ... > FILE under way.
type fileFetch struct {
	path     string
	out      *outfile.Atomic
	guard    *outfile.Guard
	w        *progressWriter
	sections int
}

// writeQuoted adds the sections the server sent as quoted strings rather
// than literals (which the sink never sees). Servers use them for empty
// sections, so where they land among the streamed ones does not matter.
func (ff *fileFetch) writeQuoted(res *client.Result) {
	if res == nil {
		return
	}
	for _, f := range client.Of[*client.FetchData](res) {
		for _, sec := range f.Sections {
			if !sec.Nil && sec.Data != nil {
				ff.sections++
				ff.w.Write(sec.Data)
			}
		}
	}
}

// finishFetchFile replaces FILE when all went well, and otherwise drops
// the new data and says what happened to FILE.
func (s *Session) finishFetchFile(ctx context.Context, ff *fileFetch, res *client.Result, err error) error {
	var serverErr *client.Error
	switch {
	case err != nil && !errors.As(err, &serverErr): // lost connection, protocol trouble
		ff.out.Abort()
		return fmt.Errorf("%w (%s)", err, ff.kept())
	case ff.guard.Err() != nil:
		ff.out.Abort()
		return fmt.Errorf("writing %s: %w; %s; the rest of the data was read and dropped, the connection is still open",
			ff.path, bareError(ff.guard.Err()), ff.kept())
	case err != nil:
		ff.out.Abort()
		s.note(ff.kept() + ": the server answered " + statusWord(res))
		return err
	case ctx.Err() != nil:
		ff.out.Abort()
		s.note(ff.kept() + " (interrupted)")
		return nil
	case ff.sections == 0:
		ff.out.Abort()
		return fmt.Errorf("the answer held no body section: %s", ff.kept())
	}
	if cerr := ff.out.Commit(); cerr != nil {
		return fmt.Errorf("saving %s: %w; %s", ff.path, cerr, ff.kept())
	}
	fmt.Fprintf(s.cfg.Stderr, "wrote %d bytes to %s\n", ff.w.n, ff.path)
	return nil
}

// bareError drops the path an *fs.PathError repeats.
func bareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// kept says what became of FILE when the new data was dropped.
func (ff *fileFetch) kept() string {
	switch {
	case ff.out.Direct():
		return ff.path + " is a device or a pipe: it got the data as it came"
	case ff.out.Existed():
		return ff.path + " left untouched"
	}
	return ff.path + " not created"
}

// appendFromFile appends the message in in.In, streaming it. Its size goes
// out before its bytes, so only a regular file will do: a directory, a
// FIFO or a device is refused before anything is sent (see openMessage).
// Ctrl-C while the bytes are going out closes the connection, the one way
// to stop a literal the server is reading; Ctrl-C after the last byte lets
// the command end, and the note says whether the server stored the
// message (upload.go).
func (s *Session) appendFromFile(ctx context.Context, in *Input, msg client.AppendMessage) (*client.Result, error) {
	f, size, err := openMessage(in.In)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p := s.progress(io.Discard)
	p.total = size
	defer p.done()
	up := &upload{r: io.TeeReader(f, p), size: size}
	msg.Body, msg.Size = up, size
	c := s.c
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
