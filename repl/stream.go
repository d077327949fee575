package repl

// Live output: the IMAP command running in lockstep shows its --raw lines
// and its FETCH responses as they arrive, instead of after its tagged
// answer, so that memory stays bounded on a mailbox of any size and
// Ctrl-C stops the printing at once (the client reads the rest of the
// answer without showing it). In text mode the first firstChunk messages
// are held to lay out the table (render.FetchStream): its columns keep
// the widths picked then, and every later message is printed as it comes.
// On a terminal the header comes again every laterChunk rows; in a file
// or a pipe it comes once. A message with body sections, a body structure
// or other detailed items is rendered as a block at once. Pipelined
// commands keep the buffered path: their results are shown in order after
// the fact.

import (
	"context"
	"io"

	"imapsh/client"
	"imapsh/render"
)

// The rows held to lay out a streamed FETCH table, and how often a
// terminal sees its header again; variables so tests can lower them. The
// table is also laid out early once the held messages take maxHeld bytes
// (as heldSize estimates them), so that a server sending huge envelopes
// cannot make the shell hold a thousand of them.
var (
	firstChunk = 200
	laterChunk = 1000
	maxHeld    = 8 << 20
)

// liveOutput is the streamed output of the command running now.
type liveOutput struct {
	s          *Session
	in         *Input
	ctx        context.Context    // the command's: cancelled by Ctrl-C
	out        io.Writer          // s.out until ctx is cancelled, then nothing
	json       *render.JSONStream // --json: the object being written, or nil
	rows       *render.RowWriter  // --format tsv|csv: the rows being written, or nil (rows.go)
	buf        []*client.FetchData
	held       int                 // heldSize of buf
	table      *render.FetchStream // the table once laid out, or nil
	printed    bool                // a part of the FETCH data was rendered already
	lastBlocks bool                // and that part was rendered as blocks, not a table
	streamed   int                 // FETCH responses taken out of the result
	spools     []*spooled          // large sections in temporary files (spool.go)
	shown      []*spooled          // and those rendered, to close
}

// beginLive prepares the live output of an IMAP command run under ctx;
// with --raw the wire tap prints the server's lines from now on.
func (s *Session) beginLive(ctx context.Context, in *Input) {
	if in.Cmd.IsMeta() {
		return
	}
	s.live = &liveOutput{s: s, in: in, ctx: ctx, out: &cancelWriter{ctx: ctx, w: s.out}}
	if s.rawStreaming() {
		s.tap.streamRaw(s.live.out)
	}
}

// endLive ends the live output once the command's result is shown.
func (s *Session) endLive() {
	if s.tap != nil {
		s.tap.streamRaw(nil)
	}
	if s.live != nil {
		s.live.closeSpools(true)
	}
	s.live = nil
}

// rawStreaming reports whether --raw output comes from the wire tap.
func (s *Session) rawStreaming() bool { return s.raw && !s.json && s.tap != nil }

// fetchEach is the FetchOptions.Each callback for the command in, or nil
// when in is not the command running in lockstep (a pipelined one).
func (s *output) fetchEach(in *Input) func(*client.FetchData) {
	if s.live == nil || s.live.in != in {
		return nil
	}
	return s.live.take
}

// take shows one FETCH response, or holds it to lay out a table. After
// Ctrl-C it drops it: the client drains the answer, nothing more is shown.
func (l *liveOutput) take(f *client.FetchData) {
	if l.ctx.Err() != nil {
		return
	}
	l.streamed++
	switch {
	case l.s.json:
		if l.json == nil {
			l.json = render.OpenJSON(l.s.out, l.in.Display).FlushEvery(laterChunk)
		}
		l.json.AddFetch(f, l.sectionSource(f)) // large sections from their files (spool.go)
		l.closeSpools(false)
	case l.s.rawStreaming(): // the tap has printed its lines
	case l.s.rowsMode():
		if l.rows == nil {
			l.rows = render.NewRowWriter(l.out, l.s.format, l.s.rowOptions(nil))
		}
		l.rows.Add(f)
	case detailed(f):
		l.flushHeld()
		l.renderWith([]*client.FetchData{f}, l.sectionSource(f))
		l.closeSpools(false)
	case l.table != nil:
		l.addRow(f)
	default:
		l.buf = append(l.buf, f)
		l.held += heldSize(f)
		if len(l.buf) > firstChunk || l.held > maxHeld {
			l.startTable()
		}
	}
}

