package repl

import (
	"fmt"
	"strings"

	"imapsh/internal/cmdline"
	"imapsh/internal/redact"
)

// Input is a command line bound to a command's arguments.
type Input struct {
	Cmd     *Command
	Line    string // the line as run (variables expanded)
	Written string // the line as written (variables unexpanded), secrets in clear: never shown
	Display string // the line as shown: Written with its secrets masked
	In, Out string // redirection files, "" when absent
	vals    map[string]string
	lists   map[string][]string
	quoted  map[string]bool // one-word arguments typed as one quoted string
}

// Arg returns the value of an argument ("" when an optional one is absent).
// A rest-of-line argument is the raw remainder, IMAP quoting intact.
func (in *Input) Arg(name string) string { return in.vals[in.known(name)] }

// Has reports whether an argument was given.
func (in *Input) Has(name string) bool {
	_, ok := in.vals[in.known(name)]
	return ok
}

// Quoted reports whether a one-word argument was typed as one quoted
// string: list "" "(a)" names a mailbox, list "" (a) a list of patterns.
func (in *Input) Quoted(name string) bool { return in.quoted[in.known(name)] }

// List returns the words of a repeated or rest-of-line argument.
func (in *Input) List(name string) []string { return in.lists[in.known(name)] }

// known returns name, checking that the command has an argument of that
// name: a handler asking for one it does not declare (a typo) is a
// programming error, reported through unknownArg.
func (in *Input) known(name string) string {
	for _, a := range in.Cmd.Args {
		if a.Name == name {
			return name
		}
	}
	unknownArg(in.Cmd.Name, name)
	return name
}

// unknownArg is called for an argument name the command does not declare;
// the package's tests make it panic, so a typo fails the tests that run
// the handler (TestArgumentNamesExist finds it without running it).
var unknownArg = func(cmd, name string) {}

// UsageError is a line that does not fit the command's arguments.
type UsageError struct {
	Cmd *Command
	Msg string
}

// Error implements error: "fetch: missing SEQSET".
func (e *UsageError) Error() string { return e.Cmd.Name + ": " + e.Msg }

// bind checks tokens (after the command name) against cmd.Args, binding
// words as cmdline's Command.Bind says (completion and redaction read the
// same binding).
func bind(cmd *Command, line string, toks []cmdline.Token) (*Input, error) {
	in := &Input{Cmd: cmd, Line: line, vals: map[string]string{}, lists: map[string][]string{}, quoted: map[string]bool{}}
	words, err := in.takeRedirections(toks)
	if err != nil {
		return nil, err
	}
	b := cmd.Bind(words)
	if err := bindingError(cmd, words, &b); err != nil {
		return nil, err
	}
	for i, a := range cmd.Args {
		var mine []cmdline.Token
		for _, w := range b.Words(i) {
			mine = append(mine, words[w])
		}
		if err := in.bindArg(a, line, mine); err != nil {
			return nil, err
		}
	}
	return in, nil
}

// bindingError reports a word too many, a missing argument or a keyword
// without its value.
func bindingError(cmd *Command, words []cmdline.Token, b *cmdline.Binding) error {
	switch extra := b.Extra(); {
	case extra >= 0 && redact.FirstSecretArg(&cmd.Command) >= 0: // the extra word may be part of a password
		return &UsageError{cmd, "too many arguments (quote a password that has spaces)"}
	case extra >= 0:
		return &UsageError{cmd, fmt.Sprintf("unexpected %q", words[extra].Raw)}
	case b.Bare >= 0:
		a := cmd.Args[b.Bare]
		return &UsageError{cmd, a.Keyword + " needs its " + strings.ToUpper(a.Name) + " after it"}
	case b.Missing >= 0:
		return &UsageError{cmd, "missing " + strings.ToUpper(cmd.Args[b.Missing].Name)}
	}
	return nil
}

// bindArg checks the words bound to one argument by its kind and stores
// them: one word as its text, a rest or repeated argument as a list and
// raw text (bindRest).
func (in *Input) bindArg(a Arg, line string, words []cmdline.Token) error {
	if len(words) == 0 {
		return nil
	}
	for _, w := range words {
		if err := a.Kind.Check(w.Text); err != nil {
			return &UsageError{in.Cmd, fmt.Sprintf("%s: %v", strings.ToUpper(a.Name), err)}
		}
	}
	if len(words) > 1 || a.Repeat || a.Kind.TakesRest() {
		in.bindRest(a, line, words)
		return nil
	}
	in.vals[a.Name], in.quoted[a.Name] = words[0].Text, words[0].Quoted
	if a.Kind == cmdline.Path {
		in.vals[a.Name] = cmdline.PathOf(words[0])
	}
	return nil
}

// takeRedirections removes "< FILE" and "> FILE" and checks that the
// command accepts them. Redirections come last: a word after one (say a
// path with an unquoted space) would otherwise end up in the IMAP command.
func (in *Input) takeRedirections(toks []cmdline.Token) ([]cmdline.Token, error) {
	var words []cmdline.Token
	redirected := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == cmdline.TokWord {
			if redirected {
				return nil, &UsageError{in.Cmd, fmt.Sprintf("unexpected %q after the redirection (quote a file name with spaces)", t.Raw)}
			}
			words = append(words, t)
			continue
		}
		redirected = true
		if i+1 >= len(toks) || toks[i+1].Kind != cmdline.TokWord {
			return nil, &UsageError{in.Cmd, t.Raw + " needs a FILE"}
		}
		if (t.Kind == cmdline.TokRedirIn && !in.Cmd.In) || (t.Kind == cmdline.TokRedirOut && !in.Cmd.Out) {
			return nil, &UsageError{in.Cmd, "does not take " + t.Raw + " FILE"}
		}
		if t.Kind == cmdline.TokRedirIn {
			in.In = cmdline.PathOf(toks[i+1])
		} else {
			in.Out = cmdline.PathOf(toks[i+1])
		}
		i++
	}
	return words, nil
}

// bindRest binds the remaining words: their texts as a list, and the raw
// text from the first to the last (a single quoted word is unquoted, so
// "(UID BODY[TEXT])" and (UID BODY[TEXT]) agree).
func (in *Input) bindRest(a Arg, line string, words []cmdline.Token) {
	texts := make([]string, len(words))
	for i, w := range words {
		texts[i] = w.Text
	}
	in.lists[a.Name] = texts
	raw := line[words[0].Start:words[len(words)-1].End()]
	if len(words) == 1 {
		raw = words[0].Text
	}
	in.vals[a.Name] = raw
}
