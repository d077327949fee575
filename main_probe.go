package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"imapsh/client"
	"imapsh/internal/cli"
	"imapsh/internal/probe"
	"imapsh/internal/redact"
	"imapsh/render"
	"imapsh/repl"
)

// probeServer runs imapsh --probe (and --probe-write): it probes the
// target of the flags, prints the report (text, or JSON with --json) and
// returns its exit status (0 ok, 1 could not connect or log in, 4 an
// announced capability broken), 1 also when the trace file failed.
func probeServer(opts *cli.Options) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // Ctrl-C: no more checks; the scratch mailboxes are still deleted
	defer stop()
	trace, closeTrace, err := cli.OpenTrace(opts.Trace, os.Stderr)
	if err != nil {
		return fail(err)
	}
	defer closeTrace()
	pw := &cli.Passwords{Command: opts.PasswordCommand}
	pw.SetPrompt(cli.TerminalPrompt(os.Stdin, os.Stderr))
	target, stopDemo, err := initialTarget(opts, pw)
	if err != nil {
		return fail(err)
	}
	defer stopDemo()
	popts := probe.Options{Write: opts.ProbeWrite}
	if cli.IsTerminal(os.Stderr) && !opts.JSON {
		popts.Progress = progressLine(os.Stderr)
	}
	rep := probe.Probe(ctx, probeTarget(opts, target, pw, traceSink(opts, trace)), popts)
	status := rep.ExitStatus
	if err := writeReport(os.Stdout, rep, opts); err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		status = max(status, 1)
	}
	if err := closeTrace(); err != nil && status == probe.ExitOK {
		status = 1
	}
	return status
}

// probeTarget turns the shell's target into the probe's, with the TLS
// options, the password source and the trace of the flags.
func probeTarget(opts *cli.Options, t *repl.Target, pw *cli.Passwords, trace client.Tracer) probe.Target {
	e := endpoint(t)
	security := t.Security
	if security == client.StartTLS && opts.Plaintext {
		security = client.Plaintext
		fmt.Fprintf(os.Stderr, "warning: --plaintext: probing %s WITHOUT TLS; the password and the mail can be read by anyone on the path\n", e.Addr())
	}
	return probe.Target{
		URL: redact.URL(t.URL), Security: security, Host: t.Host, Port: t.Port, Stream: t.Stream,
		User: t.User, Mech: t.Mech, AllowPlaintextAuth: security == client.Plaintext,
		TLS:   client.TLSOptions{CAFile: opts.CAFile, Pins: opts.Pins, Insecure: opts.Insecure, CertFile: opts.CertFile, KeyFile: opts.KeyFile},
		Trace: trace, Stderr: os.Stderr,
		Password: func(ctx context.Context) (string, error) {
			p, err := pw.Get(ctx, t.User, e.Addr())
			if errors.Is(err, cli.ErrNoPassword) {
				return "", probe.ErrNoPassword
			}
			return p, err
		},
	}
}

// writeReport prints the report as text (coloured on a terminal) or, with
// --json, as one indented JSON object.
func writeReport(w io.Writer, rep *probe.Report, opts *cli.Options) error {
	if opts.JSON {
		return render.ProbeJSON(w, rep, true)
	}
	ropt := render.Options{Color: cli.UseColor(opts.Color, os.Getenv, cli.IsTerminal(os.Stdout)), Width: width()}
	return render.Probe(w, rep, ropt)
}

// progressLine shows which check runs, on one line of a terminal, and
// clears it when the probe ends.
func progressLine(w io.Writer) func(done, total int, check string) {
	return func(done, total int, check string) {
		if done == total {
			fmt.Fprint(w, "\r\x1b[K")
			return
		}
		fmt.Fprintf(w, "\r\x1b[Kprobing: %d/%d %s", done+1, total, check)
	}
}
