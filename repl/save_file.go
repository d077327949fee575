package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"imapsh/client"
	"imapsh/internal/outfile"
	"imapsh/internal/transfer"
	"imapsh/render"
)

// savePart fetches BODY.PEEK[part] (no \Seen) and streams it through the
// transfer decoder into an outfile.Atomic, which replaces the file only
// when the command ended OK and the part arrived and decoded whole.
func (s *Session) savePart(ctx context.Context, job *saveJob) (*client.Result, error) {
	out, err := outfile.NewAtomic(job.path)
	if err != nil {
		return nil, err // nothing sent
	}
	guard := outfile.NewGuard(out, nil)
	dec, err := transfer.NewWriter(job.part.Encoding, guard)
	if err != nil { // an encoding we do not know (x-uuencode): saved as sent, and said
		s.note(fmt.Sprintf("note: part %s has the transfer encoding %q, which imapsh does not decode: saved as sent", job.spec, render.Safe(job.part.Encoding)))
		dec, _ = transfer.NewWriter("binary", guard)
	}
	job.decoded = err == nil && transfer.Encoded(job.part.Encoding)
	sections := 0
	opts := client.FetchOptions{UID: job.uid, Sink: func(uint32, string, int64) interface{ Write([]byte) (int, error) } {
		sections++
		return dec
	}}
	res, err := s.c.Fetch(ctx, job.num, "(BODY.PEEK["+job.spec+"])", opts)
	sections += writeQuotedSections(res, dec)
	derr := dec.Close()
	if ferr := s.finishSave(ctx, job, out, res, err, sections, firstError(guard.Err(), derr)); ferr != nil {
		return savedResult(res), ferr
	}
	s.note(job.summary(dec.Decoded()))
	return savedResult(res), nil
}

// writeQuotedSections writes the sections sent as quoted strings (the
// Sink sees literals only) and returns how many there were.
func writeQuotedSections(res *client.Result, w io.Writer) int {
	n := 0
	for _, f := range client.Of[*client.FetchData](res) {
		for _, sec := range f.Sections {
			if !sec.Nil && sec.Data != nil {
				w.Write(sec.Data)
				n++
			}
		}
	}
	return n
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// finishSave commits the file when all went well, and otherwise drops it
// and says why and what became of the file.
func (s *Session) finishSave(ctx context.Context, job *saveJob, out *outfile.Atomic, res *client.Result, err error, sections int, localErr error) error {
	var serverErr *client.Error
	switch {
	case err != nil && !errors.As(err, &serverErr):
		err = fmt.Errorf("%w (%s)", err, keptText(job.path, out))
	case err != nil:
		s.note(keptText(job.path, out) + ": the server answered " + res.StatusWord())
	case ctx.Err() != nil:
		err = fmt.Errorf("interrupted; %s", keptText(job.path, out))
	case sections == 0:
		err = fmt.Errorf("%w for part %s; %s", errNoSection, job.spec, keptText(job.path, out))
	case localErr != nil:
		err = fmt.Errorf("saving part %s: %w; %s", job.spec, bareError(localErr), keptText(job.path, out))
	default:
		if cerr := out.Commit(); cerr != nil {
			return fmt.Errorf("saving %s: %w; %s", job.path, cerr, keptText(job.path, out))
		}
		return nil
	}
	out.Abort()
	return err
}

// keptText says what became of a file whose new data was dropped.
func keptText(path string, out *outfile.Atomic) string {
	switch {
	case out.Direct():
		return path + " is a device or a pipe: it got the data as it came"
	case out.Existed():
		return path + " left untouched"
	}
	return path + " not created"
}

// summary is the line that says what was saved: `saved part 2 of message
// 3 (application/pdf "report.pdf", base64 decoded): 51200 bytes to
// report.pdf`.
func (job *saveJob) summary(n int64) string {
	desc := strings.ToLower(job.part.Type + "/" + job.part.Subtype)
	if name := render.FileName(job.part); name != "" {
		desc += ` "` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
	}
	if job.decoded {
		desc += ", " + strings.ToLower(job.part.Encoding) + " decoded"
	}
	return fmt.Sprintf("saved part %s of %s (%s): %d bytes to %s", job.spec, job.message(), render.Safe(desc), n, job.path)
}

// savedResult is the FETCH result without the section, which went to the
// file (so that no line claims more than the summary): the status and any
// other data stay.
func savedResult(res *client.Result) *client.Result {
	if res == nil {
		return nil
	}
	return shownBesideFile(res)
}