// startTable lays out the table from the held messages and prints them.
func (l *liveOutput) startTable() {
	opt := render.FetchStreamOptions{FlushEvery: laterChunk, Align: !l.s.piped}
	if !l.s.piped {
		opt.HeaderEvery = laterChunk
	}
	if m := l.s.c.Mailbox(); m != nil {
		opt.MaxSeq = m.Exists
		if m.UIDNext > 0 {
			opt.MaxUID = m.UIDNext - 1
		}
	}
	l.table = render.NewFetchStream(l.out, l.buf, opt, l.s.renderOptions())
	for _, f := range l.buf {
		l.addRow(f)
	}
	clear(l.buf)
	l.buf, l.held = l.buf[:0], 0
}

// addRow prints a message as a row of the table, under a new header when
// blocks were printed since the last row.
func (l *liveOutput) addRow(f *client.FetchData) {
	if l.printed && l.lastBlocks {
		io.WriteString(l.out, "\n")
		l.table.Break()
	}
	l.table.Add(f)
	l.printed, l.lastBlocks = true, false
}

// flushHeld shows what is pending before a block: the table's rows, or
// the held messages rendered on their own.
func (l *liveOutput) flushHeld() {
	if l.table != nil {
		l.flushTable()
		return
	}
	if len(l.buf) > 0 {
		l.render(l.buf)
		clear(l.buf)
		l.buf, l.held = l.buf[:0], 0
	}
}

// flushTable writes the table's pending rows.
func (l *liveOutput) flushTable() {
	if err := l.table.Flush(); err != nil {
		l.s.printError(err, "")
	}
}

// heldSize estimates the memory a message held for the table takes.
func heldSize(f *client.FetchData) int {
	n := 256 + len(f.RawDate)
	for _, flag := range f.Flags {
		n += 16 + len(flag)
	}
	if e := f.Envelope; e != nil {
		n += len(e.Date) + len(e.Subject) + len(e.InReplyTo) + len(e.MessageID)
		for _, list := range [][]client.Address{e.From, e.Sender, e.ReplyTo, e.To, e.Cc, e.Bcc} {
			for _, a := range list {
				n += 64 + len(a.Name) + len(a.ADL) + len(a.Mailbox) + len(a.Host)
			}
		}
	}
	return n
}

// render writes messages as render.Result does a group of FETCH
// responses: a table, or blocks separated by blank lines.
func (l *liveOutput) render(fs []*client.FetchData) { l.renderWith(fs, nil) }

// renderWith is render with the spooled sections of a block (spool.go).
func (l *liveOutput) renderWith(fs []*client.FetchData, src func(uint32, int) (*io.SectionReader, error)) {
	blocks := len(fs) == 1 || anyDetailed(fs)
	if l.printed && (blocks || l.lastBlocks) {
		io.WriteString(l.out, "\n")
	}
	opt := l.s.renderOptions()
	opt.SectionSource = src
	if err := render.Result(l.out, &client.Result{Responses: fetchResponses(fs)}, opt); err != nil {
		l.s.printError(err, "")
	}
	l.printed, l.lastBlocks = true, blocks
}

// finish deals with the output still pending when the command ends: the
// table's rows are written; held messages, when nothing was printed yet,
// go back to the front of res, which is then rendered whole as without
// streaming; otherwise they are rendered now. After Ctrl-C they are
// dropped.
func (l *liveOutput) finish(res *client.Result) {
	if l == nil {
		return
	}
	if l.table != nil {
		l.flushTable()
	}
	if len(l.buf) == 0 {
		return
	}
	switch {
	case l.ctx.Err() != nil:
		l.buf = nil
	case !l.printed && res != nil:
		res.Responses = append(fetchResponses(l.buf), res.Responses...)
		l.streamed -= len(l.buf)
		l.buf = nil
	default:
		l.flushHeld()
	}
}

// takeJSON returns the JSON object the command in started streaming, if
// any; the caller finishes it.
func (l *liveOutput) takeJSON(in *Input) *render.JSONStream {
	if l == nil || l.in != in || l.json == nil {
		return nil
	}
	j := l.json
	l.json = nil
	return j
}

// detailed reports whether render shows a message as a block (body
// sections, a body structure or items it does not model).
func detailed(f *client.FetchData) bool {
	return len(f.Sections) > 0 || f.BodyStructure != nil || len(f.Other) > 0
}

func anyDetailed(fs []*client.FetchData) bool {
	for _, f := range fs {
		if detailed(f) {
			return true
		}
	}
	return false
}

func fetchResponses(fs []*client.FetchData) []client.Response {
	rs := make([]client.Response, len(fs))
	for i, f := range fs {
		rs[i] = f
	}
	return rs
}

// cancelWriter writes to w until ctx is cancelled, then discards.
type cancelWriter struct {
	ctx context.Context
	w   io.Writer
}

// Write implements io.Writer.
func (c *cancelWriter) Write(p []byte) (int, error) {
	if c.ctx.Err() != nil {
		return len(p), nil
	}
	return c.w.Write(p)
}
