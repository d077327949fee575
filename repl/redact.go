package repl

import (
	"strings"

	"imapsh/completion"
	"imapsh/history"
	"imapsh/scripts"
)

// redactLine masks the secrets of a line for history, JSON output and
// messages: arguments of kind secret become ***, raw IMAP lines go
// through history.RedactRaw. A line that does not parse is redacted as a
// raw line, to be safe.
func redactLine(line string, in *Input) string {
	if in == nil {
		return redactUnbound(line)
	}
	if in.Cmd.Raw {
		return history.RedactRaw(line)
	}
	return replaceSecrets(line, in, func(Arg) string { return history.Mask })
}

// redactUnbound masks a line that did not bind to its command (too many
// words, an unterminated quote): when the command takes a secret, every
// word from the first secret position on becomes ***, since the words
// cannot be matched to arguments.
func redactUnbound(line string) string {
	toks := LexTolerant(line)
	cmd, n := lookupCommand(toks)
	if cmd == nil || cmd.Raw {
		return history.RedactRaw(line)
	}
	first := -1
	for i, a := range cmd.Args {
		if redacts(a.Kind) {
			first = i
			break
		}
	}
	words := argWords(toks[n:])
	if first < 0 || first >= len(words) {
		return history.RedactRaw(line)
	}
	return line[:words[first].Start] + history.Mask
}

// hasSecretArg reports whether a command takes a secret argument.
func hasSecretArg(cmd *Command) bool {
	for _, a := range cmd.Args {
		if redacts(a.Kind) {
			return true
		}
	}
	return false
}

// replaceSecrets replaces each literal secret argument of line (one of
// kind secret that is not a ${VAR} reference) with mask(argument): ***
// for history and output, ${IMAPSH_PASSWORD} for a recording.
func replaceSecrets(line string, in *Input, mask func(Arg) string) string {
	toks := LexTolerant(line)
	_, n := lookupCommand(toks)
	var b strings.Builder
	last := 0
	for i, t := range argWords(toks[n:]) {
		a, ok := argFor(in.Cmd, i)
		if !ok || !redacts(a.Kind) || scripts.IsReference(t.Text) {
			continue
		}
		b.WriteString(line[last:t.Start])
		b.WriteString(mask(a))
		last = t.End()
	}
	b.WriteString(line[last:])
	return b.String()
}

// displayArgs is the argument text of the line as shown (variables
// unexpanded, secrets masked): what \echo prints.
func displayArgs(in *Input) string {
	toks := LexTolerant(in.Display)
	_, n := lookupCommand(toks)
	if n >= len(toks) {
		return ""
	}
	return strings.TrimSpace(in.Display[toks[n].Start:])
}

// argWords drops redirections and their files.
func argWords(toks []Token) []Token {
	var out []Token
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != TokWord {
			i++
			continue
		}
		out = append(out, toks[i])
	}
	return out
}

// argFor returns the argument a word at index i binds to.
func argFor(cmd *Command, i int) (Arg, bool) {
	if i < len(cmd.Args) {
		return cmd.Args[i], true
	}
	if n := len(cmd.Args); n > 0 && (cmd.Args[n-1].Repeat || cmd.Args[n-1].Kind.TakesRest()) {
		return cmd.Args[n-1], true
	}
	return Arg{}, false
}

// redacts reports whether words of a kind are masked. Every kind has a
// rule here: the table's consistency test calls it for each.
func redacts(k completion.ArgKind) bool {
	switch k {
	case completion.Secret:
		return true
	case completion.Atom, completion.Mailbox, completion.Pattern, completion.SeqSet,
		completion.FetchItems, completion.SearchKeys, completion.Flags, completion.FlagList,
		completion.StoreOp, completion.StatusItems, completion.User, completion.Rights,
		completion.Identifier, completion.Capability, completion.Mechanism, completion.Number,
		completion.Path, completion.Rest, completion.Date, completion.SortKeys,
		completion.Topic, completion.Switch, completion.Variable, completion.URL:
		return false
	}
	panic("repl: no redaction rule for argument kind " + k.String())
}
