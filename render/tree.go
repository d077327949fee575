package render

// treeNode is a line of a tree drawing, lines of detail under it, and the
// nodes under it.
type treeNode struct {
	label    string   // safe and painted
	notes    []string // safe and painted; indented under the label
	children []treeNode
}

// drawTree writes nodes with box-drawing branches:
//
//	├─ 3
//	│  └─ 5
//	└─ 4
func drawTree(p *printer, prefix string, nodes []treeNode) {
	for i, n := range nodes {
		branch, next := "├─ ", "│  "
		if i == len(nodes)-1 {
			branch, next = "└─ ", "   "
		}
		p.line(prefix + branch + n.label)
		drawNotes(p, prefix+next, n)
		drawTree(p, prefix+next, n.children)
	}
}

// drawNotes writes a node's notes under its label, after prefix: with a
// branch line when children follow, so the tree stays connected.
func drawNotes(p *printer, prefix string, n treeNode) {
	bar := "  "
	if len(n.children) > 0 {
		bar = "│ "
	}
	for _, note := range n.notes {
		p.line(prefix + bar + " " + note)
	}
}
