// Command imapsh is an interactive IMAP shell: `imapsh imaps://alice@host`,
// `imapsh --demo`, or `imapsh --help` for the flags. This file holds flags
// and wiring only; the logic lives in internal/cli and repl.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"time"

	"imapsh/client"
	"imapsh/history"
	"imapsh/internal/cli"
	"imapsh/internal/demo"
	"imapsh/repl"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

// terminalGuard holds stdin's terminal settings from start-up, so that a
// panic does not leave the terminal raw (nil when stdin is not a terminal).
var terminalGuard *cli.TerminalGuard

func main() {
	terminalGuard = cli.GuardTerminal(os.Stdin, os.Stderr)
	os.Exit(runGuarded(os.Args[1:]))
}

// runGuarded is run with the terminal put back on a panic.
func runGuarded(args []string) int {
	defer terminalGuard.OnPanic()
	return run(args)
}

// run returns the exit status: 0 ok, 1 usage/connection/TLS/login failure
// or a trace, recording or \o file that could not be written, 2
// connection lost, 3 a NO or BAD in -c/-f/piped mode, 4 --probe found an
// announced capability broken.
func run(args []string) int {
	opts, err := cli.Parse(args, os.Stdout)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		cli.ReportUsage(os.Stderr, err)
		return 1
	case opts.Version:
		fmt.Println("imapsh", version)
		return 0
	}
	cli.TuneGC(opts.MaxCommandMemory)
	if opts.Probe {
		return probeServer(opts) // main_probe.go
	}
	return session(opts)
}

// session connects as the flags say and runs the shell.
func session(opts *cli.Options) int {
	ctx := context.Background()
	trace, closeTrace, err := cli.OpenTrace(opts.Trace, os.Stderr)
	if err != nil {
		return fail(err)
	}
	defer closeTrace()
	tap := repl.NewWireTap(traceSink(opts, trace)) // --trace, \trace, --raw and \expect match read the wire here
	conn := newConnector(opts, tap)
	target, stopDemo, err := initialTarget(opts, conn.Passwords)
	if err != nil {
		return fail(err)
	}
	defer stopDemo()
	hist := openHistory(opts)
	defer hist.Close()
	vars := &sessionVars{}
	src, closeSrc, err := lineSource(opts, hist, conn.Passwords, vars.lookup)
	if err != nil {
		return fail(err)
	}
	defer closeSrc()
	var cl *client.Client
	if target != nil {
		if cl, err = conn.Connect(ctx, endpoint(target)); err != nil {
			cli.ReportAlerts(os.Stderr, cl)
			logout(cl)
			return fail(err)
		}
	}
	sess := repl.NewSession(repl.Config{
		Stdout: os.Stdout, Stderr: os.Stderr,
		Color: cli.UseColor(opts.Color, os.Getenv, cli.IsTerminal(os.Stdout)),
		Width: width(), WidthNow: width, JSON: opts.JSON, Format: opts.OutputFormat(), Raw: opts.Raw, Tap: tap,
		Pager: cli.PagerCommand(os.LookupEnv), NoPager: opts.NoPager, HeightNow: func() int { return cli.Height(os.Stdout) },
		History: hist, Connect: connector(conn), ContinueOnError: opts.ContinueOnError, TLS: conn.TLS,
		Piped:    !cli.IsTerminal(os.Stdout),
		Pipeline: opts.Pipeline, Record: opts.Record, Echo: opts.Echo,
	}, cl, target)
	vars.sess = sess
	status := runShell(ctx, sess, src)
	if err := closeTrace(); err != nil && status == repl.ExitOK { // reported when it happened
		status = repl.ExitFile
	}
	return status
}

// sessionVars lets a script, opened before the session exists, expand the
// session's \set variables in its later lines.
type sessionVars struct{ sess *repl.Session }

func (v *sessionVars) lookup(name string) (string, bool) {
	if v.sess == nil {
		return "", false
	}
	return v.sess.Lookup(name)
}

// runShell hands the line source to the session and runs it.
func runShell(ctx context.Context, sess *repl.Session, src repl.LineSource) int {
	rl, _ := src.(*readlineSource)
	if rl != nil {
		rl.SetCompleter(sess.Completer())
	}
	return sess.Run(ctx, src)
}

// traceSink is what the wire trace goes to: C:/S: text on stderr, or a
// transcript file that client/clienttest replays; nil when tracing is off.
func traceSink(opts *cli.Options, w io.Writer) client.Tracer {
	switch {
	case w == nil:
		return nil
	case opts.Trace == cli.TraceStderr:
		return client.TextTrace(w)
	}
	return repl.NewTranscriptWriter(w)
}

