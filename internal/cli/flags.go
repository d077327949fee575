package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"imapsh/internal/redact"
	"imapsh/render"
)

// Options are the parsed command-line flags and arguments of imapsh.
type Options struct {
	URL             string   // the optional positional URL
	Plaintext       bool     // --plaintext: imap:// without any TLS
	Stream          string   // --stream CMD: IMAP over CMD's stdin/stdout
	Demo            bool     // --demo: start and use the built-in demo server
	Commands        []string // -c CMD, in order
	File            string   // -f FILE ("-" = stdin)
	CAFile          string   // --cafile
	Pins            []string // --pin sha256//B64 (repeatable)
	Insecure        bool     // --insecure
	CertFile        string   // --cert
	KeyFile         string   // --key
	PasswordCommand string   // --password-command
	JSON            bool     // --json, or --format json
	Format          string   // --format table|tsv|csv|json; "" = table (json with --json)
	NoPager         bool     // --no-pager: never page long output
	Raw             bool     // --raw
	Trace           string   // --trace[=FILE] / --trace-file FILE; "-" = stderr, "" = off
	Record          string   // --record FILE
	Pipeline        bool     // --pipeline
	ContinueOnError bool     // --continue-on-error
	Echo            bool     // -e, --echo: print each script line before its result (psql -a)
	Color           string   // --color auto|always|never
	NoHistory       bool     // --no-history
	Version         bool     // --version
	Probe           bool     // --probe: report what the server really does, then exit
	ProbeWrite      bool     // --probe-write: --probe with the checks on a scratch mailbox

	// ConnectTimeout is --connect-timeout: it bounds the TCP connect, the
	// TLS handshake and the wait for the greeting, each; 0 = 30 s.
	ConnectTimeout time.Duration

	// MaxCommandMemory is --max-command-memory in bytes; 0 = the client's
	// default (client.DefaultCommandMemory).
	MaxCommandMemory int64

	// CommandTimeout is --command-timeout: how long a command may wait for
	// the server's next response (IDLE excepted); 0 = 2 minutes.
	CommandTimeout time.Duration
}

// Batch reports whether the session runs -c commands or a -f script
// rather than reading from stdin.
func (o *Options) Batch() bool { return len(o.Commands) > 0 || o.File != "" }

// ErrUsage marks a command line that cannot be run; the message says why.
var ErrUsage = errors.New("usage")

// usageHead is printed above the flag list by --help and on usage errors.
const usageHead = `usage: imapsh [flags] [URL]

  imaps://[user[;AUTH=MECH]@]host[:port][/mailbox]   implicit TLS, port 993
  imap://[user[;AUTH=MECH]@]host[:port][/mailbox]    STARTTLS required, port 143
  [user@]host[:port][/mailbox]                       imap:// for port 143, else imaps://

The password comes from --password-command, $IMAPSH_PASSWORD or a no-echo
prompt. Exit status: 0 ok; 1 usage, connection, TLS or login failure, or
a trace, recording or \o file that could not be written; 2 connection
lost; 3 a command in -c/-f/piped mode got NO or BAD, or an expectation or
a script line failed; 4 --probe found an announced capability broken.

flags (-flag and --flag are the same):
`

// Parse parses the arguments after the program name. With --help it writes
// the usage to out and returns flag.ErrHelp; on a bad command line it
// returns an error wrapping ErrUsage (the caller prints it and Usage).
func Parse(args []string, out io.Writer) (*Options, error) {
	o := &Options{Color: "auto"}
	fs := newFlagSet(o)
	fs.SetOutput(io.Discard)
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		Usage(out)
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUsage, err)
	}
	if err := o.setPositional(positional); err != nil {
		return nil, err
	}
	return o, o.validate()
}

// parseInterspersed parses flags before and after positional arguments
// (imapsh URL -c CMD), which the flag package alone stops at; after "--"
// everything is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// Usage writes the usage text and the flag list to w.
func Usage(w io.Writer) {
	fs := newFlagSet(&Options{})
	fs.SetOutput(w)
	fmt.Fprint(w, usageHead)
	fs.PrintDefaults()
}

