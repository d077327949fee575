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

// cell is one table cell: its text (made safe when rendered) and colour.
type cell struct {
	text  string
	paint *color.Color
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
			widths[i] = max(widths[i], textWidth(row[i].text))
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
	p.line(strings.TrimRight(b.String(), " "))
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
