package render

import (
	"fmt"
	"sort"
	"strings"

	"imapsh/internal/probe"
)

// probeLatency renders the latency table.
func probeLatency(p *printer, rep *probe.Report) {
	if len(rep.Latency) == 0 {
		return
	}
	probeSection(p, "LATENCY", fmt.Sprintf("(%s each, milliseconds, round trip as the client sees it)", plural(rep.Latency[0].Samples, "sample")))
	const w = 30
	p.line("  " + paint(p.th.Heading, padRight("command", w)+padLeft("median", 9)+padLeft("p95", 9)+padLeft("min", 9)+padLeft("max", 9)))
	for _, l := range rep.Latency {
		if l.Samples == 0 {
			p.line("  "+padRight(l.Command, w), paint(p.th.Bad, Safe(l.Error)))
			continue
		}
		row := "  " + padRight(l.Command, w)
		for _, v := range []float64{l.MedianMS, l.P95MS, l.MinMS, l.MaxMS} {
			row += padLeft(fmt.Sprintf("%.2f", v), 9)
		}
		if l.Error != "" {
			row += " " + paint(p.th.No, fmt.Sprintf("(%d samples; then %s)", l.Samples, Safe(l.Error)))
		}
		p.line(row)
	}
}

// probeChecks counts the checks and lists those that did not run, grouped
// by the reason.
func probeChecks(p *printer, rep *probe.Report) {
	counts := map[string]int{}
	groups := map[string][]string{}
	for _, c := range rep.Checks {
		counts[c.Status]++
		if c.Status != probe.CheckRan {
			key := checkWord(c.Status) + " (" + c.Reason + ")"
			groups[key] = append(groups[key], c.ID)
		}
	}
	var parts []string
	for _, s := range []string{probe.CheckRan, probe.CheckSkipped, probe.CheckTimeout, probe.CheckError} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], checkWord(s)))
		}
	}
	probeSection(p, "CHECKS", strings.Join(parts, ", "))
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m := markUnknown
		if strings.HasPrefix(k, checkWord(probe.CheckSkipped)) {
			m = markAbsent
		}
		wrapAfter(p, "  "+mark(p.th, m)+" "+Safe(k)+": ", 4, strings.Join(groups[k], ", "))
	}
}

// checkWord is a check status as counted: "3 ran", "2 timed out".
func checkWord(status string) string {
	switch status {
	case probe.CheckTimeout:
		return "timed out"
	case probe.CheckError:
		return "failed"
	}
	return status
}

// probeScratch says what --probe-write created and what is left of it.
func probeScratch(p *printer, rep *probe.Report) {
	sc := rep.Scratch
	if sc == nil {
		return
	}
	probeSection(p, "SCRATCH MAILBOXES", "(--probe-write)")
	if len(sc.Mailboxes) == 0 {
		item(p, markAbsent, "none created", 0)
		return
	}
	names := Safe(strings.Join(sc.Mailboxes, ", "))
	if len(sc.LeftBehind) == 0 {
		item(p, markOK, "created and deleted:", 0, names)
		return
	}
	item(p, markBroken, "LEFT BEHIND:", 0, paint(p.th.Bad, Safe(strings.Join(sc.LeftBehind, ", "))), "(delete them by hand)")
	if sc.Error != "" {
		p.line("    " + Safe(sc.Error))
	}
}
