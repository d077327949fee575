package render

import (
	"fmt"
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
// "  l=lookup r=read ...". The digits, which RFC 4314 section 2.1 leaves
// to the implementation or site (Cyrus offers all ten in LISTRIGHTS), are
// named together; other unknown letters are listed as such.
func rightsLegend(p *printer, used string) {
	var parts []string
	for _, rn := range rightNames {
		if strings.IndexByte(used, rn.right) >= 0 {
			parts = append(parts, string(rn.right)+"="+rn.name)
		}
	}
	var digits [10]bool
	for _, r := range uniqueRunes(used) {
		switch {
		case r >= '0' && r <= '9':
			digits[r-'0'] = true
		case !isKnownRight(r):
			parts = append(parts, Safe(string(r))+"=?")
		}
	}
	if ds := digitRuns(digits); ds != "" {
		parts = append(parts, ds+"=site-defined")
	}
	if len(parts) > 0 {
		wrapped(p, paint(p.th.Dim, "  rights:")+" ", len("  rights: "), parts)
	}
}

// digitRuns writes the digits present as "0-9", "0,9" or "1-3,7".
func digitRuns(present [10]bool) string {
	var runs []string
	for i := 0; i < 10; i++ {
		if !present[i] {
			continue
		}
		j := i
		for j+1 < 10 && present[j+1] {
			j++
		}
		switch {
		case j-i >= 2:
			runs = append(runs, fmt.Sprintf("%d-%d", i, j))
		case j > i:
			runs = append(runs, fmt.Sprintf("%d,%d", i, j))
		default:
			runs = append(runs, fmt.Sprint(i))
		}
		i = j
	}
	return strings.Join(runs, ",")
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
