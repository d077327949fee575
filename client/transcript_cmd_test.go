package client_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-sasl"

	"imapsh/client"
)

var bg = context.Background()

// selectInbox runs the SELECT INBOX most transcripts start with.
func selectInbox(t *testing.T, c *client.Client) *client.Result {
	t.Helper()
	return must(t)(c.Select(bg, "INBOX", client.SelectOptions{}))
}

// commandCases has one case per client command (transcript cmd_*.txt).
var commandCases = map[string]transcriptCase{
	"cmd_capability": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.Capability(bg))
		eqStrings(t, "caps", only[*client.CapabilityData](t, res).Caps, "IMAP4rev1", "LITERAL+", "IDLE", "AUTH=PLAIN")
		eqStrings(t, "Caps()", c.Caps(), "IMAP4rev1", "LITERAL+", "IDLE", "AUTH=PLAIN")
		eq(t, "HasCap(idle)", c.HasCap("idle"), true)
	},
	"cmd_noop": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.Noop(bg))
		eq(t, "EXISTS count", res.Count("exists"), 1)
		eq(t, "RECENT", client.Of[*client.NumberData](res)[1].N, uint32(1))
		eq(t, "state", c.State(), client.StateAuthenticated)
	},
	"cmd_logout": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.Logout(bg))
		eq(t, "BYE text", only[*client.StatusResponse](t, res).Text, "see you")
		eq(t, "state", c.State(), client.StateLogout)
		if _, err := c.Noop(bg); err == nil {
			t.Error("NOOP after LOGOUT succeeded")
		}
	},
	"cmd_login": func(t *testing.T, c *client.Client, trace *lockedBuffer) {
		eq(t, "greeting caps", c.HasCap("AUTH=PLAIN"), true)
		must(t)(c.Login(bg, "alice", `pa"ss wo\rd`))
		eq(t, "state", c.State(), client.StateAuthenticated)
		eq(t, "caps from the OK", c.HasCap("MOVE"), true)
		eq(t, "old caps dropped", c.HasCap("AUTH=PLAIN"), false)
		if !strings.Contains(trace.String(), "C: A1 LOGIN alice ***\n") || strings.Contains(trace.String(), "pa") {
			t.Errorf("trace shows the password:\n%s", trace)
		}
	},
	"cmd_login_utf8": func(t *testing.T, c *client.Client, trace *lockedBuffer) {
		must(t)(c.Login(bg, "alice", "pässwort"))
		if strings.Contains(trace.String(), "pässwort") {
			t.Errorf("trace shows the password:\n%s", trace)
		}
		eq(t, "caps asked again after login", c.HasCap("IDLE"), true)
	},
	"cmd_authenticate_plain_ir": func(t *testing.T, c *client.Client, trace *lockedBuffer) {
		must(t)(c.Authenticate(bg, sasl.NewPlainClient("", "alice", "secret")))
		eq(t, "state", c.State(), client.StateAuthenticated)
		eq(t, "caps from the OK", c.HasCap("IDLE"), true)
		if strings.Contains(trace.String(), "AGFsaWNl") {
			t.Errorf("trace shows the SASL response:\n%s", trace)
		}
	},
	"cmd_authenticate_plain": func(t *testing.T, c *client.Client, trace *lockedBuffer) {
		must(t)(c.Authenticate(bg, sasl.NewPlainClient("", "alice", "secret")))
		eq(t, "state", c.State(), client.StateAuthenticated)
		if strings.Contains(trace.String(), "AGFsaWNl") {
			t.Errorf("trace shows the SASL response:\n%s", trace)
		}
	},
	"cmd_authenticate_cram_md5": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.LoginCRAMMD5(bg, "tim", "tanstaaftanstaaf"))
	},
	"cmd_authenticate_login": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		mech, err := client.NewMechanism("LOGIN", client.Credentials{User: "alice", Password: "secret"})
		if err != nil {
			t.Fatal(err)
		}
		must(t)(c.Authenticate(bg, mech))
	},
	"cmd_authenticate_cancel": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res, err := c.LoginCRAMMD5(bg, "tim", "x")
		if err == nil || !strings.Contains(err.Error(), "cancelled") {
			t.Fatalf("err %v, want a cancelled AUTHENTICATE", err)
		}
		eq(t, "status", res.Status.Status, "BAD")
		eq(t, "state", c.State(), client.StateNotAuthenticated)
	},
	"cmd_authenticate_empty_ir": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Authenticate(bg, sasl.NewExternalClient("")))
	},
	"cmd_select_condstore": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Select(bg, "INBOX", client.SelectOptions{CondStore: true}))
		m := c.Mailbox()
		eq(t, "state", c.State(), client.StateSelected)
		eq(t, "Exists", m.Exists, uint32(172))
		eq(t, "Recent", m.Recent, uint32(1))
		eq(t, "Unseen", m.Unseen, uint32(12))
		eq(t, "UIDValidity", m.UIDValidity, uint32(3857529045))
		eq(t, "UIDNext", m.UIDNext, uint32(4392))
		eq(t, "HighestModSeq", m.HighestModSeq, uint64(715194045007))
		eq(t, "ReadOnly", m.ReadOnly, false)
		eqStrings(t, "Flags", m.Flags, `\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`)
		eqStrings(t, "PermanentFlags", m.PermanentFlags, `\Deleted`, `\Seen`, `\*`)
	},
	"cmd_examine": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Select(bg, "Ärger & Co", client.SelectOptions{ReadOnly: true}))
		m := c.Mailbox()
		eq(t, "Name", m.Name, "Ärger & Co")
		eq(t, "ReadOnly", m.ReadOnly, true)
		eq(t, "Exists", m.Exists, uint32(2))
	},
	"cmd_create": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Create(bg, "Sent", `\Sent`))
		_, err := c.Create(bg, "Lab/Ünïcødé/日本語")
		serverError(t, err, "NO", "ALREADYEXISTS")
	},
	"cmd_delete": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Delete(bg, "old stuff"))
	},
	"cmd_rename": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Rename(bg, "Drafts", "Ärger & Co"))
	},
	"cmd_subscribe": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Subscribe(bg, "INBOX.Lists"))
	},
	"cmd_unsubscribe": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Unsubscribe(bg, "INBOX.Lists"))
	},
	"cmd_list": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.List(bg, "", "*", client.ListOptions{}))
		l := client.Of[*client.ListData](res)
		if len(l) != 4 {
			t.Fatalf("%d LIST responses", len(l))
		}
		eq(t, "name", l[2].Mailbox, "Lab/Ünïcødé/日本語")
		eq(t, "raw", l[2].Raw, "Lab/&ANw-n&AO8-c&APg-d&AOk-/&ZeVnLIqe-")
		eq(t, "delim", l[0].Delim, "/")
		eq(t, "NIL delim", l[3].Delim, "")
		eqStrings(t, "attrs", l[1].Attrs, `\HasChildren`, `\Noselect`)
	},
	"cmd_list_extended": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.List(bg, "", "%", client.ListOptions{Select: "SUBSCRIBED RECURSIVEMATCH", Return: "CHILDREN"}))
		l := client.Of[*client.ListData](res)
		eq(t, "extended", len(l[0].Extended), 2)
		eq(t, "CHILDINFO", l[0].Extended[0].AsString(), "CHILDINFO")
		eq(t, "CHILDINFO value", l[0].Extended[1].String(), `("SUBSCRIBED")`)
		eqStrings(t, "attrs", l[1].Attrs, `\Subscribed`, `\NonExistent`)
	},
	"cmd_list_status": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.List(bg, "", "%", client.ListOptions{Return: "STATUS (MESSAGES UNSEEN)"}))
		st := only[*client.StatusData](t, res)
		n, _ := st.Get("unseen")
		eq(t, "mailbox", st.Mailbox, "INBOX")
		eq(t, "UNSEEN", n, uint64(16))
		eq(t, "LIST count", res.Count("LIST"), 2)
	},
	"cmd_lsub": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.Lsub(bg, "", "%"))
		l := only[*client.ListData](t, res)
		eq(t, "kind", l.Kind(), "LSUB")
		eq(t, "name", l.Mailbox, "INBOX.Lists")
	},
	"cmd_status": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.Status(bg, "INBOX", []string{"MESSAGES", "UIDNEXT", "UNSEEN", "HIGHESTMODSEQ"}))
		st := only[*client.StatusData](t, res)
		for name, want := range map[string]uint64{"MESSAGES": 231, "UIDNEXT": 44292, "UNSEEN": 3, "HIGHESTMODSEQ": 7011231777} {
			got, ok := st.Get(name)
			if !ok || got != want {
				t.Errorf("%s = %d %v, want %d", name, got, ok, want)
			}
		}
	},
	"cmd_namespace": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		ns := only[*client.NamespaceData](t, must(t)(c.Namespace(bg)))
		if len(ns.Personal) != 1 || ns.Personal[0].Prefix != "" || ns.Personal[0].Delim != "/" {
			t.Errorf("personal %+v", ns.Personal)
		}
		if len(ns.Other) != 1 || ns.Other[0].Prefix != "~" || len(ns.Other[0].Ext) != 2 {
			t.Errorf("other %+v", ns.Other)
		}
		eq(t, "shared", len(ns.Shared), 0)
	},
	"cmd_unselect": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		must(t)(c.Unselect(bg))
		eq(t, "state", c.State(), client.StateAuthenticated)
		if c.Mailbox() != nil {
			t.Error("mailbox kept after UNSELECT")
		}
	},
	"cmd_acl": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		acl := only[*client.ACLData](t, must(t)(c.GetACL(bg, "INBOX")))
		if len(acl.Entries) != 2 || acl.Entries[1] != (client.ACLEntry{Identifier: "bob smith", Rights: "lr"}) {
			t.Errorf("ACL %+v", acl)
		}
		must(t)(c.SetACL(bg, "INBOX", "bob", "+lrs"))
		must(t)(c.DeleteACL(bg, "INBOX", "bob"))
		lr := only[*client.ListRightsData](t, must(t)(c.ListRights(bg, "INBOX", "bob")))
		eq(t, "required", lr.Required, "")
		eq(t, "optional", len(lr.Optional), 23)
		mr := only[*client.MyRightsData](t, must(t)(c.MyRights(bg, "INBOX")))
		eq(t, "myrights", mr.Rights, "rwiptsldaex")
	},
	"cmd_quota": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.GetQuotaRoot(bg, "INBOX"))
		eqStrings(t, "roots", only[*client.QuotaRootData](t, res).Roots, "", "user.alice")
		eq(t, "quota", only[*client.QuotaData](t, res).Resources[0], client.QuotaResource{Name: "STORAGE", Usage: 10, Limit: 512})
		q := only[*client.QuotaData](t, must(t)(c.GetQuota(bg, "")))
		eq(t, "resources", len(q.Resources), 2)
		eq(t, "message limit", q.Resources[1].Limit, uint64(100))
		must(t)(c.SetQuota(bg, "user.alice", []client.QuotaResource{{Name: "STORAGE", Limit: 1048576}, {Name: "MESSAGE", Limit: 500}}))
	},
	"cmd_metadata": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.GetMetadata(bg, "INBOX", []string{"/private/comment", "/shared/comment"}, "MAXSIZE 1024"))
		m := only[*client.MetadataData](t, res)
		if len(m.Entries) != 2 || *m.Entries[0].Value != "My comment" || *m.Entries[1].Value != "two\r\nlines" {
			t.Errorf("metadata %+v", m)
		}
		v := "multi\r\nline"
		must(t)(c.SetMetadata(bg, "INBOX", []client.MetadataEntry{{Name: "/private/comment"}, {Name: "/shared/comment", Value: &v}}))
	},
	"cmd_annotation": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		a := only[*client.AnnotationData](t, must(t)(c.GetAnnotation(bg, "INBOX", "/comment", "value.shared")))
		eq(t, "entry", a.Entry, "/comment")
		eq(t, "value", *a.Attributes[0].Value, "Just a comment")
		v := "new one"
		must(t)(c.SetAnnotation(bg, "INBOX", "/comment", []client.MetadataEntry{{Name: "value.shared", Value: &v}}))
	},
	"cmd_check": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		if _, err := c.Check(bg); err == nil {
			t.Fatal("CHECK allowed without a selected mailbox")
		}
		selectInbox(t, c)
		must(t)(c.Check(bg))
	},
	"cmd_close": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		must(t)(c.CloseMailbox(bg))
		eq(t, "state", c.State(), client.StateAuthenticated)
	},
	"cmd_expunge": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		res := must(t)(c.Expunge(bg, ""))
		eq(t, "EXPUNGE count", res.Count("EXPUNGE"), 2)
		eq(t, "Exists", c.Mailbox().Exists, uint32(8))
		must(t)(c.Expunge(bg, "3000:3002,4000"))
		eq(t, "Exists", c.Mailbox().Exists, uint32(7))
		if _, err := c.Expunge(bg, "1\r\nA9 LOGOUT"); err == nil {
			t.Error("a bad UID set was sent")
		}
	},
	"cmd_search": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		s := only[*client.SearchData](t, must(t)(c.Search(bg, `SUBJECT "Grüße" FROM "bob smith"`, client.SearchOptions{Charset: "UTF-8"})))
		eq(t, "nums", len(s.Nums), 3)
		eq(t, "third", s.Nums[2], uint32(882))
		s = only[*client.SearchData](t, must(t)(c.Search(bg, "MODSEQ 620162338", client.SearchOptions{UID: true})))
		eq(t, "modseq", s.ModSeq, uint64(917162500))
		eq(t, "uids", len(s.Nums), 2)
		s = only[*client.SearchData](t, must(t)(c.Search(bg, "UNSEEN", client.SearchOptions{})))
		eq(t, "empty", len(s.Nums), 0)
	},
	"cmd_esearch": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		e := only[*client.ESearchData](t, must(t)(c.Search(bg, "UNSEEN", client.SearchOptions{UID: true, Return: "MIN MAX COUNT ALL"})))
		eq(t, "tag", e.Tag, "A2")
		eq(t, "uid", e.UID, true)
		eq(t, "min", *e.Min, uint32(7))
		eq(t, "max", *e.Max, uint32(3800))
		eq(t, "count", *e.Count, uint32(15))
		eq(t, "all", e.All.String(), "7,11:13,3800")
		eq(t, "ranges", len(e.All), 3)
	},
	"cmd_fetch": testFetchAll,
	"cmd_fetch_condstore": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		res := must(t)(c.Fetch(bg, "1:*", "(FLAGS)", client.FetchOptions{UID: true, ChangedSince: 12345, Vanished: true}))
		v := only[*client.VanishedData](t, res)
		eq(t, "earlier", v.Earlier, true)
		eq(t, "uids", v.UIDs.String(), "300:310,405,411")
		eq(t, "Exists unchanged by EARLIER", c.Mailbox().Exists, uint32(10))
		f := only[*client.FetchData](t, res)
		eq(t, "modseq", f.ModSeq, uint64(65402))
		eq(t, "uid", f.UID, uint32(404))
	},
	"cmd_fetch_sink": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		var text strings.Builder
		var asked []string
		var sizes []int64
		sink := func(seq uint32, section string, size int64) interface{ Write([]byte) (int, error) } {
			asked = append(asked, section)
			sizes = append(sizes, size)
			if section == "TEXT" {
				return &text
			}
			return nil // kept in memory
		}
		res := must(t)(c.Fetch(bg, "1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY.PEEK[TEXT]<0.10>)", client.FetchOptions{Sink: sink}))
		f := only[*client.FetchData](t, res)
		eqStrings(t, "sections asked", asked, "HEADER.FIELDS (SUBJECT)", "TEXT")
		eq(t, "announced sizes", fmt.Sprint(sizes), "[15 10]")
		eq(t, "streamed", text.String(), "0123456789")
		eq(t, "streamed count", f.Sections[1].Streamed, int64(10))
		eq(t, "streamed not kept", f.Sections[1].Data == nil, true)
		eq(t, "origin", *f.Sections[1].Origin, uint32(0))
		eq(t, "in memory", string(f.Sections[0].Data), "Subject: Hi\r\n\r\n")
	},
	"cmd_fetch_each": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		var uids []uint32
		res := must(t)(c.Fetch(bg, "1:3", "(UID)", client.FetchOptions{Each: func(f *client.FetchData) { uids = append(uids, f.UID) }}))
		eq(t, "seen", len(uids), 3)
		eq(t, "third", uids[2], uint32(13))
		eq(t, "kept FETCH", res.Count("FETCH"), 0)
		eq(t, "kept EXISTS", res.Count("EXISTS"), 1)
	},
	"cmd_store": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		res := must(t)(c.Store(bg, "1:5", "+FLAGS.SILENT", `(\Deleted)`, client.StoreOptions{UnchangedSince: 320162338}))
		eq(t, "code", res.Status.Code.Name, "MODIFIED")
		eq(t, "modified", res.Status.Code.Args[0].AsString(), "2,7:9")
		eq(t, "modseq", only[*client.FetchData](t, res).ModSeq, uint64(320162350))
		f := only[*client.FetchData](t, must(t)(c.Store(bg, "101", "FLAGS", `\Seen`, client.StoreOptions{UID: true})))
		eqStrings(t, "flags", f.Flags, `\Seen`)
	},
	"cmd_copy": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		res := must(t)(c.Copy(bg, "304,319:320", "Saved Mail", true))
		eq(t, "COPYUID", res.Status.Code.Name, "COPYUID")
		eqStrings(t, "COPYUID data", res.Status.Code.Strings(), "38505", "304,319:320", "3956:3958")
		_, err := c.Copy(bg, "2", "nowhere", false)
		serverError(t, err, "NO", "TRYCREATE")
	},
	"cmd_move": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		res := must(t)(c.Move(bg, "42:44", "Archive", true))
		ok := only[*client.StatusResponse](t, res)
		eq(t, "COPYUID", ok.Code.Name, "COPYUID")
		eq(t, "Exists", c.Mailbox().Exists, uint32(2))
	},
	"cmd_sort": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		s := only[*client.SearchData](t, must(t)(c.Sort(bg, "REVERSE DATE", "UTF-8", "ALL", true)))
		eq(t, "kind", s.Kind(), "SORT")
		eq(t, "order", client.Compact(s.Nums).String(), "5,3:4,1:2")
	},
	"cmd_thread": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		th := only[*client.ThreadData](t, must(t)(c.Thread(bg, "REFERENCES", "UTF-8", "ALL", false)))
		eq(t, "forest", threadString(th.Threads), "[2] [3 [6 [4 [23]] [44 [7 [96]]]]] [0 [11] [12]]")
	},
	"cmd_partial": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		selectInbox(t, c)
		f := only[*client.FetchData](t, must(t)(c.Partial(bg, 1, "BODY[TEXT]", 0, 5)))
		eq(t, "data", string(f.Sections[0].Data), "Hello")
	},
	"cmd_append": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		date := time.Date(1996, 7, 17, 2, 44, 25, 0, time.FixedZone("", -7*3600))
		res := must(t)(c.Append(bg, "Drafts", client.AppendMessage{Flags: []string{`\Seen`, `\Draft`}, Date: date, Body: strings.NewReader("Subject: hi"), Size: 11}))
		eqStrings(t, "APPENDUID", res.Status.Code.Strings(), "38505", "3955")
	},
	"cmd_append_literal_plus": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.Append(bg, "INBOX", client.AppendMessage{Body: strings.NewReader("hello"), Size: 5}))
	},
	"cmd_multiappend": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.Append(bg, "INBOX",
			client.AppendMessage{Flags: []string{`\Seen`}, Body: strings.NewReader("one"), Size: 3},
			client.AppendMessage{Body: strings.NewReader("two"), Size: 3}))
		eqStrings(t, "APPENDUID", res.Status.Code.Strings(), "7", "20:21")
	},
	"cmd_append_no": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		_, err := c.Append(bg, "Full", client.AppendMessage{Body: strings.NewReader("never"), Size: 5})
		serverError(t, err, "NO", "OVERQUOTA")
		must(t)(c.Noop(bg))
	},
	"cmd_recent": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		var se *client.StateError
		if _, err := c.Recent(bg); !errors.As(err, &se) {
			t.Fatalf("Recent without a mailbox: %v, want a *StateError", err)
		}
		must(t)(c.Select(bg, "INBOX", client.SelectOptions{}))
		got, err := c.Recent(bg)
		if err != nil || len(got) != 1 || got[0].(*client.NumberData).N != 2 {
			t.Fatalf("Recent = %v, %v", got, err)
		}
	},
	"cmd_responses": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.Noop(bg))
		eq(t, "caps from an untagged OK", c.HasCap("IMAP4rev1"), true)
		eq(t, "untagged OK kept", only[*client.StatusResponse](t, res).Text, "hello")
		res, err := c.Noop(bg) // A9 is no command's tag: flagged, kept, A2 still completes
		var ute *client.UnknownTagError
		if !errors.As(err, &ute) || ute.Response.Tag != "A9" || !res.OK() {
			t.Fatalf("stray tag: err %v, status %+v", err, res.Status)
		}
		alerts := c.Codes("alert")
		eq(t, "ALERT codes (greeting and A1)", len(alerts), 2)
		eq(t, "forgotten", len(c.Codes("ALERT")), 0)
		kept := c.Responses("OK") // like imaplib: every untagged OK, and the stray tagged one
		if len(kept) != 2 || kept[0].(*client.StatusResponse).Text != "hello" || kept[1].(*client.StatusResponse).Tag != "A9" {
			t.Errorf("stored responses %v", kept)
		}
		eq(t, "Responses forgets", len(c.Responses("")), 0)
	},
	"cmd_idle": func(t *testing.T, c *client.Client, trace *lockedBuffer) {
		selectInbox(t, c)
		ctx, cancel := context.WithCancel(bg)
		defer cancel()
		var kinds []string
		res := must(t)(c.Idle(ctx, func(r client.Response) {
			kinds = append(kinds, r.Kind())
			if len(kinds) == 3 {
				cancel()
			}
		}))
		eqStrings(t, "updates", kinds, "EXISTS", "EXPUNGE", "OK")
		eq(t, "Exists", c.Mailbox().Exists, uint32(3))
		eq(t, "kept", len(res.Responses), 0)
		if !strings.Contains(trace.String(), "C: DONE\n") {
			t.Errorf("trace lacks DONE:\n%s", trace)
		}
	},
	"cmd_enable": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		res := must(t)(c.Enable(bg, "CONDSTORE", "UTF8=ACCEPT"))
		eqStrings(t, "ENABLED", only[*client.EnabledData](t, res).Caps, "CONDSTORE", "UTF8=ACCEPT")
		eq(t, "Enabled", c.Enabled("utf8=accept"), true)
		must(t)(c.Select(bg, "Ärger", client.SelectOptions{}))
	},
	"cmd_id": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		v := "imapsh"
		id := only[*client.IDData](t, must(t)(c.ID(bg, []client.MetadataEntry{{Name: "name", Value: &v}, {Name: "version"}})))
		if len(id.Params) != 2 || *id.Params[0].Value != "Dovecot" || id.Params[1].Value != nil {
			t.Errorf("ID %+v", id.Params)
		}
		id = only[*client.IDData](t, must(t)(c.ID(bg, nil)))
		eq(t, "NIL params", id.Params == nil, true)
	},
	"cmd_xatom": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		g := only[*client.GenericData](t, must(t)(c.Xatom(bg, "XFOO", `bar (baz) "é"`)))
		eq(t, "fields", len(g.Fields), 2)
		eq(t, "list", g.Fields[1].String(), `(a "b")`)
		if _, err := c.Xatom(bg, "NOOP\r\nA9 DELETE INBOX", ""); err == nil {
			t.Error("a command name with CRLF was sent")
		}
	},
	"cmd_proxyauth": func(t *testing.T, c *client.Client, _ *lockedBuffer) {
		must(t)(c.ProxyAuth(bg, "bob"))
	},
}

