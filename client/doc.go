// Package client is imapsh's own IMAP client: synchronous and net/smtp
// shaped, one method per Python imaplib IMAP4 method (Go names), plus the
// extensions imaplib lacks (MOVE, ID, METADATA, ESEARCH, CONDSTORE/QRESYNC,
// COMPRESS, IDLE with live updates, ...).
//
// Every command returns a *Result: the tagged status and every untagged
// response of that command parsed into typed data (see Response). Unknown
// responses and FETCH items are kept as generic wire values, never errors.
//
// There are two error kinds besides transport errors: *Error, the server
// answered NO or BAD (with its response code), and *ProtocolError, the
// server sent something malformed; the client then skips to the next
// response it can read, or closes the connection when it cannot.
//
// The client never prints. A trace writer (Options.Trace) receives the
// wire in "C: " / "S: " lines with secrets replaced by ***.
package client
