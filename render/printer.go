package render

import (
	"io"
	"strings"
)

// flushAt is how much output a printer gathers before writing it: lines
// reach the writer in blocks, not one write (one system call on a
// terminal or pipe) each.
const flushAt = 32 << 10

// printer gathers lines for the caller's writer, writes them in blocks of
// about flushAt bytes and when the rendering ends (finish), and keeps the
// first error. Every exported renderer ends with return p.finish()
// (TestRenderersFinish).
type printer struct {
	w      io.Writer
	opt    Options
	th     *Theme
	plain  bool   // no colour is on: paint leaves text as it is
	buf    []byte // lines not written yet
	inLine bool   // a part of the current line is in buf
	err    error
	// capsSummed: an untagged CAPABILITY is summed up (CapsChange), as in
	// the result of a login; only the capability command shows it whole.
	capsSummed bool
}

func newPrinter(w io.Writer, opt Options) *printer {
	th := opt.theme()
	return &printer{w: w, opt: opt, th: th, plain: th.plain()}
}

// line writes the parts (already safe and painted), separated by spaces,
// and a newline.
func (p *printer) line(parts ...string) {
	for _, s := range parts {
		p.word(s)
	}
	p.endLine()
}

// word adds a part (safe and painted) to the line being written, after a
// space unless it is the first; an empty part adds nothing.
func (p *printer) word(s string) {
	if s == "" {
		return
	}
	if p.inLine {
		p.buf = append(p.buf, ' ')
	}
	p.buf = append(p.buf, s...)
	p.inLine = true
}

// write adds s (safe, painted, with its own newlines) as it is.
func (p *printer) write(s string) {
	p.buf = append(p.buf, s...)
	if len(p.buf) >= flushAt {
		p.flush()
	}
}

// endLine ends the line appended to p.buf.
func (p *printer) endLine() {
	p.buf = append(p.buf, '\n')
	p.inLine = false
	if len(p.buf) >= flushAt {
		p.flush()
	}
}

// endRow ends a table row that starts at p.buf[start], without its
// trailing blanks.
func (p *printer) endRow(start int) {
	end := len(p.buf)
	for end > start && p.buf[end-1] == ' ' {
		end--
	}
	p.buf = p.buf[:end]
	p.endLine()
}

// clipRow cuts the row that starts at p.buf[start] to the line's width
// (clipLine): a table too wide even with every column at its floor must
// not wrap.
func (p *printer) clipRow(start int) {
	line := clipLine(strings.TrimRight(string(p.buf[start:]), " "), p.width())
	p.buf = append(p.buf[:start], line...)
}

// flush writes what is gathered.
func (p *printer) flush() {
	if p.err == nil && len(p.buf) > 0 {
		_, p.err = p.w.Write(p.buf)
	}
	p.buf = p.buf[:0]
}

// finish writes what is left and returns the first write error.
func (p *printer) finish() error {
	p.flush()
	return p.err
}

func (p *printer) width() int { return p.opt.width() }

func nonEmpty(parts []string) []string {
	out := parts[:0:0]
	for _, s := range parts {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
