// Package clienttest is a scripted fake IMAP server for testing an IMAP client
// byte for byte, modelled on the transcript ("faker") tests of Go's net/smtp.
//
// A transcript is a text file of lines. The server plays them in order: it sends
// what the server says and checks that the client sends exactly what is
// expected. The same format is written by imapsh's --trace-file, so wire traces
// recorded against real servers can be replayed.
//
// # Lines
//
//	S: text     the server sends text followed by CRLF
//	C: text     the server reads from the client and requires exactly text + CRLF
//	Sx: text    like S:, but text holds escapes (see below)
//	Cx: text    like C:, but text holds escapes
//	# comment   ignored, as are blank lines
//	!starttls   the server starts TLS on the connection (after the tagged OK)
//	!close      the server closes the connection; must be the last line
//	!eof        the client must close the connection without sending anything
//	            more (within the step timeout); must be the last line
//	!sleep 50ms the server pauses (any time.ParseDuration value)
//
// One space after the colon separates the directive from its text; everything
// after it is taken verbatim, trailing spaces included ("S: + " sends "+ \r\n").
// A trailing CR (a transcript saved with CRLF line ends) is dropped.
//
// Consecutive S:/Sx: lines are sent in ONE write, so a test can make bytes
// arrive together, e.g. a plaintext line injected right after the STARTTLS OK:
//
//	C: A1 STARTTLS
//	S: A1 OK begin TLS now
//	S: * OK injected before the handshake
//	!starttls
//
// C: lines are compared on raw bytes, line by line, so client literals need no
// special syntax: the literal data continues on the next C: line(s):
//
//	C: A1 LOGIN {5}
//	S: + ok
//	C: alice secret
//	S: A1 OK logged in
//
// # Escapes
//
// Plain S:/C: text is verbatim. In Sx:/Cx: text these escapes are decoded, and
// any other backslash sequence is an error:
//
//	\r \n \t   CR, LF, TAB
//	\\         one backslash
//	\xHH       the byte with hex value HH (e.g. \x00, \xff)
//	\c         at the very end of the line: no CRLF is added
//
// So "Sx: * OK\c" sends the 4 bytes "* OK" with no line end, and
// "Cx: a\nb" expects "a\nb\r\n" (a bare LF inside a line).
//
// # Checks
//
// Every read and write has a step timeout (10s). A mismatch, a client that
// closes or stalls while a C: line is pending, or a failed TLS handshake is
// reported with t.Errorf as "name:line: client sent %q, want %q" (name is the
// file path, or "transcript" for inline text), and the server then closes the
// connection so the client does not hang. After the last line (unless it is
// !close or !eof) the server waits briefly (50ms) for the client to close and
// reports any further bytes it sends, then closes.
//
// The server runs in its own goroutine on a real 127.0.0.1 TCP connection, so
// reads and writes never deadlock where a real socket would not. The test's
// Cleanup closes the client side and waits for the server to finish, so every
// failure is reported before the test ends: a transcript the client did not
// play to its end is a failure too.
//
// TLS (for !starttls and ListenTLS) uses a self-signed certificate for
// "localhost" and 127.0.0.1, generated once per process; clients trust it
// through RootCAs or CAFile.
//
// # Floods
//
// Flood is a different fake server, for tests of bounded memory: it answers
// commands with generated data (Lines, FetchLiterals, or any Answer), as
// much as a test asks, deflated after COMPRESS, without holding it.
package clienttest
