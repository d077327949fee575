// Command bench measures, on one running server and in one run, how fast
// FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE) comes in: a raw drain that
// reads the answer to the tagged OK without parsing, imapsh's client
// parsing it into typed data (FetchOptions.Each, nothing kept), and, when
// available, Python's imaplib and go-imap v2 for comparison.
//
// Each contender runs in its own child process (this binary again, with
// -phase), so CPU time and peak RSS belong to it alone:
//
//	go run ./internal/bench -addr 127.0.0.1:10993 -user alice -pass alicepw \
//	    -cafile /tmp/imaplab/ssl/cert.pem -runs 3
//
// -security is tls (implicit, the default), starttls or plain.
//
// -mode pipeline replays "uid store N +flags \Flagged" lines through the
// shell with and without \pipeline, and imaplib, over a delay proxy; see
// pipeline.go.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

// config is what every phase needs to reach the mailbox.
type config struct {
	Addr, User, Pass, CAFile, Mailbox, Security, Items string
}

func main() {
	var cfg config
	flag.StringVar(&cfg.Addr, "addr", "127.0.0.1:10993", "server host:port")
	flag.StringVar(&cfg.User, "user", "alice", "user name")
	flag.StringVar(&cfg.Pass, "pass", "alicepw", "password")
	flag.StringVar(&cfg.CAFile, "cafile", "", "PEM file of the CA that signed the server certificate")
	flag.StringVar(&cfg.Mailbox, "mailbox", "INBOX", "mailbox to fetch from (examined read-only)")
	flag.StringVar(&cfg.Security, "security", "tls", "tls (implicit), starttls or plain")
	flag.StringVar(&cfg.Items, "items", "(UID FLAGS ENVELOPE RFC822.SIZE)", "FETCH items")
	phase := flag.String("phase", "", "run one phase in this process and print its JSON result (internal)")
	runs := flag.Int("runs", 3, "rounds of all phases; the table shows each round")
	only := flag.String("only", "", "comma-separated phases to run (default: all available)")
	cpuprofile := flag.String("cpuprofile", "", "with -phase client: write a CPU profile of the FETCH")
	mode := flag.String("mode", "fetch", "fetch (the FETCH comparison) or pipeline (uid store replay through a delay proxy; pipeline.go)")
	stores := flag.Int("n", 1000, "with -mode pipeline: number of uid store lines")
	oneWay := flag.Duration("delay", 10*time.Millisecond, "with -mode pipeline: delay added in each direction")
	flag.Parse()

	if *mode == "pipeline" {
		if !flagSet("mailbox") {
			cfg.Mailbox = "pipebench" // its \Flagged flags get cleared: never INBOX by default
		}
		if err := runPipelineMode(cfg, *stores, *runs, *oneWay); err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			os.Exit(1)
		}
		return
	}

	if *phase != "" {
		if err := runPhase(*phase, cfg, *cpuprofile); err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			os.Exit(1)
		}
		return
	}
	if err := compare(cfg, *runs, *only); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// flagSet reports whether a flag was given on the command line.
func flagSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
