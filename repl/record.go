package repl

// Recording (--record FILE, \record FILE, \record off) writes the
// commands of a session as a .imap script that replays it: each IMAP
// command that got a tagged answer is followed by an \expect of the
// status seen. Secrets never reach the file: a password becomes
// ${IMAPSH_PASSWORD} (also one the shell asked for without echo), a \set
// value becomes ${NAME}, so the replay takes them from the environment.
// The meta-commands kept are those whose entry says Recorded (\set,
// \unset, \connect, \reconnect): they change what later lines do or where
// they go. Display switches (\trace, \json, \raw, \timing, \o), \echo,
// \help, \history, \expect (the recording writes its own), \i (its lines
// are recorded one by one) and \record itself are left out.

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"imapsh/client"
	"imapsh/internal/cmdline"
	"imapsh/internal/outfile"
	"imapsh/internal/redact"
	"imapsh/render"
	"imapsh/scripts"
)

// RecordSecretVar is the variable a recorded script reads passwords and
// other secret arguments from.
const RecordSecretVar = "IMAPSH_PASSWORD"

// secretRef is the reference written in place of a secret.
var secretRef = "${" + RecordSecretVar + "}"

// recorder is an open --record / \record file.
type recorder struct {
	f    *os.File
	path string
}

func init() {
	register(&Command{Command: cmdline.Command{Name: `\record`,
		Args: []Arg{{Name: "file", Kind: cmdline.Path, Optional: true}}}, Group: groupShell,
		Summary: "write this session's commands to a replayable .imap file; \\record off stops",
		Help: "\\record session.imap   start (the file is private, 0600, replaced if it exists)\n" +
			"\\record off            stop\n\\record                say where the recording goes\n" +
			"Each IMAP command is followed by an \\expect of its status. Passwords become\n" +
			"${IMAPSH_PASSWORD} and \\set values ${NAME}: export them to replay with\n" +
			"imapsh URL -f session.imap. Display switches (\\trace, \\json, ...) are not recorded.",
		Run: runRecord})
}

func runRecord(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	switch arg := in.Arg("file"); {
	case !in.Has("file") && s.json:
		s.shellJSON().Recording = s.recordingJSON()
	case !in.Has("file") && s.rec == nil:
		fmt.Fprintln(s.infoWriter(), "not recording")
	case !in.Has("file"):
		fmt.Fprintf(s.infoWriter(), "recording to %s\n", s.rec.path)
	case strings.EqualFold(arg, "off"):
		return nil, s.stopRecording()
	default:
		return nil, s.startRecording(arg)
	}
	return nil, nil
}

// recordingJSON says whether a recording is written, and where.
func (s *Session) recordingJSON() *render.RecordingJSON {
	if s.rec == nil {
		return &render.RecordingJSON{}
	}
	return &render.RecordingJSON{Active: true, File: s.rec.path}
}

// recordFromConfig starts the recording Config.Record asks for.
func (s *Session) recordFromConfig() error {
	if s.cfg.Record == "" {
		return nil
	}
	return s.startRecording(s.cfg.Record)
}

// startRecording ends any recording and starts one into path (0600).
func (s *Session) startRecording(path string) error {
	if err := s.stopRecording(); err != nil {
		return err
	}
	f, err := outfile.Create(path)
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	s.rec = &recorder{f: f, path: path}
	target := "no connection"
	if s.target != nil && s.target.URL != "" {
		target = s.target.URL
	}
	err = s.rec.write(
		fmt.Sprintf("# recorded by imapsh on %s; connected to %s", time.Now().Format(time.RFC3339), target),
		"# replay: imapsh URL -f FILE (export "+RecordSecretVar+" and any other ${NAME} used)")
	if err != nil {
		s.rec.f.Close()
		s.rec = nil
	}
	return err
}

// stopRecording closes the recording, if any.
func (s *Session) stopRecording() error {
	if s.rec == nil {
		return nil
	}
	err := s.rec.f.Close()
	s.rec = nil
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

// recordCommand appends a command that ran to the recording. A write
// error is reported once, ends the recording and makes the exit status 1.
func (s *Session) recordCommand(in *Input, res *client.Result, err error) {
	if s.rec == nil {
		return
	}
	lines := recordedLines(in, res, err)
	if len(lines) == 0 {
		return
	}
	if werr := s.rec.write(lines...); werr != nil {
		s.fileFailed.Store(true)
		s.printError(werr, `\record FILE starts a new recording`)
		s.rec.f.Close()
		s.rec = nil
	}
}

// write appends lines to the file.
func (r *recorder) write(lines ...string) error {
	if _, err := r.f.WriteString(strings.Join(lines, "\n") + "\n"); err != nil {
		return fmt.Errorf("record %s: %w", r.path, err)
	}
	return nil
}

// recordedLines is what one command adds to a recording: an IMAP command
// with a tagged answer and its \expect, a kept meta-command that worked,
// or nothing.
func recordedLines(in *Input, res *client.Result, err error) []string {
	if in.Cmd.IsMeta() {
		if err != nil || !in.Cmd.Recorded {
			return nil
		}
		return []string{recordLine(in)}
	}
	status := res.StatusWord()
	if status == "" {
		return nil // never answered (a local error, a lost connection): replaying it proves nothing
	}
	exp, perr := scripts.ParseExpect(strings.ToLower(status))
	if perr != nil {
		return []string{recordLine(in)}
	}
	return []string{recordLine(in), exp.String()}
}

// recordLine is the line as written (variables unexpanded) with its
// literal secrets replaced by references; secrets written as references
// stay as written, and everything else (a *** typed as data) is data.
func recordLine(in *Input) string {
	ref := secretRef
	switch {
	case in.Cmd.SetsVariable && in.Arg("name") == "ON_ERROR_STOP":
		return `\set ON_ERROR_STOP ` + in.Arg("value") // a switch, not a secret
	case in.Cmd.SetsVariable:
		ref = "${" + in.Arg("name") + "}"
	}
	line := redact.Apply(in.Written, redact.Literal(secretsOf(in.Written)), func(redact.Span) string { return ref })
	if in.Cmd.Raw {
		return line
	}
	return withAskedSecret(line, in)
}

// withAskedSecret appends the secret reference when the command's secret
// argument was left out and so asked for without echo (login alice), so
// the replay, which has no terminal, finds it.
func withAskedSecret(line string, in *Input) string {
	for i, a := range in.Cmd.Args {
		if a.Kind != cmdline.Secret {
			continue
		}
		if in.Has(a.Name) || !argsBefore(in, i) || noSecretMechanism(in) {
			return line
		}
		return line + " " + secretRef
	}
	return line
}

// argsBefore reports whether the arguments before index i were all given,
// so an appended word binds to argument i.
func argsBefore(in *Input, i int) bool {
	for _, a := range in.Cmd.Args[:i] {
		if !in.Has(a.Name) {
			return false
		}
	}
	return true
}

// noSecretMechanism reports an AUTHENTICATE whose mechanism asks for no
// secret (runAuthenticate skips the prompt for these).
func noSecretMechanism(in *Input) bool {
	for _, a := range in.Cmd.Args {
		if a.Kind == cmdline.Mechanism {
			return noSecret(in.Arg(a.Name))
		}
	}
	return false
}

// noSecret reports a SASL mechanism that takes no secret (RFC 4422
// EXTERNAL, RFC 4505 ANONYMOUS).
func noSecret(mech string) bool {
	m := strings.ToUpper(mech)
	return m == "EXTERNAL" || m == "ANONYMOUS"
}
