package render

import (
	"io"
	"strconv"

	"imapsh/client"
)

// FetchStream prints the FETCH responses (RFC 9051 section 7.5.2) of one
// long command as one table, each row when it comes: the shell's live
// output of `fetch 1:* (UID FLAGS ENVELOPE)`. The columns and their widths
// are picked once, from the first rows and what the caller knows of the
// mailbox, and kept, so that every row lines up under the first header
// (a table sized per chunk changed its widths from chunk to chunk). A row
// holding an item the layout has no column for (say MODSEQ after a
// thousand rows without) adds that column under a new header.
type FetchStream struct {
	p       *printer
	opt     FetchStreamOptions
	t       *table // the columns; rows are not kept
	keep    []int  // the columns shown
	natural []int  // their widths before fitting the line
	widths  []int  // and after
	row     []cell // the row being written, reused
	since   int    // rows since the last header; -1: a header is due
	queued  int    // rows not written yet
}

// FetchStreamOptions say what the caller knows of the output and the
// mailbox.
type FetchStreamOptions struct {
	// MaxSeq and MaxUID are the largest message number and UID a row can
	// have (EXISTS, UIDNEXT-1); the # and UID columns are made that wide
	// from the start. 0 means unknown.
	MaxSeq, MaxUID uint32
	// HeaderEvery repeats the header after so many rows (for a terminal,
	// where it scrolls away); 0 prints it once (for a file or a pipe).
	HeaderEvery int
	// FlushEvery writes the rows out after so many, so that a terminal
	// sees them come from a slow server; they are written anyway in
	// blocks of 32 KiB and by Flush. 0 means only those.
	FlushEvery int
	// Align keeps every row in line with the header, as a terminal wants:
	// a text wider than its column in FROM, SUBJECT or FLAGS is cut to it
	// with "…" (the last column gets the room left on the line). Without
	// it such a text is printed whole, shifting the rest of its row, unless
	// the line would then pass Options.Width: nothing is lost in a file or
	// a pipe. Numbers and dates are never cut.
	Align bool
}

// sizeWidth is the widest humanSize below 1 PiB: "1023 KiB".
const sizeWidth = 8

// NewFetchStream lays out the table for rows like first (which are not
// printed: pass them to Add). Output goes to w in blocks; Flush writes
// what is pending.
func NewFetchStream(w io.Writer, first []*client.FetchData, opt FetchStreamOptions, ropt Options) *FetchStream {
	s := &FetchStream{p: newPrinter(w, ropt), opt: opt, t: newFetchTable(), since: -1}
	s.row = make([]cell, len(s.t.cols))
	for _, f := range first {
		s.t.addFetch(s.p.th, f)
	}
	s.keep = s.t.streamColumns(first)
	s.natural = s.t.naturalWidths(s.keep)
	s.natural[0] = max(s.natural[0], digitCount(opt.MaxSeq))
	s.natural[1] = max(s.natural[1], digitCount(opt.MaxUID))
	s.natural[2] = max(s.natural[2], len(shortDateLayout))
	s.natural[5] = max(s.natural[5], sizeWidth)
	s.t.rows = nil // measured; from now on rows are printed, not kept
	s.fitLine()
	return s
}

// fitLine sets the widths of the columns shown: their natural widths,
// narrowed to fit the line (Options.Width) as any table's; when rows are
// aligned, the last column, which is not padded, also gets the room left
// on the line, so that flags are cut only where the terminal ends.
func (s *FetchStream) fitLine() {
	s.widths = append(s.widths[:0], s.natural...)
	s.t.shrink(s.keep, s.widths, s.p.width())
	if !s.opt.Align {
		return
	}
	used := 2 * (len(s.keep) - 1)
	for _, i := range s.keep {
		used += s.widths[i]
	}
	last := s.keep[len(s.keep)-1]
	if room := s.p.width() - used; room > 0 && s.t.cols[last].flex {
		s.widths[last] += room
	}
}

