package render

import (
	"encoding/csv"
	"io"
	"strings"

	"imapsh/client"
)

// RowWriter prints one command's results as delimited rows for awk, sort
// and spreadsheets (--format tsv and csv). Each kind of response that has
// rows (rowsOf) has a fixed header, printed before its first row; the
// rows of the first kind are written as they come (a streamed FETCH), and
// those of other kinds are held and written at Close, each kind as a
// block of its own after an empty line (LIST and then STATUS for LIST
// RETURN (STATUS ...)). Numbers are raw (sizes in bytes), dates RFC 3339,
// text made terminal-safe (Safe: a tab or line break inside a field is
// shown as \t or \n, so a row is always one line). Responses without rows
// (session updates such as EXISTS, what only the table or JSON can show)
// leave notes for stderr (Notes).
type RowWriter struct {
	sink   rowSink
	opt    RowOptions
	first  string                // the kind being written as it comes
	held   map[string][][]string // rows of the other kinds, by kind
	order  []string              // the other kinds, in order of arrival
	blocks int                   // blocks started
	notes  []string
	noted  map[string]bool
}

// RowOptions say what the rows cannot know from the responses alone.
type RowOptions struct {
	// UID says the command was a UID command: SEARCH and SORT numbers are
	// UIDs, under the header "uid" instead of "seq".
	UID bool
	// FlushEach writes every row out at once, as a terminal wants for a
	// slow server; otherwise rows go out in blocks of 32 KiB.
	FlushEach bool
	// After says blocks were printed before (by an earlier command): the
	// first block starts with an empty line too, so that all output is
	// blocks separated by empty lines, each under its header.
	After bool
}

// NewRowWriter starts the rows of one command in format f (FormatTSV or
// FormatCSV).
func NewRowWriter(w io.Writer, f Format, opt RowOptions) *RowWriter {
	var sink rowSink = &tsvSink{w: w}
	if f == FormatCSV {
		cw := csv.NewWriter(w)
		cw.UseCRLF = true // RFC 4180 section 2
		sink = &csvSink{w: cw}
	}
	return &RowWriter{sink: sink, opt: opt, held: map[string][][]string{}, noted: map[string]bool{}}
}

// Add writes, or holds, the rows of one response.
func (r *RowWriter) Add(resp client.Response) {
	kind, header, rows, note := rowsOf(resp, r.opt)
	if note != "" {
		r.note(note)
	}
	if header == nil {
		return
	}
	switch {
	case r.first == "":
		r.first = kind
		r.startBlock(header)
	case kind != r.first:
		if _, ok := r.held[kind]; !ok {
			r.order = append(r.order, kind)
			r.held[kind] = [][]string{header}
		}
		r.held[kind] = append(r.held[kind], rows...)
		return
	}
	for _, row := range rows {
		r.sink.write(row)
	}
	if r.opt.FlushEach {
		r.sink.flush()
	}
}

// Mailbox writes the summary row of a SELECT or EXAMINE (the rows of the
// responses it sums up are not written).
func (r *RowWriter) Mailbox(m *client.Mailbox) {
	if m == nil || r.first != "" {
		return
	}
	r.first = "MAILBOX"
	r.startBlock(mailboxHeader)
	r.sink.write(mailboxRow(m))
}

// startBlock separates a block from the previous one and writes its header.
func (r *RowWriter) startBlock(header []string) {
	if r.blocks > 0 || r.opt.After {
		r.sink.blank()
	}
	r.blocks++
	r.sink.write(header)
}

// Close writes the held blocks and flushes; it returns the first write
// error.
func (r *RowWriter) Close() error {
	for _, kind := range r.order {
		rows := r.held[kind]
		r.startBlock(rows[0])
		for _, row := range rows[1:] {
			r.sink.write(row)
		}
	}
	r.order, r.held = nil, map[string][][]string{}
	return r.sink.flush()
}

// Blocks is the number of blocks written (headers printed).
func (r *RowWriter) Blocks() int { return r.blocks }

// Notes are what the rows left out, one line each, for stderr.
func (r *RowWriter) Notes() []string { return r.notes }

func (r *RowWriter) note(s string) {
	if !r.noted[s] {
		r.noted[s] = true
		r.notes = append(r.notes, s)
	}
}

// rowSink writes records in one delimited format.
type rowSink interface {
	write(fields []string)
	blank()
	flush() error
}

// tsvSink writes tab-separated lines; fields hold no tab or line break
// (rowsOf makes every text field Safe).
type tsvSink struct {
	w   io.Writer
	buf []byte
	err error
}

func (t *tsvSink) write(fields []string) {
	for i, f := range fields {
		if i > 0 {
			t.buf = append(t.buf, '\t')
		}
		t.buf = append(t.buf, f...)
	}
	t.buf = append(t.buf, '\n')
	if len(t.buf) >= 32<<10 {
		t.flush()
	}
}

func (t *tsvSink) blank() { t.buf = append(t.buf, '\n') }

func (t *tsvSink) flush() error {
	if len(t.buf) > 0 && t.err == nil {
		_, t.err = t.w.Write(t.buf)
	}
	t.buf = t.buf[:0]
	return t.err
}

// csvSink writes RFC 4180 records with encoding/csv. A field that a
// spreadsheet would run as a formula (starting with =, +, - or @) gets a
// leading apostrophe, as OWASP's advice on CSV injection says: a hostile
// sender's Subject must not become a formula in the admin's spreadsheet.
type csvSink struct {
	w       *csv.Writer
	pending int
}

func (c *csvSink) write(fields []string) {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = defuseFormula(f)
	}
	c.w.Write(out)
	if c.pending++; c.pending >= 512 {
		c.flush()
	}
}

func (c *csvSink) blank() { c.w.Write(nil) }

func (c *csvSink) flush() error {
	c.pending = 0
	c.w.Flush()
	return c.w.Error()
}

// defuseFormula puts an apostrophe before a field a spreadsheet would
// read as a formula.
func defuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
