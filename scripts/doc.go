// Package scripts turns .imap script files (and piped stdin or -c strings)
// into logical lines for the shell, and parses and checks \expect lines.
//
// It executes nothing itself: the REPL pulls lines with [Reader.Next] and runs
// them through the same lexer and command table as lines typed at the prompt.
//
// # The .imap format
//
// One command per line, written exactly as it would be typed at the prompt:
//
//	# a comment: the first non-blank character is '#'
//	select INBOX
//	uid store 1201 +flags \Seen
//	login alice ${IMAP_PASSWORD}
//	fetch 1:5 \
//	    (UID FLAGS ENVELOPE)
//	\expect ok
//	\i common/setup.imap
//
// Blank lines and comment lines are ignored. Comments take a whole line; a '#'
// after other text is part of the command.
//
// Continuation: a physical line continues onto the next one when its last
// non-blank character is a backslash that is either the only non-blank
// character of the line or preceded by a space or a tab. So "fetch 1 \" and a
// lone "\" continue, while "store 1 +flags \Seen", "\quit" and "a\" do not.
// The continued parts are trimmed of surrounding blanks and joined with a
// single space. Inside a continuation, comment lines are skipped (so long
// commands can be annotated) and a blank line or the end of the input ends the
// logical line. Leading and trailing blanks of every logical line are dropped.
//
// Variables: ${NAME} (NAME is a letter or '_' followed by letters, digits or
// '_') is replaced by the value from [Options.Lookup]: the REPL passes its \set
// variables first, then the environment (see [ChainLookup]). An undefined
// variable is an error naming file:line. "$${" stands for a literal "${"; a '$'
// not followed by '{' is literal, so passwords with '$' need no escaping.
// Expansion happens when [Reader.Next] hands the line out, not when the file is
// read, so a \set earlier in the script affects the lines after it. Values are
// not expanded again.
//
// Every [Line] carries Text (expanded: what runs) and Display (as written:
// what echo, trace, JSON output and error messages show), so a password given
// as ${IMAP_PASSWORD} never appears in output.
//
// Includes: "\i FILE" or "\include FILE" (FILE may be in double quotes and
// may use ${NAME}) reads another script in place. A relative FILE is taken
// from the directory of the including file (from the current directory for
// stdin and -c sources). The reader handles includes itself: lines come out
// flat, each with its own File and Num. Include loops (a.imap -> b.imap ->
// a.imap) and nesting deeper than [MaxIncludeDepth] are errors.
//
// Secrets: a script file holding a literal secret (as judged by
// [Options.HasLiteralSecret] on the unexpanded lines, e.g. "login alice
// hunter2") is refused unless its permission bits give nothing to group and
// others (0600 or stricter). Write the secret as ${VAR} instead, or chmod 600
// the file. Streams from [NewReader] have no file mode and are not checked.
//
// # Expectations
//
// "\expect ..." lines are meta-commands the REPL runs after the command just
// before them; [ParseExpect] parses their arguments and [Expectation.Check]
// compares them with an [Outcome]:
//
//	\expect ok | no | bad        the tagged status
//	\expect code TRYCREATE       the response code of the tagged answer (any case)
//	\expect count FETCH 5        the number of untagged responses of a kind (any case)
//	\expect exists 3             the mailbox's message count after the command
//	\expect match REGEX          a Go regexp matching one of the command's raw server lines
//
// For match, the rest of the line is the regexp and may contain spaces.
package scripts

// FormatHelp is the user-facing summary of the .imap script format, shown by
// "\help scripts" and quoted in the README.
const FormatHelp = `.imap scripts: one command per line, exactly as typed at the prompt.

  # comment                  whole-line comments; blank lines are ignored
  fetch 1:5 \                a trailing " \" (or a lone "\") continues the line;
      (UID FLAGS)            parts are joined with one space ("\Seen" at the end
                             of a line is a flag, not a continuation)
  search (OR FROM alice      so does an open "(", "[" or '"': the line ends where
      SUBJECT "a b")         they close (a line break in quotes is one space);
                             a blank line ends it anyway; -c lines never continue
  login alice ${IMAP_PASS}   ${NAME} expands from \set variables, then the
                             environment; undefined is an error; $${ is a literal ${
  \i other.imap              include (also \include), relative to this file's
                             directory; loops and nesting deeper than 16 are errors

A value is data, never syntax: login alice "${P}" and login alice ${P} send
exactly P's bytes (quotes, backslashes, leading blanks, {5}, CR/LF and all);
a bare ${P} whose value is not a plain word is read as one quoted word, and
one inside a longer bare word (user.${U}) must then be quoted. In a raw line,
write "${P}" to send any value as an IMAP string.
Output, traces and errors show lines as written, so ${VAR} secrets stay hidden.
A file with a literal password must be private: chmod 600 FILE, or use ${VAR}.

Expectations check the command just before them; a failed one is an error:
  \expect ok|no|bad          tagged status
  \expect code TRYCREATE     response code of the tagged answer
  \expect count FETCH 5      number of untagged responses of that kind
  \expect exists 3           message count of the selected mailbox afterwards
  \expect match REGEX        some raw server line of the command matches REGEX
                             (Go syntax; the rest of the line, spaces included)

A NO or BAD stops the script with exit status 3 unless the next line is a
met \expect no, \expect bad or \expect code; \set ON_ERROR_STOP off (or
--continue-on-error) goes on and reports every failure. -c lines run the
same way. \pipeline on (--pipeline) sends commands that may overlap
without waiting for each answer; output stays in order.`