// streamColumns are the columns of the items the rows carry (an item
// present but empty in every first row keeps its column).
func (t *table) streamColumns(fs []*client.FetchData) []int {
	used := make([]bool, len(t.cols))
	used[0] = true
	for _, f := range fs {
		used[1] = used[1] || f.UID != 0
		used[2] = used[2] || f.Envelope != nil || !f.InternalDate.IsZero() || f.RawDate != ""
		used[3] = used[3] || f.Envelope != nil
		used[4] = used[4] || f.Envelope != nil
		used[5] = used[5] || f.HasSize
		used[6] = used[6] || f.HasFlags
		used[7] = used[7] || f.ModSeq != 0
	}
	var keep []int
	for i, u := range used {
		if u {
			keep = append(keep, i)
		}
	}
	return keep
}

// Add prints the row of one message, after a header when one is due.
func (s *FetchStream) Add(f *client.FetchData) {
	clear(s.row)
	fetchRow(s.p.th, f, s.row)
	s.t.measure(s.row)
	if !s.fits(s.row) {
		s.addColumns(s.row)
	}
	if s.since < 0 || s.opt.HeaderEvery > 0 && s.since >= s.opt.HeaderEvery {
		s.writeRow(s.t.header(s.p.th))
		s.since = 0
	}
	s.writeRow(s.row)
	s.since++
	if s.queued++; s.opt.FlushEvery > 0 && s.queued >= s.opt.FlushEvery {
		s.p.flush()
		s.queued = 0
	}
}

// Break makes the next row start under a new header (something else was
// printed in between).
func (s *FetchStream) Break() { s.since = -1 }

// Flush writes the rows printed so far and returns the first write error.
func (s *FetchStream) Flush() error {
	s.queued = 0
	return s.p.finish()
}

// fits reports whether row has nothing in a column the layout left out.
func (s *FetchStream) fits(row []cell) bool {
	for i, c := range row {
		if c.text != "" && !s.shown(i) {
			return false
		}
	}
	return true
}

func (s *FetchStream) shown(i int) bool {
	for _, k := range s.keep {
		if k == i {
			return true
		}
	}
	return false
}

// addColumns shows the columns row needs, at its widths, under a new
// header.
func (s *FetchStream) addColumns(row []cell) {
	var keep []int
	for i, c := range row {
		switch {
		case s.shown(i):
			keep = append(keep, i)
		case c.text != "":
			keep = append(keep, i)
			s.natural[i] = max(textWidth(s.t.cols[i].title), c.width)
		}
	}
	s.keep = keep
	s.fitLine()
	s.since = -1
}

// writeRow writes one line of the table at the kept widths, cutting
// wider texts as FetchStreamOptions.Align says: when a line too long for
// Options.Width is cut without Align, its last column gets the room left.
func (s *FetchStream) writeRow(row []cell) {
	p := s.p
	cut := s.opt.Align || s.lineWidth(row) > p.width()
	start, used := len(p.buf), 0
	for k, i := range s.keep {
		last := k == len(s.keep)-1
		col, w := s.t.cols[i], s.widths[i]
		if last && cut && !s.opt.Align {
			w = max(w, p.width()-used)
		}
		var n int
		p.buf, n = appendCell(p, p.buf, row[i], w, col.right, last, cut && col.flex)
		if !last {
			p.buf = append(p.buf, "  "...)
			used += n + 2
		} else {
			used += n
		}
	}
	if cut && used > p.width() { // numbers and dates alone passed the line
		p.clipRow(start)
	}
	p.endRow(start)
}

// lineWidth is the width of row printed with nothing cut.
func (s *FetchStream) lineWidth(row []cell) int {
	n := 2 * (len(s.keep) - 1)
	for k, i := range s.keep {
		if k == len(s.keep)-1 {
			n += row[i].width
		} else {
			n += max(s.widths[i], row[i].width)
		}
	}
	return n
}

// digitCount is the number of decimal digits of n.
func digitCount(n uint32) int {
	if n == 0 {
		return 0
	}
	return len(strconv.FormatUint(uint64(n), 10))
}