func newFlagSet(o *Options) *flag.FlagSet {
	fs := flag.NewFlagSet("imapsh", flag.ContinueOnError)
	fs.BoolVar(&o.Plaintext, "plaintext", false, "allow imap:// with no TLS at all (warned on every connect)")
	fs.StringVar(&o.Stream, "stream", "", "speak IMAP over `CMD`'s stdin/stdout (run by /bin/sh)")
	fs.BoolVar(&o.Demo, "demo", false, "start the built-in demo server and connect to it")
	fs.Var((*listFlag)(&o.Commands), "c", "run `CMD` (repeatable, in order), then log out and exit")
	fs.Var((*onceFlag)(&o.File), "f", "run the .imap script `FILE` (- = stdin), then exit")
	fs.StringVar(&o.CAFile, "cafile", "", "trust the PEM certificates in `FILE`")
	fs.Var((*listFlag)(&o.Pins), "pin", "require the server key `sha256//BASE64` (repeatable)")
	fs.BoolVar(&o.Insecure, "insecure", false, "do not verify the server certificate (pins still apply)")
	fs.StringVar(&o.CertFile, "cert", "", "client certificate `FILE` (PEM)")
	fs.StringVar(&o.KeyFile, "key", "", "client certificate key `FILE` (PEM)")
	fs.StringVar(&o.PasswordCommand, "password-command", "", "run `CMD` (by /bin/sh) and use its first output line as the password")
	fs.BoolVar(&o.JSON, "json", false, "print one JSON object per command result (--format json)")
	fs.StringVar(&o.Format, "format", "", "print results as `table`, tsv, csv or json (rows with raw numbers for awk and spreadsheets)")
	fs.BoolVar(&o.NoPager, "no-pager", false, "do not page output longer than the screen ($PAGER, default less -FRX)")
	fs.BoolVar(&o.Raw, "raw", false, "print the server's lines as received (secrets redacted)")
	fs.Var((*traceFlag)(&o.Trace), "trace", "wire trace (C:/S:, secrets redacted) to stderr, or --trace=FILE")
	fs.StringVar(&o.Trace, "trace-file", "", "wire trace to `FILE`")
	fs.StringVar(&o.Record, "record", "", "record the session to `FILE`")
	fs.BoolVar(&o.Pipeline, "pipeline", false, "send script commands without waiting for each answer")
	fs.BoolVar(&o.ContinueOnError, "continue-on-error", false, "in -c/-f/piped mode, go on after NO or BAD")
	fs.BoolVar(&o.Echo, "e", false, "print each -c/-f/piped line (secrets masked) before its result; with --json the command field is the echo")
	fs.BoolVar(&o.Echo, "echo", false, "the same as -e")
	fs.StringVar(&o.Color, "color", "auto", "colour: `auto`, always or never (NO_COLOR is honoured)")
	fs.BoolVar(&o.NoHistory, "no-history", false, "do not read or write the history file")
	fs.Var((*sizeFlag)(&o.MaxCommandMemory), "max-command-memory", "keep at most `SIZE` of one command's answer in memory (default 64M; K, M, G)")
	fs.DurationVar(&o.ConnectTimeout, "connect-timeout", 30*time.Second, "give up connecting after `DURATION` each for the TCP connect, the TLS handshake and the greeting")
	fs.DurationVar(&o.CommandTimeout, "command-timeout", 2*time.Minute, "give up on a command when the server sends nothing for `DURATION` (the connection is closed)")
	fs.BoolVar(&o.Version, "version", false, "print the version and exit")
	fs.BoolVar(&o.Probe, "probe", false, "check what the server really does (read-only), print a report and exit")
	fs.BoolVar(&o.ProbeWrite, "probe-write", false, "--probe, plus the checks that need a scratch mailbox (created and deleted)")
	return fs
}

func (o *Options) setPositional(args []string) error {
	switch len(args) {
	case 0:
		return nil
	case 1:
		o.URL = args[0]
		return nil
	}
	shown := make([]string, len(args))
	for i, a := range args {
		shown[i] = redact.URL(a) // a URL may carry a password
	}
	return fmt.Errorf("%w: one URL at most, got %q (a flag that takes a value needs --flag=VALUE or its value next)", ErrUsage, shown)
}

