package completion

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"imapsh/internal/cmdline"
	"imapsh/render"
)

// candidate is one possible completion of the word being typed.
type candidate struct {
	text  string // the full word
	fold  bool   // match case-insensitively and answer in the typed case
	space bool   // a space follows a complete word
}

// kindCandidates returns the candidates for an argument, by its kind's
// completion rule (cmdline's table of kinds).
func (c *Completer) kindCandidates(arg cmdline.Arg, frag string) []candidate {
	k := arg.Kind
	switch k.Completion() {
	case cmdline.CompleteValues:
		return words(arg.Values, k.Caseless(), true)
	case cmdline.CompleteWords:
		return words(c.offered(k, k.Words()), k.Caseless(), true)
	case cmdline.CompleteMailboxes:
		return c.mailboxes.candidates(c.src.Mailboxes(), frag)
	case cmdline.CompleteFlags:
		return words(c.flags(), k.Caseless(), true)
	case cmdline.CompleteEnable:
		return words(enableable(c.src.Caps()), k.Caseless(), true)
	case cmdline.CompleteMechanisms:
		return words(mechanisms(c.src.Caps()), k.Caseless(), true)
	case cmdline.CompletePaths:
		return pathCandidates(frag)
	case cmdline.CompleteTopics:
		return append(words(k.Words(), k.Caseless(), true), c.commandNames()...)
	case cmdline.CompleteVariables:
		return words(append([]string{"ON_ERROR_STOP"}, c.src.Variables()...), k.Caseless(), true)
	}
	return nil // nothing sensible to offer, or nothing that may be shown
}

// offered are the words of kind the server has (Source.Offers).
func (c *Completer) offered(kind cmdline.ArgKind, list []string) []string {
	out := make([]string, 0, len(list))
	for _, w := range list {
		if c.src.Offers(kind, w) {
			out = append(out, w)
		}
	}
	return out
}

func words(list []string, fold, space bool) []candidate {
	out := make([]candidate, len(list))
	for i, w := range list {
		out[i] = candidate{text: w, fold: fold, space: space && !strings.HasSuffix(w, "[")}
	}
	return out
}

func (c *Completer) commandNames() []candidate {
	var out []candidate
	for _, cmd := range c.cmds.Syntaxes() {
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
		return cmdline.SystemFlags
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
	mu     sync.Mutex
	names  []string    // the list they were made from
	cands  []candidate // sorted by text
	quoted []candidate // every name quoted, for a word that opens a quote; made on first use
}

// candidates returns the candidates for names, from the cache when names
// is the list they were made from (Source.Mailboxes returns a new slice
// for every LIST). After an opening quote (frag starts with one) every
// name is offered quoted, "Sent" beside "Sent Items", not only the
// names that need quotes.
func (m *mailboxCandidates) candidates(names []string, frag string) []candidate {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(names) != len(m.names) || len(names) > 0 && &names[0] != &m.names[0] {
		m.names, m.cands, m.quoted = names, makeMailboxCandidates(names, cmdline.Quote), nil
	}
	if !strings.HasPrefix(frag, `"`) {
		return m.cands
	}
	if m.quoted == nil {
		m.quoted = makeMailboxCandidates(names, func(n string) string { return cmdline.OpenQuote(n) + `"` })
	}
	return m.quoted
}

// makeMailboxCandidates quotes (with quote), filters and sorts names.
func makeMailboxCandidates(names []string, quote func(string) string) []candidate {
	texts := make([]string, 0, len(names))
	for _, n := range names {
		if render.Safe(n) != n {
			continue // a server name with control or bidi characters is never echoed raw
		}
		texts = append(texts, quote(n))
	}
	slices.Sort(texts)
	out := make([]candidate, len(texts))
	for i, t := range texts {
		out[i] = candidate{text: t, fold: strings.EqualFold(strings.Trim(t, `"`), "INBOX"), space: true}
	}
	return out
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
