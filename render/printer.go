package render

import (
	"io"
	"strings"
)

// printer writes lines to the caller's writer and keeps the first error.
type printer struct {
	w   io.Writer
	opt Options
	th  *Theme
	err error
	// capsSummed: an untagged CAPABILITY is summed up (CapsChange), as in
	// the result of a login; only the capability command shows it whole.
	capsSummed bool
}

func newPrinter(w io.Writer, opt Options) *printer {
	return &printer{w: w, opt: opt, th: opt.theme()}
}

// line writes the parts (already safe and painted), separated by spaces,
// and a newline.
func (p *printer) line(parts ...string) {
	p.write(strings.Join(nonEmpty(parts), " ") + "\n")
}

func (p *printer) write(s string) {
	if p.err != nil {
		return
	}
	_, p.err = io.WriteString(p.w, s)
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
