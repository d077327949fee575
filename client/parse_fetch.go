package client

import (
	"strings"
	"time"
)

// fetch reads the item list of "* n FETCH (...)" (RFC 9051 section 7.5.2).
func (p *parser) fetch(seq uint32) Response {
	f := &FetchData{Seq: seq}
	p.fetchItems(f)
	return f
}

// fetchItems reads msg-att: "(" item *(SP item) ")" into f. Items grouped
// in an extra pair of parentheses, "(UID 5 (ENVELOPE (...)) ...)", are
// read as if they were not (Domino, MailKit #943).
func (p *parser) fetchItems(f *FetchData) bool {
	d := p.d
	return d.List(func() bool {
		if d.Peek() == '(' {
			return p.fetchItems(f)
		}
		name, ok := d.ItemName()
		if !ok || !d.ExpectSP() {
			return false
		}
		p.fetchItem(f, name)
		return d.Err() == nil
	})
}

// fetchItem reads the value of one FETCH item into f.
func (p *parser) fetchItem(f *FetchData, name string) {
	d := p.d
	switch upper := itemKey(name); upper {
	case "UID":
		f.UID, _ = d.Number() // uniqueid; out of range: flagged, left 0
	case "FLAGS":
		f.Flags, f.HasFlags = p.flagList(), true
	case "INTERNALDATE":
		// date-time; NIL is accepted (as RFC 8514 allows for SAVEDATE) and
		// a date that does not parse is kept as sent in RawDate.
		f.RawDate, _, _ = d.NString()
		f.InternalDate, _ = ParseInternalDate(f.RawDate)
	case "RFC822.SIZE":
		f.Size, f.HasSize = d.Number64() // number64; out of range: flagged
	case "ENVELOPE":
		f.Envelope = p.envelope()
	case "BODYSTRUCTURE", "BODY":
		f.BodyStructure = p.bodyStructure()
	case "MODSEQ":
		d.ExpectSpecial('(')
		f.ModSeq, _ = d.Number64()
		d.ExpectSpecial(')')
	default:
		if isSectionItem(upper) {
			f.Sections = append(f.Sections, p.section(f.Seq, name))
			return
		}
		v, _ := d.Value()
		f.Other = append(f.Other, NamedValue{Name: name, Value: v})
	}
}

// itemKey upper-cases a FETCH item name for matching. Servers send the
// common items upper-case already: those skip strings.ToUpper's scan.
func itemKey(name string) string {
	switch name {
	case "UID", "FLAGS", "ENVELOPE", "RFC822.SIZE", "INTERNALDATE", "MODSEQ":
		return name
	}
	return strings.ToUpper(name)
}

// isSectionItem reports items whose value is message data: BODY[...],
// BINARY[...], RFC822, RFC822.HEADER, RFC822.TEXT.
func isSectionItem(upper string) bool {
	switch {
	case strings.HasPrefix(upper, "BODY["), strings.HasPrefix(upper, "BINARY["):
		return true
	case upper == "RFC822", upper == "RFC822.HEADER", upper == "RFC822.TEXT":
		return true
	}
	return false
}

// section reads a body section's nstring or literal, streaming it to the
// sink's writer when one is given.
func (p *parser) section(seq uint32, name string) BodySection {
	d := p.d
	s := BodySection{Name: name}
	s.Section, s.Origin = splitSection(name)
	if d.NIL() {
		s.Nil = true
		return s
	}
	if size, ok := d.PeekLiteralSize(); ok && p.sink != nil {
		if w := p.sink(seq, s.Section, size); w != nil {
			cw := &countWriter{w: w}
			d.LiteralTo(cw)
			s.Streamed = cw.n
			return s
		}
	}
	if d.PeekLiteral() {
		s.Data, _ = d.LiteralBytes()
		return s
	}
	str, _ := d.String()
	s.Data = []byte(str)
	return s
}

// splitSection takes BODY[1.2]<100> apart into "1.2" and 100.
func splitSection(name string) (string, *uint32) {
	open := strings.IndexByte(name, '[')
	close := strings.LastIndexByte(name, ']')
	if open < 0 || close < open {
		return "", nil
	}
	sec := name[open+1 : close]
	rest := name[close+1:]
	if len(rest) > 2 && rest[0] == '<' && rest[len(rest)-1] == '>' {
		if n, err := ParseNumSet(rest[1 : len(rest)-1]); err == nil && len(n) == 1 {
			o := n[0].Start
			return sec, &o
		}
		if rest == "<0>" {
			var zero uint32
			return sec, &zero
		}
	}
	return sec, nil
}

type countWriter struct {
	w interface{ Write([]byte) (int, error) }
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// internalDateLayout is date-time of RFC 9051: "17-Jul-1996 02:44:25 -0700".
const internalDateLayout = "_2-Jan-2006 15:04:05 -0700"

// ParseInternalDate parses an INTERNALDATE value.
func ParseInternalDate(s string) (time.Time, error) {
	return time.Parse(internalDateLayout, strings.TrimSpace(s))
}

// FormatInternalDate formats t for APPEND's date-time argument.
func FormatInternalDate(t time.Time) string {
	return t.Format("02-Jan-2006 15:04:05 -0700")
}
