package repl

import (
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// serverHint suggests what to do after a NO whose response code says why
// (RFC 5530; TRYCREATE is RFC 9051 section 7.1): the answer itself is
// shown as the server sent it, the hint under it, at a terminal (a script
// reports the NO later, when no \expect excused it). "" when the code
// needs none.
func serverHint(in *Input, e *client.Error) string {
	if e.StatusResponse == nil || e.Code == nil {
		return ""
	}
	switch strings.ToUpper(e.Code.Name) {
	case "TRYCREATE":
		if box := mailboxArg(in); box != "" {
			return "the mailbox does not exist: create " + cmdline.Quote(box) + " first, or list to see the names"
		}
	case "NONEXISTENT":
		return `list "" * shows the mailboxes that exist`
	case "OVERQUOTA":
		return "getquotaroot INBOX shows the quota and what is used"
	}
	return ""
}

// mailboxArg is the value of the command's mailbox argument (the target of
// copy, move and append), "" when it has none.
func mailboxArg(in *Input) string {
	for _, a := range in.Cmd.Args {
		if a.Kind == cmdline.Mailbox {
			return in.Arg(a.Name)
		}
	}
	return ""
}
