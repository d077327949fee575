package render

import "strings"

// flowItem is one piece of a line that flow may wrap before: text (safe
// and painted), its display width without colour, and whether a space
// separates it from the piece before.
type flowItem struct {
	text  string
	width int
	space bool
}

// flow writes label and the items, breaking lines only between items so
// that the terminal never wraps inside one (a message number, a word);
// continuation lines are indented by indent columns, the label's width.
func flow(p *printer, label string, indent int, items []flowItem) {
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
func setItems(p *printer, set string, space bool) []flowItem {
	var out []flowItem
	for i, piece := range strings.SplitAfter(set, ",") {
		out = append(out, flowItem{paint(p.th.Number, piece), len(piece), space && i == 0})
	}
	return out
}

// words turns words (safe, perhaps painted) into items separated by
// spaces.
func words(ws ...string) []flowItem {
	var out []flowItem
	for _, w := range ws {
		if w != "" {
			out = append(out, flowItem{w, visibleWidth(w), true})
		}
	}
	return out
}

// visibleWidth is the display width of a safe string that may hold the
// theme's colour sequences (ESC [ ... m), which take no columns.
func visibleWidth(s string) int {
	n := 0
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return n + textWidth(s)
		}
		n += textWidth(s[:i])
		end := strings.IndexByte(s[i:], 'm')
		if end < 0 {
			return n
		}
		s = s[i+end+1:]
	}
}