func (o *Options) validate() error {
	switch {
	case o.Color != "auto" && o.Color != "always" && o.Color != "never":
		return fmt.Errorf("%w: --color must be auto, always or never, not %q", ErrUsage, o.Color)
	case len(o.Commands) > 0 && o.File != "":
		return fmt.Errorf("%w: use -c or -f, not both", ErrUsage)
	case o.Demo && (o.URL != "" || o.Stream != ""):
		return fmt.Errorf("%w: --demo connects to the demo server; drop the URL or --stream", ErrUsage)
	case o.Stream != "" && o.URL != "":
		return fmt.Errorf("%w: --stream replaces the URL; give one or the other", ErrUsage)
	case o.ConnectTimeout <= 0:
		return fmt.Errorf("%w: --connect-timeout must be more than 0, not %v", ErrUsage, o.ConnectTimeout)
	case o.CommandTimeout <= 0:
		return fmt.Errorf("%w: --command-timeout must be more than 0, not %v", ErrUsage, o.CommandTimeout)
	case (o.CertFile == "") != (o.KeyFile == ""):
		return fmt.Errorf("%w: --cert and --key go together", ErrUsage)
	}
	if err := o.validateFormat(); err != nil {
		return err
	}
	return o.validateProbe()
}

// validateFormat checks --format against --json and --raw; --format json
// sets JSON, which --json is short for.
func (o *Options) validateFormat() error {
	if o.Format == "" {
		return nil
	}
	f, err := render.ParseFormat(o.Format)
	switch {
	case err != nil:
		return fmt.Errorf("%w: --format: %v", ErrUsage, err)
	case o.JSON && f != render.FormatJSON:
		return fmt.Errorf("%w: --json is --format json; give one format", ErrUsage)
	case o.Raw && f != render.FormatTable:
		return fmt.Errorf("%w: --raw prints the server's lines as received; --format %s does not go with it", ErrUsage, f)
	}
	o.JSON = f == render.FormatJSON
	return nil
}

// OutputFormat is the format of --format, or of --json.
func (o *Options) OutputFormat() render.Format {
	if o.JSON {
		return render.FormatJSON
	}
	f, _ := render.ParseFormat(o.Format)
	return f
}

// validateProbe checks --probe and --probe-write, which replace the shell.
func (o *Options) validateProbe() error {
	if o.ProbeWrite {
		o.Probe = true
	}
	switch {
	case !o.Probe:
		return nil
	case o.URL == "" && !o.Demo && o.Stream == "":
		return fmt.Errorf("%w: --probe needs a URL (or --demo, --stream)", ErrUsage)
	case o.Batch() || o.Record != "" || o.Raw || o.Pipeline:
		return fmt.Errorf("%w: --probe prints a report and exits; it does not take -c, -f, --record, --raw or --pipeline", ErrUsage)
	case o.OutputFormat().Rows():
		return fmt.Errorf("%w: --probe prints its report as text or --json, not --format %s", ErrUsage, o.Format)
	}
	return nil
}

// listFlag is a repeatable string flag (-c, --pin).
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, "; ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// traceFlag is --trace (stderr) or --trace=FILE: a boolean-style flag with an
// optional value, which the flag package allows for IsBoolFlag values.
type traceFlag string

// TraceStderr is the Trace value that means stderr.
const TraceStderr = "-"

func (t *traceFlag) String() string   { return string(*t) }
func (t *traceFlag) IsBoolFlag() bool { return true }

func (t *traceFlag) Set(v string) error {
	switch v {
	case "true":
		*t = TraceStderr
	case "false":
		*t = ""
	default:
		*t = traceFlag(v)
	}
	return nil
}

// onceFlag is a string flag that may be given once: a second -f would
// silently replace the first.
type onceFlag string

func (f *onceFlag) String() string { return string(*f) }

func (f *onceFlag) Set(v string) error {
	if *f != "" {
		return fmt.Errorf("given twice (%q and %q): run one script, or \\i the others from it", string(*f), v)
	}
	*f = onceFlag(v)
	return nil
}
