package completion_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/completion"
	"imapsh/internal/cmdline"
	"imapsh/repl"
)

// fakeSource is a session cache with fixed contents.
type fakeSource struct {
	state client.State
	caps  []string
}

func (f fakeSource) Caps() []string { return f.caps }
func (f fakeSource) Available(name string) bool {
	var caps client.CapSet
	if len(f.caps) > 0 {
		caps = client.NewCapSet(f.caps)
	}
	return repl.CommandAvailable(name, f.state, caps)
}
func (f fakeSource) Mailboxes() []string {
	return []string{"INBOX", "Sent", "Sent Items", "Archive/2024", "Ünïcødé", "Bad\x1b[2J\u202ename"}
}
func (f fakeSource) Flags() []string { return []string{`\Seen`, `\Flagged`, "$Important", `\*`} }
func (f fakeSource) Offers(kind cmdline.ArgKind, word string) bool {
	return repl.WordOffered(kind, word, f.capSet())
}
func (f fakeSource) capSet() client.CapSet {
	if len(f.caps) == 0 {
		return nil
	}
	return client.NewCapSet(f.caps)
}
func (f fakeSource) Variables() []string { return []string{"PASS"} }

var selected = fakeSource{state: client.StateSelected,
	caps: []string{"IMAP4rev1", "IDLE", "AUTH=PLAIN", "AUTH=SCRAM-SHA-256", "CONDSTORE", "UIDPLUS"}}

// Servers with other extensions, for the items completion offers.
var (
	rev2        = fakeSource{state: client.StateSelected, caps: []string{"IMAP4rev2"}}
	gmail       = fakeSource{state: client.StateSelected, caps: []string{"IMAP4rev1", "X-GM-EXT-1", "QRESYNC", "UIDPLUS"}}
	extensions  = fakeSource{state: client.StateSelected, caps: []string{"IMAP4rev1", "OBJECTID", "PREVIEW", "SAVEDATE"}}
	unknownCaps = fakeSource{state: client.StateSelected}
	extended    = fakeSource{state: client.StateSelected, caps: []string{"IMAP4rev1", "LIST-EXTENDED", "LIST-STATUS", "ESEARCH", "CONDSTORE", "QRESYNC"}}
)

