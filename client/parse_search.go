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
		if !ok {
			break
		}
		s.Nums = append(s.Nums, n)
		d.SP()
	}
	return s
}

// parseESearch reads ESEARCH [(TAG "x")] [UID] (name value)* (RFC 4731).
func parseESearch(p *parser, _ string) Response {
	d := p.d
	e := &ESearchData{}
	if d.Special('(') {
		if d.PeekFold("TAG ") {
			d.Skip(4)
			e.Tag, _ = d.String()
		}
		d.ExpectSpecial(')')
		d.SP()
	}
	if d.PeekFold("UID") {
		d.Skip(3)
		e.UID = true
		d.SP()
	}
	for !d.AtEnd() && d.Err() == nil {
		name, ok := d.ExpectAtom()
		if !ok || !d.ExpectSP() {
			break
		}
		p.esearchItem(e, strings.ToUpper(name))
		d.SP()
	}
	return e
}

func (p *parser) esearchItem(e *ESearchData, name string) {
	d := p.d
	num := func() *uint32 { n, _ := d.Number(); return &n }
	switch name {
	case "MIN":
		e.Min = num()
	case "MAX":
		e.Max = num()
	case "COUNT":
		e.Count = num()
	case "ALL":
		tok, _ := d.NumSetToken()
		e.All, _ = ParseNumSet(tok)
	case "MODSEQ":
		e.ModSeq, _ = d.Number64()
	default:
		v, _ := d.Value()
		e.Other = append(e.Other, Value{Kind: wire.KindAtom, Str: name}, v)
	}
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
			n, ok := d.Number()
			if !ok {
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
		v.Earlier = d.PeekFold("EARLIER")
		d.Skip(7)
		d.ExpectSpecial(')')
		d.SP()
	}
	tok, _ := d.NumSetToken()
	v.UIDs, _ = ParseNumSet(tok)
	return v
}
