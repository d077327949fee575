package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"imapsh/history"
	"imapsh/scripts"
)

// CommandSource yields the -c commands in order, then io.EOF. It is not
// interactive: no prompts, and a NO or BAD ends the run.
type CommandSource struct {
	Commands []string
	next     int
}

// ReadLine returns the next command; the prompt is ignored.
func (s *CommandSource) ReadLine(string) (string, error) {
	if s.next >= len(s.Commands) {
		return "", io.EOF
	}
	s.next++
	return s.Commands[s.next-1], nil
}

// Interactive reports false.
func (s *CommandSource) Interactive() bool { return false }

// ScriptSource yields the logical lines of a .imap script (-f FILE, or
// piped stdin) through scripts.Reader: comments, continuations, \i
// includes and ${VAR} expansion from the shell's \set variables, then the
// environment.
type ScriptSource struct {
	r       *scripts.Reader
	stderr  io.Writer
	failed  bool
	display string
	vars    func(name string) (string, bool)
}

// OpenScript opens the script at path; "-" reads stdin as "<stdin>".
// Script files holding a literal password must be 0600.
func OpenScript(path string, stdin io.Reader, stderr io.Writer) (*ScriptSource, error) {
	if path == "-" {
		return NewScriptSource(stdin, stderr), nil
	}
	s := &ScriptSource{stderr: stderr}
	r, err := scripts.Open(path, s.options())
	if err != nil {
		return nil, err
	}
	s.r = r
	return s, nil
}

// NewScriptSource reads a script from a stream (piped stdin).
func NewScriptSource(in io.Reader, stderr io.Writer) *ScriptSource {
	s := &ScriptSource{stderr: stderr}
	s.r = scripts.NewReader("<stdin>", in, s.options())
	return s
}

func (s *ScriptSource) options() scripts.Options {
	return scripts.Options{Lookup: s.lookup, HasLiteralSecret: HasLiteralSecret}
}

// SetVariables installs the shell's \set variables (repl's Session.Lookup),
// looked up before the environment.
func (s *ScriptSource) SetVariables(vars func(name string) (string, bool)) { s.vars = vars }

func (s *ScriptSource) lookup(name string) (string, bool) {
	if s.vars != nil {
		if v, ok := s.vars(name); ok {
			return v, true
		}
	}
	return os.LookupEnv(name)
}

// ReadLine returns the next logical line's expanded text. A script error
// (an undefined variable, an include loop) is reported on stderr and ends
// the input; Failed then reports true.
func (s *ScriptSource) ReadLine(string) (string, error) {
	line, err := s.r.Next()
	s.display = line.Display
	if err == nil || errors.Is(err, io.EOF) {
		return line.Text, err
	}
	s.failed = true
	fmt.Fprintf(s.stderr, "error: %v\n", err)
	return "", io.EOF
}

// Interactive reports false.
func (s *ScriptSource) Interactive() bool { return false }

// LastDisplay returns the last line as written, ${VAR} unexpanded: what
// echo, JSON output and errors show (repl.DisplayLiner).
func (s *ScriptSource) LastDisplay() string { return s.display }

// Failed reports whether the script stopped on an error of its own.
func (s *ScriptSource) Failed() bool { return s.failed }

// HasLiteralSecret reports whether a script line carries a secret written
// out (LOGIN's password, AUTHENTICATE data) rather than as a ${VAR}
// reference; the history redactor decides which words are secret.
func HasLiteralSecret(text string) bool {
	redacted := history.RedactRaw(text)
	if redacted == text {
		return false
	}
	words, masked := strings.Fields(text), strings.Fields(redacted)
	for i, w := range masked {
		if w == history.Mask && (i >= len(words) || !scripts.IsReference(words[i])) {
			return true
		}
	}
	return false
}