func TestComplete(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"msg.eml", "msg2.eml", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, f), nil, 0o600)
	}
	os.Mkdir(filepath.Join(dir, "mail"), 0o700)
	notAuth := fakeSource{state: client.StateNotAuthenticated, caps: []string{"IMAP4rev1", "AUTH=PLAIN", "AUTH=SCRAM-SHA-256", "STARTTLS"}}
	tests := []struct {
		name    string
		src     completion.Source
		line    string
		want    []string
		wantLen int
	}{
		{"command lower", selected, "fet", []string{"ch "}, 3},
		{"command upper", selected, "FET", []string{"CH "}, 3},
		{"idle with IDLE", selected, "idl", []string{"e "}, 3},
		{"move needs MOVE", selected, "mov", nil, 3},
		{"getquotaroot needs QUOTA", selected, "getq", nil, 4},
		{"fetch needs selected", notAuth, "fet", nil, 3},
		{"login before auth", notAuth, "log", []string{"in ", "out "}, 3},
		{"login_cram_md5 needs AUTH=CRAM-MD5", notAuth, "login_", nil, 6},
		{"meta command", selected, `\tr`, []string{"ace "}, 3},
		{"uid second word", selected, "uid f", []string{"etch "}, 1},
		{"uid move hidden", selected, "uid mo", nil, 2},
		{"mailbox", selected, "select S", []string{"ent "}, 1},
		{"mailbox quoted", selected, `select "Sent I`, []string{`tems" `}, 7},
		// inside a quote every name is offered, those that need none too:
		// the quote Rewrite opens on "Sent" must not hide Sent itself
		{"mailbox quoted, names without blanks too", selected, `select "Sent`, []string{` Items" `, `" `}, 5},
		{"inbox quoted any case", selected, `select "inb`, []string{`ox" `}, 4},
		{"mailbox all", selected, "copy 1 ", []string{`"Sent Items" `, "Archive/2024 ", "INBOX ", "Sent ", "Ünïcødé "}, 0},
		{"inbox any case", selected, "select inb", []string{"ox "}, 3},
		{"flag", selected, `store 1 +flags \Se`, []string{"en "}, 3},
		{"flag typed case", selected, `store 1 +flags \seen $imp`, []string{"ortant "}, 4},
		{"store op", selected, `store 1:3 +fl`, []string{"ags ", "ags.silent "}, 3},
		{"fetch item in list", selected, `fetch 1 (UID BODY.P`, []string{"EEK[", "EEK[HEADER.FIELDS ", "EEK[HEADER] ", "EEK[TEXT] "}, 6},
		{"fetch item bare", selected, `fetch 1:5 env`, []string{"elope "}, 3},
		{"search key", selected, `search UNSEEN subj`, []string{"ect "}, 4},
		{"status item", selected, `status INBOX (MESS`, []string{"AGES "}, 4},
		{"mechanism", notAuth, `authenticate SC`, []string{"RAM-SHA-256 "}, 2},
		{"enable", selected, `id`, []string{"le "}, 2},
		{"one capital keeps the flag's case", selected, `store 1 +flags \S`, []string{"een "}, 2},
		{"enable offers ENABLE extensions only", selected, `enable `, []string{"CONDSTORE "}, 0},
		{"path after >", selected, "fetch 7 BODY[] > " + dir + "/ms", []string{"g.eml ", "g2.eml "}, len(dir) + 3},
		{"dir after <", selected, "append Archive < " + dir + "/ma", []string{"il/"}, len(dir) + 3},
		{"include path", selected, `\i ` + dir + "/no", []string{"tes.txt "}, len(dir) + 3},
		{"help topic", selected, "help fe", []string{"tch "}, 2},
		{"switch", selected, `\json o`, []string{"ff ", "n "}, 1},
		{"variable", selected, `\unset P`, []string{"ASS "}, 1},
		{"secret offers nothing", notAuth, `login alice `, nil, 0},
		{"MODSEQ with CONDSTORE", selected, `fetch 1 (UID MOD`, []string{"SEQ "}, 3},
		{"MODSEQ without CONDSTORE", rev2, `fetch 1 (UID MOD`, nil, 3},
		{"MODSEQ with QRESYNC", gmail, `fetch 1 mod`, []string{"seq "}, 3},
		{"BINARY without BINARY", selected, `fetch 1 (BIN`, nil, 3},
		{"BINARY in IMAP4rev2", rev2, `fetch 1 (BIN`, []string{"ARY.PEEK[", "ARY.SIZE[", "ARY["}, 3},
		{"EMAILID without OBJECTID", selected, `fetch 1 (EMA`, nil, 3},
		{"EMAILID with OBJECTID", extensions, `fetch 1 (EMA`, []string{"ILID "}, 3},
		{"X-GM-LABELS only on Gmail", selected, `fetch 1 (X-GM-L`, nil, 6},
		{"X-GM-LABELS on Gmail", gmail, `fetch 1 (X-GM-L`, []string{"ABELS "}, 6},
		{"PREVIEW with PREVIEW", extensions, `fetch 1 (PREV`, []string{"IEW "}, 4},
		{"SAVEDATE search keys", extensions, `search SAVED`, []string{"ATESUPPORTED ", "BEFORE ", "ON ", "SINCE "}, 5},
		{"SAVEDATE search keys need SAVEDATE", selected, `search SAVED`, nil, 5},
		{"search RETURN needs ESEARCH", selected, `search RET`, nil, 3},
		{"search RETURN in IMAP4rev2", rev2, `search RET`, []string{"URN "}, 3},
		{"search YOUNGER needs WITHIN", selected, `search YOU`, nil, 3},
		{"search X-GM-RAW on Gmail", gmail, `search X-GM-R`, []string{"AW "}, 6},
		{"status SIZE needs STATUS=SIZE", selected, `status INBOX (SI`, nil, 2},
		{"status SIZE in IMAP4rev2", rev2, `status INBOX (SI`, []string{"ZE "}, 2},
		{"status HIGHESTMODSEQ with CONDSTORE", selected, `status INBOX (HIGH`, []string{"ESTMODSEQ "}, 4},
		{"status MAILBOXID with OBJECTID", extensions, `status INBOX (MAILB`, []string{"OXID "}, 5},
		{"capabilities not known offer all", unknownCaps, `fetch 1 (MOD`, []string{"SEQ "}, 3},
		{"too many args", selected, `noop x`, nil, 1},
		// IMAP's own optional parts (RFC 7162, 5258, 4731): keywords, and
		// the words of a list once its "(" is typed
		{"select parameter", selected, `select INBOX (CON`, []string{"DSTORE "}, 3},
		{"select parameter bare", extended, `select INBOX q`, []string{"resync "}, 1},
		{"list selection", extended, `list (SUB`, []string{"SCRIBED "}, 3},
		{"list no selection words outside a group", selected, `list SUB`, nil, 3},
		{"list return keyword", extended, `list "" * RE`, []string{"TURN "}, 2},
		{"list RETURN needs LIST-EXTENDED", selected, `list "" * RE`, nil, 2},
		{"list return option", selected, `list "" * RETURN (STATUS (MESS`, []string{"AGES "}, 4},
		{"list pattern or return", extended, `list "" `, []string{`"Sent Items" `, "Archive/2024 ", "INBOX ", "RETURN ", "Sent ", "Ünïcødé "}, 0},
		{"search keyword", extended, `search RET`, []string{"URN "}, 3},
		{"search charset keyword", selected, `search cha`, []string{"rset "}, 3},
		{"search return option", extended, `search RETURN (MIN CO`, []string{"UNT "}, 2},
		{"search SAVE needs SEARCHRES", extended, `search RETURN (SA`, nil, 2},
		{"select QRESYNC needs QRESYNC", selected, `select INBOX (QR`, nil, 2},
		{"search charset value", selected, `search CHARSET U`, []string{"S-ASCII ", "TF-8 "}, 1},
		{"search key after return", selected, `search RETURN (COUNT) UNS`, []string{"EEN "}, 3},
		{"sort order after return", selected, `sort RETURN (COUNT) `, []string{"(ARRIVAL) ", "(CC) ", "(DATE) ", "(FROM) ",
			"(REVERSE DATE) ", "(SIZE) ", "(SUBJECT) ", "(TO) "}, 0},
		{"sort charset", selected, `sort (DATE) U`, []string{"S-ASCII ", "TF-8 "}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := repl.NewCompleter(tt.src)
			line := []rune(tt.line)
			got, n := c.Do(line, len(line))
			var gotS []string
			for _, g := range got {
				gotS = append(gotS, string(g))
			}
			if !reflect.DeepEqual(gotS, tt.want) || n != tt.wantLen {
				t.Errorf("Do(%q) = %q, %d; want %q, %d", tt.line, gotS, n, tt.want, tt.wantLen)
			}
		})
	}
}

