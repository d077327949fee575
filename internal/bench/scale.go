package main

// -mode scale: the cost per message of the whole process, text and
// --json, over mailboxes of different sizes (issue 10: flat from 10k to
// 100k messages, and 1M where the machine allows). Each mailbox is
// fetched whole and as `fetch 1`, so that the fixed cost (start, connect,
// login, EXAMINE) is taken out:
//
//	per message = (median(fetch 1:*) - median(fetch 1)) / (messages - 1)
//
//	go run ./internal/bench -mode scale -transports plain -mailboxes bench10k,INBOX,bench1m

import "fmt"

// scaleContenders are, for one mailbox, the drain, imapsh text and imapsh
// --json, each on the whole mailbox and on its first message.
func scaleContenders(s *setup, mailbox string) []contender {
	sm := *s
	sm.cfg.Mailbox = mailbox
	one := func(c *config) { c.Seq = "1" }
	text, json := []string{"--color", "never"}, []string{"--json"}
	all := "fetch 1:* " + s.cfg.Items
	first := "fetch 1 " + s.cfg.Items
	cs := []contender{
		sm.phase("drain", "raw drain", "drain", nil),
		sm.phase("drain-1", "raw drain, fetch 1", "drain", one),
		sm.shell("text", "imapsh text > /dev/null", toDevNull, text, all),
		sm.shell("text-1", "imapsh text, fetch 1", toDevNull, text, first),
		sm.shell("json", "imapsh --json > /dev/null", toDevNull, json, all),
		sm.shell("json-1", "imapsh --json, fetch 1", toDevNull, json, first),
	}
	for i := range cs {
		cs[i].Group = mailbox
		cs[i].ID += "@" + mailbox
	}
	return cs
}

// runScale runs -mode scale over the mailboxes, smallest first.
func runScale(s *setup, o runOptions, mailboxes []string) (*report, error) {
	var cs []contender
	for _, box := range mailboxes {
		cs = append(cs, scaleContenders(s, box)...)
	}
	all, m, err := runRounds(o, cs, false)
	if err != nil {
		return nil, err
	}
	intro := fmt.Sprintf("Cost per message of the whole process, `fetch 1:* %s` against `fetch 1` in the same mailbox "+
		"(per message = difference of the medians / (messages - 1)), on %s; medians of %d interleaved rounds%s. Machine: %s.",
		s.cfg.Items, o.Label, o.Rounds, warmupText(o.Warmup), m)
	r := &report{Intro: []string{intro}, Series: all}
	for _, tr := range o.Transports {
		r.Tables = append(r.Tables, scaleTable(all, tr, mailboxes))
	}
	return r, nil
}

// scaleTable has one row per mailbox and contender, and a note on how
// flat the cost per message is from the smallest mailbox to the largest.
func scaleTable(all []*series, tr transport, mailboxes []string) *table {
	t := &table{Title: "Transport: " + tr.Name, Header: []string{"mailbox", "messages", "contender", "wall", "CPU",
		"fixed CPU (fetch 1)", "CPU per message", "wall per message", "peak RSS"}}
	perMsg := map[string][]float64{} // contender -> CPU µs/message by mailbox
	for _, box := range mailboxes {
		n := 0
		if d := find(all, tr.Name, "drain@"+box); d != nil {
			n = d.Messages
		}
		for _, id := range []string{"drain", "text", "json"} {
			whole, fixed := find(all, tr.Name, id+"@"+box), find(all, tr.Name, id+"-1@"+box)
			if whole == nil || fixed == nil {
				continue
			}
			w, f := whole.median(), fixed.median()
			cpuUS := microsPer(w.CPU.Seconds()-f.CPU.Seconds(), n)
			wallUS := microsPer(w.Wall.Seconds()-f.Wall.Seconds(), n)
			perMsg[id] = append(perMsg[id], cpuUS)
			t.add(box, thousands(n), whole.Contender.Label, secs(w.Wall), secs(w.CPU), secs(f.CPU),
				fmt.Sprintf("%.2f µs", cpuUS), fmt.Sprintf("%.2f µs", wallUS), mib(w.MaxRSS))
		}
	}
	t.Notes = flatnessNotes(perMsg, mailboxes)
	return t
}

// microsPer is seconds spread over n-1 messages, in microseconds.
func microsPer(seconds float64, n int) float64 {
	if n < 2 {
		return 0
	}
	return seconds * 1e6 / float64(n-1)
}

// flatnessNotes compare each contender's CPU per message in the largest
// mailbox with the smallest.
func flatnessNotes(perMsg map[string][]float64, mailboxes []string) []string {
	var notes []string
	for _, id := range []string{"drain", "text", "json"} {
		v := perMsg[id]
		if len(v) < 2 || v[0] <= 0 {
			continue
		}
		notes = append(notes, fmt.Sprintf("- %s: CPU per message in %s is %.2fx that in %s.",
			map[string]string{"drain": "raw drain", "text": "imapsh text", "json": "imapsh --json"}[id],
			mailboxes[len(v)-1], v[len(v)-1]/v[0], mailboxes[0]))
	}
	if len(notes) == 0 {
		return nil
	}
	return append([]string{"Flatness (1.00x = the same cost per message at every size):\n"}, notes...)
}
