package render

import (
	"io"
	"strconv"

	"imapsh/client"
)

// Dropped writes one line per client.Dropped entry of a result: what the
// command received and did not keep in memory, and why. Data over the
// command's memory budget is a "warning:" (the answer is incomplete);
// the rest is a "note:" (collapsed EXISTS, unsolicited floods, body data
// nobody asked for). The shell writes these to stderr.
func Dropped(w io.Writer, ds []client.Dropped, opt Options) error {
	p := newPrinter(w, opt)
	for _, d := range ds {
		label := paint(p.th.Dim, "note:")
		if d.Reason == client.DropBudget {
			label = paint(p.th.No, "warning:")
		}
		p.line(label, droppedText(d))
	}
	return p.finish()
}

// droppedText says what one entry counts: "not kept: 1200 FETCH
// responses (820 MiB), over the command's memory budget".
func droppedText(d client.Dropped) string {
	responses := plural(d.Count, Safe(d.Kind)+" response")
	size := " (" + humanSize(uint64(max(d.Bytes, 0))) + ")"
	switch d.Reason {
	case client.DropCollapsed:
		return "folded into the mailbox state: " + plural(d.Count, "more "+Safe(d.Kind)+" response") + " (the last is shown)"
	case client.DropUnsolicited:
		return "not kept: " + plural(d.Count, "more unsolicited "+Safe(d.Kind)+" response") + size +
			"; the first " + strconv.Itoa(client.MaxUnsolicited) + " are shown"
	case client.DropBudget:
		return "not kept: " + responses + size + ", over the command's memory budget"
	case client.DropBodyData:
		return "discarded: " + plural(d.Count, "body section") + size + " that no command asked for"
	}
	return "not kept: " + responses + size + " (" + d.Reason.String() + ")"
}
