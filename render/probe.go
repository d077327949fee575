package render

import (
	"fmt"
	"io"
	"strings"

	"imapsh/internal/probe"
)

// Probe renders a probe's report (imapsh --probe, \probe) as sections:
// CONNECTION, CAPABILITIES, EXTENSIONS, DEVIATIONS, LATENCY, CHECKS and,
// after --probe-write, SCRATCH MAILBOXES; then NOTES and the RESULT line
// with the exit status. Marks: ✓ verified, ✗ broken (a violation), !
// a SHOULD ignored, · a quirk, – not announced, ? not checked. Every
// string that came from the server is made safe.
func Probe(w io.Writer, rep *probe.Report, opt Options) error {
	p := newPrinter(w, opt)
	probeHeader(p, rep)
	probeConnection(p, rep)
	if rep.Connection.Error == "" || len(rep.Caps.AfterLogin) > 0 {
		probeCapabilities(p, rep)
		probeExtensions(p, rep)
		probeDeviations(p, rep)
		probeLatency(p, rep)
		probeChecks(p, rep)
		probeScratch(p, rep)
	}
	probeNotes(p, rep)
	probeResult(p, rep)
	return p.finish()
}

// The marks of the report.
const (
	markOK      = "✓"
	markBroken  = "✗"
	markShould  = "!"
	markQuirk   = "·"
	markAbsent  = "–"
	markUnknown = "?"
)

// mark paints a mark in its colour.
func mark(th *Theme, m string) string {
	switch m {
	case markOK:
		return paint(th.OK, m)
	case markBroken:
		return paint(th.Bad, m)
	case markShould, markUnknown:
		return paint(th.No, m)
	}
	return paint(th.Dim, m)
}

// probeSection starts a section with its heading (and a dim remark) after a
// blank line.
func probeSection(p *printer, title, remark string) {
	p.write("\n")
	p.line(paint(p.th.Heading, title), paint(p.th.Dim, remark))
}

// wrapText writes text word-wrapped to the width after indent, and
// continues under it.
func wrapText(p *printer, indent, text string) {
	wrapAfter(p, indent, textWidth(stripANSI(indent)), text)
}

// wrapAfter writes text word-wrapped to the width: the first line starts
// with prefix (which may be painted), the next ones with cont spaces.
func wrapAfter(p *printer, prefix string, cont int, text string) {
	line, start, used := prefix, true, textWidth(stripANSI(prefix))
	for _, w := range strings.Fields(text) {
		ww := textWidth(stripANSI(w))
		if !start && used+1+ww > p.width() {
			p.line(line)
			line, start, used = strings.Repeat(" ", cont), true, cont
		}
		if !start {
			line, used = line+" ", used+1
		}
		line, start, used = line+w, false, used+ww
	}
	if !start {
		p.line(line)
	}
}

// probeHeader names the target, the mode and the time.
func probeHeader(p *printer, rep *probe.Report) {
	target := rep.Target
	if target == "" {
		target = "the current session"
	}
	p.line(paint(p.th.Heading, "imapsh probe of "+Safe(target)), paint(p.th.Dim, "— "+rep.Mode+", "+rep.Started.UTC().Format("2006-01-02 15:04:05")+" UTC"))
	if rep.Server != "" {
		p.line("server: " + Safe(rep.Server))
	}
}

// item writes "  M label  text" with the label padded to width, the text
// wrapped under itself.
func item(p *printer, m, label string, width int, text ...string) {
	prefix := "  " + mark(p.th, m) + " " + padRight(label, width) + " "
	wrapAfter(p, prefix, textWidth(stripANSI(prefix)), strings.Join(nonEmpty(text), " "))
}

// msText formats a duration in milliseconds: "12.3 ms".
func msText(v float64) string {
	switch {
	case v <= 0:
		return ""
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	case v >= 10:
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.2f ms", v)
}

// probeResult is the last line: what is broken and the exit status.
func probeResult(p *printer, rep *probe.Report) {
	p.write("\n")
	var text string
	switch rep.ExitStatus {
	case probe.ExitFailed:
		text = paint(p.th.Bad, "the probe could not run its checks")
	case probe.ExitBroken:
		what := "announced capabilities"
		if len(rep.Broken) == 1 {
			what = "announced capability"
		}
		text = paint(p.th.Bad, fmt.Sprintf("%d %s broken: %s", len(rep.Broken), what, strings.Join(rep.Broken, ", ")))
	default:
		text = paint(p.th.OK, "no announced capability was found broken")
	}
	devs := ""
	if n := len(rep.Deviations); n > 0 {
		devs = "; " + plural(n, "deviation")
	}
	p.line(paint(p.th.Heading, "RESULT"), text+devs, paint(p.th.Dim, fmt.Sprintf("(exit status %d)", rep.ExitStatus)))
}

// probeNotes lists the notes, if any.
func probeNotes(p *printer, rep *probe.Report) {
	if len(rep.Notes) == 0 {
		return
	}
	probeSection(p, "NOTES", "")
	for _, n := range rep.Notes {
		p.line("  " + Safe(n))
	}
}
