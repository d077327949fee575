package probe

import (
	"strings"

	"imapsh/client"
)

// detectLiteralAfterRefusal: a command carrying a non-synchronizing
// literal is refused, and the server then reads the literal's octets as
// a new command (Dovecot 2.3: its parser skips to the end of the line
// after an error, and the literal begins a line; go-imap v2 too). The
// literal belongs to the command (RFC 7888 3: the client sends it
// without waiting), so a refused APPEND's message text runs as IMAP
// commands. The probe's literals hold tagged NOOPs (noopLiteral): an
// answer with such a tag, in the step or the next one, shows it.
var detectLiteralAfterRefusal = &Detector{
	ID: "literal-after-refused-command", Title: "after refusing a command, the server runs its non-synchronizing literal as a new command", Severity: SeverityViolation,
	RFC: "RFC 7888 3, RFC 9051 4.3",
	Must: "send literals that hold someone else's text (APPEND, SEARCH, names) synchronizing ({n}, waiting for +) on this server, " +
		"or be sure the command cannot be refused: a refused command's literal is executed",
	Find: func(steps []*Step) []Finding {
		var out []Finding
		for i, st := range steps {
			status := strings.ToUpper(st.Status())
			if (status != "NO" && status != "BAD") || !strings.Contains(strings.Join(clientLines(st), "\n"), "+}") {
				continue
			}
			also := steps[i+1 : min(i+2, len(steps))]
			if extra := foreignTagged(append([]*Step{st}, also...)...); len(extra) > 0 {
				detail := "refused with " + status + ", then its literal ran as commands: " + extra[0]
				if len(also) > 0 && also[0].Closed {
					detail += "; then the connection closed"
				}
				out = append(out, Finding{Step: st, Also: also, Detail: detail, Breaks: st.Literal})
			}
		}
		return out
	},
}

// clientLines returns the C: lines of a step.
func clientLines(st *Step) []string {
	var out []string
	for _, l := range st.Lines {
		if l.From == 'C' {
			out = append(out, l.Text)
		}
	}
	return out
}

// detectUnknownCharsetAccepted: SEARCH with a CHARSET the server cannot
// know must get NO [BADCHARSET], "not a BAD". Cyrus 3.6 answers BAD
// when the search string is an atom and searches anyway (OK) when it is
// a literal.
var detectUnknownCharsetAccepted = &Detector{
	ID: "unknown-charset-not-refused", Title: "SEARCH with an unknown CHARSET is not answered NO [BADCHARSET]", Severity: SeverityViolation,
	RFC:  "RFC 9051 6.4.4",
	Must: "send search strings as UTF-8 (CHARSET UTF-8), and treat OK or BAD to another charset as \"unsupported\"",
	Find: each(func(st *Step) (Finding, bool) {
		if st.Result == nil || st.Result.Status == nil || strings.EqualFold(st.Status(), "NO") {
			return Finding{}, false
		}
		return Finding{Detail: st.Label + " got " + st.Status() + " " + codeName(st.Result.Status.Code)}, true
	}, "search-unknown-charset"),
}

// detectEmptyResultTrailingSpace: an empty SEARCH, SORT or THREAD answer
// with a space after the name ("* THREAD ", Dovecot 2.3).
var detectEmptyResultTrailingSpace = &Detector{
	ID: "empty-result-trailing-space", Title: "an empty SEARCH, SORT or THREAD response ends with a space", Severity: SeverityQuirk,
	RFC:  "RFC 9051 9 (mailbox-data), RFC 5256 5 (thread-data)",
	Must: "accept a trailing space after the response name",
	Find: each(func(st *Step) (Finding, bool) {
		for _, l := range serverLines(st) {
			for _, name := range []string{"* SEARCH ", "* SORT ", "* THREAD "} {
				if strings.EqualFold(l, name) {
					return Finding{Detail: "\"" + l + "\""}, true
				}
			}
		}
		return Finding{}, false
	}, "search", "esearch", "sort", "thread"),
}

// detectQuotaWithoutResources: a QUOTA response with an empty resource
// list (Courier-IMAP 5.0 for a user without quota): RFC 2087 allowed it,
// RFC 9208's grammar needs at least one resource.
var detectQuotaWithoutResources = &Detector{
	ID: "quota-without-resources", Title: "a QUOTA response with an empty resource list", Severity: SeverityQuirk,
	RFC:  "RFC 9208 9 (quota-list needs one resource; RFC 2087 allowed none)",
	Must: "accept QUOTA root () and read it as \"no limits\"",
	Find: each(func(st *Step) (Finding, bool) {
		for _, q := range client.Of[*client.QuotaData](st.Result) {
			if len(q.Resources) == 0 {
				return Finding{Detail: "QUOTA " + quoted(q.Root) + " ()"}, true
			}
		}
		return Finding{}, false
	}),
}

// detectSpecialUseCase: special-use attributes in another case than RFC
// 6154 spells them (Cyrus 3.6: \drafts, \sent ...). Legal (atoms compare
// case-insensitively) but a client comparing bytes finds no Sent folder.
// The client shows attributes in their usual spelling, so this reads the
// raw LIST lines.
var detectSpecialUseCase = &Detector{
	ID: "special-use-lower-case", Title: "special-use attributes in another case than RFC 6154 spells them", Severity: SeverityQuirk,
	RFC:  "RFC 6154 2, RFC 9051 9 (flag names are case-insensitive)",
	Must: "compare mailbox attributes case-insensitively",
	Find: each(func(st *Step) (Finding, bool) {
		var odd []string
		for _, l := range serverLines(st) {
			for _, a := range listAttrs(l) {
				if canon := specialUseName(a); canon != "" && canon != a && !contains(odd, a) {
					odd = append(odd, a)
				}
			}
		}
		return Finding{Detail: "sent " + strings.Join(odd, " ")}, len(odd) > 0
	}, "special-use"),
}

// listAttrs returns the attributes of a raw "* LIST (...)" line.
func listAttrs(line string) []string {
	rest, ok := strings.CutPrefix(line, "* LIST (")
	if !ok {
		return nil
	}
	attrs, _, ok := strings.Cut(rest, ")")
	if !ok {
		return nil
	}
	return strings.Fields(attrs)
}

// specialUses are the RFC 6154 attributes as spelt there.
var specialUses = []string{`\All`, `\Archive`, `\Drafts`, `\Flagged`, `\Junk`, `\Sent`, `\Trash`}

// specialUseName returns the RFC spelling of a special-use attribute, or "".
func specialUseName(attr string) string {
	for _, s := range specialUses {
		if strings.EqualFold(s, attr) {
			return s
		}
	}
	return ""
}

// quoted shows a name in double quotes.
func quoted(s string) string { return `"` + s + `"` }
