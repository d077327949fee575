package main

// -mode body: `fetch N BODY[]` of one large message (the lab's populate.sh
// adds a ~21 MB one last, hence -body-seq '*'), to a piped stdout and to
// `> FILE`; issue 10 wants at most 32 MiB peak RSS piped and 16 MiB to a
// file.
//
// -mode search: SEARCH ALL in a large mailbox (100,000 numbers in one
// answer), text and --json, each to a pipe so the output size shows.

import "fmt"

// bodyContenders fetch message seq's BODY[].
func bodyContenders(s *setup, seq string) []contender {
	body := func(c *config) { c.Seq, c.Items = seq, "BODY[]" }
	fetch := "fetch " + seq + " BODY[]"
	text, json := []string{"--color", "never"}, []string{"--json"}
	return s.withoutPython([]contender{
		s.phase("drain", "raw drain", "drain", body),
		s.imaplib(body),
		s.shell("text-pipe", "imapsh text | drain", toPipe, text, fetch),
		s.shell("json-pipe", "imapsh --json | drain", toPipe, json, fetch),
		s.shell("file", "imapsh > FILE", toDevNull, text, fetch+" > "+s.scratchFile("body.eml")),
	})
}

// runBody runs -mode body.
func runBody(s *setup, o runOptions, seq string) (*report, error) {
	all, m, err := runRounds(o, s.withBaseline(bodyContenders(s, seq)), true)
	if err != nil {
		return nil, err
	}
	_, size := workloadSize(all)
	intro := fmt.Sprintf("Whole process of `imapsh -c 'examine %s' -c 'fetch %s BODY[]'` (a %s answer) on %s; "+
		"medians of %d interleaved rounds%s. Machine: %s.", s.cfg.Mailbox, seq, sizeText(size), o.Label, o.Rounds, warmupText(o.Warmup), m)
	t := outputTable(all, o.Transports, bodyGoal)
	return &report{Intro: []string{intro}, Tables: []*table{t}, Series: all}, nil
}

// bodyGoal is issue 10's peak RSS goal for a large BODY[]: 32 MiB to a
// pipe, 16 MiB to a file.
func bodyGoal(id string, rss int64) string {
	limit := map[string]int64{"text-pipe": 32 << 20, "json-pipe": 32 << 20, "file": 16 << 20}[id]
	switch {
	case limit == 0:
		return ""
	case rss <= limit:
		return "met"
	}
	return fmt.Sprintf("missed: RSS ≤ %d MiB", limit>>20)
}

// searchContenders run SEARCH ALL.
func searchContenders(s *setup) []contender {
	return []contender{
		s.phase("drain", "raw drain", "drain", func(c *config) { c.Command = "SEARCH ALL" }),
		s.shell("text-pipe", "imapsh text | drain", toPipe, []string{"--color", "never"}, "search all"),
		s.shell("json-pipe", "imapsh --json | drain", toPipe, []string{"--json"}, "search all"),
	}
}

// runSearch runs -mode search.
func runSearch(s *setup, o runOptions) (*report, error) {
	all, m, err := runRounds(o, s.withBaseline(searchContenders(s)), true)
	if err != nil {
		return nil, err
	}
	_, size := workloadSize(all)
	intro := fmt.Sprintf("Whole process of `imapsh -c 'examine %s' -c 'search all'` (a %s answer) on %s; "+
		"medians of %d interleaved rounds%s. Machine: %s.", s.cfg.Mailbox, sizeText(size), o.Label, o.Rounds, warmupText(o.Warmup), m)
	t := outputTable(all, o.Transports, func(string, int64) string { return "" })
	return &report{Intro: []string{intro}, Tables: []*table{t}, Series: all}, nil
}

// outputTable has one row per contender and transport: medians of wall,
// CPU and peak RSS, the output's size and a goal verdict.
func outputTable(all []*series, ts []transport, goal func(id string, rss int64) string) *table {
	t := &table{Header: []string{"contender", "transport", "wall", "CPU (user+sys)", "peak RSS", "stdout", "issue 10 goal"}}
	for _, tr := range ts {
		for _, s := range all {
			if s.Transport.Name != tr.Name {
				continue
			}
			x := s.median()
			t.add(s.Contender.Label, tr.Name, secs(x.Wall), secs(x.CPU), mib(x.MaxRSS), sizeText(x.Out), goal(s.Contender.ID, x.MaxRSS))
		}
	}
	return t
}
