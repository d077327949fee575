package completion

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"imapsh/render"
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
		return c.mailboxes.candidates(c.src.Mailboxes())
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

// mailboxCandidates are the candidates of the mailbox names of the last
// LIST, made once per LIST: each name quoted when the lexer would split
// it, names with control or bidi characters left out, sorted. With
// 10,000 mailboxes, quoting and sorting them on every Tab took longer
// than the 5 ms a Tab may take (issue 10).
type mailboxCandidates struct {
	mu    sync.Mutex
	names []string    // the list they were made from
	cands []candidate // sorted by text
}

// candidates returns the candidates for names, from the cache when names
// is the list they were made from (Source.Mailboxes returns a new slice
// for every LIST).
func (m *mailboxCandidates) candidates(names []string) []candidate {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(names) != len(m.names) || len(names) > 0 && &names[0] != &m.names[0] {
		m.names, m.cands = names, makeMailboxCandidates(names)
	}
	return m.cands
}

// makeMailboxCandidates quotes, filters and sorts names.
func makeMailboxCandidates(names []string) []candidate {
	texts := make([]string, 0, len(names))
	for _, n := range names {
		if render.Safe(n) != n {
			continue // a server name with control or bidi characters is never echoed raw
		}
		texts = append(texts, QuoteIfNeeded(n))
	}
	slices.Sort(texts)
	out := make([]candidate, len(texts))
	for i, t := range texts {
		out[i] = candidate{text: t, fold: strings.EqualFold(t, "INBOX"), space: true}
	}
	return out
}

// QuoteIfNeeded returns s in double quotes (with \ and " escaped) when a
// shell lexer would not read it back as one word.
func QuoteIfNeeded(s string) string {
	if !needsQuotes(s) {
		return s
	}
	return quote(s)
}

// needsQuotes reports whether the lexer would not read s back as one word:
// it is empty, holds a blank, a quote, a parenthesis or a bracket, or
// starts with a redirection.
func needsQuotes(s string) bool {
	if s == "" || s[0] == '<' || s[0] == '>' {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n', '"', '(', ')', '[', ']':
			return true
		}
	}
	return false
}

// quote puts s in double quotes with \ and " escaped (one allocation; a
// strings.Replacer built per name was most of a Tab's time).
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2 + strings.Count(s, `\`) + strings.Count(s, `"`))
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' || s[i] == '"' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// suffixes keeps the candidates that extend frag and returns what readline
// must append, in the case the user typed for case-insensitive words.
func suffixes(cands []candidate, frag string) [][]rune {
	var out []suffix
	mixed := false // some suffixes take a space and some do not
	for _, cand := range cands {
		if len(cand.text) < len(frag) {
			continue
		}
		head := cand.text[:len(frag)]
		if head != frag && !(cand.fold && strings.EqualFold(head, frag)) {
			continue
		}
		if render.Safe(cand.text) != cand.text {
			continue // a server name with control or bidi characters is never echoed raw
		}
		rest := cand.text[len(frag):]
		if cand.fold {
			rest = inCaseOf(frag, rest)
		}
		mixed = mixed || len(out) > 0 && out[0].space != cand.space
		out = append(out, suffix{rest, cand.space})
	}
	sortSuffixes(out, mixed)
	out = slices.Compact(out)
	return runesOf(out)
}

// runesOf is the suffixes as readline takes them, with their spaces. They
// share one array (each capped at its end): 10,000 mailboxes are one
// allocation, not 10,000.
func runesOf(out []suffix) [][]rune {
	n := 0
	for _, s := range out {
		n += utf8.RuneCountInString(s.rest) + 1
	}
	all := make([]rune, 0, n)
	res := make([][]rune, len(out))
	for i, s := range out {
		start := len(all)
		for _, c := range s.rest {
			all = append(all, c)
		}
		if s.space {
			all = append(all, ' ')
		}
		res[i] = all[start:len(all):len(all)]
	}
	return res
}

// suffix is what a candidate adds to the typed word, and whether a space
// follows.
type suffix struct {
	rest  string
	space bool
}

// sortSuffixes sorts by the text a suffix adds, space included. When all
// or none take a space, the order of the texts without it is the same
// (Safe leaves no byte below the space), so no text is built to sort.
func sortSuffixes(out []suffix, mixed bool) {
	if !mixed {
		byRest := func(a, b suffix) int { return strings.Compare(a.rest, b.rest) }
		if !slices.IsSortedFunc(out, byRest) { // mailbox candidates come sorted
			slices.SortFunc(out, byRest)
		}
		return
	}
	key := func(s suffix) string {
		if s.space {
			return s.rest + " "
		}
		return s.rest
	}
	slices.SortFunc(out, func(a, b suffix) int { return strings.Compare(key(a), key(b)) })
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
