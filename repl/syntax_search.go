package repl

import (
	"errors"
	"strings"

	"imapsh/client"
)

// searchHinted adds a hint to a SEARCH or SORT the client refused for a
// RETURN option the server does not announce.
func searchHinted(err error) error {
	var ce *client.CapabilityError
	if !errors.As(err, &ce) {
		return err
	}
	switch cp, _, _ := strings.Cut(ce.Cap, "|"); client.Cap(cp) {
	case client.CapESearch:
		return &hintedError{err, "this server has no ESEARCH (RFC 4731): leave out RETURN (...) for a plain SEARCH answer"}
	case client.CapESort:
		return &hintedError{err, "this server has no ESORT (RFC 5267): leave out RETURN (...) for a plain SORT answer"}
	case client.CapPartial:
		return &hintedError{err, "this server has no PARTIAL (RFC 9394): RETURN (MIN MAX COUNT) or (ALL) instead"}
	}
	return err
}

// searchHelp shows the forms of search and uid search (pre is "uid " or
// ""): RETURN of ESEARCH (RFC 4731) and PARTIAL (RFC 9394), CHARSET, and
// search keys as IMAP writes them.
func searchHelp(pre string) string {
	return pre + `search UNSEEN FROM alice
` + pre + `search SUBJECT "hello world" SINCE 1-Mar-2024
` + pre + `search OR (FROM alice SUBJECT report) NOT (SEEN)    keys nest as in IMAP
` + pre + `search HEADER X-Spam-Flag YES LARGER 100000
` + pre + `search SUBJECT Grüße    non-ASCII words go as strings (literals), with CHARSET UTF-8
                        unless one is typed: ` + pre + `search CHARSET ISO-8859-1 ...;
                        after enable UTF8=ACCEPT no CHARSET is sent or allowed (RFC 6855)
` + pre + `search RETURN (MIN MAX COUNT) ALL    ESEARCH (RFC 4731): compact results
` + pre + `search RETURN () FLAGGED             ESEARCH with ALL
` + pre + `search RETURN (PARTIAL -1:-50) ALL   the last 50 (RFC 9394, where PARTIAL is announced)
` + pre + `search RETURN (SAVE) FLAGGED         kept as $ for later commands (RFC 5182 SEARCHRES)
RETURN comes first, then CHARSET, then the keys (RFC 9051 section 6.4.4).`
}

// sortHelp shows the forms of sort and uid sort (RFC 5256; ESORT of RFC
// 5267 for RETURN).
func sortHelp(pre string) string {
	return pre + `sort (REVERSE DATE) UTF-8 ALL
` + pre + `sort (FROM SUBJECT) UTF-8 SINCE 1-Mar-2024 UNSEEN
` + pre + `sort RETURN (COUNT ALL) (REVERSE ARRIVAL) UTF-8 ALL   ESORT (RFC 5267): in sort order
` + pre + `sort RETURN (PARTIAL 1:20) (REVERSE DATE) UTF-8 ALL  the first 20 (RFC 9394)`
}
