package main

// -mode whole: the whole imapsh process (exec to exit), text and --json,
// to /dev/null and to a pipe, over plain TCP and implicit TLS, against the
// raw drain, Python's imaplib, go-imap v2 and imapsh's client library
// alone, in the same interleaved rounds (issue 10):
//
//	go run ./internal/bench -mode whole -plain-addr 127.0.0.1:10143 \
//	    -tls-addr 127.0.0.1:10993 -cafile /tmp/imaplab/ssl/cert.pem -markdown

import (
	"fmt"
	"io"
	"strings"
)

// runOptions are the settings the whole-process modes share.
type runOptions struct {
	Transports []transport
	Rounds     int
	Warmup     bool
	Only       string // contender IDs, comma-separated
	Label      string // the server, as the report names it
	Markdown   bool
	Progress   io.Writer // each run's figures as they come
}

// fetchContenders are the contenders of -mode whole.
func fetchContenders(s *setup) []contender {
	fetch := "fetch " + s.cfg.Seq + " " + s.cfg.Items
	text, json := []string{"--color", "never"}, []string{"--json"}
	return s.withoutPython([]contender{
		s.phase("drain", "raw drain (no parsing)", "drain", nil),
		s.imaplib(nil),
		s.phase("goimap", "go-imap v2 client", "goimap", nil),
		s.phase("client", "imapsh client library, no output", "client", nil),
		s.shell("text", "imapsh text > /dev/null", toDevNull, text, fetch),
		s.shell("json", "imapsh --json > /dev/null", toDevNull, json, fetch),
		s.shell("text-pipe", "imapsh text | drain", toPipe, text, fetch),
		s.shell("json-pipe", "imapsh --json | drain", toPipe, json, fetch),
	})
}

// runWhole runs -mode whole and returns its report.
func runWhole(s *setup, o runOptions) (*report, error) {
	all, m, err := runRounds(o, s.withBaseline(fetchContenders(s)), true)
	if err != nil {
		return nil, err
	}
	r := &report{Intro: []string{wholeIntro(s, o, all, m)}, Series: all}
	r.Tables = append(r.Tables, wholeTable(all, o.Transports))
	return r, nil
}

// wholeIntro says what was measured, where and how.
func wholeIntro(s *setup, o runOptions, all []*series, m machine) string {
	msgs, answer := workloadSize(all)
	return fmt.Sprintf("Whole process (exec to exit) of `imapsh -c 'examine %s' -c 'fetch %s %s'`: %s messages "+
		"(a %.1f MB answer) on %s; medians of %d interleaved rounds%s. Machine: %s.",
		s.cfg.Mailbox, s.cfg.Seq, s.cfg.Items, thousands(msgs), mb(answer), o.Label, o.Rounds, warmupText(o.Warmup), m)
}

// workloadSize is the message count and answer size the drain saw.
func workloadSize(all []*series) (int, int64) {
	for _, s := range all {
		if s.Contender.ID == "drain" {
			return s.Messages, s.Bytes
		}
	}
	return 0, 0
}

func warmupText(w bool) string {
	if w {
		return " after a warm-up round"
	}
	return ""
}

// wholeTable has one row per contender and transport: medians, ratios to
// the drain's wall and imaplib's CPU, and the goals for imapsh.
func wholeTable(all []*series, ts []transport) *table {
	t := &table{Header: []string{"contender", "transport", "wall", "wall / drain", "CPU (user+sys)", "CPU / imaplib", "peak RSS", "issue 10 goal"}}
	for _, tr := range ts {
		drain, py := medianOrZero(find(all, tr.Name, "drain")), medianOrZero(find(all, tr.Name, "imaplib"))
		for _, s := range all {
			if s.Transport.Name != tr.Name {
				continue
			}
			x := s.median()
			wallRatio := ratioTo(x.Wall.Seconds(), drain.Wall.Seconds())
			cpuRatio := ratioTo(x.CPU.Seconds(), py.CPU.Seconds())
			t.add(s.Contender.Label, tr.Name, secs(x.Wall), times(wallRatio), secs(x.CPU), times(cpuRatio), mib(x.MaxRSS),
				wholeGoal(s.Contender.ID, tr, wallRatio, cpuRatio, x.MaxRSS))
		}
	}
	return t
}

func medianOrZero(s *series) sample {
	if s == nil {
		return sample{}
	}
	return s.median()
}

// wholeGoal checks issue 10's goals for the imapsh contenders: wall at
// most 1.15x the drain over plain TCP (1.2x over TLS), CPU at most 0.6x
// imaplib's, peak RSS at most 32 MiB.
func wholeGoal(id string, tr transport, wallRatio, cpuRatio float64, rss int64) string {
	if !strings.HasPrefix(id, "text") && !strings.HasPrefix(id, "json") {
		return ""
	}
	maxWall := 1.15
	if tr.Security != "plain" {
		maxWall = 1.2
	}
	var missed []string
	if wallRatio == 0 || wallRatio > maxWall {
		missed = append(missed, fmt.Sprintf("wall ≤ %.2fx", maxWall))
	}
	if cpuRatio == 0 || cpuRatio > 0.6 {
		missed = append(missed, "CPU ≤ 0.6x")
	}
	if rss > 32<<20 {
		missed = append(missed, "RSS ≤ 32 MiB")
	}
	if len(missed) == 0 {
		return "met"
	}
	return "missed: " + strings.Join(missed, ", ")
}

// thousands formats n with comma separators: 100,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
