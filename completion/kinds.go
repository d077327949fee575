package completion

// ArgKind says what an argument of a shell command is. The shell's command
// table uses it for argument checking, completion and history redaction;
// this package owns the enum so that it does not depend on the shell.
type ArgKind int

// The argument kinds. Kinds marked "rest" take the remainder of the line.
const (
	Atom        ArgKind = iota // an atom; completes from Arg.Values
	Mailbox                    // a mailbox name (UTF-8), from the last LIST
	Pattern                    // a LIST pattern with * and %
	SeqSet                     // a sequence set or UID set: 1:5,7,9:*
	FetchItems                 // rest: fetch items, (UID FLAGS BODY.PEEK[HEADER])
	SearchKeys                 // rest: search criteria, SUBJECT "hello world"
	Flags                      // rest: flags for STORE, \Seen \Flagged
	FlagList                   // one token: a flag or a parenthesised flag list (APPEND)
	StoreOp                    // FLAGS, +FLAGS, -FLAGS, optionally .SILENT
	StatusItems                // rest: STATUS items, MESSAGES UNSEEN
	Secret                     // a password or token: never shown, never saved
	User                       // a user name
	Rights                     // ACL rights (RFC 4314): lrswipkxtea
	Identifier                 // an ACL identifier: a user, group or "anyone"
	Capability                 // rest: capabilities to ENABLE
	Mechanism                  // a SASL mechanism from AUTH=
	Number                     // a decimal number
	Path                       // a local file path
	Rest                       // rest: the raw remainder of the line
	Date                       // an internal date, "04-Mar-2024 09:15:00 +0100"
	SortKeys                   // one token: a parenthesised sort criteria list
	Topic                      // a help topic: a command name or "scripts"
	Switch                     // on or off
	Variable                   // a \set variable name
	URL                        // imaps://user@host/mailbox
	numKinds                   // the number of kinds; keep last
)

var kindNames = [numKinds]string{
	"atom", "mailbox", "pattern", "seqset", "fetch items", "search keys",
	"flags", "flag list", "store op", "status items", "secret", "user",
	"rights", "identifier", "capability", "mechanism", "number", "path",
	"rest", "date", "sort keys", "topic", "switch", "variable", "url",
}

// String names the kind as in help texts.
func (k ArgKind) String() string {
	if k < 0 || k >= numKinds {
		return "invalid"
	}
	return kindNames[k]
}

// TakesRest reports whether the kind takes the rest of the line.
func (k ArgKind) TakesRest() bool {
	switch k {
	case FetchItems, SearchKeys, Flags, StatusItems, Capability, Rest:
		return true
	}
	return false
}

// AllKinds lists every argument kind, for exhaustive tests.
func AllKinds() []ArgKind {
	out := make([]ArgKind, numKinds)
	for i := range out {
		out[i] = ArgKind(i)
	}
	return out
}
