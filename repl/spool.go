package repl

// Large body sections of a live FETCH in text mode to a file or a pipe
// (`fetch 7 BODY[] | less`) are kept in a temporary file while the
// response is read, not in memory: the client streams each literal of spoolMin bytes
// or more to the file (client.SectionSink), and render reads it from
// there (render.Options.SectionSource) when the message's block is shown,
// so that a 20 MB message costs no 20 MB of memory (issue 10). The file
// is created with mode 0600 in $TMPDIR and unlinked at once: the data
// leaves the disk when the file is closed, at the latest when the shell
// exits. When no file can be made, the section stays in memory as before.

import (
	"errors"
	"fmt"
	"io"
	"os"

	"imapsh/client"
	"imapsh/internal/outfile"
)

// spoolMin is the smallest section kept in a temporary file; a variable
// so tests can lower it.
var spoolMin int64 = 1 << 20

// spooled is one section kept in a temporary file.
type spooled struct {
	seq   uint32
	file  *os.File
	guard *outfile.Guard // keeps the first write error (a full disk)
	n     int64          // bytes written
}

// Write implements io.Writer; it never fails (see outfile.Guard).
func (sp *spooled) Write(p []byte) (int, error) {
	sp.n += int64(len(p))
	return sp.guard.Write(p)
}

// fetchSink is the FetchOptions.Sink of the command in: large sections
// to temporary files when it is the live text-mode command and stdout a
// file or a pipe, else nil. On a terminal a section is decoded for
// reading (render.Options.Decode), which needs it in memory.
func (s *Session) fetchSink(in *Input) client.SectionSink {
	if s.live == nil || s.live.in != in || !s.piped || s.json || s.rawStreaming() {
		return nil
	}
	return s.live.spool
}

// spool is the section sink of the live output.
func (l *liveOutput) spool(seq uint32, _ string, size int64) interface{ Write([]byte) (int, error) } {
	if size < spoolMin {
		return nil
	}
	f, err := os.CreateTemp("", "imapsh-section-*")
	if err != nil {
		return nil // kept in memory, within the command's budget
	}
	os.Remove(f.Name()) // the open file keeps the data; nothing stays behind
	sp := &spooled{seq: seq, file: f, guard: outfile.NewGuard(f, nil)}
	l.spools = append(l.spools, sp)
	return sp
}

// sectionSource gives render the spooled sections of f: the next spooled
// files of its message, in the order of its streamed sections.
func (l *liveOutput) sectionSource(f *client.FetchData) func(uint32, int) (*io.SectionReader, error) {
	files := map[int]*spooled{}
	for i, sec := range f.Sections {
		if sec.Data != nil || sec.Streamed == 0 || sec.Dropped {
			continue
		}
		if sp := l.takeSpool(f.Seq); sp != nil {
			files[i] = sp
		}
	}
	if len(files) == 0 {
		return nil
	}
	return func(_ uint32, i int) (*io.SectionReader, error) {
		sp := files[i]
		switch {
		case sp == nil:
			return nil, nil
		case sp.guard.Err() != nil:
			return nil, fmt.Errorf("keeping it in a temporary file: %w", bareError(sp.guard.Err()))
		}
		return io.NewSectionReader(sp.file, 0, sp.n), nil
	}
}

// takeSpool removes and returns the first spooled section of message seq.
func (l *liveOutput) takeSpool(seq uint32) *spooled {
	for i, sp := range l.spools {
		if sp.seq == seq {
			l.spools = append(l.spools[:i], l.spools[i+1:]...)
			l.shown = append(l.shown, sp)
			return sp
		}
	}
	return nil
}

// closeSpools closes the temporary files of shown sections (and with all
// also those never shown: the command ended).
func (l *liveOutput) closeSpools(all bool) error {
	var errs []error
	for _, sp := range l.shown {
		errs = append(errs, sp.file.Close())
	}
	l.shown = nil
	if all {
		for _, sp := range l.spools {
			errs = append(errs, sp.file.Close())
		}
		l.spools = nil
	}
	return errors.Join(errs...)
}
