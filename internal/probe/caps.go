package probe

import (
	"sort"
	"strings"
)

// rev2Includes lists the extensions IMAP4rev2 folds into the base
// protocol (RFC 9051 appendix E): a server announcing IMAP4rev2 offers
// them without naming them.
var rev2Includes = map[string]bool{
	"NAMESPACE": true, "UNSELECT": true, "UIDPLUS": true, "ESEARCH": true,
	"SEARCHRES": true, "ENABLE": true, "IDLE": true, "SASL-IR": true,
	"LIST-EXTENDED": true, "LIST-STATUS": true, "MOVE": true, "LITERAL-": true,
	"BINARY": true, "SPECIAL-USE": true, "STATUS=SIZE": true, "CHILDREN": true,
}

// announcedIn reports whether caps name ext (case-insensitively), or a
// form of it ("THREAD" matches THREAD=REFERENCES, "QUOTA" QUOTA=RES-*), or
// imply it through IMAP4rev2; via is "IMAP4rev2" then.
func announcedIn(caps []string, ext string) (ok bool, via string) {
	up := strings.ToUpper(ext)
	for _, c := range caps {
		cu := strings.ToUpper(c)
		if cu == up || strings.HasPrefix(cu, up+"=") {
			return true, ""
		}
	}
	if rev2Includes[up] && containsFold(caps, "IMAP4rev2") {
		return true, "IMAP4rev2"
	}
	return false, ""
}

// diffCaps lists what after has that before lacks, and the reverse,
// compared case-insensitively, each sorted.
func diffCaps(before, after []string) *CapChange {
	ch := &CapChange{Added: []string{}, Removed: []string{}}
	for _, c := range after {
		if !containsFold(before, c) {
			ch.Added = append(ch.Added, c)
		}
	}
	for _, c := range before {
		if !containsFold(after, c) {
			ch.Removed = append(ch.Removed, c)
		}
	}
	if len(ch.Added) == 0 && len(ch.Removed) == 0 {
		return nil
	}
	sort.Strings(ch.Added)
	sort.Strings(ch.Removed)
	return ch
}

// saslMechs lists the AUTH= mechanisms of caps, in the server's order.
func saslMechs(caps []string) []string {
	var out []string
	for _, c := range caps {
		if len(c) > 5 && strings.EqualFold(c[:5], "AUTH=") {
			out = append(out, c[5:])
		}
	}
	return out
}
