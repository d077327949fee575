// Package demo runs the in-process IMAP server behind `imapsh --demo` and the
// hermetic tests: nothing to install, nothing leaves the machine.
//
// Start listens on 127.0.0.1 (an ephemeral port) and serves one user, "demo"
// with password "demo", whose mailboxes are filled with the deterministic
// sample messages of Sample (fixed dates, fixed bytes, CRLF line endings).
// The server is go-imap v2's imapserver over its in-memory backend
// (imapmemserver); changes made by clients live until Close.
//
// Offered (see Caps): IMAP4rev1 and IMAP4rev2 (RFC 3501, RFC 9051), LOGIN and
// AUTHENTICATE PLAIN without TLS (loopback only), SASL-IR, LITERAL+ and
// LITERAL-, ENABLE, IDLE, UNSELECT, UTF8=ACCEPT, NAMESPACE (RFC 2342), UIDPLUS
// (RFC 4315), ESEARCH (RFC 4731), SEARCHRES (RFC 5182), LIST-EXTENDED
// (RFC 5258), LIST-STATUS (RFC 5819), MOVE (RFC 6851), STATUS=SIZE (RFC 8438)
// and BINARY (RFC 3516).
//
// Not supported by the demo (the library's in-memory backend lacks them):
// TLS and STARTTLS, SPECIAL-USE attributes (RFC 6154; imapmemserver v2.0.0-beta.8
// ignores them on CREATE, so Sent, Drafts, Trash and Archive are plain
// mailboxes), \HasChildren/\HasNoChildren (never sent, although the library
// announces CHILDREN as part of IMAP4rev2), CONDSTORE/QRESYNC, QUOTA, ACL, METADATA,
// ID, COMPRESS, SORT/THREAD, other users or shared namespaces, persistence,
// and \Recent (always 0).
package demo
