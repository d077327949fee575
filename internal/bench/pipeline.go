package main

// -mode pipeline: n lines "uid store UID +flags \Flagged" replayed through
// the shell (imapsh's repl, as a script would be) in lockstep and with
// \pipeline on, and the same STOREs from Python's imaplib (lockstep by
// design), all through a loopback proxy that adds a round-trip delay:
//
//	go run ./internal/bench -mode pipeline -addr 127.0.0.1:10143 -security plain \
//	    -mailbox pipebench -n 1000 -delay 10ms
//
// The mailbox is created and filled up to n messages first (directly, not
// through the proxy), and \Flagged is cleared before each contender.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"imapsh/client"
	"imapsh/repl"
)

// pipelineBench is what one contender run needs.
type pipelineBench struct {
	cfg  config        // Addr is the server itself
	uids []uint32      // the messages to flag
	via  string        // the delay proxy's host:port
	rtt  time.Duration // added round trip
}

// pipelineTimes are the wall times of the three contenders.
type pipelineTimes struct {
	Lockstep, Pipelined, Imaplib time.Duration
}

// runPipelineMode prepares the mailbox, starts the proxy and prints one
// row per contender and round.
func runPipelineMode(cfg config, n, runs int, oneWay time.Duration) error {
	uids, err := preparePipelineMailbox(cfg, n)
	if err != nil {
		return err
	}
	proxy, err := startDelayProxy(cfg.Addr, oneWay)
	if err != nil {
		return err
	}
	defer proxy.Close()
	b := pipelineBench{cfg: cfg, uids: uids, via: proxy.Addr(), rtt: 2 * oneWay}
	fmt.Printf("%d x uid store N +flags \\Flagged, %v added round trip, mailbox %s\n", n, b.rtt, cfg.Mailbox)
	for run := 1; run <= runs; run++ {
		t, err := b.all()
		if err != nil {
			return err
		}
		fmt.Printf("run %d: lockstep %.3f s  pipelined %.3f s  imaplib %.3f s  lockstep/pipelined %.1fx  imaplib/pipelined %.1fx\n",
			run, t.Lockstep.Seconds(), t.Pipelined.Seconds(), t.Imaplib.Seconds(),
			ratioOf(t.Lockstep, t.Pipelined), ratioOf(t.Imaplib, t.Pipelined))
	}
	return nil
}

func ratioOf(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// all runs the three contenders once each.
func (b pipelineBench) all() (pipelineTimes, error) {
	var t pipelineTimes
	var err error
	if t.Lockstep, err = b.shell(false); err != nil {
		return t, fmt.Errorf("lockstep: %w", err)
	}
	if t.Pipelined, err = b.shell(true); err != nil {
		return t, fmt.Errorf("pipelined: %w", err)
	}
	if t.Imaplib, err = b.imaplib(); err != nil {
		return t, fmt.Errorf("imaplib: %w", err)
	}
	return t, nil
}

// dial connects with the configured security and logs in.
func (b pipelineBench) dial(ctx context.Context, addr string) (*client.Client, error) {
	return dialLogin(ctx, b.cfg, addr)
}

func dialLogin(ctx context.Context, cfg config, addr string) (*client.Client, error) {
	sec := map[string]client.Security{"tls": client.ImplicitTLS, "starttls": client.StartTLS, "plain": client.Plaintext}[cfg.Security]
	c, err := client.Dial(ctx, addr, client.DialOptions{Security: sec, TLS: client.TLSOptions{CAFile: cfg.CAFile},
		Options: client.Options{AllowPlaintextAuth: true, CommandTimeout: 2 * time.Minute}})
	if err != nil {
		return nil, err
	}
	if _, err := c.Login(ctx, cfg.User, cfg.Pass); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// unflag clears \Flagged on the whole mailbox, directly, so that every
// contender changes the same flags.
func (b pipelineBench) unflag(ctx context.Context) error {
	c, err := b.dial(ctx, b.cfg.Addr)
	if err != nil {
		return err
	}
	defer c.Logout(ctx)
	if _, err := c.Select(ctx, b.cfg.Mailbox, client.SelectOptions{}); err != nil {
		return err
	}
	_, err = c.Store(ctx, "1:*", "-FLAGS.SILENT", `(\Flagged)`, client.StoreOptions{UID: true})
	return err
}

// storeLines is the script the shell replays.
func (b pipelineBench) storeLines() []string {
	lines := make([]string, len(b.uids))
	for i, uid := range b.uids {
		lines[i] = fmt.Sprintf(`uid store %d +flags \Flagged`, uid)
	}
	return lines
}

// shell replays the lines through imapsh's shell over the proxy; the time
// runs from the first line to the end of the run (LOGOUT included).
func (b pipelineBench) shell(pipeline bool) (time.Duration, error) {
	ctx := context.Background()
	if err := b.unflag(ctx); err != nil {
		return 0, err
	}
	c, err := b.dial(ctx, b.via)
	if err != nil {
		return 0, err
	}
	if _, err := c.Select(ctx, b.cfg.Mailbox, client.SelectOptions{}); err != nil {
		c.Close()
		return 0, err
	}
	var stderr strings.Builder
	s := repl.NewSession(repl.Config{Stdout: io.Discard, Stderr: &stderr, Pipeline: pipeline}, c, nil)
	t0 := time.Now()
	code := s.Run(ctx, &lineList{lines: b.storeLines()})
	elapsed := time.Since(t0)
	if code != repl.ExitOK {
		return 0, fmt.Errorf("exit status %d: %s", code, stderr.String())
	}
	return elapsed, b.checkFlagged(ctx)
}

// checkFlagged makes sure every STORE took effect.
func (b pipelineBench) checkFlagged(ctx context.Context) error {
	c, err := b.dial(ctx, b.cfg.Addr)
	if err != nil {
		return err
	}
	defer c.Logout(ctx)
	if _, err := c.Select(ctx, b.cfg.Mailbox, client.SelectOptions{ReadOnly: true}); err != nil {
		return err
	}
	res, err := c.Search(ctx, "FLAGGED", client.SearchOptions{UID: true})
	if err != nil {
		return err
	}
	got := 0
	for _, s := range client.Of[*client.SearchData](res) {
		got += len(s.Nums)
	}
	if got < len(b.uids) {
		return fmt.Errorf("%d messages flagged, want %d", got, len(b.uids))
	}
	return nil
}

// imaplib runs the same STOREs with Python's imaplib over the proxy.
func (b pipelineBench) imaplib() (time.Duration, error) {
	if err := b.unflag(context.Background()); err != nil {
		return 0, err
	}
	uids := make([]string, len(b.uids))
	for i, u := range b.uids {
		uids[i] = strconv.FormatUint(uint64(u), 10)
	}
	cmd := exec.Command("python3", "-c", imaplibStores, b.via, b.cfg.User, b.cfg.Pass, b.cfg.Mailbox, b.cfg.Security, b.cfg.CAFile)
	cmd.Stdin = strings.NewReader(strings.Join(uids, "\n"))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, err
	}
	secs, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		return 0, fmt.Errorf("bad output %q", out)
	}
	return time.Duration(secs * float64(time.Second)), b.checkFlagged(context.Background())
}

