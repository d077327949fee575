package main

// The only file that imports chzyer/readline: a switch to a maintained fork
// stays a one-file change.

import (
	"errors"
	"io"
	"sync"

	"github.com/chzyer/readline"

	"imapsh/history"
	"imapsh/repl"
)

// completer is the tab-completion interface of repl.Session.Completer and
// readline.AutoCompleter.
type completer interface {
	Do(line []rune, pos int) ([][]rune, int)
}

// lateCompleter lets readline start (for the password prompt) before the
// session, and so its completer, exists.
type lateCompleter struct {
	mu sync.Mutex
	c  completer
}

func (l *lateCompleter) set(c completer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.c = c
}

// Do completes with the session's completer, or offers nothing yet.
func (l *lateCompleter) Do(line []rune, pos int) ([][]rune, int) {
	l.mu.Lock()
	c := l.c
	l.mu.Unlock()
	if c == nil {
		return nil, 0
	}
	return c.Do(line, pos)
}

// readlineSource is the repl.LineSource of a terminal. The history file is
// ours (package history): readline only keeps the in-memory ring, fed from
// the file at start and with already-redacted lines by AddHistory.
type readlineSource struct {
	rl        *readline.Instance
	stdin     *readline.CancelableStdin
	completer *lateCompleter
}

func newReadlineSource(stdin io.Reader, hist *history.File, stdout, stderr io.Writer) (*readlineSource, error) {
	late := &lateCompleter{}
	cancelable := readline.NewCancelableStdin(stdin)
	rl, err := readline.NewEx(&readline.Config{
		Stdin:                  cancelable,
		AutoComplete:           late,
		HistoryFile:            "",
		DisableAutoSaveHistory: true,
		HistorySearchFold:      true,
		InterruptPrompt:        "^C",
		FuncFilterInputRune:    dropCtrlZ,
		Stdout:                 stdout,
		Stderr:                 stderr,
	})
	if err != nil {
		cancelable.Close()
		return nil, err
	}
	for _, line := range hist.Entries() {
		rl.SaveHistory(line)
	}
	return &readlineSource{rl: rl, stdin: cancelable, completer: late}, nil
}

// dropCtrlZ ignores Ctrl-Z: suspending would leave the terminal raw.
func dropCtrlZ(r rune) (rune, bool) { return r, r != readline.CharCtrlZ }

// ReadLine shows prompt and reads one line; Ctrl-C gives repl.ErrInterrupt
// and Ctrl-D on an empty line io.EOF.
func (s *readlineSource) ReadLine(prompt string) (string, error) {
	s.rl.SetPrompt(prompt)
	line, err := s.rl.Readline()
	return line, mapInterrupt(err)
}

// Interactive reports true: prompts, hints, and no exit on errors.
func (s *readlineSource) Interactive() bool { return true }

// AddHistory puts an already-redacted line into the in-memory ring.
func (s *readlineSource) AddHistory(line string) { s.rl.SaveHistory(line) }

// ReadPassword reads a line without echo.
func (s *readlineSource) ReadPassword(prompt string) (string, error) {
	pw, err := s.rl.ReadPassword(prompt)
	return string(pw), mapInterrupt(err)
}

// SetCompleter installs the session's tab completer.
func (s *readlineSource) SetCompleter(c completer) { s.completer.set(c) }

// Close restores the terminal. Readline's own Close does not stop a read
// of stdin that is under way (it closes only its wrapper), and then waits
// for it forever; closing our cancelable stdin first ends that read.
func (s *readlineSource) Close() error {
	s.stdin.Close()
	return s.rl.Close()
}

func mapInterrupt(err error) error {
	if errors.Is(err, readline.ErrInterrupt) {
		return repl.ErrInterrupt
	}
	return err
}
