package client

import (
	"strings"

	"imapsh/client/internal/wire"
)

// parseSearch reads SEARCH/SORT numbers [(MODSEQ n)] (RFC 9051 7.3.4,
// RFC 5256, RFC 7162 section 3.1.5).
func parseSearch(p *parser, name string) Response {
	d := p.d
	s := &SearchData{Command: name}
	for !d.AtEnd() && d.Err() == nil {
		if d.Special('(') {
			if d.PeekFold("MODSEQ ") {
				d.Skip(7)
				s.ModSeq, _ = d.Number64()
			}
			d.ExpectSpecial(')')
			d.SP()
			continue
		}
		n, ok := d.Number()
		switch {
		case ok:
			s.Nums = append(s.Nums, n)
		case d.Err() != nil:
			return s
		} // out of range: flagged and left out
		d.SP()
	}
	return s
}

// parseESearch reads ESEARCH [search-correlator] [SP "UID"]
// *(SP search-return-data) (RFC 4731, RFC 9051 section 7.3.4, RFC 7377).
func parseESearch(p *parser, _ string) Response {
	d := p.d
	e := &ESearchData{}
	if d.Special('(') {
		p.correlator(e)
		d.SP()
	}
	if d.PeekFold("UID") && (d.PeekFold("UID ") || d.AtEnd() || atEndAfter(d, 3)) {
		d.Skip(3)
		e.UID = true
		d.SP()
	}
	for !d.AtEnd() && d.Err() == nil {
		// "(MODSEQ 284535)" in parentheses (MailKit #323) is read like
		// "MODSEQ 284535".
		grouped := d.Special('(')
		name, ok := d.ExpectAtom()
		if !ok || !d.ExpectSP() {
			break
		}
		p.esearchItem(e, strings.ToUpper(name))
		if grouped {
			d.ExpectSpecial(')')
		}
		d.SP()
	}
	return e
}

// atEndAfter reports whether only spaces follow the next n bytes.
func atEndAfter(d *wire.Decoder, n int) bool {
	m := d.Mark()
	d.Skip(n)
	end := d.AtEnd()
	d.Rewind(m)
	return end
}

// correlator reads search-correlator after its "(": "TAG" SP tag-string
// [SP "MAILBOX" SP mailbox SP "UIDVALIDITY" SP nz-number] ")". tag-string
// is an astring in RFC 9051 (a string in RFC 4731).
func (p *parser) correlator(e *ESearchData) {
	d := p.d
	for d.Err() == nil && !d.Special(')') {
		name, ok := d.ExpectAtom()
		if !ok || !d.ExpectSP() {
			return
		}
		switch strings.ToUpper(name) {
		case "TAG":
			e.Tag, _ = d.AString()
		case "MAILBOX":
			e.Mailbox, _ = p.mailbox()
		case "UIDVALIDITY":
			e.UIDValidity, _ = d.Number()
		default:
			v, _ := d.Value()
			e.Other = append(e.Other, Value{Kind: wire.KindAtom, Str: name}, v)
		}
		d.SP()
	}
}

// esearchItem reads one search-return-data: MIN, MAX (nz-number), COUNT
// (number), ALL (sequence-set), MODSEQ (mod-sequence-value, RFC 7162), or
// PARTIAL (RFC 9394), or any other as a generic value.
func (p *parser) esearchItem(e *ESearchData, name string) {
	d := p.d
	num := func() *uint32 {
		if n, ok := d.Number(); ok {
			return &n
		}
		return nil // out of range: flagged
	}
	switch name {
	case "MIN":
		e.Min = num()
	case "MAX":
		e.Max = num()
	case "COUNT":
		e.Count = num()
	case "ALL":
		e.All = p.numSet()
	case "MODSEQ":
		e.ModSeq, _ = d.Number64()
	case "PARTIAL":
		e.Partial = p.partial()
	default:
		v, _ := d.Value()
		e.Other = append(e.Other, Value{Kind: wire.KindAtom, Str: name}, v)
	}
}

// partial reads RFC 9394's "(" partial-range SP partial-results ")",
// where partial-results is a sequence-set or NIL.
func (p *parser) partial() *PartialResult {
	d := p.d
	if !d.ExpectSpecial('(') {
		return nil
	}
	r := &PartialResult{}
	r.Range, _ = d.ExpectAtom()
	if !validPartialRange(r.Range) {
		d.Warn(&wire.SyntaxError{Offset: d.Offset(), Expected: "a partial range like 1:100 or -1:-100", Got: r.Range})
	}
	d.ExpectSP()
	if d.PeekFold("NIL") {
		d.Skip(3)
	} else {
		r.Set = p.numSet()
	}
	d.ExpectSpecial(')')
	return r
}

// numSet reads a sequence-set or uid-set; one that does not parse (a
// zero, a number out of range) is flagged.
func (p *parser) numSet() NumSet {
	d := p.d
	tok, ok := d.NumSetToken()
	if !ok {
		return nil
	}
	set, err := ParseNumSet(tok)
	if err != nil {
		d.Warn(&wire.SyntaxError{Offset: d.Offset(), Expected: "a sequence set", Got: tok})
	}
	return set
}

// parseThread reads THREAD (1 2 (3 4)(5)) ... (RFC 5256 section 4).
func parseThread(p *parser, _ string) Response {
	d := p.d
	t := &ThreadData{}
	for d.Peek() == '(' && d.Err() == nil {
		if node := p.threadList(); node != nil {
			t.Threads = append(t.Threads, node)
		}
	}
	return t
}

// threadList reads one parenthesised thread: a chain of numbers, possibly
// ending in several sub-threads that are siblings.
func (p *parser) threadList() *ThreadNode {
	d := p.d
	var root *ThreadNode
	if d.ExpectSpecial('(') {
		d.Nest(func() bool { root = p.threadListRest(); return true })
	}
	return root
}

// threadListRest reads a thread after its opening parenthesis.
func (p *parser) threadListRest() *ThreadNode {
	d := p.d
	var root, tail *ThreadNode
	link := func(n *ThreadNode) {
		if root == nil {
			root, tail = n, n
			return
		}
		tail.Children = append(tail.Children, n)
		tail = n
	}
	for d.Err() == nil && !d.Special(')') {
		switch {
		case d.SP():
		case d.Peek() == '(':
			var kids []*ThreadNode
			for d.Peek() == '(' {
				if kid := p.threadList(); kid != nil { // "()" holds no message
					kids = append(kids, kid)
				}
			}
			if len(kids) == 0 {
				continue
			}
			if root == nil && len(kids) > 1 {
				root = &ThreadNode{} // dummy parent of siblings
				tail = root
			}
			if root == nil {
				link(kids[0])
				continue
			}
			tail.Children = append(tail.Children, kids...)
		default:
			n, ok := d.Number() // out of range: flagged, shown as "(no message)"
			if !ok && d.Err() != nil {
				return root
			}
			link(&ThreadNode{Num: n})
		}
	}
	return root
}

// parseVanished reads VANISHED [(EARLIER)] uid-set (RFC 7162 3.2.10).
func parseVanished(p *parser, _ string) Response {
	d := p.d
	v := &VanishedData{}
	if d.Special('(') {
		word, _ := d.ExpectAtom()
		v.Earlier = strings.EqualFold(word, "EARLIER")
		if !v.Earlier {
			d.Warn(&wire.SyntaxError{Offset: d.Offset(), Expected: "(EARLIER)", Got: word})
		}
		d.ExpectSpecial(')')
		d.SP()
	}
	v.UIDs = p.numSet()
	return v
}
