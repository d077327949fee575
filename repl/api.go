package repl

import (
	"context"
	"errors"
	"io"

	"imapsh/client"
	"imapsh/history"
	"imapsh/render"
)

// LineSource yields input lines: readline on a terminal (in package main),
// a scanner on piped stdin, a script reader.
type LineSource interface {
	// ReadLine returns the next line; io.EOF at the end of input,
	// ErrInterrupt when the user pressed Ctrl-C at the prompt.
	ReadLine(prompt string) (string, error)
	// Interactive is true for a terminal: prompts, hints, no exit on error.
	Interactive() bool
}

// HistoryAdder is implemented by a LineSource with an in-memory history
// ring (readline): the loop adds each accepted line, already redacted.
type HistoryAdder interface{ AddHistory(line string) }

// PasswordReader is implemented by a LineSource that can read a secret
// without echo; login without a password asks through it.
type PasswordReader interface {
	ReadPassword(prompt string) (string, error)
}

// DisplayLiner is implemented by a LineSource whose lines may differ from
// what should be shown: a script line with ${VAR} expanded runs, but its
// unexpanded form is what echo, JSON output and errors show.
type DisplayLiner interface {
	// LastDisplay returns the display form of the line ReadLine last returned.
	LastDisplay() string
}

// ErrInterrupt is returned by LineSource.ReadLine when the user pressed
// Ctrl-C at the prompt.
var ErrInterrupt = errors.New("interrupt")

// Connector opens a session to t; main implements it (TLS options, the
// password, login with t.Mech or the best mechanism, select t.Mailbox). It
// returns the logged-in client, or the client plus an error when login or
// select failed.
type Connector func(ctx context.Context, t *Target) (*client.Client, error)

// Config is the shell's configuration, from main's flags.
type Config struct {
	Stdout, Stderr io.Writer
	Color          bool
	Width          int // terminal width; 0 means 80
	// WidthNow, when set, is asked for the width before each command's
	// output, so that a resized terminal is followed; Width is the fallback.
	WidthNow func() int
	JSON     bool // --json: one JSON object per command
	// Format is --format: FormatTSV and FormatCSV print rows for awk and
	// spreadsheets (rows.go); FormatJSON is JSON; the zero value is tables.
	Format          render.Format
	Raw             bool     // --raw: the server's lines as received
	Tap             *WireTap // the wire tap the client is created with: --trace, \trace, --raw and \expect match read the wire there; nil for none
	History         *history.File
	Connect         Connector
	ContinueOnError bool   // --continue-on-error
	Pipeline        bool   // --pipeline, \pipeline: scripts send commands without waiting for each answer (pipeline.go)
	Record          string // --record FILE: a replayable .imap recording, created when Run starts (see \record)
	// Echo (-e, --echo, psql -a) prints each line of a script, -c or piped
	// input to stdout before its result, secrets masked as in the history;
	// not with --json, whose objects carry the line as "command".
	Echo bool
	// TLS is the certificate checking of the command line (--cafile, --pin,
	// --insecure, --cert), applied by the starttls command too; the zero
	// value verifies with the system roots.
	TLS client.TLSOptions
	// Piped says stdout is not a terminal: body sections are then printed
	// whole instead of capped at 64 KiB / 500 lines.
	Piped bool
	// Pager is the command (run by /bin/sh -c) that pages an interactive
	// command's output longer than the screen ($PAGER, default less -FRX);
	// "" means none. NoPager (--no-pager) starts with paging off (\pager).
	Pager   string
	NoPager bool
	// HeightNow is the terminal's height in rows now; 0 (or nil) means
	// unknown, and nothing is paged.
	HeightNow func() int
}

// Exit statuses of Run.
const (
	ExitOK       = 0 // all went well
	ExitFile     = 1 // a file the session writes failed: --record could not be created, a recording or \o file could not be written
	ExitLost     = 2 // the connection was lost mid-session
	ExitFailures = 3 // a command got NO/BAD or an expectation failed (non-interactive)
)