// imaplibStores flags the UIDs read from stdin, one STORE at a time, and
// prints the seconds from the first STORE to the end of LOGOUT.
const imaplibStores = `
import imaplib, ssl, sys, time
addr, user, pw, mailbox, security, cafile = sys.argv[1:7]
uids = sys.stdin.read().split()
` + pythonConnect + `m.select(mailbox)
t0 = time.perf_counter()
for uid in uids:
    typ, data = m.uid("STORE", uid, "+FLAGS", "(\\Flagged)")
    if typ != "OK":
        sys.exit("STORE %s: %s %r" % (uid, typ, data))
m.logout()
print(time.perf_counter() - t0)
`

// preparePipelineMailbox creates the mailbox, fills it up to n messages
// and returns the UIDs of its first n.
func preparePipelineMailbox(cfg config, n int) ([]uint32, error) {
	ctx := context.Background()
	c, err := dialLogin(ctx, cfg, cfg.Addr)
	if err != nil {
		return nil, err
	}
	defer c.Logout(ctx)
	if !strings.EqualFold(cfg.Mailbox, "INBOX") {
		if _, err := c.Create(ctx, cfg.Mailbox); err != nil && !isCode(err, "ALREADYEXISTS") {
			return nil, err
		}
	}
	if _, err := c.Select(ctx, cfg.Mailbox, client.SelectOptions{}); err != nil {
		return nil, err
	}
	if have := int(c.Mailbox().Exists); have < n {
		if err := appendMessages(ctx, c, cfg.Mailbox, have, n-have); err != nil {
			return nil, err
		}
	}
	res, err := c.Search(ctx, "ALL", client.SearchOptions{UID: true})
	if err != nil {
		return nil, err
	}
	var uids []uint32
	for _, s := range client.Of[*client.SearchData](res) {
		uids = append(uids, s.Nums...)
	}
	if len(uids) < n {
		return nil, fmt.Errorf("%s holds %d messages after filling, want %d", cfg.Mailbox, len(uids), n)
	}
	return uids[:n], nil
}

func isCode(err error, code string) bool {
	var e *client.Error
	return errors.As(err, &e) && e.Code != nil && e.Code.Name == code
}

// appendMessages adds count small messages, 100 per APPEND.
func appendMessages(ctx context.Context, c *client.Client, mailbox string, from, count int) error {
	for done := 0; done < count; {
		var batch []client.AppendMessage
		for ; done < count && len(batch) < 100; done++ {
			body := fmt.Sprintf("From: bench@example.org\r\nTo: alice@example.org\r\nSubject: pipeline bench %d\r\n"+
				"Message-ID: <pipebench-%d@example.org>\r\n\r\nMessage %d.\r\n", from+done+1, from+done+1, from+done+1)
			batch = append(batch, client.AppendMessage{Body: strings.NewReader(body), Size: int64(len(body))})
		}
		if !c.HasCap("MULTIAPPEND") {
			for _, m := range batch {
				if _, err := c.Append(ctx, mailbox, m); err != nil {
					return err
				}
			}
			continue
		}
		if _, err := c.Append(ctx, mailbox, batch...); err != nil {
			return err
		}
	}
	return nil
}

// lineList is a non-interactive repl.LineSource over fixed lines.
type lineList struct {
	lines []string
	next  int
}

func (l *lineList) ReadLine(string) (string, error) {
	if l.next >= len(l.lines) {
		return "", io.EOF
	}
	l.next++
	return l.lines[l.next-1], nil
}

func (l *lineList) Interactive() bool { return false }
