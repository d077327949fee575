// Package repl is the shell's heart: the command table, the dispatcher
// and the session loop over a LineSource.
//
// One table (commands_*.go) lists every command: the IMAP commands under
// their imaplib names ("fetch", "uid fetch", "getquotaroot", ...) and the
// shell's meta-commands starting with a backslash ("\help", "\set", ...).
// Each entry embeds its cmdline.Command (names, arguments, redirections)
// and points at the client's declaration of what the IMAP command needs
// (client.Needs). Dispatch, argument checking and usage lines, help,
// completion (package completion reads the same table) and redaction
// (internal/redact) are all derived from it.
//
// A typed line, a line of a .imap script and a -c command all go through
// the same lexer (cmdline.Lex), table lookup, argument binding and
// handler. Each command runs under its own context, cancelled by Ctrl-C;
// its *client.Result is rendered to stdout (or printed as JSON, or as the
// server's raw lines), errors go to stderr as "error: ..." and "hint: ...".
//
// The Session is made of one part per concern: conn (the connection),
// output (where and how results go), runState (failures and stop rules)
// and compCache (what completion reads).
package repl
