package render

import (
	"fmt"
	"slices"
	"strings"

	"imapsh/internal/probe"
)

// extWidth is the width of an extension's name column.
const extWidth = 17

// probeExtensions renders one line per announced extension, and the
// names of those not announced together.
func probeExtensions(p *printer, rep *probe.Report) {
	legend := markOK + " verified  " + markBroken + " broken  " + markUnknown + " not checked or unknown  " + markAbsent + " not announced"
	probeSection(p, "EXTENSIONS", legend)
	var absent []string
	for _, e := range rep.Extensions {
		if e.Status == probe.ExtNotAnnounced {
			absent = append(absent, e.Name)
			continue
		}
		detail := Safe(e.Detail)
		if e.Via != "" {
			detail = strings.TrimSpace("(in " + e.Via + ") " + detail)
		}
		prefix := "  " + mark(p.th, extMark(e.Status)) + " " + padRight(e.Name, extWidth) + " " + padRight(e.RFC, 15)
		if detail == "" {
			p.line(strings.TrimRight(prefix, " "))
			continue
		}
		if e.Status == probe.ExtBroken {
			detail = paint(p.th.Bad, detail)
		}
		wrapAfter(p, prefix, extWidth+20, detail)
	}
	if len(absent) > 0 {
		wrapped(p, "  "+mark(p.th, markAbsent)+" "+padRight("not announced", extWidth)+" ", extWidth+5, absent)
	}
}

// extMark is the mark of an extension status.
func extMark(status string) string {
	switch status {
	case probe.ExtVerified:
		return markOK
	case probe.ExtBroken:
		return markBroken
	case probe.ExtNotAnnounced:
		return markAbsent
	}
	return markUnknown
}

// sevMark is the mark of a deviation's severity.
func sevMark(sev string) string {
	switch sev {
	case probe.SeverityViolation:
		return markBroken
	case probe.SeverityShould:
		return markShould
	}
	return markQuirk
}

// probeDeviations renders each deviation with its evidence and advice.
func probeDeviations(p *printer, rep *probe.Report) {
	if len(rep.Deviations) == 0 {
		probeSection(p, "DEVIATIONS", "none found")
		return
	}
	legend := markBroken + " violation (a MUST or the grammar)  " + markShould + " a SHOULD ignored  " + markQuirk + " allowed, but trips clients"
	probeSection(p, "DEVIATIONS", fmt.Sprintf("%d found; %s", len(rep.Deviations), legend))
	for i, d := range rep.Deviations {
		if i > 0 {
			p.write("\n")
		}
		probeDeviation(p, d)
	}
}

// probeDeviation renders one deviation.
func probeDeviation(p *printer, d probe.Deviation) {
	head := d.Severity + " of " + d.RFC
	if d.Breaks != "" {
		head += "; breaks " + d.Breaks
	}
	p.line("  "+mark(p.th, sevMark(d.Severity)), paint(p.th.Heading, d.ID), paint(p.th.Dim, "("+head+")"))
	wrapText(p, "    ", d.Title)
	if d.Detail != "" {
		wrapText(p, "    ", Safe(d.Detail))
	}
	evidenceLines(p, "sent", d.Sent)
	evidenceLines(p, "received", d.Received)
	wrapText(p, "    "+paint(p.th.Heading, "what a client must do:")+" ", Safe(d.ClientMust))
}

// evidenceLines renders wire lines under a label, cut to the width.
func evidenceLines(p *printer, label string, lines []string) {
	lines = slices.DeleteFunc(slices.Clone(lines), func(l string) bool { return l == "C: " }) // a literal's line end
	for i, l := range lines {
		lead := "    " + padRight(label, 9)
		if i > 0 {
			lead = strings.Repeat(" ", 13)
		}
		p.line(lead + paint(p.th.Dim, truncate(Safe(l), max(p.width()-13, 20))))
	}
}
