package repl

import (
	"strings"

	"imapsh/completion"
	"imapsh/internal/cmdline"
	"imapsh/internal/redact"
)

// secret is one secret of a line as written, found by the command table:
// the history, --json, error messages, the recording and the script
// mode check all take their secrets from secretsOf, so they cannot
// disagree.
type secret struct {
	redact.Span
	arg Arg  // the argument it belongs to; the zero Arg for a raw line's credentials
	ref bool // written as ${NAME} references only: no secret on the line itself
}

// secretsOf finds the secrets of a line as written (variables unexpanded):
// the words of secret arguments, the password of a URL argument, the
// credentials of a raw IMAP line (redact.RawSpan). A line that names no
// command is read as a raw line, to be safe. When a command that takes a
// secret has more words than arguments (a password with an unquoted
// space), everything from the first secret position on is secret, since
// the words cannot be matched to arguments.
func secretsOf(line string) []secret {
	toks := cmdline.LexTolerant(line)
	cmd, n := lookupCommand(toks)
	if cmd == nil || cmd.Raw {
		sp, ok := redact.RawSpan(line)
		if !ok {
			return nil
		}
		return []secret{{Span: sp, ref: cmdline.IsReference(strings.TrimSpace(line[sp.From:sp.To]))}}
	}
	words := argWords(toks[n:])
	if first := firstSecretArg(cmd); first >= 0 && first < len(words) {
		if _, bound := argAt(cmd, len(words)-1); !bound {
			return []secret{{Span: redact.Span{From: words[first].Start, To: len(line)}, arg: cmd.Args[first]}}
		}
	}
	var out []secret
	for i, w := range words {
		if a, ok := argAt(cmd, i); ok {
			out = append(out, wordSecrets(a, w)...)
		}
	}
	return out
}

// wordSecrets are the secrets of one word bound to argument a.
func wordSecrets(a Arg, w cmdline.Token) []secret {
	switch redaction(a.Kind) {
	case redactWord:
		return []secret{{Span: redact.Span{From: w.Start, To: w.End()}, arg: a, ref: cmdline.IsReference(w.Text)}}
	case redactURL:
		var out []secret
		for _, sp := range redact.URLSpans(w.Raw) {
			pw := w.Raw[sp.From:sp.To]
			out = append(out, secret{Span: redact.Span{From: w.Start + sp.From, To: w.Start + sp.To}, arg: a, ref: cmdline.IsReference(pw)})
		}
		return out
	}
	return nil
}

// literalSecrets drops the secrets written as ${NAME} references.
func literalSecrets(all []secret) []redact.Span {
	var out []redact.Span
	for _, s := range all {
		if !s.ref {
			out = append(out, s.Span)
		}
	}
	return out
}

// redactLine masks the secrets of a line (written as typed, variables
// unexpanded) for history, JSON output and messages.
func redactLine(line string) string {
	return redact.Masked(line, literalSecrets(secretsOf(line)))
}

// firstSecretArg is the index of the first argument whose words are
// masked, or -1.
func firstSecretArg(cmd *Command) int {
	for i, a := range cmd.Args {
		if redaction(a.Kind) != redactNone {
			return i
		}
	}
	return -1
}

// displayArgs is the argument text of the line as shown (variables
// unexpanded, secrets masked): what \echo prints.
func displayArgs(in *Input) string {
	toks := cmdline.LexTolerant(in.Display)
	_, n := lookupCommand(toks)
	if n >= len(toks) {
		return ""
	}
	return strings.TrimSpace(in.Display[toks[n].Start:])
}

// argWords drops redirections and their files.
func argWords(toks []cmdline.Token) []cmdline.Token {
	var out []cmdline.Token
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != cmdline.TokWord {
			i++
			continue
		}
		out = append(out, toks[i])
	}
	return out
}

// argAt returns the argument a word at index i binds to.
func argAt(cmd *Command, i int) (Arg, bool) {
	if i < len(cmd.Args) {
		return cmd.Args[i], true
	}
	if n := len(cmd.Args); n > 0 && (cmd.Args[n-1].Repeat || cmd.Args[n-1].Kind.TakesRest()) {
		return cmd.Args[n-1], true
	}
	return Arg{}, false
}

// How the words of an argument kind are redacted.
const (
	redactNone = iota // shown as typed
	redactWord        // the whole word is a secret
	redactURL         // a URL's password is a secret
)

// redaction says how words of a kind are redacted. Every kind has a rule
// here: the table's consistency test calls it for each.
func redaction(k completion.ArgKind) int {
	switch k {
	case completion.Secret:
		return redactWord
	case completion.URL:
		return redactURL
	case completion.Atom, completion.Mailbox, completion.Pattern, completion.SeqSet,
		completion.FetchItems, completion.SearchKeys, completion.Flags, completion.FlagList,
		completion.StoreOp, completion.StatusItems, completion.User, completion.Rights,
		completion.Identifier, completion.Capability, completion.Mechanism, completion.Number,
		completion.Path, completion.Rest, completion.Date, completion.SortKeys,
		completion.Topic, completion.Switch, completion.Variable:
		return redactNone
	}
	panic("repl: no redaction rule for argument kind " + k.String())
}
