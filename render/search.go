package render

import (
	"imapsh/client"
)

// searchLine renders a SEARCH or SORT response (RFC 3501 section 7.2.5,
// RFC 5256) as compact ranges: "SEARCH 1:3,5 (4 messages)". SORT keeps the
// server's order. A long answer wraps between numbers, continuation lines
// indented under the first number.
func searchLine(p *printer, d *client.SearchData) {
	command := Safe(d.Command)
	head := paint(p.th.Heading, command)
	if len(d.Nums) == 0 {
		p.line(head, paint(p.th.Dim, "(no messages)"))
		return
	}
	f := newFlow(p, head+" ", textWidth(command)+1)
	f.compact(d.Nums, false)
	f.words(paint(p.th.Dim, "("+plural(len(d.Nums), "message")+")"))
	if d.ModSeq != 0 {
		f.words("modseq", num(d.ModSeq))
	}
	f.end()
}

// esearchLine renders an ESEARCH response (RFC 4731, RFC 5267 ESORT):
// "ESEARCH UID min 3 max 90 count 12 all 3:5,7,90 modseq 5", with
// "partial 1:100 3:5,7" for PARTIAL (RFC 9394).
func esearchLine(p *printer, d *client.ESearchData) {
	parts := []string{paint(p.th.Heading, "ESEARCH")}
	if d.UID {
		parts = append(parts, "UID")
	}
	for _, it := range []struct {
		name string
		n    *uint32
	}{{"min", d.Min}, {"max", d.Max}, {"count", d.Count}} {
		if it.n != nil {
			parts = append(parts, it.name, paint(p.th.Number, num(*it.n)))
		}
	}
	var rest []string
	if d.ModSeq != 0 {
		rest = append(rest, "modseq", num(d.ModSeq))
	}
	if len(d.Other) > 0 {
		rest = append(rest, inlineList(d.Other))
	}
	if d.Min == nil && d.Max == nil && d.Count == nil && len(d.All) == 0 && d.ModSeq == 0 && d.Partial == nil && len(d.Other) == 0 {
		rest = append(rest, paint(p.th.Dim, "(no messages)"))
	}
	if d.Mailbox != "" { // the search-correlator (RFC 4731, RFC 7377)
		rest = append(rest, "in", paint(p.th.Mailbox, Safe(d.Mailbox)), "uidvalidity", num(d.UIDValidity))
	}
	if d.Tag != "" {
		rest = append(rest, paint(p.th.Dim, "(tag "+Safe(d.Tag)+")"))
	}
	f := newFlow(p, parts[0]+" ", len("ESEARCH "))
	f.words(parts[1:]...)
	if len(d.All) > 0 { // wraps between numbers, like SEARCH
		f.words("all")
		f.set(d.All, true)
	}
	if d.Partial != nil { // RFC 9394: the range asked for, then what it holds
		f.words("partial", Safe(d.Partial.Range))
		if len(d.Partial.Set) == 0 {
			f.words(paint(p.th.Dim, "(none)"))
		} else {
			f.set(d.Partial.Set, true)
		}
	}
	f.words(rest...)
	f.end()
}

// threads renders a THREAD response (RFC 5256) as a forest: each thread's
// first message at the left, replies below it.
//
//	THREAD 2 threads, 4 messages
//	1
//	2
//	├─ 3
//	│  └─ 5
func threads(p *printer, d *client.ThreadData) {
	p.line(paint(p.th.Heading, "THREAD"), plural(len(d.Threads), "thread")+",",
		plural(countThreadMessages(d.Threads), "message"))
	for _, root := range d.Threads {
		n := threadTree(p.th, root)
		p.line(n.label)
		drawTree(p, "", n.children)
	}
}

func threadTree(th *Theme, n *client.ThreadNode) treeNode {
	label := paint(th.Dim, "(no message)")
	if n.Num != 0 {
		label = paint(th.Number, num(n.Num))
	}
	node := treeNode{label: label}
	for _, c := range n.Children {
		node.children = append(node.children, threadTree(th, c))
	}
	return node
}

func countThreadMessages(ns []*client.ThreadNode) int {
	total := 0
	for _, n := range ns {
		if n.Num != 0 {
			total++
		}
		total += countThreadMessages(n.Children)
	}
	return total
}