// threadString shows a thread forest as nested [num children...].
func threadString(nodes []*client.ThreadNode) string {
	var parts []string
	for _, n := range nodes {
		s := "[" + itoa(n.Num)
		if len(n.Children) > 0 {
			s += " " + threadString(n.Children)
		}
		parts = append(parts, s+"]")
	}
	return strings.Join(parts, " ")
}

func itoa(n uint32) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func testFetchAll(t *testing.T, c *client.Client, _ *lockedBuffer) {
	selectInbox(t, c)
	res := must(t)(c.Fetch(bg, "1:*", "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)", client.FetchOptions{UID: true}))
	f := only[*client.FetchData](t, res)
	eq(t, "uid", f.UID, uint32(101))
	eqStrings(t, "flags", f.Flags, `\Seen`, "$Forwarded")
	eq(t, "internaldate", f.InternalDate.UTC().Format(time.RFC3339), "1996-07-17T09:44:25Z")
	eq(t, "size", f.Size, uint64(4286))
	e := f.Envelope
	eq(t, "subject", e.Subject, "IMAP4rev1 WG mtg summary and minutes")
	eq(t, "from", e.From[0], client.Address{Name: "Terry Gray", Mailbox: "gray", Host: "cac.washington.edu"})
	eq(t, "cc", len(e.Cc), 2)
	eq(t, "cc 2", e.Cc[1].Mailbox, "KLENSIN")
	eq(t, "bcc", len(e.Bcc), 0)
	eq(t, "message-id", e.MessageID, "<B27397-0100000@cac.washington.edu>")
	b := f.BodyStructure
	eq(t, "type", b.Type+"/"+b.Subtype, "multipart/mixed")
	eq(t, "parts", len(b.Parts), 2)
	eq(t, "boundary", b.Params[0], client.Param{Name: "boundary", Value: "xyz"})
	eq(t, "text lines", b.Parts[0].Lines, uint64(23))
	pdf := b.Parts[1]
	eq(t, "pdf", pdf.Type+"/"+pdf.Subtype, "application/pdf")
	eq(t, "disposition", pdf.Disposition, "attachment")
	eq(t, "filename", pdf.DispParams[0].Value, "x.pdf")
	eq(t, "size", pdf.Size, uint64(4554))
}