func TestCompleteMidLine(t *testing.T) {
	c := repl.NewCompleter(selected)
	line := []rune("fet 1:5")
	got, n := c.Do(line, 3)
	if len(got) != 1 || string(got[0]) != "ch " || n != 3 {
		t.Errorf("Do at 3 = %q, %d", got, n)
	}
	if got, _ := c.Do(line, 99); got != nil {
		t.Errorf("pos out of range gave %q", got)
	}
}

// TestCompletionDropsUnsafeNames: a mailbox name with control or bidi
// characters (from a hostile server) is never offered, so readline never
// echoes it to the terminal.
func TestCompletionDropsUnsafeNames(t *testing.T) {
	c := repl.NewCompleter(selected)
	for _, line := range []string{"select B", "select "} {
		got, _ := c.Do([]rune(line), len([]rune(line)))
		for _, g := range got {
			if strings.ContainsAny(string(g), "\x1b\u202e") {
				t.Errorf("%q offers %q", line, string(g))
			}
		}
	}
}

// listingSource is a session whose LIST answer changes: each list is a
// new slice, as the session caches it.
type listingSource struct {
	fakeSource
	names *[]string
}

func (l listingSource) Mailboxes() []string { return *l.names }

// TestMailboxCandidatesFollowList: the mailbox candidates made for one
// LIST are kept for the next Tabs and made again after another LIST.
func TestMailboxCandidatesFollowList(t *testing.T) {
	names := []string{"Drafts", "Sent"}
	c := repl.NewCompleter(listingSource{selected, &names})
	complete := func() string {
		got, _ := c.Do([]rune("select "), 7)
		var out []string
		for _, g := range got {
			out = append(out, string(g))
		}
		return strings.Join(out, "|")
	}
	if got := complete(); got != "Drafts |Sent " {
		t.Fatalf("first list: %q", got)
	}
	if got := complete(); got != "Drafts |Sent " {
		t.Fatalf("the same list again: %q", got)
	}
	names = []string{"Archive", "Sent Items", "Drafts"}
	if got := complete(); got != `"Sent Items" |Archive |Drafts ` {
		t.Fatalf("after a new LIST: %q", got)
	}
	names = nil
	if got := complete(); got != "" {
		t.Fatalf("after an empty LIST: %q", got)
	}
}
