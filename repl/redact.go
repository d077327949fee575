package repl

import (
	"strings"

	"imapsh/internal/cmdline"
	"imapsh/internal/redact"
)

// secretsOf finds the secrets of a line as written by the command table
// (redact.Secrets): what history, --json, errors, the recording and the
// script mode check mask.
func secretsOf(line string) []redact.Secret { return redact.Secrets(line, table.LookupSyntax) }

// redactLine masks the secrets of a line (written as typed, variables
// unexpanded) for history, JSON output and messages.
func redactLine(line string) string { return redact.Line(line, table.LookupSyntax) }

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
