// Package wire is the byte level of imapsh's IMAP client: it reads server
// responses token by token (RFC 9051 section 9 grammar, RFC 3501 for the
// IMAP4rev1 servers that still dominate), writes commands with correct
// quoting and literals, and converts mailbox names to and from modified
// UTF-7 (RFC 3501 section 5.1.3).
//
// The Decoder works on one line fragment at a time, straight out of a
// bufio.Reader, so a 45 MB FETCH answer is parsed without copying it twice.
// A literal announced with {n} or ~{n} is read from the stream only when the
// parser reaches it: into memory (bounded by Limits.MaxLiteral, growing only
// with bytes received) or streamed to an io.Writer.
//
// Every grammar method follows one convention: it returns ok=false after
// recording the first error, which Err reports; later calls are no-ops.
// Errors are *SyntaxError (the server sent something malformed) or
// *LimitError (the server exceeded a limit), each with the stream offset.
package wire
