package client

import (
	"strings"

	"imapsh/client/internal/wire"
)

// rawArgs encodes the arguments of a command typed verbatim (Xatom, Start,
// the shell's raw) and marks the credentials of LOGIN (everything after
// the user name) and AUTHENTICATE (everything after the mechanism) secret,
// so that traces show *** for them as for Login and Authenticate. In UTF-8
// mode (utf8) a quoted string with UTF-8 stays quoted.
func rawArgs(name, args string, utf8 bool) *wire.Command {
	a := &wire.Command{UTF8: utf8}
	if !carriesCredentials(name) {
		// "raw A1 LOGIN user pass": a typed tag makes LOGIN the first argument.
		first, rest := splitFirstArg(args)
		if !carriesCredentials(first) {
			return a.RawArgs(args)
		}
		a.RawArgs(first)
		args = rest
		if after, ok := strings.CutPrefix(args, " "); ok {
			a.SP()
			args = after
		}
	}
	first, rest := splitFirstArg(args)
	a.RawArgs(first)
	if after, ok := strings.CutPrefix(rest, " "); ok {
		a.SP().Secret(func(a *wire.Command) { a.RawArgs(after) })
	} else if rest != "" {
		a.Secret(func(a *wire.Command) { a.RawArgs(rest) })
	}
	return a
}

// carriesCredentials reports a command whose arguments hold a secret.
func carriesCredentials(word string) bool {
	return strings.EqualFold(word, "LOGIN") || strings.EqualFold(word, "AUTHENTICATE")
}

// splitFirstArg splits off the first argument (an atom or a quoted
// string), keeping the separating space with the rest.
func splitFirstArg(args string) (first, rest string) {
	i := 0
	if strings.HasPrefix(args, `"`) {
		for i = 1; i < len(args) && args[i] != '"'; i++ {
			if args[i] == '\\' {
				i++
			}
		}
		i = min(i+1, len(args))
	} else if j := strings.IndexByte(args, ' '); j >= 0 {
		i = j
	} else {
		i = len(args)
	}
	return args[:i], args[i:]
}
