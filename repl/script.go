package repl

import (
	"fmt"
	"io"
	"os"
	"strings"

	"imapsh/internal/cmdline"
	"imapsh/internal/redact"
	"imapsh/scripts"
)

// StdinName labels the lines and errors of a script read from stdin.
const StdinName = "<stdin>"

// ScriptSource is a LineSource over a scripts.Reader: the lines of a
// .imap file with includes followed and ${NAME} expanded. It reports each
// line's display form (variables unexpanded) and its file:line.
type ScriptSource struct {
	r    *scripts.Reader
	last scripts.Line
}

// NewScriptSource returns a non-interactive source reading r.
func NewScriptSource(r *scripts.Reader) *ScriptSource { return &ScriptSource{r: r} }

// OpenScript opens the script of -f PATH, or reads stdin when path is "-"
// (or piped stdin, with path ""). ${NAME} expands from vars (the shell's
// \set variables, nil for none), then the environment. A script file with
// a literal secret (see HasLiteralSecret) must be 0600 or stricter.
func OpenScript(path string, stdin io.Reader, vars func(name string) (string, bool)) (*ScriptSource, error) {
	opts := ScriptOptions(vars)
	if path == "" || path == "-" {
		return NewScriptSource(scripts.NewReader(StdinName, stdin, opts)), nil
	}
	r, err := scripts.Open(path, opts)
	if err != nil {
		return nil, err
	}
	return NewScriptSource(r), nil
}

// CommandsName names -c commands in error locations ("-c:2: ...").
const CommandsName = "-c"

// CommandSource runs -c commands like the lines of a script: ${NAME}
// expands, \expect applies, and errors name the -c by its number.
func CommandSource(cmds []string, vars func(name string) (string, bool)) *ScriptSource {
	text := strings.Join(cmds, "\n") + "\n"
	opts := ScriptOptions(vars)
	opts.OneLine = true // each -c is one command: an open "(" or a " \" does not reach into the next
	return NewScriptSource(scripts.NewReader(CommandsName, strings.NewReader(text), opts))
}

// ScriptOptions expand ${NAME} from vars (nil for none), then the
// environment, and guard files holding literal secrets.
func ScriptOptions(vars func(name string) (string, bool)) scripts.Options {
	lookup := os.LookupEnv
	if vars != nil {
		lookup = scripts.ChainLookup(vars, os.LookupEnv)
	}
	return scripts.Options{Lookup: lookup, HasLiteralSecret: HasLiteralSecret}
}

// scriptOptions are ScriptOptions with this session's \set variables.
func (s *Session) scriptOptions() scripts.Options { return ScriptOptions(s.Lookup) }

// ReadLine returns the next logical line (the prompt is ignored). A
// problem in the script (an undefined variable, an include loop) is
// returned as a *scripts.Error that names its own file:line, so Location
// is cleared rather than left on the previous line.
func (s *ScriptSource) ReadLine(string) (string, error) {
	line, err := s.r.Next()
	if err != nil {
		s.last = scripts.Line{}
		return "", err
	}
	s.last = line
	return line.Text, nil
}

// Interactive reports false: errors stop a script.
func (s *ScriptSource) Interactive() bool { return false }

// LastDisplay implements DisplayLiner.
func (s *ScriptSource) LastDisplay() string { return s.last.Display }

// Location returns "file:line" of the last line, or "" after an error.
func (s *ScriptSource) Location() string {
	if s.last.File == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", s.last.File, s.last.Num)
}

// HasLiteralSecret reports whether a script line carries a secret written
// out (not as ${VAR}): one that secretsOf finds, on a line that names a
// command. It is scripts.Options.HasLiteralSecret for the shell's table.
func HasLiteralSecret(text string) bool {
	toks := cmdline.LexTolerant(text)
	cmd, n := lookupCommand(toks)
	switch {
	case cmd == nil:
		return false
	case cmd.SetsVariable:
		// \set values are masked in history, but only a secret-looking
		// name (\set PASS ...) makes the file need mode 0600.
		words := cmdline.ArgWords(toks[n:])
		return len(words) > 1 && secretName(words[0].Text) && !cmdline.IsReference(words[1].Text)
	}
	return len(redact.Literal(secretsOf(text))) > 0
}

// secretName reports whether a variable name suggests a credential.
func secretName(name string) bool {
	upper := strings.ToUpper(name)
	for _, hint := range []string{"PASS", "PW", "SECRET", "TOKEN", "KEY", "CRED", "AUTH"} {
		if strings.Contains(upper, hint) {
			return true
		}
	}
	return false
}
