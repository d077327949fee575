package render

import (
	"strings"

	"github.com/fatih/color"
)

// column describes one table column.
type column struct {
	title    string
	right    bool // right-align (numbers)
	flex     bool // may be truncated when the table is too wide
	optional bool // dropped when no cell is set (cell.set) nor has text
	// A flexible column is narrowed in two passes (shrink): first to min
	// (0 means 8; negative: not in the first pass), then to floor (0
	// means 4); in each pass the columns of the lowest order go first,
	// the widest of them first. The FETCH table narrows SUBJECT, then
	// FROM, and FLAGS last, since flags are what a reader looks for.
	min, floor, order int
}

func (c column) minWidth() int {
	switch {
	case c.min < 0:
		return 1 << 30 // not narrowed in the first pass
	case c.min > 0:
		return c.min
	}
	return 8
}

func (c column) floorWidth() int {
	if c.floor > 0 {
		return c.floor
	}
	return 4
}

// cell is one table cell: its text (made safe when rendered) and colour;
// set says the item was there even when its text is empty (FLAGS of a
// message without flags), so that an optional column still shows.
type cell struct {
	text  string
	paint *color.Color
	set   bool
}

// table is a text table with column widths measured in display columns.
type table struct {
	cols []column
	rows [][]cell
}

func newTable(cols ...column) *table { return &table{cols: cols} }

// add appends a row; missing cells are empty.
func (t *table) add(cells ...cell) {
	row := make([]cell, len(t.cols))
	copy(row, cells)
	for i := range row {
		row[i].text = Safe(row[i].text)
	}
	t.rows = append(t.rows, row)
}

// txt is a plain cell.
func txt(s string) cell { return cell{text: s} }

// render writes the header and rows, indented, truncating flexible columns
// so that lines fit the printer's width.
func (t *table) render(p *printer, indent string) {
	keep := t.visibleColumns()
	widths := t.naturalWidths(keep)
	t.shrink(keep, widths, p.width()-textWidth(indent))
	head := make([]cell, len(t.cols))
	for i, c := range t.cols {
		head[i] = cell{text: Safe(c.title), paint: p.th.Heading}
	}
	t.writeRow(p, indent, head, keep, widths)
	for _, row := range t.rows {
		t.writeRow(p, indent, row, keep, widths)
	}
}

func (t *table) visibleColumns() []int {
	var keep []int
	for i, c := range t.cols {
		if !c.optional || t.columnUsed(i) {
			keep = append(keep, i)
		}
	}
	return keep
}

func (t *table) columnUsed(i int) bool {
	for _, row := range t.rows {
		if row[i].text != "" || row[i].set {
			return true
		}
	}
	return false
}

func (t *table) naturalWidths(keep []int) []int {
	widths := make([]int, len(t.cols))
	for _, i := range keep {
		widths[i] = textWidth(t.cols[i].title)
		for _, row := range t.rows {
			widths[i] = max(widths[i], textWidth(row[i].text))
		}
	}
	return widths
}

// shrink narrows flexible columns, one column at a time, until the table
// fits avail: first each down to its min, then to its floor, in each pass
// the lowest order first and the widest of that order first (column). A
// table still too wide is cut at the line's end when written (clipLine).
func (t *table) shrink(keep, widths []int, avail int) {
	total := 2 * (len(keep) - 1)
	for _, i := range keep {
		total += widths[i]
	}
	for _, limit := range []func(column) int{column.minWidth, column.floorWidth} {
		for total > avail {
			i := t.nextToNarrow(keep, widths, limit)
			if i < 0 {
				break
			}
			widths[i]--
			total--
		}
	}
}

// nextToNarrow is the flexible column above its limit with the lowest
// order, the widest of them; -1 when none.
func (t *table) nextToNarrow(keep, widths []int, limit func(column) int) int {
	best := -1
	for _, i := range keep {
		c := t.cols[i]
		if !c.flex || widths[i] <= limit(c) {
			continue
		}
		if b := best; b < 0 || c.order < t.cols[b].order || c.order == t.cols[b].order && widths[i] > widths[b] {
			best = i
		}
	}
	return best
}

func (t *table) writeRow(p *printer, indent string, row []cell, keep, widths []int) {
	var b strings.Builder
	b.WriteString(indent)
	for k, i := range keep {
		text := truncate(row[i].text, widths[i])
		last := k == len(keep)-1
		switch {
		case t.cols[i].right:
			text = padLeft(text, widths[i])
		case !last:
			text = padRight(text, widths[i])
		}
		b.WriteString(paintPadded(row[i].paint, text))
		if !last {
			b.WriteString("  ")
		}
	}
	p.line(clipLine(strings.TrimRight(b.String(), " "), p.width()))
}

// paintPadded colours the text of a padded cell but not its padding.
func paintPadded(c *color.Color, s string) string {
	trimmed := strings.TrimSpace(s)
	if trimmed == "" || c == nil {
		return s
	}
	start := strings.Index(s, trimmed)
	return s[:start] + paint(c, trimmed) + s[start+len(trimmed):]
}
