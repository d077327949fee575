package cli

import "io"

// CommandSource yields the -c commands in order, then io.EOF. It is not
// interactive: no prompts, and a NO or BAD ends the run. Scripts (-f FILE,
// -f -, piped stdin) use repl.ScriptSource.
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
