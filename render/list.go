package render

import (
	"strings"

	"imapsh/client"
)

// specialUse maps the special-use attributes (RFC 6154, RFC 8457, and
// Gmail's XLIST names), lower-cased since Cyrus sends \drafts, to their
// canonical spelling.
var specialUse = map[string]string{
	`\all`: `\All`, `\archive`: `\Archive`, `\drafts`: `\Drafts`,
	`\flagged`: `\Flagged`, `\junk`: `\Junk`, `\sent`: `\Sent`,
	`\trash`: `\Trash`, `\important`: `\Important`,
	`\allmail`: `\All`, `\spam`: `\Junk`, `\starred`: `\Flagged`,
}

// listGroup renders LIST, LSUB or XLIST responses (RFC 9051 section
// 7.3.1) as one table: mailbox, delimiter, special use, other attributes,
// plus one column per STATUS item when LIST-STATUS (RFC 5819) data
// followed. STATUS data for a mailbox not listed gets its own table.
func listGroup(p *printer, g []client.Response) {
	lists := only[*client.ListData](g)
	statuses := only[*client.StatusData](g)
	byName := map[string]*client.StatusData{}
	for _, s := range statuses {
		byName[s.Mailbox] = s
	}
	items := statusItemNames(statuses)
	// On a narrow terminal the attributes are cut first, down to 4
	// columns, then the names, which are what each row is about.
	cols := []column{{title: "MAILBOX", flex: true, order: 1}, {title: "DELIM"},
		{title: "USE", optional: true}, {title: "ATTRIBUTES", flex: true, optional: true, min: 4}}
	for _, it := range items {
		cols = append(cols, column{title: it, right: true})
	}
	t := newTable(cols...)
	for _, l := range lists {
		row := listRow(p.th, l)
		st := byName[l.Mailbox]
		delete(byName, l.Mailbox)
		t.add(append(row, statusCells(st, items)...)...)
	}
	t.render(p, "")
	if len(byName) > 0 {
		var rest []*client.StatusData
		for _, s := range statuses {
			if byName[s.Mailbox] == s {
				rest = append(rest, s)
			}
		}
		statusTable(p, rest)
	}
}

func listRow(th *Theme, l *client.ListData) []cell {
	var uses, attrs []string
	name := cell{text: l.Mailbox, paint: th.Mailbox}
	for _, a := range l.Attrs {
		lower := strings.ToLower(a)
		if canon, ok := specialUse[lower]; ok {
			uses = append(uses, canon)
			continue
		}
		if lower == `\noselect` || lower == `\nonexistent` {
			name.paint = th.Dim
		}
		attrs = append(attrs, a)
	}
	attrText := Safe(strings.Join(attrs, " "))
	if len(l.Extended) > 0 {
		attrText = strings.TrimSpace(attrText + " " + inlineList(l.Extended))
	}
	delim := l.Delim
	if delim == "" {
		delim = "NIL"
	}
	return []cell{name, {text: delim, paint: th.Dim},
		{text: strings.Join(uses, " "), paint: th.Flag}, {text: attrText, paint: th.Dim}}
}

// statusTable renders STATUS responses (RFC 9051 section 7.3.3) as a table
// with one column per item.
func statusTable(p *printer, statuses []*client.StatusData) {
	items := statusItemNames(statuses)
	cols := []column{{title: "MAILBOX", flex: true}}
	for _, it := range items {
		cols = append(cols, column{title: it, right: true})
	}
	t := newTable(cols...)
	for _, s := range statuses {
		row := []cell{{text: s.Mailbox, paint: p.th.Mailbox}}
		t.add(append(row, statusCells(s, items)...)...)
	}
	t.render(p, "")
}

// statusItemNames lists the item names in order of first appearance.
func statusItemNames(statuses []*client.StatusData) []string {
	var names []string
	seen := map[string]bool{}
	for _, s := range statuses {
		for _, it := range s.Items {
			up := strings.ToUpper(it.Name)
			if !seen[up] {
				seen[up] = true
				names = append(names, up)
			}
		}
	}
	return names
}

func statusCells(s *client.StatusData, items []string) []cell {
	cells := make([]cell, len(items))
	if s == nil {
		return cells
	}
	for i, name := range items {
		for _, it := range s.Items {
			if !strings.EqualFold(it.Name, name) {
				continue
			}
			cells[i] = txt(num(it.Value))
			if it.Data != nil {
				cells[i] = txt(inline(*it.Data))
			}
		}
	}
	return cells
}
