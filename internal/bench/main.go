// Command bench measures imapsh against a running server, side by side
// with other clients in one run. Each contender runs in its own process,
// so that CPU time and peak RSS belong to it alone.
//
// -mode fetch (the default) compares the client library: how fast
// FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE) comes in through a raw drain
// that reads the answer to the tagged OK without parsing, imapsh's client
// parsing it into typed data (FetchOptions.Each, nothing kept), Python's
// imaplib and go-imap v2; the times are those of the FETCH alone:
//
//	go run ./internal/bench -addr 127.0.0.1:10993 -user alice -pass alicepw \
//	    -cafile /tmp/imaplab/ssl/cert.pem -runs 3
//
// -security is tls (implicit, the default), starttls or plain.
//
// The whole-process modes run the built imapsh binary as a user does and
// measure each process from exec to exit (wall, CPU and peak RSS from
// wait4's rusage), over -plain-addr and -tls-addr, in interleaved rounds;
// -markdown prints the report as the README's tables:
//
//	-mode whole    the FETCH above as `imapsh -c`, text and --json (whole.go)
//	-mode scale    cost per message over mailboxes of different sizes (scale.go)
//	-mode body     fetch N BODY[] of a large message, piped and > FILE (body.go)
//	-mode search   SEARCH ALL of a large mailbox, text and --json (body.go)
//	-mode startup  exec to the first prompt on a pseudo-terminal (startup.go)
//
// -baseline PATH runs another imapsh build beside the one under test in
// modes whole, body and search, in the same rounds, so that a change is
// measured against the build before it under the same load.
//
// -mode fill writes generated messages straight into a Maildir (maildir.go).
//
// -mode pipeline replays "uid store N +flags \Flagged" lines through the
// shell with and without \pipeline, and imaplib, over a delay proxy; see
// pipeline.go.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

// config is what every phase needs to reach the mailbox.
type config struct {
	Addr, User, Pass, CAFile, Mailbox, Security, Items string
	Seq                                                string // the FETCH's sequence set
	Command                                            string // what the drain sends instead of FETCH Seq Items, when set
}

// rawCommand is the IMAP command the drain phase sends.
func (c config) rawCommand() string {
	if c.Command != "" {
		return c.Command
	}
	return "FETCH " + c.Seq + " " + c.Items
}

// flags are the command line beyond config.
type flags struct {
	mode, phase, only, cpuprofile, imapsh, baseline, plainAddr, tlsAddr, transports, label, mailboxes, bodySeq string
	maildir, owner                                                                                             string
	runs, stores, messages, largeMiB                                                                           int
	oneWay                                                                                                     time.Duration
	markdown, warmup                                                                                           bool
}

func parseFlags() (config, flags) {
	var cfg config
	var f flags
	flag.StringVar(&cfg.Addr, "addr", "127.0.0.1:10993", "server host:port (-mode fetch, pipeline and the phases)")
	flag.StringVar(&cfg.User, "user", "alice", "user name")
	flag.StringVar(&cfg.Pass, "pass", "alicepw", "password")
	flag.StringVar(&cfg.CAFile, "cafile", "", "PEM file of the CA that signed the server certificate")
	flag.StringVar(&cfg.Mailbox, "mailbox", "INBOX", "mailbox to fetch from (examined read-only)")
	flag.StringVar(&cfg.Security, "security", "tls", "tls (implicit), starttls or plain (-mode fetch, pipeline)")
	flag.StringVar(&cfg.Items, "items", "(UID FLAGS ENVELOPE RFC822.SIZE)", "FETCH items")
	flag.StringVar(&cfg.Seq, "seq", "1:*", "FETCH sequence set")
	flag.StringVar(&cfg.Command, "command", "", "IMAP command the drain phase sends instead of FETCH (internal)")
	flag.StringVar(&f.phase, "phase", "", "run one phase in this process and print its JSON result (internal)")
	flag.IntVar(&f.runs, "runs", 3, "rounds of all contenders")
	flag.StringVar(&f.only, "only", "", "comma-separated phases or contenders to run (default: all available)")
	flag.StringVar(&f.cpuprofile, "cpuprofile", "", "with -phase client: write a CPU profile of the FETCH")
	flag.StringVar(&f.mode, "mode", "fetch", "fetch, whole, scale, body, search, startup, pipeline or fill")
	flag.IntVar(&f.stores, "n", 1000, "with -mode pipeline: number of uid store lines")
	flag.DurationVar(&f.oneWay, "delay", 10*time.Millisecond, "with -mode pipeline: delay added in each direction")
	flag.StringVar(&f.imapsh, "imapsh", "", "whole-process modes: the imapsh binary to run (default: go build one into a temporary directory)")
	flag.StringVar(&f.baseline, "baseline", "", "modes whole, body and search: another imapsh build to run beside it in the same rounds (rows marked \"(baseline)\")")
	flag.StringVar(&f.plainAddr, "plain-addr", "127.0.0.1:10143", "whole-process modes: host:port for plain TCP (imap:// --plaintext)")
	flag.StringVar(&f.tlsAddr, "tls-addr", "127.0.0.1:10993", "whole-process modes: host:port for implicit TLS (imaps://)")
	flag.StringVar(&f.transports, "transports", "plain,tls", "whole-process modes: plain, tls or both")
	flag.StringVar(&f.label, "label", "", "whole-process modes: the server as the report names it (default: its address)")
	flag.StringVar(&f.mailboxes, "mailboxes", "bench10k,INBOX", "with -mode scale: mailboxes of different sizes, smallest first")
	flag.StringVar(&f.bodySeq, "body-seq", "*", "with -mode body: the large message's sequence number")
	flag.StringVar(&f.maildir, "maildir", "", "with -mode fill: the mailbox's Maildir directory")
	flag.IntVar(&f.messages, "messages", 0, "with -mode fill: how many messages to write")
	flag.IntVar(&f.largeMiB, "large-mib", 0, "with -mode fill: make the last message this many MiB (0: none)")
	flag.StringVar(&f.owner, "owner", "", "with -mode fill: the system user owning the files (the server's mail user)")
	flag.BoolVar(&f.markdown, "markdown", false, "whole-process modes: print the report as Markdown")
	flag.BoolVar(&f.warmup, "warmup", true, "whole-process modes: run every contender once, unmeasured, first")
	flag.Parse()
	return cfg, f
}

