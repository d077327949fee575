// Package cli holds the logic behind the imapsh command line that does not
// need the shell itself: flag parsing (the contract of issue 3), password
// sources, the colour decision, terminal detection, error hints and the
// Connector that dials, logs in and selects. The line sources for -c, -f
// and piped stdin are repl's script sources.
//
// UI rules, in the spirit of age's cmd/age:
//   - data goes to stdout; errors go to stderr as "error: ..." followed by
//     an optional "hint: ...";
//   - secrets come only from a command, the environment or a no-echo prompt
//     on the terminal, and are never printed;
//   - anything that weakens security (a password in the URL, --plaintext)
//     is said out loud on stderr every time it happens.
package cli
