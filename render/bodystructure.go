package render

import (
	"strconv"
	"strings"

	"imapsh/client"
)

// bodyStructure writes a BODYSTRUCTURE (RFC 9051 section 7.5.2) as a tree
// with IMAP part numbers, the numbers BODY[n] fetches:
//
//	multipart/mixed
//	├─ 1 text/plain; charset=utf-8 7bit 1.2 KiB 30 lines
//	└─ 2 application/pdf "report.pdf" base64 120 KiB attachment
func bodyStructure(p *printer, indent string, b *client.BodyStructure) {
	part := ""
	if !isMultipart(b) {
		part = "1" // a single-part message's body is part 1
	}
	root := structNode(p.th, b, part, true)
	p.line(indent + root.label)
	drawNotes(p, indent, root)
	drawTree(p, indent, root.children)
}

func isMultipart(b *client.BodyStructure) bool {
	return len(b.Parts) > 0 || strings.EqualFold(b.Type, "multipart")
}

// structNode builds the tree of b, whose part number is part.
func structNode(th *Theme, b *client.BodyStructure, part string, showNum bool) treeNode {
	number := ""
	if showNum && part != "" {
		number = paint(th.Number, part) + " "
	}
	if isMultipart(b) {
		n := treeNode{label: number + paint(th.Heading, "multipart/"+Safe(strings.ToLower(b.Subtype))), notes: partNotes(th, b)}
		for i, c := range b.Parts {
			n.children = append(n.children, structNode(th, c, childPart(part, i+1), true))
		}
		return n
	}
	n := treeNode{label: number + leafLabel(th, b), notes: partNotes(th, b)}
	if b.Body != nil { // message/rfc822: its body's parts are numbered under it
		if isMultipart(b.Body) {
			n.children = []treeNode{structNode(th, b.Body, part, false)}
		} else {
			n.children = []treeNode{structNode(th, b.Body, childPart(part, 1), true)}
		}
	}
	return n
}

func childPart(parent string, i int) string {
	if parent == "" {
		return strconv.Itoa(i)
	}
	return parent + "." + strconv.Itoa(i)
}

// leafLabel is `text/plain; charset=utf-8 "name" 7bit 1.2 KiB 30 lines
// attachment`, and for message/rfc822 the subject of the inner message.
func leafLabel(th *Theme, b *client.BodyStructure) string {
	mediaType := strings.ToLower(b.Type + "/" + b.Subtype)
	parts := []string{Safe(mediaType)}
	if cs := paramValue(b.Params, "charset"); cs != "" {
		parts[0] += "; charset=" + Safe(strings.ToLower(cs))
	}
	if name := fileName(b); name != "" {
		parts = append(parts, quote(name))
	}
	parts = append(parts, Safe(strings.ToLower(b.Encoding)), humanSize(uint64(b.Size)))
	if strings.EqualFold(b.Type, "text") || b.Body != nil || b.Lines > 0 {
		parts = append(parts, plural(int(b.Lines), "line"))
	}
	if b.Disposition != "" {
		parts = append(parts, paint(th.Flag, Safe(strings.ToLower(b.Disposition))))
	}
	if b.Envelope != nil && b.Envelope.Subject != "" {
		parts = append(parts, paint(th.Dim, "Subject:")+" "+Safe(decodeWords(b.Envelope.Subject)))
	}
	return strings.Join(nonEmpty(parts), " ")
}

// FileName is the name a sender gave a body part (the Content-Disposition
// filename of RFC 2183, else the Content-Type name), decoded as fileName
// does; "" when it has none. It is neither safe to print nor to use as a
// path: see Safe and outfile.SafeName.
func FileName(b *client.BodyStructure) string { return fileName(b) }

// fileName is the attachment's name, in the order a mail client uses:
// the disposition's filename* (RFC 2231, also as continuations), its
// filename (RFC 2047 words decoded), then the type's name*, then name.
// The result is not yet safe.
func fileName(b *client.BodyStructure) string {
	for _, c := range []struct {
		params []client.Param
		name   string
	}{{b.DispParams, "filename"}, {b.Params, "name"}} {
		if v, ok := extendedParam(c.params, c.name); ok && v != "" {
			return v
		}
		if v := paramValue(c.params, c.name); v != "" {
			return decodeWords(v)
		}
	}
	return ""
}

func paramValue(ps []client.Param, name string) string {
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return p.Value
		}
	}
	return ""
}
