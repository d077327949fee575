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
	optional bool // dropped when every cell is empty
	min      int  // narrowest a flexible column gets; 0 means 8
}

func (c column) minWidth() int {
	if c.min > 0 {
		return c.min
	}
	return 8
}

// cell is one table cell: its text (made safe when added), its display
// width and its colour.
type cell struct {
	text  string
	width int
	paint *color.Color
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
		if row[i].text != "" {
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

// shrink narrows the widest flexible column, one column at a time, until
// the table fits avail or every flexible column is at its minimum.
func (t *table) shrink(keep, widths []int, avail int) {
	total := 2 * (len(keep) - 1)
	for _, i := range keep {
		total += widths[i]
	}
	for total > avail {
		widest := -1
		for _, i := range keep {
			if t.cols[i].flex && widths[i] > t.cols[i].minWidth() && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		widths[widest]--
		total--
	}
}

// writeRow writes one line: the cells of the kept columns, each truncated
// to its column's width and padded to it (the last one not padded), two
// spaces apart, trailing blanks dropped.
func (t *table) writeRow(p *printer, indent string, row []cell, keep, widths []int) {
	start := len(p.buf)
	p.buf = append(p.buf, indent...)
	for k, i := range keep {
		last := k == len(keep)-1
		p.buf, _ = appendCell(p, p.buf, row[i], widths[i], t.cols[i].right, last, true)
		if !last {
			p.buf = append(p.buf, "  "...)
		}
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
