package client

import "strings"

// The command classes of RFC 9051 section 5.5 ("Multiple Commands in
// Progress"), by command name as sent.

// sharedCommands may be in flight together with others: they neither
// change the connection state nor need a continuation of their own. Any
// other name (SELECT, LOGIN, IDLE, an unknown extension) is exclusive.
var sharedCommands = setOf(
	"CAPABILITY", "NOOP", "CHECK", "ID", "NAMESPACE",
	"STATUS", "LIST", "LSUB", "XLIST", "CREATE", "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE", "APPEND",
	"EXPUNGE", "UID EXPUNGE", "FETCH", "UID FETCH", "STORE", "UID STORE", "SEARCH", "UID SEARCH",
	"COPY", "UID COPY", "MOVE", "UID MOVE", "SORT", "UID SORT", "THREAD", "UID THREAD", "PARTIAL",
	"GETACL", "SETACL", "DELETEACL", "LISTRIGHTS", "MYRIGHTS", "GETQUOTA", "GETQUOTAROOT", "SETQUOTA",
	"GETMETADATA", "SETMETADATA", "GETANNOTATION", "SETANNOTATION",
)

// noExpunge are the commands during which a server must not send EXPUNGE
// (section 5.5; the UID variants are not among them).
var noExpunge = setOf("FETCH", "STORE", "SEARCH")

// sequenceCommands always take or return message sequence numbers.
var sequenceCommands = setOf("FETCH", "STORE", "SEARCH", "COPY", "MOVE", "SORT", "THREAD", "PARTIAL")

// criteriaCommands use sequence numbers when a search key is a set.
var criteriaCommands = setOf("UID SEARCH", "UID SORT", "UID THREAD")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// exclusive reports whether a command must run alone: everything before it
// completes first, and everything after it waits for it.
func exclusive(name string) bool { return !sharedCommands[strings.ToUpper(name)] }

// mayExpunge reports whether the server may send EXPUNGE while the
// command runs.
func mayExpunge(name string) bool { return !noExpunge[strings.ToUpper(name)] }

// usesSequenceNumbers reports whether a command's meaning depends on
// message sequence numbers, which an EXPUNGE would shift.
func usesSequenceNumbers(cmd *command) bool {
	name := strings.ToUpper(cmd.name)
	switch {
	case sequenceCommands[name]:
		return true
	case criteriaCommands[name]:
		return criteriaHaveSet(inlineText(cmd))
	}
	return false
}

// inlineText joins the inline parts of a command's arguments (literals
// are strings, never sets).
func inlineText(cmd *command) string {
	if cmd.args == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range cmd.args.Parts {
		if p.Literal == nil {
			b.Write(p.Text)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// numberKeys take a number or a UID set, not message sequence numbers.
var numberKeys = setOf("UID", "LARGER", "SMALLER", "MODSEQ", "OLDER", "YOUNGER")

// criteriaHaveSet reports whether search criteria hold a sequence-set key
// (section 5.5: "this may include UID SEARCH"). RETURN options and the
// arguments of UID, LARGER, SMALLER, MODSEQ, OLDER and YOUNGER do not
// count; an atom that merely looks like a set (BODY 12) counts, which only
// costs a wait.
func criteriaHaveSet(criteria string) bool {
	toks := searchTokens(criteria)
	for i := 0; i < len(toks); i++ {
		word := strings.ToUpper(toks[i])
		switch {
		case word == "RETURN":
			i = skipGroup(toks, i+1)
		case numberKeys[word]:
			i++
		case word != "$" && word != "(" && word != ")" && ValidSet(word):
			return true
		}
	}
	return false
}

// skipGroup returns the index of the ")" closing the list starting at
// toks[i], or i-1 when toks[i] does not open one.
func skipGroup(toks []string, i int) int {
	if i >= len(toks) || toks[i] != "(" {
		return i - 1
	}
	depth := 0
	for ; i < len(toks); i++ {
		switch toks[i] {
		case "(":
			depth++
		case ")":
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return i
}

// searchTokens splits criteria into words, "(" and ")"; a quoted string
// becomes one token that keeps its quotes, so it never looks like a set.
func searchTokens(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ':
			i++
		case c == '(' || c == ')':
			toks = append(toks, s[i:i+1])
			i++
		case c == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(s))
			toks = append(toks, s[i:j])
			i = j
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '(' && s[j] != ')' && s[j] != '"' {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks
}
