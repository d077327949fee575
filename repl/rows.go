package repl

import (
	"strings"

	"imapsh/client"
	"imapsh/render"
)

// Rows output (--format tsv|csv, \format): stdout gets only rows under
// their headers (render.RowWriter), so that awk, sort and spreadsheets
// read it; what the rows cannot show goes to stderr: a NO or BAD answer
// ("error: ..."), and notes on responses without rows. A streamed FETCH
// writes its rows as they come (stream.go).

// rowsMode reports whether results are printed as rows.
func (o *output) rowsMode() bool { return !o.json && !o.raw && o.format.Rows() }

// rowOptions are the RowWriter options for a command's result.
func (o *output) rowOptions(res *client.Result) render.RowOptions {
	opt := render.RowOptions{FlushEach: !o.piped, After: o.rowBlocks > 0}
	if res != nil {
		opt.UID = strings.HasPrefix(res.Command, "UID ")
	}
	return opt
}

// newRows starts the rows of one command on the output.
func (o *output) newRows(res *client.Result) *render.RowWriter {
	return render.NewRowWriter(o.out, o.format, o.rowOptions(res))
}

// writeRows prints a result as rows, finishing the rows a streamed FETCH
// started: the summary row of a SELECT or EXAMINE that succeeded, the
// rows of the responses, then, on stderr, the notes and, at a terminal, a
// NO or BAD (a script's error line names it).
func (s *Session) writeRows(in *Input, res *client.Result) {
	rw := s.live.takeRows(in)
	if rw == nil {
		rw = s.newRows(res)
	}
	if in.Cmd.ShowsMailbox && res.OK() && s.c.Mailbox() != nil {
		rw.Mailbox(s.c.Mailbox())
	}
	for _, r := range res.Responses {
		rw.Add(r)
	}
	if err := rw.Close(); err != nil {
		s.printError(err, "")
	}
	s.rowBlocks += rw.Blocks()
	for _, n := range rw.Notes() {
		s.note("note: " + n)
	}
	if res.Status != nil && !res.OK() && s.src.Interactive() { // a script names the failed line anyway
		render.Result(s.stderr, &client.Result{Status: res.Status}, s.renderOptions())
	}
}

// takeRows returns the rows the command in started streaming, if any; the
// caller finishes them.
func (l *liveOutput) takeRows(in *Input) *render.RowWriter {
	if l == nil || l.in != in || l.rows == nil {
		return nil
	}
	rw := l.rows
	l.rows = nil
	return rw
}
