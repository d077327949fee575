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

// cell is one table cell: its text (made safe when added), its display
// width and its colour; set says the item was there even when its text
// is empty (FLAGS of a message without flags), so that an optional
// column still shows.
type cell struct {
	text  string
	width int
	paint *color.Color
	set   bool
}

// table is a text table with column widths measured in display columns.
type table struct {
	cols []column
	rows [][]cell
	slab []cell // room for the next rows, so that a row is not an allocation
}

func newTable(cols ...column) *table { return &table{cols: cols} }

// add appends a row; missing cells are empty.
func (t *table) add(cells ...cell) {
	row := t.newRow()
	copy(row, cells)
	t.finishRow(row)
}

// newRow returns an empty row to fill and pass to finishRow.
func (t *table) newRow() []cell {
	n := len(t.cols)
	if len(t.slab) < n {
		t.slab = make([]cell, 64*n)
	}
	row := t.slab[:n:n]
	t.slab = t.slab[n:]
	return row
}

// finishRow makes the cells of row safe, measures them and appends row.
func (t *table) finishRow(row []cell) {
	t.measure(row)
	t.rows = append(t.rows, row)
}

// measure makes the cells of row safe and measures their width.
func (t *table) measure(row []cell) {
	for i := range row {
		row[i].text, row[i].width = safeWidth(row[i].text)
	}
}

// safeWidth is Safe(s) and its display width, in one pass when s is
// printable ASCII (most cells).
func safeWidth(s string) (string, int) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			s = Safe(s)
			return s, textWidth(s)
		}
	}
	return s, len(s)
}

// txt is a plain cell.
func txt(s string) cell { return cell{text: s} }

// render writes the header and rows, indented, truncating flexible columns
// so that lines fit the printer's width.
func (t *table) render(p *printer, indent string) {
	keep := t.visibleColumns()
	widths := t.naturalWidths(keep)
	t.shrink(keep, widths, p.width()-textWidth(indent))
	t.writeRow(p, indent, t.header(p.th), keep, widths)
	for _, row := range t.rows {
		t.writeRow(p, indent, row, keep, widths)
	}
}

// header is the row of column titles.
func (t *table) header(th *Theme) []cell {
	head := make([]cell, len(t.cols))
	for i, c := range t.cols {
		title := Safe(c.title)
		head[i] = cell{text: title, width: textWidth(title), paint: th.Heading}
	}
	return head
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
			widths[i] = max(widths[i], row[i].width)
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

// writeRow writes one line: the cells of the kept columns, each truncated
// to its column's width and padded to it (the last one not padded), two
// spaces apart, trailing blanks dropped.
func (t *table) writeRow(p *printer, indent string, row []cell, keep, widths []int) {
	start, used := len(p.buf), len(indent)
	p.buf = append(p.buf, indent...)
	for k, i := range keep {
		last := k == len(keep)-1
		var n int
		p.buf, n = appendCell(p, p.buf, row[i], widths[i], t.cols[i].right, last, true)
		used += n
		if !last {
			p.buf = append(p.buf, "  "...)
			used += 2
		}
	}
	if used > p.width() {
		p.clipRow(start)
	}
	p.endRow(start)
}

// appendCell appends a cell padded to w columns: spaces before it when
// right-aligned, after it otherwise (none after the last cell). A cell
// wider than w is cut to w with "…" when cut is set, else kept whole. It
// returns the columns the cell takes, padding included.
func appendCell(p *printer, b []byte, c cell, w int, right, last, cut bool) ([]byte, int) {
	text, tw := c.text, c.width
	if tw > w && cut {
		text = truncate(text, w)
		tw = textWidth(text)
	}
	pad := max(w-tw, 0)
	if right {
		b = appendSpaces(b, pad)
	}
	b = appendPainted(p, b, c.paint, text)
	if !right && !last {
		b = appendSpaces(b, pad)
	}
	return b, tw + pad
}

// appendSpaces appends n spaces.
func appendSpaces(b []byte, n int) []byte {
	const spaces = "                                "
	for n > len(spaces) {
		b = append(b, spaces...)
		n -= len(spaces)
	}
	return append(b, spaces[:n]...)
}

// appendPainted appends s with its colour around the text but not around
// its leading and trailing blanks (as paintPadded does).
func appendPainted(p *printer, b []byte, c *color.Color, s string) []byte {
	if p.plain || c == nil {
		return append(b, s...)
	}
	return append(b, paintPadded(c, s)...)
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
