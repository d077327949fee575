package repl

import (
	"bytes"
	"io"
)

// plainWriter drops the terminal control sequences (CSI: ESC [ parameters
// final byte) that the colour theme writes, so that \o FILE gets plain
// text while the terminal keeps its colours. Everything else shown went
// through render.Safe, so every ESC in the output was written by the
// theme. A sequence split across writes is handled.
type plainWriter struct {
	w     io.Writer
	state plainState
}

type plainState int

const (
	plainText plainState = iota
	plainEsc             // after ESC
	plainCSI             // inside ESC [ ...
)

// Write implements io.Writer; it reports len(p) written on success.
func (p *plainWriter) Write(b []byte) (int, error) {
	if p.state == plainText && bytes.IndexByte(b, 0x1b) < 0 {
		return p.w.Write(b)
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		switch p.state {
		case plainText:
			if c == 0x1b {
				p.state = plainEsc
				continue
			}
			out = append(out, c)
		case plainEsc:
			if c == '[' {
				p.state = plainCSI
				continue
			}
			p.state = plainText // a lone ESC: dropped
			out = append(out, c)
		case plainCSI:
			if c >= 0x40 && c <= 0x7e { // the final byte
				p.state = plainText
			}
		}
	}
	if _, err := p.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}
