package repl

import (
	"imapsh/completion"
	"imapsh/internal/cmdline"
)

// Completer returns the tab completer (readline.AutoCompleter-compatible).
// It reads only the session's caches: no network I/O on a keystroke.
func (s *Session) Completer() interface {
	Do(line []rune, pos int) ([][]rune, int)
} {
	return completion.New(CompletionSpec(), s)
}

// CompletionSpec converts the command table for package completion.
func CompletionSpec() completion.Spec {
	spec := completion.Spec{Lex: lexWords}
	for _, c := range table {
		cc := completion.Command{Name: c.Name, Aliases: c.Aliases}
		for _, a := range c.Args {
			cc.Args = append(cc.Args, completion.Arg{Kind: a.Kind, Repeat: a.Repeat, Values: a.Values})
		}
		spec.Commands = append(spec.Commands, cc)
	}
	return spec
}

// lexWords is the tolerant lexer in completion's terms.
func lexWords(line string) []completion.Word {
	toks := cmdline.LexTolerant(line)
	out := make([]completion.Word, len(toks))
	for i, t := range toks {
		out[i] = completion.Word{Raw: t.Raw, Start: t.Start, Redirect: t.Kind != cmdline.TokWord}
	}
	return out
}
