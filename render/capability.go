package render

import (
	"slices"
	"strings"

	"imapsh/client"
)

// capabilities renders a CAPABILITY response (RFC 9051 section 7.2.2)
// grouped: the IMAP versions, the AUTH= mechanisms, then the other
// capabilities sorted and wrapped to the width.
//
//	CAPABILITY  IMAP4rev1 IMAP4rev2
//	auth        PLAIN SCRAM-SHA-256
//	extensions  ACL BINARY CHILDREN ...
func capabilities(p *printer, d *client.CapabilityData) {
	var versions, auth, ext []string
	for _, c := range d.Caps {
		switch up := strings.ToUpper(c); {
		case strings.HasPrefix(up, "IMAP4"):
			versions = append(versions, c)
		case strings.HasPrefix(up, "AUTH="):
			auth = append(auth, c[len("AUTH="):])
		default:
			ext = append(ext, c)
		}
	}
	slices.SortFunc(ext, func(a, b string) int { return strings.Compare(strings.ToUpper(a), strings.ToUpper(b)) })
	const label = 12
	wrapped(p, paintPadded(p.th.Heading, padRight("CAPABILITY", label)), label, versions)
	if len(auth) > 0 {
		wrapped(p, paintPadded(p.th.Heading, padRight("auth", label)), label, auth)
	}
	if len(ext) > 0 {
		wrapped(p, paintPadded(p.th.Heading, padRight("extensions", label)), label, ext)
	}
}

// enabled renders an ENABLED response (RFC 5161).
func enabled(p *printer, d *client.EnabledData) {
	if len(d.Caps) == 0 {
		p.line(paint(p.th.Heading, "ENABLED"), paint(p.th.Dim, "(nothing)"))
		return
	}
	wrapped(p, paint(p.th.Heading, "ENABLED")+" ", len("ENABLED "), d.Caps)
}

// wrapped writes words after a label, wrapping at the printer width with
// continuation lines indented by indent columns. The label's display width
// (without colour) is indent.
func wrapped(p *printer, label string, indent int, words []string) {
	line, used := label, indent
	for i, w := range words {
		w = Safe(w)
		if i > 0 && used+1+textWidth(w) > p.width() {
			p.line(line)
			line, used = strings.Repeat(" ", indent), indent
		} else if i > 0 {
			line, used = line+" ", used+1
		}
		line, used = line+w, used+textWidth(w)
	}
	p.line(strings.TrimRight(line, " "))
}