func newConnector(opts *cli.Options, trace client.Tracer) *cli.Connector {
	return &cli.Connector{
		TLS:       client.TLSOptions{CAFile: opts.CAFile, Pins: opts.Pins, Insecure: opts.Insecure, CertFile: opts.CertFile, KeyFile: opts.KeyFile},
		Plaintext: opts.Plaintext, Trace: trace, Stderr: os.Stderr, MaxCommandMemory: opts.MaxCommandMemory,
		ConnectTimeout: opts.ConnectTimeout, GreetingTimeout: opts.ConnectTimeout, CommandTimeout: opts.CommandTimeout,
		Passwords: &cli.Passwords{Command: opts.PasswordCommand},
	}
}

// logout ends a session whose login or select failed, briefly.
func logout(cl *client.Client) {
	if cl == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cl.Logout(ctx)
	cl.Close()
}

func fail(err error) int {
	cli.Report(os.Stderr, err)
	return 1
}

// initialTarget is where to connect first: the demo, --stream, the URL, or
// nowhere. A password in the URL is remembered for its account, with a warning.
func initialTarget(opts *cli.Options, pw *cli.Passwords) (*repl.Target, func(), error) {
	noop := func() {}
	switch {
	case opts.Demo:
		return demoTarget(pw)
	case opts.Stream != "":
		return &repl.Target{URL: "stream:" + opts.Stream, Stream: []string{"/bin/sh", "-c", opts.Stream}}, noop, nil
	case opts.URL == "":
		return nil, noop, nil
	}
	raw, password, hasPassword := cli.SplitURLPassword(opts.URL)
	t, err := repl.ParseURL(raw)
	if err != nil {
		return nil, noop, fmt.Errorf("%w: %v", cli.ErrUsage, err)
	}
	if hasPassword {
		fmt.Fprintf(os.Stderr, "warning: a password in the URL shows in process lists and shell history; prefer %s or --password-command\n", cli.EnvPassword)
		pw.Remember(t.User, endpoint(t).Addr(), password)
	}
	return t, noop, nil
}

// demoTarget starts the built-in demo server (loopback, no TLS).
func demoTarget(pw *cli.Passwords) (*repl.Target, func(), error) {
	srv, err := demo.Start(demo.Options{})
	if err != nil {
		return nil, nil, err
	}
	host, port, _ := net.SplitHostPort(srv.Addr)
	n, _ := strconv.Atoi(port)
	pw.Remember(srv.User, srv.Addr, srv.Password)
	t := &repl.Target{URL: "imap://" + srv.User + "@" + srv.Addr, Security: client.Plaintext, Host: host, Port: n, User: srv.User}
	return t, func() { srv.Close() }, nil
}

// openHistory opens the history file for interactive sessions; scripts and
// --no-history get a disabled one, and a broken file only warns.
func openHistory(opts *cli.Options) *history.File {
	if opts.NoHistory || opts.Batch() || !cli.IsTerminal(os.Stdin) {
		return history.Disabled()
	}
	path, err := history.DefaultPath()
	if err == nil {
		var f *history.File
		if f, err = history.Open(path, 0); err == nil {
			return f
		}
	}
	fmt.Fprintf(os.Stderr, "warning: %v; history is off for this session\n", err)
	return history.Disabled()
}

// lineSource picks -c, -f, readline on a terminal, or piped stdin, and the
// password prompt that goes with it. Scripts expand ${NAME} from vars (the
// shell's \set variables), then the environment.
func lineSource(opts *cli.Options, hist *history.File, pw *cli.Passwords, vars func(string) (string, bool)) (repl.LineSource, func() error, error) {
	noClose := func() error { return nil }
	switch {
	case len(opts.Commands) > 0:
		pw.SetPrompt(cli.TerminalPrompt(os.Stdin, os.Stderr))
		return repl.CommandSource(opts.Commands, vars), noClose, nil
	case opts.File != "":
		if opts.File != "-" {
			pw.SetPrompt(cli.TerminalPrompt(os.Stdin, os.Stderr))
		}
		src, err := repl.OpenScript(opts.File, os.Stdin, vars)
		return src, noClose, err
	case !cli.IsTerminal(os.Stdin):
		src, err := repl.OpenScript("-", os.Stdin, vars)
		return src, noClose, err
	}
	rl, err := newReadlineSource(os.Stdin, hist, os.Stdout, os.Stderr, terminalGuard)
	if err != nil {
		return nil, nil, err
	}
	pw.SetPrompt(rl.ReadPassword)
	return rl, rl.Close, nil
}

// width is the layout width of stdout now (a terminal may be resized).
func width() int { return cli.Width(os.Stdout, os.Getenv) }

// connector adapts the cli.Connector to the shell's \connect and \reconnect.
func connector(c *cli.Connector) repl.Connector {
	return func(ctx context.Context, t *repl.Target) (*client.Client, error) {
		cl, err := c.Connect(ctx, endpoint(t))
		return cl, repl.WithHint(err, cli.Hint(err)) // \connect and \reconnect hint as the command line does
	}
}

func endpoint(t *repl.Target) cli.Endpoint {
	return cli.Endpoint{Security: t.Security, Host: t.Host, Port: t.Port, User: t.User, Mech: t.Mech, Mailbox: t.Mailbox, Stream: t.Stream}
}
