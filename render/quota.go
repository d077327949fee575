package render

import (
	"strings"

	"github.com/fatih/color"

	"imapsh/client"
)

// kibResources are the quota resources counted in units of 1024 octets
// (RFC 9208 sections 5.1 and 5.4).
var kibResources = map[string]bool{"STORAGE": true, "ANNOTATION-STORAGE": true}

// quotaTable renders QUOTA responses (RFC 9208) as one table with a usage
// bar per resource: "STORAGE  1.2 MiB / 10 GiB  [#.........] 12%".
func quotaTable(p *printer, qs []*client.QuotaData) {
	t := newTable(column{title: "ROOT", flex: true}, column{title: "RESOURCE"},
		column{title: "USAGE", right: true}, column{title: "LIMIT", right: true}, column{title: "USED"})
	for _, q := range qs {
		if len(q.Resources) == 0 { // Courier-IMAP, user without quota: * QUOTA "ROOT"
			t.add(cell{text: orQuotedEmpty(q.Root), paint: p.th.Mailbox}, cell{text: "(no resources)", paint: p.th.Dim},
				txt(""), txt(""), txt(""))
		}
		for _, r := range q.Resources {
			t.add(cell{text: orQuotedEmpty(q.Root), paint: p.th.Mailbox}, txt(r.Name),
				txt(quotaAmount(r.Name, r.Usage)), txt(quotaAmount(r.Name, r.Limit)),
				usageBar(p.th, r.Usage, r.Limit))
		}
	}
	t.render(p, "")
}

// quotaAmount formats a usage or limit: sizes for storage, counts for the
// rest (MESSAGE, MAILBOX).
func quotaAmount(resource string, n uint64) string {
	if kibResources[strings.ToUpper(resource)] {
		return humanKiB(n)
	}
	return num(n)
}

// usageBar draws "[###.......] 30%", coloured when nearly or fully used.
func usageBar(th *Theme, usage, limit uint64) cell {
	if limit == 0 {
		return cell{text: "(no limit)", paint: th.Dim}
	}
	pct := uint64(min(float64(usage)*100/float64(limit), 1000))
	filled := min(pct/10, 10)
	percent := num(pct) + "%"
	if pct >= 1000 {
		percent = ">999%"
	}
	text := "[" + strings.Repeat("#", int(filled)) + strings.Repeat(".", 10-int(filled)) + "] " + percent
	return cell{text: text, paint: usageColor(th, pct)}
}

func usageColor(th *Theme, pct uint64) *color.Color {
	switch {
	case pct >= 100:
		return th.Bad
	case pct >= 90:
		return th.Alert
	case pct >= 75:
		return th.No
	}
	return nil
}

// quotaRoot renders a QUOTAROOT response (RFC 9208 section 5.2).
func quotaRoot(p *printer, d *client.QuotaRootData) {
	roots := make([]string, len(d.Roots))
	for i, r := range d.Roots {
		roots[i] = orQuotedEmpty(r)
	}
	if len(roots) == 0 {
		roots = []string{paint(p.th.Dim, "(no quota root)")}
	}
	p.line(paint(p.th.Heading, "QUOTAROOT"), paint(p.th.Mailbox, Safe(d.Mailbox)), "roots:", strings.Join(roots, ", "))
}
