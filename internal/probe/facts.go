package probe

import (
	"sort"
	"strings"

	"imapsh/client"
)

// facts is what earlier checks learnt that later ones need.
type facts struct {
	caps      func() []string   // the session's capability list now
	prefix    string            // personal namespace prefix: "" (Dovecot), "INBOX." (Cyrus)
	delim     string            // its hierarchy delimiter
	enabled   map[string]bool   // what ENABLE turned on
	mailboxes []string          // from LIST, in the server's order
	messages  map[string]uint32 // MESSAGES by mailbox, from STATUS and LIST-STATUS
	sample    string            // a mailbox with messages, for the message checks
	noSample  string            // why there is none, once looked for
	examined  string            // the mailbox the probe has EXAMINEd now, "" none
	scratch   []string          // mailboxes the write checks created
}

func newFacts() facts {
	return facts{enabled: map[string]bool{}, messages: map[string]uint32{}, caps: func() []string { return nil }}
}

// announced reports whether the session's capabilities name ext, or
// imply it (IMAP4rev2), and how.
func (f *facts) announced(ext string) (ok bool, via string) {
	return announcedIn(f.caps(), ext)
}

// announcedAny reports whether any of exts is announced.
func (f *facts) announcedAny(exts []string) bool {
	for _, e := range exts {
		if ok, _ := f.announced(e); ok {
			return true
		}
	}
	return false
}

// enabledList is what ENABLE turned on, sorted.
func (f *facts) enabledList() []string {
	var out []string
	for c := range f.enabled {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// utf8 reports whether UTF8=ACCEPT is on (names are then sent as UTF-8).
func (f *facts) utf8() bool { return f.enabled["UTF8=ACCEPT"] }

// learnList keeps the mailboxes and counts of a LIST (and LIST-STATUS).
func (f *facts) learnList(res *client.Result) {
	for _, l := range client.Of[*client.ListData](res) {
		if !l.HasAttr(`\Noselect`) && !l.HasAttr(`\NonExistent`) && !contains(f.mailboxes, l.Mailbox) {
			f.mailboxes = append(f.mailboxes, l.Mailbox)
		}
	}
	f.learnStatus(res)
}

// learnStatus keeps the MESSAGES counts of STATUS responses.
func (f *facts) learnStatus(res *client.Result) {
	for _, s := range client.Of[*client.StatusData](res) {
		if n, ok := s.Get("MESSAGES"); ok {
			f.messages[s.Mailbox] = uint32(n)
		}
	}
}

// contains reports whether list holds s (case-sensitively).
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
