package render

// treeNode is a line of a tree drawing and the nodes under it.
type treeNode struct {
	label    string // safe and painted
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
		drawTree(p, prefix+next, n.children)
	}
}
