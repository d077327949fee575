package redact

import (
	"strings"

	"imapsh/internal/cmdline"
)

// Secret is one secret of a shell line as written (variables unexpanded).
type Secret struct {
	Span
	Arg *cmdline.Arg // the argument it belongs to; nil for a raw line's credentials
	Ref bool         // written as ${NAME} references only: no secret on the line itself
}

// Lookup finds the command a line's first words name (nil for none) and
// how many words its name took: the shell's cmdline.Table.LookupSyntax.
type Lookup func(toks []cmdline.Token) (*cmdline.Command, int)

// Secrets finds the secrets of a shell line as written, by the command
// table: the words of arguments whose kind redacts (cmdline.RedactWord),
// the password of a URL argument (RedactURL), the credentials of a raw
// IMAP line (RawSpan). A line that names no command is read as a raw line,
// to be safe. When a command that takes a secret has more words than
// arguments (a password with an unquoted space), everything from the first
// secret position on is secret, since the words cannot be matched to
// arguments. The history, --json, error messages, the recording and the
// script mode check all ask this function, so they cannot disagree.
func Secrets(line string, lookup Lookup) []Secret {
	toks := cmdline.LexTolerant(line)
	cmd, n := lookup(toks)
	if cmd == nil || cmd.Raw {
		sp, ok := RawSpan(line)
		if !ok {
			return nil
		}
		return []Secret{{Span: sp, Ref: cmdline.IsReference(strings.TrimSpace(line[sp.From:sp.To]))}}
	}
	words := cmdline.ArgWords(toks[n:])
	b := cmd.Bind(words)
	if first := FirstSecretArg(cmd); first >= 0 && first < len(words) && b.Extra() >= 0 {
		return []Secret{{Span: Span{From: words[first].Start, To: len(line)}, Arg: &cmd.Args[first]}}
	}
	var out []Secret
	for i, w := range words {
		if a := b.Args[i]; a >= 0 && !b.Keyword[i] {
			out = append(out, wordSecrets(cmd.Args[a], w)...)
		}
	}
	return out
}

// wordSecrets are the secrets of one word bound to argument a.
func wordSecrets(a cmdline.Arg, w cmdline.Token) []Secret {
	switch a.Kind.Redaction() {
	case cmdline.RedactWord:
		return []Secret{{Span: Span{From: w.Start, To: w.End()}, Arg: &a, Ref: cmdline.IsReference(w.Text)}}
	case cmdline.RedactURL:
		var out []Secret
		for _, sp := range URLSpans(w.Raw) {
			pw := w.Raw[sp.From:sp.To]
			out = append(out, Secret{Span: Span{From: w.Start + sp.From, To: w.Start + sp.To}, Arg: &a, Ref: cmdline.IsReference(pw)})
		}
		return out
	}
	return nil
}

// Literal drops the secrets written as ${NAME} references.
func Literal(all []Secret) []Span {
	var out []Span
	for _, s := range all {
		if !s.Ref {
			out = append(out, s.Span)
		}
	}
	return out
}

// Line masks the literal secrets of a shell line, for history, JSON output
// and messages.
func Line(line string, lookup Lookup) string { return Masked(line, Literal(Secrets(line, lookup))) }

// FirstSecretArg is the index of the first argument of cmd whose words
// redaction masks, or -1.
func FirstSecretArg(cmd *cmdline.Command) int {
	for i, a := range cmd.Args {
		if a.Kind.Redaction() != cmdline.RedactNone {
			return i
		}
	}
	return -1
}
