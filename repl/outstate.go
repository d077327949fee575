package repl

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync/atomic"

	"imapsh/client"
	"imapsh/internal/outfile"
	"imapsh/render"
)

// output is where and how the session's output goes: data to out (stdout,
// or stdout and an \o file), errors and notes to stderr, results rendered
// as text or JSON or the server's raw lines. The rules are in output.go.
type output struct {
	stdout, stderr io.Writer
	out            io.Writer // stdout, or stdout and the \o file
	tee            *os.File  // \o FILE
	color, piped   bool      // a colour theme; stdout is a file or a pipe
	fixedWidth     int       // the terminal width at start; 0 means 80
	widthNow       func() int
	json, raw      bool                            // --json, --raw (\json, \raw switch them)
	format         render.Format                   // --format, \format: table, tsv or csv when json is off (rows.go)
	rowBlocks      int                             // blocks of rows printed so far (rows.go)
	timing         bool                            // \timing
	teeOut         io.Writer                       // the \o copy, or nil
	pager          string                          // the pager command, "" for none (pager.go)
	pagerOn        bool                            // \pager on|off, --no-pager
	heightNow      func() int                      // the terminal's rows now
	live           *liveOutput                     // the running command's streamed output (stream.go)
	fileFailed     atomic.Bool                     // a recording or \o file could not be written (exit status 1)
	shownAlerts    map[*client.StatusResponse]bool // rendered inline (alerts.go)
	meta           *render.ShellJSON               // the running meta-command's --json fields (metajson.go)
	capsBefore     []string                        // the capabilities before the running command (render.Options.CapsBefore)
	laterHint      string                          // a hint printed once the command's output is out (printLaterHint)
}

// configure sets up the output as cfg says.
func (o *output) configure(cfg Config) {
	o.stdout, o.stderr, o.color, o.piped = cfg.Stdout, cfg.Stderr, cfg.Color, cfg.Piped
	o.fixedWidth, o.widthNow, o.json, o.raw = cfg.Width, cfg.WidthNow, cfg.JSON, cfg.Raw
	o.setFormat(cfg.Format)
	o.pager, o.pagerOn, o.heightNow = cfg.Pager, !cfg.NoPager, cfg.HeightNow
	if cfg.JSON {
		o.json = true
	}
	if o.stdout == nil {
		o.stdout = io.Discard
	}
	if o.stderr == nil {
		o.stderr = io.Discard
	}
	o.out = o.stdout
}

// width is the layout width now: the terminal's current one when known.
func (o *output) width() int {
	if o.widthNow != nil {
		if w := o.widthNow(); w > 0 {
			return w
		}
	}
	return o.fixedWidth
}

// renderOptions are the options for render.
func (o *output) renderOptions() render.Options {
	opt := render.Options{Color: o.color, Width: o.width(), Decode: !o.piped, CapsBefore: o.capsBefore}
	if o.piped {
		opt.MaxSection = -1 // whole sections for files and pipes, as sent
	}
	return opt
}

// printError writes "error: ..." and "hint: ..." to stderr.
func (o *output) printError(err error, hint string) {
	render.Error(o.stderr, err, hint, o.renderOptions())
}

// printLaterHint prints the hint that goes under what the command printed
// (serverHint): stdout may go through the pager's buffer, so it is printed
// once that is written.
func (o *output) printLaterHint() {
	if o.laterHint != "" {
		o.printError(nil, o.laterHint)
		o.laterHint = ""
	}
}

// note writes an informational line to stderr.
func (o *output) note(msg string) { fmt.Fprintln(o.stderr, msg) }

// writeJSONLine prints one JSON object (render.AppendResponseJSON,
// render.AppendAlertJSON) on its own line.
func (o *output) writeJSONLine(line []byte) {
	o.out.Write(append(line, '\n'))
}

// setTee starts (path != "") or stops copying output to a file (0600,
// see outfile.Create). A write error is reported once and makes the exit
// status 1; the output still reaches stdout.
func (o *output) setTee(path string) error {
	o.closeTee()
	if path == "" {
		return nil
	}
	f, err := outfile.Create(path)
	if err != nil {
		return err
	}
	o.tee = f
	guard := outfile.NewGuard(f, func(err error) { // reported once; stdout goes on
		o.fileFailed.Store(true)
		o.printError(fmt.Errorf(`\o %s: %w; the output goes on to stdout only`, path, bareError(err)), "")
	})
	o.teeOut = &plainWriter{w: guard} // the file gets no colours
	if o.format.Rows() {
		o.teeOut = &skipLeadingLineEnds{w: o.teeOut}
	}
	o.rewire(o.stdout)
	return nil
}

// skipLeadingLineEnds drops the line ends written before any other byte:
// a rows file that \o starts mid-session begins with its header, not with
// the empty line that separates the block from those before it on stdout.
type skipLeadingLineEnds struct {
	w       io.Writer
	started bool
}

func (s *skipLeadingLineEnds) Write(p []byte) (int, error) {
	if s.started {
		return s.w.Write(p)
	}
	rest := bytes.TrimLeft(p, "\r\n")
	if len(rest) == 0 {
		return len(p), nil
	}
	s.started = true
	if _, err := s.w.Write(rest); err != nil {
		return 0, err
	}
	return len(p), nil
}

// rewire sends the output to screen (stdout, or the pager) and the \o
// file.
func (o *output) rewire(screen io.Writer) {
	o.out = screen
	if o.teeOut != nil {
		o.out = io.MultiWriter(screen, o.teeOut)
	}
}

// closeTee stops \o.
func (o *output) closeTee() {
	if o.tee != nil {
		o.tee.Close()
		o.tee = nil
	}
	o.teeOut = nil
	o.rewire(o.stdout)
}

// alertsInline reports whether rendered results reach the user directly,
// so that an alert they show needs no second line.
func (o *output) alertsInline() bool { return !o.json && !o.raw && !o.piped && !o.format.Rows() }

// setFormat switches the output format (--format, \format; \json on is
// FormatJSON): JSON is the json switch, the others the text format.
func (o *output) setFormat(f render.Format) {
	o.json = f == render.FormatJSON
	if !o.json {
		o.format = f
	}
}

// currentFormat is the format results are printed in.
func (o *output) currentFormat() render.Format {
	if o.json {
		return render.FormatJSON
	}
	return o.format
}