func main() {
	cfg, f := parseFlags()
	var err error
	switch {
	case f.phase != "":
		err = runPhase(f.phase, cfg, f.cpuprofile)
	case f.mode == "fetch":
		err = compare(cfg, f.runs, f.only)
	case f.mode == "fill":
		err = runFill(f.maildir, f.messages, f.largeMiB, f.owner)
	case f.mode == "pipeline":
		if !flagSet("mailbox") {
			cfg.Mailbox = "pipebench" // its \Flagged flags get cleared: never INBOX by default
		}
		err = runPipelineMode(cfg, f.stores, f.runs, f.oneWay)
	default:
		err = runWholeMode(cfg, f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// wholeModes are the modes that run the imapsh binary.
var wholeModes = map[string]func(*setup, runOptions, flags) (*report, error){
	"whole": func(s *setup, o runOptions, _ flags) (*report, error) { return runWhole(s, o) },
	"scale": func(s *setup, o runOptions, f flags) (*report, error) {
		return runScale(s, o, strings.Split(f.mailboxes, ","))
	},
	"body":    func(s *setup, o runOptions, f flags) (*report, error) { return runBody(s, o, f.bodySeq) },
	"search":  func(s *setup, o runOptions, _ flags) (*report, error) { return runSearch(s, o) },
	"startup": func(s *setup, o runOptions, _ flags) (*report, error) { return runStartup(s, o) },
}

// runWholeMode builds imapsh, runs one whole-process mode and prints its
// report on stdout (the progress goes to stderr).
func runWholeMode(cfg config, f flags) error {
	mode, ok := wholeModes[f.mode]
	if !ok {
		return fmt.Errorf("unknown -mode %q", f.mode)
	}
	o, err := f.runOptions()
	if err != nil {
		return err
	}
	s, cleanup, err := newSetup(cfg, f.imapsh)
	if err != nil {
		return err
	}
	defer cleanup()
	s.baseline = f.baseline
	r, err := mode(s, o, f)
	if err != nil {
		return err
	}
	return r.write(os.Stdout, f.markdown)
}

// runOptions turns the flags into the whole-process modes' options.
func (f flags) runOptions() (runOptions, error) {
	o := runOptions{Rounds: f.runs, Warmup: f.warmup, Only: f.only, Label: f.label, Markdown: f.markdown, Progress: os.Stderr}
	for _, name := range strings.Split(f.transports, ",") {
		switch name {
		case "plain":
			o.Transports = append(o.Transports, transport{Name: "plain", Addr: f.plainAddr, Security: "plain"})
		case "tls":
			o.Transports = append(o.Transports, transport{Name: "tls", Addr: f.tlsAddr, Security: "tls"})
		default:
			return o, fmt.Errorf("-transports: %q is neither plain nor tls", name)
		}
	}
	if o.Label == "" {
		o.Label = "the server at " + f.plainAddr + " / " + f.tlsAddr
	}
	if o.Rounds < 1 {
		return o, fmt.Errorf("-runs must be at least 1")
	}
	return o, nil
}

// flagSet reports whether a flag was given on the command line.
func flagSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
