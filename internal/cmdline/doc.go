// Package cmdline is the shell's command-line vocabulary, a leaf that
// imports nothing of imapsh: the one tokenizer that decides the words of
// a line (Lex, for dispatch, completion, redaction and raw commands), the
// quoting rules shared with the IMAP wire (ScanQuoted, Unquote, Quote),
// and ${NAME} references (Expand), whose values are always data.
//
// The lexer is shell-like but IMAP-aware: blanks (space, tab, CR, LF)
// separate words except inside double quotes, parentheses or brackets, so
// (UID BODY[HEADER.FIELDS (FROM TO)]) is one word; a backslash outside
// quotes is an ordinary character, so \Seen is a flag.
package cmdline
