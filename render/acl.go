package render

import (
	"strings"

	"imapsh/client"
)

// rightNames are the ACL rights of RFC 4314 section 2.1, in its order, and
// the obsolete c and d of RFC 2086.
var rightNames = []struct {
	right byte
	name  string
}{
	{'l', "lookup"}, {'r', "read"}, {'s', "seen"}, {'w', "write"},
	{'i', "insert"}, {'p', "post"}, {'k', "create"}, {'x', "delete"},
	{'t', "delete-msgs"}, {'e', "expunge"}, {'a', "admin"},
	{'c', "create(old)"}, {'d', "delete(old)"},
	{'n', "annotate"}, // write shared annotations (RFC 5257, RFC 5464): Cyrus grants it
}

// acl renders an ACL response (RFC 4314 section 3.6) as a table of
// identifiers and rights, with a legend of the rights used.
func acl(p *printer, d *client.ACLData) {
	p.line(paint(p.th.Heading, "ACL"), paint(p.th.Mailbox, Safe(d.Mailbox)))
	t := newTable(column{title: "IDENTIFIER", flex: true}, column{title: "RIGHTS"})
	var all strings.Builder
	for _, e := range d.Entries {
		t.add(txt(e.Identifier), cell{text: e.Rights, paint: p.th.Flag})
		all.WriteString(e.Rights)
	}
	t.render(p, "  ")
	rightsLegend(p, all.String())
}

// myRights renders a MYRIGHTS response (RFC 4314 section 3.8).
func myRights(p *printer, d *client.MyRightsData) {
	p.line(paint(p.th.Heading, "MYRIGHTS"), paint(p.th.Mailbox, Safe(d.Mailbox)),
		paint(p.th.Flag, Safe(d.Rights)))
	rightsLegend(p, d.Rights)
}

// listRights renders a LISTRIGHTS response (RFC 4314 section 3.7): the
// rights always granted and the groups that may be granted.
func listRights(p *printer, d *client.ListRightsData) {
	p.line(paint(p.th.Heading, "LISTRIGHTS"), paint(p.th.Mailbox, Safe(d.Mailbox)), Safe(d.Identifier))
	required := d.Required
	if required == "" {
		required = `""`
	}
	p.line("  required:", paint(p.th.Flag, Safe(required)))
	optional := make([]string, len(d.Optional))
	for i, o := range d.Optional {
		optional[i] = paint(p.th.Flag, Safe(o))
	}
	p.line("  optional:", strings.Join(optional, " "))
	rightsLegend(p, d.Required+strings.Join(d.Optional, ""))
}

// rightsLegend explains each right letter that occurs in used:
// "  l=lookup r=read ...". Unknown letters are listed as such.
func rightsLegend(p *printer, used string) {
	var parts []string
	for _, rn := range rightNames {
		if strings.IndexByte(used, rn.right) >= 0 {
			parts = append(parts, string(rn.right)+"="+rn.name)
		}
	}
	for _, r := range uniqueRunes(used) {
		if !isKnownRight(r) {
			parts = append(parts, Safe(string(r))+"=?")
		}
	}
	if len(parts) > 0 {
		wrapped(p, paint(p.th.Dim, "  rights:")+" ", len("  rights: "), parts)
	}
}

func isKnownRight(r rune) bool {
	for _, rn := range rightNames {
		if rune(rn.right) == r {
			return true
		}
	}
	return false
}

func uniqueRunes(s string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}
