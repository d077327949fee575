package main

// The only file that imports chzyer/readline: a switch to a maintained fork
// stays a one-file change.

import (
	"errors"
	"io"
	"sync"

	"github.com/chzyer/readline"

	"imapsh/history"
	"imapsh/internal/cli"
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
	mu      sync.Mutex
	c       completer
	guard   *cli.TerminalGuard // readline calls Do on its own goroutine, with the terminal raw
	setLine func(string)       // replaces the line being edited (cursor at its end)
}

// rewriter is a completer that may replace the word being typed instead
// of appending to it (completion.Completer.Rewrite: a bare word that only
// a quoted mailbox name extends).
type rewriter interface {
	Rewrite(line []rune, pos int) ([]rune, bool)
}

func (l *lateCompleter) set(c completer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.c = c
}

// Do completes with the session's completer, or offers nothing yet. The
// offset it hands readline is made safe for wide characters (see
// listingOffset).
func (l *lateCompleter) Do(line []rune, pos int) ([][]rune, int) {
	defer l.guard.OnPanic()
	l.mu.Lock()
	c := l.c
	l.mu.Unlock()
	if c == nil {
		return nil, 0
	}
	if r, ok := c.(rewriter); ok && l.setLine != nil {
		if newLine, ok := r.Rewrite(line, pos); ok {
			l.setLine(string(newLine)) // readline can only append; this replaces the word
			return nil, 0
		}
	}
	cands, offset := c.Do(line, pos)
	return cands, listingOffset(line, pos, offset)
}

// listingOffset works around chzyer/readline v1.5.1's candidate listing
// (complete.go, CompleteRefresh): it prints the last offset runes of the
// line before each candidate and pads the column with
//
//	maxWidth(candidates) + offset + 1 - width(candidate) - width(prefix)
//
// spaces, counting the prefix once in runes and once in display columns.
// A double-width rune in the prefix makes that negative for the widest
// candidate, and bytes.Repeat panics on readline's own goroutine, where
// no recover of ours can reach, leaving the terminal raw (issue 11, defect
// 1: select 日本<Tab><Tab>). The offset only shapes that listing (what is
// inserted is the suffix alone), so shortening it to the narrow runes at
// the end of the fragment keeps width(prefix) <= offset: the listing shows
// what follows the last wide character typed, and never panics. (The same
// function puts the cursor back by rune count too, so after a listing on
// a line with wide characters the cursor stands a little to the left
// until the next keystroke redraws the line; cosmetic, and not ours to fix.)
// No maintained fork with the same API is served by the Go module proxy
// here (github.com/ergochat/readline is refused), so the workaround lives
// in this file, the only one that imports readline.
func listingOffset(line []rune, pos, offset int) int {
	if pos > len(line) {
		pos = len(line)
	}
	offset = max(0, min(offset, pos))
	var runes readline.Runes
	narrow := 0
	for narrow < offset && runes.Width(line[pos-1-narrow]) <= 1 {
		narrow++
	}
	return narrow
}

// readlineSource is the repl.LineSource of a terminal. The history file is
// ours (package history): readline only keeps the in-memory ring, fed from
// the file at start and with already-redacted lines by AddHistory.
type readlineSource struct {
	rl        *readline.Instance
	stdin     *readline.CancelableStdin
	completer *lateCompleter
}

func newReadlineSource(stdin io.Reader, hist *history.File, stdout, stderr io.Writer, guard *cli.TerminalGuard) (*readlineSource, error) {
	late := &lateCompleter{guard: guard}
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
	late.setLine = rl.Operation.SetBuffer // called on readline's goroutine, from Do, with no lock of readline's held
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
