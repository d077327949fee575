package main

import (
	"flag"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"imapsh/internal/servers"
)

// The whole-process benchmarks of issue 10 against a private Dovecot that
// they start themselves (internal/servers) and fill by writing Maildir
// files directly (maildir.go), so that anyone with Dovecot installed
// (.ci/install-servers.sh, as root) gets the same workload:
//
//	go test ./internal/bench -run '^$' -bench Whole -benchtime 1x -timeout 1h
//	go test ./internal/bench -run '^$' -bench WholeFetch -benchtime 1x -args -messages 100000 -rounds 3 -markdown
//	go test ./internal/bench -run '^$' -bench WholeScale -benchtime 1x -timeout 2h -args -scale 10000,100000,1000000
//
// Each prints the same report as `go run ./internal/bench -mode ...` and
// reports every contender's medians as a sub-benchmark's metrics.
var (
	benchMessages = flag.Int("messages", 100000, "BenchmarkWhole*: messages in the benchmark mailbox")
	benchRounds   = flag.Int("rounds", 3, "BenchmarkWhole*: interleaved rounds")
	benchMarkdown = flag.Bool("markdown", false, "BenchmarkWhole*: print the reports as Markdown")
	benchScale    = flag.String("scale", "10000,100000", "BenchmarkWholeScale: mailbox sizes, smallest first")
	benchLargeMiB = flag.Int("large-mib", 20, "BenchmarkWholeBody: size of the large message")
)

// BenchmarkWholeFetch: -mode whole, `fetch 1:* (UID FLAGS ENVELOPE
// RFC822.SIZE)` of -messages messages.
func BenchmarkWholeFetch(b *testing.B) {
	lab := startBenchLab(b)
	lab.fill(b, "INBOX", *benchMessages, 0)
	s, o := lab.setup(b, "INBOX")
	r, err := runWhole(s, o)
	lab.finish(b, r, err)
}

// BenchmarkWholeScale: -mode scale over one mailbox per -scale size.
func BenchmarkWholeScale(b *testing.B) {
	lab := startBenchLab(b)
	var boxes []string
	for _, size := range strings.Split(*benchScale, ",") {
		n, err := strconv.Atoi(size)
		if err != nil || n < 2 {
			b.Fatalf("-scale: bad size %q", size)
		}
		boxes = append(boxes, "scale"+size)
		lab.fill(b, boxes[len(boxes)-1], n, 0)
	}
	s, o := lab.setup(b, boxes[0])
	o.Transports = o.Transports[:1] // plain TCP: the cost per message, not TLS's
	r, err := runScale(s, o, boxes)
	lab.finish(b, r, err)
}

// BenchmarkWholeBody: -mode body on a mailbox whose last message has a
// -large-mib attachment.
func BenchmarkWholeBody(b *testing.B) {
	lab := startBenchLab(b)
	lab.fill(b, "INBOX", 10, *benchLargeMiB)
	s, o := lab.setup(b, "INBOX")
	r, err := runBody(s, o, "*")
	lab.finish(b, r, err)
}

// BenchmarkWholeSearch: -mode search on -messages messages.
func BenchmarkWholeSearch(b *testing.B) {
	lab := startBenchLab(b)
	lab.fill(b, "INBOX", *benchMessages, 0)
	s, o := lab.setup(b, "INBOX")
	r, err := runSearch(s, o)
	lab.finish(b, r, err)
}

// BenchmarkWholeStartup: -mode startup, 10 rounds.
func BenchmarkWholeStartup(b *testing.B) {
	lab := startBenchLab(b)
	s, o := lab.setup(b, "INBOX")
	o.Rounds = max(o.Rounds, 10)
	r, err := runStartup(s, o)
	lab.finish(b, r, err)
}

// benchLab is a private Dovecot for one benchmark.
type benchLab struct {
	srv      *servers.Server
	uid, gid int // the mail user's
}

func startBenchLab(b *testing.B) *benchLab {
	srv := servers.Dovecot(b)
	u, err := user.Lookup("imapsh") // Dovecot's mail user (internal/servers, .ci/install-servers.sh)
	if err != nil {
		b.Fatal(err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &benchLab{srv: srv, uid: uid, gid: gid}
}

// fill writes n messages into alice's mailbox (Maildir++ LAYOUT=fs, as
// internal/servers configures it).
func (l *benchLab) fill(b *testing.B, mailbox string, n, largeMiB int) {
	dir := filepath.Join(l.srv.Dir, "home", "alice", "Maildir")
	if mailbox != "INBOX" {
		dir = filepath.Join(dir, mailbox)
	}
	t0 := time.Now()
	err := fillMaildir(maildirFill{Dir: dir, N: n, Seed: uint64(n), LargeMiB: largeMiB, UID: l.uid, GID: l.gid})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: %d messages written in %v", mailbox, n, time.Since(t0).Round(time.Millisecond))
}

// setup builds imapsh and this benchmark's command into a temporary
// directory and returns the contenders' setup and run options.
func (l *benchLab) setup(b *testing.B, mailbox string) (*setup, runOptions) {
	cfg := config{User: "alice", Pass: l.srv.Users["alice"], CAFile: l.srv.CAFile, Mailbox: mailbox,
		Items: "(UID FLAGS ENVELOPE RFC822.SIZE)", Seq: "1:*"}
	s, cleanup, err := newSetup(cfg, "")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(cleanup)
	s.self = filepath.Join(s.tmp, "bench")
	if err := goBuild(s.self, "imapsh/internal/bench"); err != nil {
		b.Fatal(err)
	}
	o := runOptions{Rounds: *benchRounds, Warmup: true, Markdown: *benchMarkdown, Progress: os.Stderr,
		Label: "a private Dovecot started by internal/servers (`go test ./internal/bench -bench Whole`)",
		Transports: []transport{
			{Name: "plain", Addr: l.srv.IMAPAddr(), Security: "plain"},
			{Name: "tls", Addr: l.srv.IMAPSAddr(), Security: "tls"},
		}}
	return s, o
}

// finish prints the report and reports each contender's medians.
func (l *benchLab) finish(b *testing.B, r *report, err error) {
	if err != nil {
		b.Fatalf("%v\n%s", err, l.srv.Log())
	}
	if err := r.write(os.Stdout, *benchMarkdown); err != nil {
		b.Fatal(err)
	}
	for _, s := range r.Series {
		x := s.median()
		b.Run(s.Transport.Name+"/"+s.Contender.ID, func(b *testing.B) {
			b.ReportMetric(float64(x.Wall.Nanoseconds()), "ns/op")
			b.ReportMetric(x.CPU.Seconds(), "cpu-s")
			b.ReportMetric(float64(x.MaxRSS)/(1<<20), "peak-RSS-MiB")
		})
	}
}
