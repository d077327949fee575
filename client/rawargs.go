package client

import (
	"imapsh/client/internal/wire"
	"imapsh/internal/redact"
)

// rawArgs encodes the arguments of a command typed verbatim (Xatom, Start,
// the shell's raw) and marks secret what redact.RawSpan finds in the
// line: the credentials of LOGIN (everything after the user name) and
// AUTHENTICATE (everything after the mechanism), even after a typed tag.
// The history, --json and the recording mask the same bytes, so that
// traces show *** for them as for Login and Authenticate. In UTF-8 mode
// (utf8) a quoted string with UTF-8 stays quoted.
func rawArgs(name, args string, utf8 bool) *wire.Command {
	a := &wire.Command{UTF8: utf8}
	sp, ok := redact.RawSpan(name + " " + args)
	if !ok {
		return a.RawArgs(args)
	}
	from := max(sp.From-len(name)-1, 0) // in args
	a.RawArgs(args[:from])
	return a.Secret(func(a *wire.Command) { a.RawArgs(args[from:]) })
}
