package render

// The wrapping of SEARCH and ESEARCH answers as it was before it wrote in
// place (issue 10), kept as the reference FuzzSearchFlow compares with.

import "strings"

// flowItem is one piece of a line that refFlow may wrap before: text
// (safe and painted), its display width without colour, and whether a
// space separates it from the piece before.
type flowItem struct {
	text  string
	width int
	space bool
}

// flow writes label and the items, breaking lines only between items so
// that the terminal never wraps inside one (a message number, a word);
// continuation lines are indented by indent columns, the label's width.
func refFlow(p *printer, label string, indent int, items []flowItem) {
	var b strings.Builder
	b.WriteString(label)
	used := indent
	for i, it := range items {
		gap := 0
		if it.space && i > 0 {
			gap = 1
		}
		if i > 0 && used+gap+it.width > p.width() {
			p.line(strings.TrimRight(b.String(), " "))
			b.Reset()
			b.WriteString(strings.Repeat(" ", indent))
			used, gap = indent, 0
		}
		if gap > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(it.text)
		used += gap + it.width
	}
	p.line(strings.TrimRight(b.String(), " "))
}

// setItems splits a sequence set ("1:3,5,9") after each comma, painted
// as numbers, so that flow breaks lines between numbers.
func refSetItems(p *printer, set string, space bool) []flowItem {
	var out []flowItem
	for i, piece := range strings.SplitAfter(set, ",") {
		out = append(out, flowItem{paint(p.th.Number, piece), len(piece), space && i == 0})
	}
	return out
}

// refWords turns words (safe, perhaps painted) into items separated by
// spaces.
func refWords(ws ...string) []flowItem {
	var out []flowItem
	for _, w := range ws {
		if w != "" {
			out = append(out, flowItem{w, visibleWidth(w), true})
		}
	}
	return out
}
