package repl

import (
	"context"
	"fmt"
	"io"

	"imapsh/client"
	"imapsh/internal/cmdline"
	"imapsh/render"
)

// The meta-commands of the output's form: \format and \pager.
func init() {
	register(
		&Command{Command: cmdline.Command{Name: `\format`,
			Args: []Arg{{Name: "format", Kind: cmdline.Atom, Optional: true, Values: render.FormatNames()}}}, Group: groupShell,
			Summary: "print results as table, tsv, csv or json; alone, say which",
			Help: "\\format tsv    rows under a fixed header, tab-separated, raw numbers (sizes in bytes)\n" +
				"\\format csv    the same as RFC 4180 CSV, for spreadsheets\n" +
				"\\format json   one JSON object per command (\\json on)\n" +
				"\\format table  tables and trees for reading (the default)\n" +
				"In tsv and csv, stdout holds only rows; a NO or BAD and notes on what has\n" +
				"no rows go to stderr. README.md lists the columns of each response.",
			Run: runFormat},
		&Command{Command: cmdline.Command{Name: `\pager`, Args: []Arg{{Name: "on|off", Kind: cmdline.Switch, Optional: true}}}, Group: groupShell,
			Summary: "page output longer than the screen through $PAGER; alone, say whether",
			Help: "On a terminal, a command's output longer than the screen goes through\n" +
				"$IMAPSH_PAGER, else $PAGER, else less -FRX (an empty variable means no pager).\n" +
				"Never paged: --json, --raw, output to a file or pipe, scripts, idle.\n" +
				"--no-pager starts with the pager off.",
			Run: runPager},
	)
}

func runFormat(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	if !in.Has("format") {
		if s.json {
			s.shellJSON().Format = s.currentFormat().String()
			return nil, nil
		}
		fmt.Fprintf(s.infoWriter(), "format: %s\n", s.currentFormat())
		return nil, nil
	}
	f, err := render.ParseFormat(in.Arg("format"))
	if err != nil {
		return nil, &UsageError{in.Cmd, err.Error()}
	}
	s.setFormat(f)
	return nil, nil
}

func runPager(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	if !in.Has("on|off") {
		showPager(s)
		return nil, nil
	}
	on, _ := cmdline.ParseSwitch(in.Arg("on|off"))
	if on && s.pager == "" {
		return nil, fmt.Errorf(`\pager on: no pager to run: $IMAPSH_PAGER or $PAGER is set empty`)
	}
	s.pagerOn = on
	return nil, nil
}

// showPager says whether output is paged, and by what.
func showPager(s *Session) {
	if s.json {
		s.shellJSON().Pager = &render.PagerJSON{On: s.pagerOn && s.pager != "", Command: s.pager}
		return
	}
	state := "off"
	switch {
	case s.pager == "":
		state = "off (no pager: $IMAPSH_PAGER or $PAGER is set empty)"
	case s.pagerOn:
		state = "on (" + s.pager + ")"
	}
	fmt.Fprintf(s.infoWriter(), "pager: %s\n", state)
}

// infoWriter is where a meta-command's answer to a question goes: stdout
// with tables, stderr when stdout holds rows only (with JSON it goes into
// the command's object).
func (o *output) infoWriter() io.Writer {
	if o.format.Rows() {
		return o.stderr
	}
	return o.out
}
