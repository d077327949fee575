package repl

import (
	"errors"
	"io"
	"os"
	"strings"

	"imapsh/internal/cmdline"
	"imapsh/render"
	"imapsh/scripts"
)

// nextLine reads the next line to run and its display form (as written:
// variables unexpanded). A script source hands out logical lines already
// joined and expanded (scripts.Reader). At the prompt, nextLine joins
// physical lines by the same rules (readLogical) and expands ${NAME} by
// the same rules (cmdline.Expand: values are data), so that a line typed
// and a line in a script mean the same. A line that cannot be expanded is
// reported here, and "" returned: the shell goes on.
func (s *Session) nextLine(src LineSource) (line, display string, err error) {
	if !src.Interactive() {
		line, err = src.ReadLine("")
		display = line
		if d, ok := src.(DisplayLiner); ok {
			display = d.LastDisplay()
		}
		return line, display, err
	}
	written, err := s.readLogical(src)
	if err != nil || strings.TrimSpace(written) == "" {
		return "", "", err
	}
	if scripts.Unexpanded(written) { // \echo prints ${NAME} as written
		return written, written, nil
	}
	line, _, err = cmdline.Expand(written, scripts.ChainLookup(s.Lookup, os.LookupEnv))
	if err != nil {
		s.remember(src, written)
		s.fail(err, `\set NAME VALUE defines a variable; $${ is a literal ${`)
		s.writeJSONError(redactLine(written), err)
		return "", "", nil
	}
	return line, written, nil
}

// readLogical reads one logical line at the prompt: physical lines joined
// by scripts.Joiner (a trailing " \", an open quote, parenthesis or
// bracket continue; a blank line ends), each after a continuation prompt
// aligned under the prompt. Ctrl-C at a continuation prompt abandons the
// partial line (""); Ctrl-D there ends it, so what was typed runs or gets
// its error. A line that starts with a space keeps it, so that it stays
// out of the history.
func (s *Session) readLogical(src LineSource) (string, error) {
	var j scripts.Joiner
	first := s.Prompt()
	prompt, private := first, false
	for {
		line, err := s.readLine(src, prompt) // complist.go: completion may LIST while it waits
		switch {
		case err == nil:
		case j.Empty():
			return "", err
		case errors.Is(err, ErrInterrupt):
			return "", nil
		case errors.Is(err, io.EOF):
			return keepPrivate(j.Text(), private), nil
		default:
			return "", err
		}
		if j.Empty() {
			private = strings.HasPrefix(line, " ")
		}
		more, err := j.Add(line)
		if err != nil {
			s.fail(err, "")
			return "", nil
		}
		if !more {
			return keepPrivate(j.Text(), private), nil
		}
		prompt = continuationPrompt(first, j.Pending())
	}
}

// keepPrivate puts back the leading space of a line typed with one.
func keepPrivate(text string, private bool) string {
	if private && text != "" {
		return " " + text
	}
	return text
}

// continuationPrompt is the prompt of a continuation line, as wide as the
// first one and ending in what is open, as psql shows it: "...> " after a
// " \", "..(> " in a parenthesis or bracket, ..."> in a quote.
func continuationPrompt(first string, p cmdline.Pending) string {
	mark := "...> "
	switch {
	case p.Quote:
		mark = `.."> `
	case p.Depth > 0:
		mark = "..(> "
	}
	pad := render.Columns(first) - len(mark)
	if pad <= 0 {
		return mark
	}
	return strings.Repeat(" ", pad) + mark
}
