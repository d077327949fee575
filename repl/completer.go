package repl

import "imapsh/completion"

// Completer returns the tab completer (readline.AutoCompleter-compatible)
// over the command table. It reads only the session's caches: no network
// I/O on a keystroke, but for one LIST on the first Tab that needs mailbox
// names (complist.go).
func (s *Session) Completer() interface {
	Do(line []rune, pos int) ([][]rune, int)
} {
	return NewCompleter(s.cache)
}

// NewCompleter returns a completer over the command table reading src.
func NewCompleter(src completion.Source) *completion.Completer {
	return completion.New(&table, src)
}
