package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"

	"imapsh/client"
	"imapsh/internal/outfile"
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
// than literals (a section is an nstring, RFC 9051 section 9; the sink
// sees literals only). They come after the streamed ones: only a FETCH
// mixing both forms for non-empty sections of several messages would see
// its order changed, and an empty "" adds nothing anywhere.
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
		s.note(ff.kept() + ": the server answered " + res.StatusWord())
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
	fmt.Fprintf(s.stderr, "wrote %d bytes (%s) to %s\n", ff.w.n, ff.counted(res), ff.path)
	return nil
}

// counted is "2 sections of 2 messages", or "1 section".
func (ff *fileFetch) counted(res *client.Result) string {
	msgs := 0
	for _, f := range client.Of[*client.FetchData](res) {
		for _, sec := range f.Sections {
			if inFile(sec) {
				msgs++
				break
			}
		}
	}
	if msgs <= 1 {
		return plural(ff.sections, "section")
	}
	return plural(ff.sections, "section") + " of " + plural(msgs, "message")
}

// plural is "1 section", "2 sections".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// shownBesideFile is what the text output shows of a FETCH ... > FILE:
// the sections that went to the file are not repeated message by message
// (the one line on stderr, "wrote N bytes ... to FILE" or the error, says
// what became of them, so no line claims they were written when FILE was
// left untouched: issue 11); the other items are, and a message with
// nothing else to show is left out.
func shownBesideFile(res *client.Result) *client.Result {
	out := *res
	out.Responses = nil
	for _, r := range res.Responses {
		f, ok := r.(*client.FetchData)
		if !ok {
			out.Responses = append(out.Responses, r)
			continue
		}
		g := *f
		g.Sections = nil
		for _, sec := range f.Sections {
			if !inFile(sec) {
				g.Sections = append(g.Sections, sec)
			}
		}
		if hasItems(&g) {
			out.Responses = append(out.Responses, &g)
		}
	}
	return &out
}

// inFile reports whether a section's data went to the > FILE: streamed
// (a literal) or written after the command (a quoted string, writeQuoted).
func inFile(sec client.BodySection) bool {
	return !sec.Nil && !sec.Dropped && (sec.Streamed > 0 || sec.Data != nil)
}

// hasItems reports whether a FETCH response holds more than its number.
func hasItems(f *client.FetchData) bool {
	return f.HasFlags || f.HasSize || f.RawDate != "" || !f.InternalDate.IsZero() || f.Envelope != nil ||
		f.BodyStructure != nil || len(f.Sections) > 0 || f.ModSeq != 0 || len(f.Other) > 0
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
