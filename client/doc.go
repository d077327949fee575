// Package client is imapsh's own IMAP client: synchronous and net/smtp
// shaped, one method per Python imaplib IMAP4 method (Go names), plus the
// extensions imaplib lacks (MOVE, ID, METADATA, ESEARCH, CONDSTORE/QRESYNC,
// COMPRESS, IDLE with live updates, ...).
//
// Every command returns a *Result: the tagged status and every untagged
// response of that command parsed into typed data (see Response). Unknown
// responses and FETCH items are kept as generic wire values, never errors.
// What a command keeps is bounded (Options.MaxCommandMemory, 64 MiB by
// default; see keep.go): repeated EXISTS collapse, floods of data it did
// not ask for are counted, and past the budget responses are read but not
// kept; Result.Dropped says what was left out. One response is bounded by
// Limits, whose bytes after COMPRESS are the inflated ones.
//
// The server's failures come as two error kinds besides transport errors:
// *Error, the server answered NO or BAD (with its response code), and
// *ProtocolError, the server sent something malformed; the client then
// skips to the next response it can read, or closes the connection when
// it cannot. A command refused before it is sent is a *StateError (not in
// this state) or a *CapabilityError (not announced); a port that speaks
// the other security than dialled is a *SecurityMismatchError.
//
// What each command needs (states, capabilities, what IMAP4rev2 includes)
// is declared once, in Needs; the methods check it and the shell's
// command table refers to it.
//
// The client never prints. A Tracer (Options.Trace) receives the wire as
// events: direction, a line or a line of literal data, the tag and command
// of a command line, the tag and status of a tagged answer, and secret
// parts without their bytes. TextTrace writes them as "C: " / "S: " lines
// with *** for secrets.
package client
