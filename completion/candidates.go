package completion

import (
	"imapsh/render"
	"sort"
	"strings"
)

// candidate is one possible completion of the word being typed.
type candidate struct {
	text  string // the full word
	fold  bool   // match case-insensitively and answer in the typed case
	space bool   // a space follows a complete word
}

// Static candidate lists (RFC 9051 unless noted).
var (
	fetchItems = []string{"ALL", "FAST", "FULL", "UID", "FLAGS", "ENVELOPE",
		"INTERNALDATE", "RFC822.SIZE", "BODYSTRUCTURE", "BODY", "BODY[", "BODY.PEEK[",
		"BODY[HEADER]", "BODY.PEEK[HEADER]", "BODY[TEXT]", "BODY.PEEK[TEXT]",
		"BODY.PEEK[HEADER.FIELDS", "BINARY[", "BINARY.PEEK[", "BINARY.SIZE[",
		"RFC822", "RFC822.HEADER", "RFC822.TEXT", "MODSEQ", "SAVEDATE", "EMAILID", "THREADID"}
	searchKeys = []string{"ALL", "ANSWERED", "BCC", "BEFORE", "BODY", "CC", "DELETED",
		"DRAFT", "FLAGGED", "FROM", "HEADER", "KEYWORD", "LARGER", "MODSEQ", "NEW",
		"NOT", "OLD", "ON", "OR", "RECENT", "SEEN", "SENTBEFORE", "SENTON", "SENTSINCE",
		"SINCE", "SMALLER", "SUBJECT", "TEXT", "TO", "UID", "UNANSWERED", "UNDELETED",
		"UNDRAFT", "UNFLAGGED", "UNKEYWORD", "UNSEEN", "CHARSET", "RETURN"}
	systemFlags = []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`}
	storeOps    = []string{"FLAGS", "+FLAGS", "-FLAGS", "FLAGS.SILENT", "+FLAGS.SILENT", "-FLAGS.SILENT"}
	statusItems = []string{"MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN",
		"DELETED", "SIZE", "HIGHESTMODSEQ", "APPENDLIMIT"}
	rights      = []string{"lrswipkxtea", "lrs", "lrswi", "+", "-"} // RFC 4314
	identifiers = []string{"anyone", "authenticated"}
	sortKeys    = []string{"(ARRIVAL)", "(DATE)", "(REVERSE DATE)", "(FROM)", "(SUBJECT)", "(SIZE)", "(TO)", "(CC)"}
	switches    = []string{"on", "off"}
	topics      = []string{"scripts", "all"}
)

// kindCandidates returns the candidates for an argument kind.
func (c *Completer) kindCandidates(arg Arg, frag string) []candidate {
	switch arg.Kind {
	case Atom:
		return words(arg.Values, true, true)
	case Mailbox, Pattern:
		return mailboxCandidates(c.src.Mailboxes())
	case FetchItems:
		return words(fetchItems, true, true)
	case SearchKeys:
		return words(searchKeys, true, true)
	case Flags, FlagList:
		return words(c.flags(), true, true)
	case StoreOp:
		return words(storeOps, true, true)
	case StatusItems:
		return words(statusItems, true, true)
	case Rights:
		return words(rights, false, true)
	case Identifier:
		return words(identifiers, false, true)
	case Capability:
		return words(enableable(c.src.Caps()), true, true)
	case Mechanism:
		return words(mechanisms(c.src.Caps()), true, true)
	case Path:
		return pathCandidates(frag)
	case SortKeys:
		return words(sortKeys, true, true)
	case Topic:
		return append(words(topics, true, true), c.commandNames()...)
	case Switch:
		return words(switches, true, true)
	case Variable:
		return words(append([]string{"ON_ERROR_STOP"}, c.src.Variables()...), false, true)
	case SeqSet, Secret, User, Number, Rest, Date, URL:
		return nil // nothing sensible to offer, or nothing that may be shown
	}
	return nil
}

// KindCompletes reports whether completion handles kind k: the consistency
// test of the shell's table calls it for every kind.
func KindCompletes(k ArgKind) bool { return k >= 0 && k < numKinds }

func words(list []string, fold, space bool) []candidate {
	out := make([]candidate, len(list))
	for i, w := range list {
		out[i] = candidate{text: w, fold: fold, space: space && !strings.HasSuffix(w, "[")}
	}
	return out
}

func (c *Completer) commandNames() []candidate {
	var out []candidate
	for _, cmd := range c.spec.Commands {
		out = append(out, candidate{text: cmd.Name, fold: true, space: true})
	}
	return out
}

// flags are the selected mailbox's permanent flags, or the system flags.
func (c *Completer) flags() []string {
	var out []string
	for _, f := range c.src.Flags() {
		if f != `\*` {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return systemFlags
	}
	return out
}

// enableable are the announced capabilities ENABLE can act on: all but
// the AUTH= mechanisms and the IMAP versions.
func enableable(caps []string) []string {
	var out []string
	for _, cp := range caps {
		if enableExtensions[strings.ToUpper(cp)] {
			out = append(out, cp)
		}
	}
	return out
}

// enableExtensions are the capabilities that RFC 5161's ENABLE switches
// on (the IANA registry's "ENABLE" column); offering QUOTA or SORT would
// only earn an ENABLED without them.
var enableExtensions = map[string]bool{
	"CONDSTORE": true, "QRESYNC": true, "UTF8=ACCEPT": true, "UTF8=ONLY": true,
	"IMAP4REV2": true, "METADATA": true, "METADATA-SERVER": true, "UIDONLY": true,
	"X-DRAFT-I01-EXPUNGE": true, "CONTEXT=SEARCH": true, "NOTIFY": true,
}

// mechanisms are the SASL mechanisms of the AUTH= capabilities.
func mechanisms(caps []string) []string {
	var out []string
	for _, cp := range caps {
		if len(cp) > 5 && strings.EqualFold(cp[:5], "AUTH=") {
			out = append(out, cp[5:])
		}
	}
	return out
}

// mailboxCandidates quotes names that the lexer would split.
func mailboxCandidates(names []string) []candidate {
	out := make([]candidate, 0, len(names))
	for _, n := range names {
		out = append(out, candidate{text: QuoteIfNeeded(n), fold: strings.EqualFold(n, "INBOX"), space: true})
	}
	return out
}

// QuoteIfNeeded returns s in double quotes (with \ and " escaped) when a
// shell lexer would not read it back as one word.
func QuoteIfNeeded(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\r\n\"()[]") && s[0] != '<' && s[0] != '>' {
		return s
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

// suffixes keeps the candidates that extend frag and returns what readline
// must append, in the case the user typed for case-insensitive words.
func suffixes(cands []candidate, frag string) [][]rune {
	var out []string
	for _, cand := range cands {
		if len(cand.text) < len(frag) || render.Safe(cand.text) != cand.text {
			continue // a server name with control or bidi characters is never echoed raw
		}
		head := cand.text[:len(frag)]
		if head != frag && !(cand.fold && strings.EqualFold(head, frag)) {
			continue
		}
		rest := cand.text[len(frag):]
		if cand.fold {
			rest = inCaseOf(frag, rest)
		}
		if cand.space {
			rest += " "
		}
		out = append(out, rest)
	}
	sort.Strings(out)
	res := make([][]rune, 0, len(out))
	for i, s := range out {
		if i == 0 || s != out[i-1] {
			res = append(res, []rune(s))
		}
	}
	return res
}

// inCaseOf puts s in the case of typed: lower when typed has only lower-case
// letters, upper when only upper-case ones; otherwise unchanged.
func inCaseOf(typed, s string) string {
	lower, upper := 0, 0
	for _, r := range typed {
		switch {
		case r >= 'a' && r <= 'z':
			lower++
		case r >= 'A' && r <= 'Z':
			upper++
		}
	}
	switch {
	case lower > 0 && upper == 0:
		return strings.ToLower(s)
	case upper > 1 && lower == 0: // one capital (\S) says nothing about the rest
		return strings.ToUpper(s)
	}
	return s
}

func dedupe(cands []candidate) []candidate {
	seen := map[string]bool{}
	out := cands[:0]
	for _, c := range cands {
		if !seen[c.text] {
			seen[c.text] = true
			out = append(out, c)
		}
	}
	return out
}
